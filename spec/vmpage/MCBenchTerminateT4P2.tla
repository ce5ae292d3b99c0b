---- MODULE MCBenchTerminateT4P2 ----
\* Benchmark (opt-in): Terminator, Faulter, PmapHolder, Unmapper, two mapped pmaps.
EXTENDS VmPage
CONSTANTS tm, f, h, u, p1, p2, c0
MCThreads == {tm, f, h, u}
MCRole == (tm :> "Terminator") @@ (f :> "Faulter") @@ (h :> "PmapHolder") @@ (u :> "Unmapper")
MCPmaps == {p1, p2}
MCInitMapped == {p1, p2}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
