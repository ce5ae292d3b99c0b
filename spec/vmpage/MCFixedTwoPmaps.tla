---- MODULE MCFixedTwoPmaps ----
\* Model FixedTwoPmaps: Variant "Fixed", two pmaps mapping the page.  The pv-list
\* walks of vm_object_page_remove (Remover: pmap_remove_all) and
\* vm_page_try_remove_write (WriteProtector: pmap_remove_write) visit both pmaps,
\* against munmap of either (Unmapper);
\* one CPU.  Added for issue 11: every other default model has one pmap, where
\* pmap index 0 hides a wrong pv-list or PTE bit (1 << p = 1 >> p for p = 0).
EXTENDS VmPage
CONSTANTS r, w, u, p1, p2, c0
MCThreads == {r, w, u}
MCRole == (r :> "Remover") @@ (w :> "WriteProtector") @@ (u :> "Unmapper")
MCPmaps == {p1, p2}
MCInitMapped == {p1, p2}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
