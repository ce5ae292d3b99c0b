---- MODULE MCDragonFly2004SMPThreeByThreeSym ----
\* Model DragonFly2004SMPThreeByThreeSym (opt-in, issue 12: the 3-CPU x 3-thread configuration): DragonFly2004SMP with 3 CPUs and 3 threads; SYMMETRY on threads and pages (the explorer: search.symmetry = Threads, Pages).
EXTENDS SfBuf, TLC
CONSTANTS t1, t2, t3, p1, p2, b1, c1, c2, c3
MCThreads == {t1, t2, t3}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1, c2, c3}
MCFlagChoices == {{}, {"QUICK"}}
MCSymmetry == Permutations(MCThreads) \cup Permutations(MCPages)
====
