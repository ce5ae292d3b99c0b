---- MODULE MCFixedRelease ----
\* Model FixedRelease: Variant "Fixed". vm_page_release(VPR_TRYFREE) and
\* vm_page_unwire by a Faulter and a PmapHolder, against a Mapper that can
\* map the page again; release_locked frees only if unmapped and unbusied.
EXTENDS VmPage
CONSTANTS f, h, m, p1, c0
MCThreads == {f, h, m}
MCRole == (f :> "Faulter") @@ (h :> "PmapHolder") @@ (m :> "Mapper")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire", "release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
