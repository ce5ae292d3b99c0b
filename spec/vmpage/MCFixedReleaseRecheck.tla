---- MODULE MCFixedReleaseRecheck ----
\* Model FixedReleaseRecheck: the roles of MCReleaseMunmapRace with Variant
\* ReleaseRecheck: release_locked tryxbusies the page and frees it only if
\* vm_page_wired() is false under the busy lock (the shape of later FreeBSD).
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
