---- MODULE MCFixedWcBackToWB ----
\* Model FixedWcBackToWB (issue 11): the shipped code on one CPU with a change to WC and back to WB: pmap_page_set_memattr's caller contract (no WC store pending to the page) is what keeps the change back correct.
\* (pmap_page_set_memattr(m, VM_MEMATTR_WRITE_BACK) after WC: CADDR2 is entered WB, a
\* speculative fill through it is possible again).
\* CPUs {c0}, pages {p1}, sf_bufs {b1}, values {0, 1}, NewAttrs {WC, WB},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "Fixed", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttr
CONSTANTS c0, p1, b1
MCCPUs == {c0}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"WC", "WB"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
