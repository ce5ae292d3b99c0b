---- MODULE MCIndDupAfterSleep ----
\* Inductive model IndDupAfterSleep: is MemAttrInd's IndInv (written for the shipped code) preserved by one step
\* of the Next of model DupAfterSleep (the shipped code (9.3) with sf_buf_alloc callers that sleep: a second sf_buf of p1 after msleep (no hash re-lookup) meets pmap_page_set_memattr)?
\* Init == IndInit (every state of TypeOK /\ IndInv in this universe); each conjunct an INVARIANT.
\* Universe: CPUs {c0}, pages {p1}, sf_bufs {b1, b2}, values {0}, NewAttrs {UC}, SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "DupAfterSleep", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttrInd
CONSTANTS c0, p1, b1, b2
MCCPUs == {c0}
MCPages == {p1}
MCBufs == {b1, b2}
MCVals == {0}
MCNewAttrs == {"UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "DupAfterSleep"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
