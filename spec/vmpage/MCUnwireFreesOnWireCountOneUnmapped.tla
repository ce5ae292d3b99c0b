---- MODULE MCUnwireFreesOnWireCountOneUnmapped ----
\* Model UnwireFreesOnWireCountOneUnmapped: bug 3 with the page never mapped.
\* free_prep strips OBJREF itself, so the freed page looks clean and
\* NoFreeWhileReferenced holds; what remains is the double free through
\* vm_object_terminate_pages (FreedOnce).
EXTENDS VmPage
CONSTANTS f, tm, p1, c0
MCThreads == {f, tm}
MCRole == (f :> "Faulter") @@ (tm :> "Terminator")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "UnwireFreesOnWireCountOne"
====
