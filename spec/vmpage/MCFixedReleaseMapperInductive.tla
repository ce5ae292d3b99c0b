---- MODULE MCFixedReleaseMapperInductive ----
\* issue 13: IndInv for vm_page_release(VPR_TRYFREE) against vm_fault's pmap_enter
EXTENDS VmPageInd
CONSTANTS f, m, p1, c0
MCThreads == {f, m}
MCRole == (f :> "Faulter") @@ (m :> "Mapper")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
