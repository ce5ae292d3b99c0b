---- MODULE MCHitKeepsOnFreeListInductive ----
\* Inductive model HitKeepsOnFreeListInductive (SfBufInd.tla): Init = TypeOK /\ IndInv (IndUniverse) over the constants of MCHitKeepsOnFreeList, one step of its Next
EXTENDS SfBufInd, TLC
CONSTANTS t1, t2, p1, p2, b1, c1
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}}
====
