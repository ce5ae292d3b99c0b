---- MODULE MCNoFlushNoSelfSnoop ----
\* Model NoFlushNoSelfSnoop: bug: no flush although the CPU lacks self-snoop.
\* CPUs {c0, c1}, pages {p1}, sf_bufs {b1}, values {0, 1}, NewAttrs {UC},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "NoFlushNoSelfSnoop", KCpu = c0, Granularity = "fine", StillPages = {}.
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
MCVariant == "NoFlushNoSelfSnoop"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
