---- MODULE MCFreeBSDSMPXchgInductiveSampled ----
\* Sampled inductive model: random states of TypeOK /\ IndInv (IndSampled(2): each draw over at most 2 random elements) at 3 threads, 3 pages, 2 buffers, 3 CPUs, FreeBSDSMPXchg with RelookupAfterSleep (SF1 needs the re-lookup at 2 buffers: DupAfterSleep); one step each
EXTENDS SfBufInd, TLC
CONSTANTS t1, t2, t3, p1, p2, p3, b1, b2, c1, c2, c3
MCThreads == {t1, t2, t3}
MCPages == {p1, p2, p3}
MCBufList == <<b1, b2>>
MCCPUs == {c1, c2, c3}
MCFlagChoices == {{}, {"PRIV"}}
SampledInit == IndSampled(2)
====
