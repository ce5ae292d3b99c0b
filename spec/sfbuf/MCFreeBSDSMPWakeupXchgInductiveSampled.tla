---- MODULE MCFreeBSDSMPWakeupXchgInductiveSampled ----
\* Sampled inductive model (SfBufLazyInd.tla): random states of TypeOK /\ IndInvWake (IndSampledWake(2)) at 3 threads, 2 CPUs, 1 buffer, 2 pages, FreeBSDSMPWakeupXchg (wakeup broadcast, SFB_CATCH, signals); one step each
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, t2, t3, p1, p2, b1, c1, c2
MCThreads == {t1, t2, t3}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1, c2}
MCFlagChoices == {{"CATCH"}}
SampledInit == IndSampledWake(2)
====
