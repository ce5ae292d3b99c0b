---- MODULE MCNoDelayedInvlWaitLockAtomic ----
\* Model NoDelayedInvlWaitLockAtomic: NoDelayedInvlWait in the coarse view
\* (LockAtomic: pmap_remove's critical section, flush included, is one step). The
\* missing wait is invisible: it passes.
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
MCVariant == "NoDelayedInvlWait"
====
