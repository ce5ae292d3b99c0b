---- MODULE MCReleaseMunmapRaceE2E ----
\* Model ReleaseMunmapRaceE2E: the same race followed to the free.
EXTENDS VmPage
CONSTANTS f, h, u, p1
MCThreads == {f, h, u}
MCRole == (f :> "Faulter") @@ (h :> "PmapHolder") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCVariant == "Fixed"
====
