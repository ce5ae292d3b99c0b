---- MODULE MCFixedWriteProtectorInductive ----
\* issue 13: IndInv for vm_page_try_remove_write (WriteProtector alone)
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
MCVariant == "Fixed"
====
