---- MODULE MCCheckThenSetBlockedFirst ----
\* Model CheckThenSetBlockedFirst: bug 2 with every invariant checked.
EXTENDS VmPage
CONSTANTS r, h, p1, c0
MCThreads == {r, h}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "CheckThenSetBlocked"
====
