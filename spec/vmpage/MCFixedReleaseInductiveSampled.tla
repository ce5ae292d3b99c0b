---- MODULE MCFixedReleaseInductiveSampled ----
\* issue 13: IndInv sampled at MCFixedRelease's constants (3 roles: release path, wire_mapped, pmap_enter)
EXTENDS VmPageIndSampled
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
MCPcSamples == 1000
====
