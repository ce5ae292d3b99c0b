---- MODULE MCDragonFly2004LazyWakeOneB2 ----
\* Model DragonFly2004LazyWakeOneB2: see README.md (generated layout, one model per file)
EXTENDS SfBuf, TLC
CONSTANTS t1, t2, t3, p1, p2, p3, b1, b2, c1
MCThreads == {t1, t2, t3}
MCPages == {p1, p2, p3}
MCBufList == <<b1, b2>>
MCCPUs == {c1}
MCFlagChoices == {{}}
====
