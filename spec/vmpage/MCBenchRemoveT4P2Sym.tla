---- MODULE MCBenchRemoveT4P2Sym ----
\* Benchmark (opt-in), issue 12.3: BenchRemoveT4P2 with SYMMETRY over its two PmapHolders (the
\* explorer's set PmapHolders); safety only (symmetry is unsound for liveness).
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
MCSymmetry == Permutations({h1, h2})   \* Role(h1) = Role(h2) = "PmapHolder"
====
