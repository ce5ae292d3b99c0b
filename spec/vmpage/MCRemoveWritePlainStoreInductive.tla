---- MODULE MCRemoveWritePlainStoreInductive ----
\* issue 13: pmap_remove_write's plain store against IndInv
EXTENDS VmPageInd
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
MCVariant == "RemoveWritePlainStore"
====
