---- MODULE MCFixedTwoPmapsMapper ----
\* Model FixedTwoPmapsMapper: Variant "Fixed". A Mapper (vm_fault: xbusy,
\* pmap_enter unlocked, relock, xunbusy) entering the page into either of two
\* pmaps, against vm_page_try_remove_write (pmap_remove_write's walk) and
\* munmap of either pmap; pmap p2 starts unmapped, so pmap_enter adds a pv
\* entry at pmap index 1 (index 0 hides a wrong pv-list bit); one CPU.
EXTENDS VmPage
CONSTANTS m, w, u, p1, p2, c0
MCThreads == {m, w, u}
MCRole == (m :> "Mapper") @@ (w :> "WriteProtector") @@ (u :> "Unmapper")
MCPmaps == {p1, p2}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
