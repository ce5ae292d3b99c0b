---- MODULE MCSkipIdleSfBufs ----
\* Model SkipIdleSfBufs: bug: the hash lookup ignores idle sf_bufs.
\* CPUs {c0, c1}, pages {p1}, sf_bufs {b1}, values {0, 1}, NewAttrs {UC},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "SkipIdleSfBufs", KCpu = c0, Granularity = "fine", StillPages = {}.
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
MCVariant == "SkipIdleSfBufs"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
