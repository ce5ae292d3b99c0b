---- MODULE MCMapperUnbusiesUnlocked ----
\* Model MapperUnbusiesUnlocked (extra variant, not in the brief): the Mapper
\* calls vm_page_xunbusy after pmap_enter without re-taking the object lock
\* (vm_fault at this revision re-locks first). vm_page_release_locked's
\* TRYFREE test (unmapped, then unbusied) can then pass while the page gets
\* mapped in between.
EXTENDS VmPage
CONSTANTS f, m, p1, c0
MCThreads == {f, m}
MCRole == (f :> "Faulter") @@ (m :> "Mapper")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "MapperUnbusiesUnlocked"
====
