---- MODULE MCFixedRemoveMapperInductive ----
\* issue 13: IndInv for vm_object_page_remove against vm_fault's pmap_enter
EXTENDS VmPageInd
CONSTANTS r, m, p1, c0
MCThreads == {r, m}
MCRole == (r :> "Remover") @@ (m :> "Mapper")
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
