---- MODULE MCFreeBSDWakeOneUPInductive2T ----
\* Inductive model (SfBufLazyInd.tla): IndInvWake under the Next of the 2005-09 sf_buf_alloc/sf_buf_free (S2, S3: wakeup_one, SFB_CATCH, signals) on one CPU without TLBs (the wakeup path is the same as SMP's) at 2 threads, 1 buffer, 1 page
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, t2, p1, b1, c1
MCThreads == {t1, t2}
MCPages == {p1}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}}
====
