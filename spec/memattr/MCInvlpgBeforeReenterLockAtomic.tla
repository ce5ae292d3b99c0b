---- MODULE MCInvlpgBeforeReenterLockAtomic ----
\* Model InvlpgBeforeReenterLockAtomic: the same reordering in the coarse view.
\* CPUs {c0, c1}, pages {p1}, sf_bufs {b1}, values {0, 1}, NewAttrs {UC},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "InvlpgBeforeReenter", KCpu = c0, Granularity = "lock-atomic", StillPages = {}.
EXTENDS MemAttr
CONSTANTS c0, c1, p1, b1
MCCPUs == {c0, c1}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "InvlpgBeforeReenter"
MCKCpu == c0
MCGranularity == "lock-atomic"
MCStillPages == {}
====
