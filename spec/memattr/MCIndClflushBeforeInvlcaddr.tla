---- MODULE MCIndClflushBeforeInvlcaddr ----
\* Inductive model IndClflushBeforeInvlcaddr: is MemAttrInd's IndInv (written for the shipped code) preserved by one step
\* of the Next of model ClflushBeforeInvlcaddr (reordering: pmap_flush_page's clflush before invlcaddr)?
\* Init == IndInit (every state of TypeOK /\ IndInv in this universe); each conjunct an INVARIANT.
\* One value: the counterexample to induction is structural (a PTE, a TLB entry, a dirty line), not a value.
\* Universe: CPUs {c0}, pages {p1, p2}, sf_bufs {}, values {0}, NewAttrs {UC}, SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "ClflushBeforeInvlcaddr", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttrInd
CONSTANTS c0, p1, p2
MCCPUs == {c0}
MCPages == {p1, p2}
MCBufs == {}
MCVals == {0}
MCNewAttrs == {"UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "ClflushBeforeInvlcaddr"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
