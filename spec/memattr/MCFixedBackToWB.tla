---- MODULE MCFixedBackToWB ----
\* Model FixedBackToWB: the shipped code; the page may be changed to UC and back to WB
\* (pmap_page_set_memattr(m, VM_MEMATTR_WRITE_BACK) after UC: CADDR2 is entered WB, a
\* speculative fill through it is possible again).
\* CPUs {c0}, pages {p1}, sf_bufs {b1}, values {0, 1}, NewAttrs {UC, WB},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "Fixed", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttr
CONSTANTS c0, p1, b1
MCCPUs == {c0}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"UC", "WB"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
