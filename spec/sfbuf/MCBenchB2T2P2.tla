---- MODULE MCBenchB2T2P2 ----
\* Model BenchB2T2P2: see README.md (generated layout, one model per file)
EXTENDS SfBuf, TLC
CONSTANTS t1, t2, p1, p2, b1, b2, c1
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1, b2>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}, {}, {"NOWAIT"}}
====
