---- MODULE MCFreeBSDSMPXchgInductiveSym ----
\* Inductive model FreeBSDSMPXchgInductiveSym (SfBufInd.tla): Init = TypeOK /\ IndInv (IndUniverse) over the constants of MCFreeBSDSMPXchg with SYMMETRY on threads, pages and CPUs, one step of its Next
EXTENDS SfBufInd, TLC
CONSTANTS t1, t2, p1, p2, b1, c1, c2
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1, c2}
MCFlagChoices == {{}, {"PRIV"}}
Sym == Permutations(MCThreads) \cup Permutations(MCPages) \cup Permutations(MCCPUs)
====
