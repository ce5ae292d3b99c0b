---- MODULE MCRev1220RefsInductive ----
\* Inductive model Rev1220RefsInductive (SfBufInd.tla): Init = TypeOK /\ IndInv (IndUniverse) over the constants of MCRev1220Refs, one step of its Next
EXTENDS SfBufInd, TLC
CONSTANTS t1, t2, p1, p2, b1, c1
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}}
====
