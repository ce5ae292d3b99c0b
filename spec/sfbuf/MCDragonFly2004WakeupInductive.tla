---- MODULE MCDragonFly2004WakeupInductive ----
\* Inductive model (SfBufLazyInd.tla): IndInvLazy under the Next of MCDragonFly2004Wakeup (wakeup_one, SFBA_PCATCH, signals) at 3 threads, 1 buffer, 2 pages
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, t2, t3, p1, p2, b1, c1
MCThreads == {t1, t2, t3}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}}
====
