---- MODULE MCFixedTwoObjsOneCpuObjSym ----
\* Model FixedTwoObjsOneCpuObjSym: FixedTwoObjsOneCpu with SYMMETRY on threads, pages and objects. The Java objcache always hands out o1 first, the spec's Alloc any free object: only with Objs in SYMMETRY does every class TLC reaches have an explored member (README "Symmetry").
EXTENDS Lwbuf, TLC
CONSTANTS c0, p1, p2, o1, o2, t1, t2
MCCPUs == {c0}
MCPages == {p1, p2}
MCObjs == {o1, o2}
MCThreads == {t1, t2}
MCVariant == "Fixed"
MCGranularity == "Fine"
MCSymmetry == Permutations(MCThreads) \cup Permutations(MCPages) \cup Permutations(MCObjs)
====
