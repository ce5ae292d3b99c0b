---- MODULE MCReleaseMunmapRaceInductive ----
\* issue 13: release_locked vs wire_mapped + munmap (Variant Fixed, coarse view: no delayed-invalidation window), against IndInv
EXTENDS VmPageInd
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
MCVariant == "Fixed"
====
