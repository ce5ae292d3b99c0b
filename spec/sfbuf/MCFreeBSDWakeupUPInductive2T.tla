---- MODULE MCFreeBSDWakeupUPInductive2T ----
\* Inductive model (SfBufLazyInd.tla): IndInvWake for the fix (wakeup broadcast) of FreeBSDWakeOneUPInductive2T: 2 threads, 1 buffer, 1 page
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, t2, p1, b1, c1
MCThreads == {t1, t2}
MCPages == {p1}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}}
====
