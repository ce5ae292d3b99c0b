---- MODULE MCRev1219WakeOneInductive2T ----
\* Inductive model (SfBufLazyInd.tla): IndInvWake under the Next of rev 1.219 with wakeup_one and PCATCH (Rev1219WakeOne's configuration: UP, no TLB, signals) at 2 threads, 1 buffer, 1 page
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, t2, p1, b1, c1
MCThreads == {t1, t2}
MCPages == {p1}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}}
====
