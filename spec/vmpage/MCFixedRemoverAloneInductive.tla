---- MODULE MCFixedRemoverAloneInductive ----
\* Inductive check of VmPageInd's IndInv, Variant Fixed, on the roles of
\* MCRemoveAllInvalidateFirst: a Remover alone (vm_object_page_remove ->
\* pmap_remove_all, pmap_invalidate_page, free) against the MMU (page walks,
\* user writes); 1 pmap, 1 CPU, hardware granularity.  Init is every state
\* with TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageInd
CONSTANTS r, p1, c0
MCThreads == {r}
MCRole == (r :> "Remover")
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
