---- MODULE MCBenchRemoveT3P2 ----
\* Benchmark (opt-in): Remover + PmapHolder + Faulter, two mapped pmaps.
EXTENDS VmPage
CONSTANTS r, h, f, p1, p2, c0
MCThreads == {r, h, f}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder") @@ (f :> "Faulter")
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
