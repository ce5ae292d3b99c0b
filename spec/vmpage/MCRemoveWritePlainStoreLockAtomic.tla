---- MODULE MCRemoveWritePlainStoreLockAtomic ----
\* Model RemoveWritePlainStoreLockAtomic: RemoveWritePlainStore in the coarse
\* view: the load and the store are one step with the PTE, so the lost PG_M is
\* invisible: it passes.
EXTENDS VmPage
CONSTANTS w, p1, c0
MCThreads == {w}
MCRole == (w :> "WriteProtector")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == TRUE
MCVariant == "RemoveWritePlainStore"
====
