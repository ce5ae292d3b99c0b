---- MODULE MCFixedRemoveRangeUnmap ----
\* Model FixedRemoveRangeUnmap: Variant "Fixed". vm_object_page_remove (Remover) against
\* a process's munmap of a VA range (RangeUnmapper) that maps the page in p1 or no longer
\* does: once pmap_remove_all has cleared the PTE, pmap_remove finds no valid PTE and
\* removes nothing (pmap.c 1f1b2286); one pmap, CPU c0 writing through the mapping.
EXTENDS VmPage
CONSTANTS r, u, p1, c0
MCThreads == {r, u}
MCRole == (r :> "Remover") @@ (u :> "RangeUnmapper")
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
