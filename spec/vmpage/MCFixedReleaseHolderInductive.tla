---- MODULE MCFixedReleaseHolderInductive ----
\* issue 13: IndInv for vm_page_release(VPR_TRYFREE) against pmap_extract_and_hold
EXTENDS VmPageInd
CONSTANTS f, h, p1, c0
MCThreads == {f, h}
MCRole == (f :> "Faulter") @@ (h :> "PmapHolder")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
