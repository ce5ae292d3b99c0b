---- MODULE MCFixedFlushTwoPages ----
\* Model FixedFlushTwoPages (issue 11): the shipped pmap_flush_page (invlcaddr before the clflush loop) for two pages in turn on one CPU, no sf_buf: a stale CADDR2 translation of the previous page must not be used.
\* CPUs {c0}, pages {p1, p2}, sf_bufs {}, values {0, 1}, NewAttrs {UC},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "Fixed", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttr
CONSTANTS c0, p1, p2
MCCPUs == {c0}
MCPages == {p1, p2}
MCBufs == {}
MCVals == {0, 1}
MCNewAttrs == {"UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
