---- MODULE MCReleaseRecheckLockAtomic ----
\* Model ReleaseRecheckLockAtomic: the roles and Variant of MCReleaseRecheck in
\* the coarse view (LockAtomic: munmap's pmap_remove, TLB flush included, is one
\* step, so no delayed-invalidation window exists).  Every invariant and property
\* holds: ReleaseRecheck closes the wiring race of MCReleaseMunmapRace.
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
MCLockAtomic == TRUE
MCVariant == "ReleaseRecheck"
====
