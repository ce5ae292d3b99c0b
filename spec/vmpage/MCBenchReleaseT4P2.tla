---- MODULE MCBenchReleaseT4P2 ----
\* Benchmark (opt-in): release(TRYFREE)/unwire by a Faulter and a PmapHolder,
\* a Mapper and an Unmapper, two pmaps; Variant ReleaseRecheck (the shipped
\* code has the race of MCReleaseMunmapRace).
EXTENDS VmPage
CONSTANTS f, h, m, u, p1, p2, c0
MCThreads == {f, h, m, u}
MCRole == (f :> "Faulter") @@ (h :> "PmapHolder") @@ (m :> "Mapper") @@ (u :> "Unmapper")
MCPmaps == {p1, p2}
MCInitMapped == {}
MCUnwireKinds == {"unwire", "release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "ReleaseRecheck"
====
