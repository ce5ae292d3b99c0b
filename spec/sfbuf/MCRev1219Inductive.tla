---- MODULE MCRev1219Inductive ----
\* Inductive model Rev1219Inductive (SfBufInd.tla): Init = TypeOK /\ IndInv (IndUniverse) over the constants of MCRev1219, one step of its Next
EXTENDS SfBufInd, TLC
CONSTANTS t1, t2, t3, p1, p2, b1, c1
MCThreads == {t1, t2, t3}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}}
====
