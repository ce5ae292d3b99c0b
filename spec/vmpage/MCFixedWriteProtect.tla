---- MODULE MCFixedWriteProtect ----
\* Model FixedWriteProtect: Variant "Fixed". vm_page_try_remove_write
\* (WriteProtector) against write/read pmap_extract_and_hold and a Mapper.
EXTENDS VmPage
CONSTANTS w, h, m, p1, c0
MCThreads == {w, h, m}
MCRole == (w :> "WriteProtector") @@ (h :> "PmapHolder") @@ (m :> "Mapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r", "w"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
