---- MODULE MCFixedTwoObjsObjSym ----
\* Model FixedTwoObjsObjSym: FixedTwoObjs with SYMMETRY on threads, pages and objects. The Java objcache always hands out o1 first, the spec's Alloc any free object: the explorer's FixedTwoObjsSym conforms exactly to this model, not to MCFixedTwoObjsSym (README "Symmetry").
EXTENDS Lwbuf, TLC
CONSTANTS c0, c1, p1, p2, o1, o2, t1, t2
MCCPUs == {c0, c1}
MCPages == {p1, p2}
MCObjs == {o1, o2}
MCThreads == {t1, t2}
MCVariant == "Fixed"
MCGranularity == "Fine"
MCSymmetry == Permutations(MCThreads) \cup Permutations(MCPages) \cup Permutations(MCObjs)
====
