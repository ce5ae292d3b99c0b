---- MODULE MCBenchRemoveT2P1 ----
\* Benchmark (opt-in): Remover + PmapHolder, one mapped pmap.
EXTENDS VmPage
CONSTANTS r, h, p1
MCThreads == {r, h}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCVariant == "Fixed"
====
