---- MODULE MCFixedRemoveLockAtomic ----
\* Model FixedRemoveLockAtomic: the roles of FixedRemoveUnmap, Variant "Fixed",
\* in the coarse view (LockAtomic = TRUE: a pmap critical section is one step, a
\* shootdown is instantaneous).
EXTENDS VmPage
CONSTANTS r, u, p1, c0
MCThreads == {r, u}
MCRole == (r :> "Remover") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == TRUE
MCVariant == "Fixed"
====
