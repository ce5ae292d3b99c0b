---- MODULE MCReleaseDelayedInvl ----
\* Model ReleaseDelayedInvl: Variant "Fixed" (0012f373e4). A wiring is released
\* with vm_page_release(VPR_TRYFREE) while munmap removes the last mapping:
\* vm_page_release_locked sees the pv list empty and the page clean and frees it before
\* pmap_remove has flushed the TLBs (it has no pmap_delayed_invl_wait); a CPU still
\* caches the translation of the freed page (it can read its next owner's data).
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
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
