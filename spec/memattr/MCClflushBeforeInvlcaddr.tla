---- MODULE MCClflushBeforeInvlcaddr ----
\* Model ClflushBeforeInvlcaddr: reordering: pmap_flush_page's clflush before invlcaddr.
\* CPUs {c0}, pages {p1, p2}, sf_bufs {}, values {0, 1}, NewAttrs {UC},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "ClflushBeforeInvlcaddr", KCpu = c0, Granularity = "fine", StillPages = {}.
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
MCVariant == "ClflushBeforeInvlcaddr"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
