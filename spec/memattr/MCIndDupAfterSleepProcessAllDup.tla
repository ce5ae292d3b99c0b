---- MODULE MCIndDupAfterSleepProcessAllDup ----
\* Inductive model IndDupAfterSleepProcessAllDup: MemAttrIndDup's IndInvDup (IndInv with duplicate sf_bufs
\* allowed: no NoDupMapping, PteOKDup for the sf_bufs the walk has not reached) for Variant DupAfterSleepProcessAll.
\* Init == IndInitDup (every state of TypeOK /\ IndInvDup in this universe); each conjunct an INVARIANT.
\* Universe: CPUs {c0}, pages {p1}, sf_bufs {b1, b2}, values {0}, NewAttrs {UC}, SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "DupAfterSleepProcessAll", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttrIndDup
CONSTANTS c0, p1, b1, b2
MCCPUs == {c0}
MCPages == {p1}
MCBufs == {b1, b2}
MCVals == {0}
MCNewAttrs == {"UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "DupAfterSleepProcessAll"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
