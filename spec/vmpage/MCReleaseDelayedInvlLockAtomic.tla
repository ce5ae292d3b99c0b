---- MODULE MCReleaseDelayedInvlLockAtomic ----
\* Model ReleaseDelayedInvlLockAtomic: ReleaseDelayedInvl in the coarse view
\* (munmap's pmap_remove, flush included, is one step): it passes.
EXTENDS VmPage
CONSTANTS f, u, p1, c0
MCThreads == {f, u}
MCRole == (f :> "Faulter") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == TRUE
MCVariant == "Fixed"
====
