---- MODULE MCRev1220TLB ----
\* Model Rev1220TLB: see README.md (generated layout, one model per file)
EXTENDS SfBuf, TLC
CONSTANTS t1, t2, p1, p2, b1, c1
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}}
====
