---- MODULE MCReleaseMunmapRaceE2E ----
\* Model ReleaseMunmapRaceE2E: the same race followed to the free.
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
MCVariant == "Fixed"
====
