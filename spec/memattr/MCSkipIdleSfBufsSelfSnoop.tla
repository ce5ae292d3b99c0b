---- MODULE MCSkipIdleSfBufsSelfSnoop ----
\* Model SkipIdleSfBufsSelfSnoop: bug: the hash lookup ignores idle sf_bufs, self-snoop CPU.
\* CPUs {c0, c1}, pages {p1}, sf_bufs {b1}, values {0, 1}, NewAttrs {WC},
\* SelfSnoop = TRUE, HasClflush = TRUE, MaxRef = 1, Variant = "SkipIdleSfBufs", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttr
CONSTANTS c0, c1, p1, b1
MCCPUs == {c0, c1}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"WC"}
MCMaxRef == 1
MCSelfSnoop == TRUE
MCHasClflush == TRUE
MCVariant == "SkipIdleSfBufs"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
