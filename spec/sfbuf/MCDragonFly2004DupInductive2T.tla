---- MODULE MCDragonFly2004DupInductive2T ----
\* Inductive model (SfBufLazyInd.tla): IndInvLazy under the Next of MCDragonFly2004Dup (no hash re-lookup after tsleep) at 2 threads, 2 buffers, 2 pages
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, t2, p1, p2, b1, b2, c1
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1, b2>>
MCCPUs == {c1}
MCFlagChoices == {{}}
====
