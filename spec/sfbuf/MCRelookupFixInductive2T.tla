---- MODULE MCRelookupFixInductive2T ----
\* Inductive model RelookupFixInductive2T (SfBufInd.tla): Init = TypeOK /\ IndInv (IndUniverse) over the constants of MCRelookupFix but two threads and two pages, one step of its Next
EXTENDS SfBufInd, TLC
CONSTANTS t1, t2, t3, p1, p2, p3, b1, b2, c1
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1, b2>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}, {}, {"NOWAIT"}}
====
