---- MODULE MCFixedWriteProtectWrites ----
\* Model FixedWriteProtectWrites: Variant "Fixed", the roles of
\* RemoveWritePlainStore (pmap_remove_write with atomic_cmpset, a CPU writing).
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
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
