---- MODULE MCUnwireFreesOnWireCountOneFirst ----
\* Model UnwireFreesOnWireCountOneFirst: bug 3 with every invariant checked.
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
