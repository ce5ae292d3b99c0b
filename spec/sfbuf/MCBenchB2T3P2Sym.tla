---- MODULE MCBenchB2T3P2Sym ----
\* Model BenchB2T3P2Sym: see README.md (generated layout, one model per file)
EXTENDS SfBuf, TLC
CONSTANTS t1, t2, t3, p1, p2, b1, b2, c1
MCThreads == {t1, t2, t3}
MCPages == {p1, p2}
MCBufList == <<b1, b2>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}, {}, {"NOWAIT"}}
MCSymmetry == Permutations(MCThreads) \cup Permutations(MCPages)
====
