---- MODULE MCFreeBSDSMPWakeOneInductive1T ----
\* Inductive model (SfBufLazyInd.tla): IndInvWake under the Next of MCFreeBSDSMPWakeOne (plain PTE load/store, wakeup_one, SFB_CATCH) at one thread
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, p1, p2, b1, c1, c2
MCThreads == {t1}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1, c2}
MCFlagChoices == {{"CATCH"}}
====
