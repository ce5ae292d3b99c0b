---- MODULE MCUnwireFreesOnWireCountOneFirst ----
\* Model UnwireFreesOnWireCountOneFirst: bug 3 with every invariant checked.
EXTENDS VmPage
CONSTANTS f, tm, u, p1
MCThreads == {f, tm, u}
MCRole == (f :> "Faulter") @@ (tm :> "Terminator") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCVariant == "UnwireFreesOnWireCountOne"
====
