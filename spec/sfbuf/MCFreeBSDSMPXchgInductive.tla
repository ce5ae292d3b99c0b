---- MODULE MCFreeBSDSMPXchgInductive ----
\* Inductive model FreeBSDSMPXchgInductive (SfBufInd.tla): Init = TypeOK /\ IndInv (IndUniverse) over the constants of MCFreeBSDSMPXchg, one step of its Next
EXTENDS SfBufInd, TLC
CONSTANTS t1, t2, p1, p2, b1, c1, c2
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1, c2}
MCFlagChoices == {{}, {"PRIV"}}
====
