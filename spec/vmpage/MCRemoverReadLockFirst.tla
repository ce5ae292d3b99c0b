---- MODULE MCRemoverReadLockFirst ----
\* Model RemoverReadLockFirst: bug 6 with every invariant checked.
EXTENDS VmPage
CONSTANTS r, f, p1
MCThreads == {r, f}
MCRole == (r :> "Remover") @@ (f :> "Faulter")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCVariant == "RemoverReadLock"
====
