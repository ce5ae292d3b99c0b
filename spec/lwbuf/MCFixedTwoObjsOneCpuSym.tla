---- MODULE MCFixedTwoObjsOneCpuSym ----
\* Model FixedTwoObjsOneCpuSym: FixedTwoObjsOneCpu with SYMMETRY on threads and pages (the explorer: search.symmetry = Threads, Pages).
EXTENDS Lwbuf, TLC
CONSTANTS c0, p1, p2, o1, o2, t1, t2
MCCPUs == {c0}
MCPages == {p1, p2}
MCObjs == {o1, o2}
MCThreads == {t1, t2}
MCVariant == "Fixed"
MCGranularity == "Fine"
MCSymmetry == Permutations(MCThreads) \cup Permutations(MCPages)
====
