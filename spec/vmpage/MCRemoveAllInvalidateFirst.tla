---- MODULE MCRemoveAllInvalidateFirst ----
\* Model RemoveAllInvalidateFirst: pmap_remove_all flushes the TLB
\* (pmap_invalidate_page) before pte_load_clear: a page walk between the two caches the
\* translation again, and it outlives the PTE (TlbCoherent).
EXTENDS VmPage
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
MCVariant == "RemoveAllInvalidateFirst"
====
