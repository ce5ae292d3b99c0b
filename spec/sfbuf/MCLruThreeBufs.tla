---- MODULE MCLruThreeBufs ----
\* Model LruThreeBufs: see README.md (generated layout, one model per file)
EXTENDS SfBuf, TLC
CONSTANTS t1, t2, p1, p2, p3, b1, b2, b3, c1
MCThreads == {t1, t2}
MCPages == {p1, p2, p3}
MCBufList == <<b1, b2, b3>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}, {}, {"NOWAIT"}}
====
