---- MODULE MCDragonFly2004SMPInductive1T ----
\* Inductive model (SfBufLazyInd.tla): Init = TypeOK /\ IndInvLazy over the constants of MCDragonFly2004SMP but one thread, one step of its Next
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, p1, p2, b1, c1, c2
MCThreads == {t1}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1, c2}
MCFlagChoices == {{}, {"QUICK"}}
====
