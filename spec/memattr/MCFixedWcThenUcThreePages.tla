---- MODULE MCFixedWcThenUcThreePages ----
\* Model FixedWcThenUcThreePages (issue 11): FixedWcThenUc with three pages and values {0}: two WC pages can hold pending stores while the third is UC, so the flush a UC access forces drains more than one WC-buffer entry, one WcDrain step each, before the access (UcFlushesWC).
\* CPUs {c0}, pages {p1, p2, p3}, sf_bufs {}, values {0}, NewAttrs {WC, UC},
\* SelfSnoop = FALSE, HasClflush = FALSE, MaxRef = 1, Variant = "Fixed", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttr
CONSTANTS c0, p1, p2, p3
MCCPUs == {c0}
MCPages == {p1, p2, p3}
MCBufs == {}
MCVals == {0}
MCNewAttrs == {"WC", "UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == FALSE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
