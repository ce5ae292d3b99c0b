---- MODULE MCFlushWithoutReenterSelfSnoop ----
\* Model FlushWithoutReenterSelfSnoop: bug: no pmap_qenter, self-snoop CPU.
\* CPUs {c0, c1}, pages {p1}, sf_bufs {b1}, values {0, 1}, NewAttrs {WC},
\* SelfSnoop = TRUE, HasClflush = TRUE, MaxRef = 1, Variant = "FlushWithoutReenter", KCpu = c0, Granularity = "fine", StillPages = {}.
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
MCVariant == "FlushWithoutReenter"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
