---- MODULE MCFreeBSDSMPWakeOneXchgInductive2T ----
\* Inductive model (SfBufLazyInd.tla): IndInvWake under the Next of MCFreeBSDSMPWakeOneXchg (pte_load_store, wakeup_one, SFB_CATCH, signals) at 2 threads, 1 page
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, t2, p1, b1, c1, c2
MCThreads == {t1, t2}
MCPages == {p1}
MCBufList == <<b1>>
MCCPUs == {c1, c2}
MCFlagChoices == {{"CATCH"}}
====
