---- MODULE MCUnwireFreesOnWireCountOne ----
\* Model UnwireFreesOnWireCountOne (bug 3): vm_page_unwire frees when
\* WIRE_COUNT(old) == 1 instead of old == 1; Faulter (unwirer), Terminator, and an Unmapper; the page is mapped at first.
EXTENDS VmPage
CONSTANTS f, tm, u, p1, c0
MCThreads == {f, tm, u}
MCRole == (f :> "Faulter") @@ (tm :> "Terminator") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "UnwireFreesOnWireCountOne"
====
