---- MODULE MCBenchRemoveT4P2 ----
\* Benchmark (opt-in): Remover + two PmapHolders + Faulter, two mapped pmaps.
EXTENDS VmPage
CONSTANTS r, h1, h2, f, p1, p2, c0
MCThreads == {r, h1, h2, f}
MCRole == (r :> "Remover") @@ (h1 :> "PmapHolder") @@ (h2 :> "PmapHolder") @@ (f :> "Faulter")
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
