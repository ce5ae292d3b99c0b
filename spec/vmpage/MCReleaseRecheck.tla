---- MODULE MCReleaseRecheck ----
\* Model ReleaseRecheck: the roles of MCReleaseMunmapRace with Variant
\* ReleaseRecheck: release_locked tryxbusies the page and frees it only if
\* vm_page_wired() is false under the busy lock (the shape of later FreeBSD).
\* It closes the wiring race, but not the delayed-invalidation window of the
\* same path: release_locked's !pmap_page_is_mapped() sees the pv list empty
\* while munmap's pmap_remove has not flushed the TLB yet, and frees the page
\* (NoStaleTlbAfterFree; MCReleaseDelayedInvl shows it on Variant Fixed).
\* MCReleaseRecheckLockAtomic: the same roles in the coarse view, passing.
EXTENDS VmPage
CONSTANTS f, h, u, p1, c0
MCThreads == {f, h, u}
MCRole == (f :> "Faulter") @@ (h :> "PmapHolder") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "ReleaseRecheck"
====
