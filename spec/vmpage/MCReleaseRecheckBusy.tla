---- MODULE MCReleaseRecheckBusy ----
\* Model ReleaseRecheckBusy: Variant "ReleaseRecheck", vm_page_release(VPR_TRYFREE)
\* by a Faulter against a Mapper (vm_fault) and an xbusy Busier, one pmap, no
\* Unmapper (so no delayed-invalidation window: the mapping, once made, stays).
\* The busy lock is held without the object lock by the Mapper (pmap_enter) and
\* the Busier, so release_locked's vm_page_tryxbusy fails (it drops the object
\* lock and keeps the page), and the Mapper's tryxbusy fails against the Busier
\* (vm_fault gives up).  Added for issue 11's coverage: no other default model
\* reaches these two failures.
EXTENDS VmPage
CONSTANTS f, m, b, p1, c0
MCThreads == {f, m, b}
MCRole == (f :> "Faulter") @@ (m :> "Mapper") @@ (b :> "Busier")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "ReleaseRecheck"
====
