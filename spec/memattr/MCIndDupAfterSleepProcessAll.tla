---- MODULE MCIndDupAfterSleepProcessAll ----
\* Inductive model IndDupAfterSleepProcessAll: is MemAttrInd's IndInv (written for the shipped code) preserved by one step
\* of the Next of Variant DupAfterSleepProcessAll (the fix that processes every sf_buf of the page, no break; spec only, no manifest model: README "Left")?
\* Init == IndInit (every state of TypeOK /\ IndInv in this universe); each conjunct an INVARIANT.
\* Universe: CPUs {c0}, pages {p1}, sf_bufs {b1, b2}, values {0}, NewAttrs {UC}, SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "DupAfterSleepProcessAll", KCpu = c0, Granularity = "fine", StillPages = {}.
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
MCVariant == "DupAfterSleepProcessAll"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
