---- MODULE MCCheckThenSetBlocked ----
\* Model CheckThenSetBlocked (bug 2): try_blocked_op reads the wire count,
\* then atomic_set(BLOCKED) instead of one fcmpset.
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
