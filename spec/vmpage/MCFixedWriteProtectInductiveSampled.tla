---- MODULE MCFixedWriteProtectInductiveSampled ----
\* issue 13: IndInv sampled at MCFixedWriteProtect's constants (3 roles: try_remove_write, wire_mapped, pmap_enter)
EXTENDS VmPageIndSampled
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
MCPcSamples == 20000
====
