---- MODULE MCFixedRemoveUnmap ----
\* Model FixedRemoveUnmap: Variant "Fixed". vm_object_page_remove (Remover) against
\* munmap (Unmapper: pmap_remove clears the PTE and the pv entry, then flushes the TLB:
\* a delayed-invalidation block) while a CPU writes through the mapping; one pmap.
\* pmap_remove_all's pmap_delayed_invl_wait keeps the free after the flush.
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
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
