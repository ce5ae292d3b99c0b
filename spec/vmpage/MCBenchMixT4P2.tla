---- MODULE MCBenchMixT4P2 ----
\* Benchmark (opt-in): Remover, PmapHolder, Mapper, Busier (x/s), two pmaps.
EXTENDS VmPage
CONSTANTS r, h, m, b, p1, p2, c0
MCThreads == {r, h, m, b}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder") @@ (m :> "Mapper") @@ (b :> "Busier")
MCPmaps == {p1, p2}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x", "s"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
