---- MODULE MCIndFixedSelfSnoop ----
\* Inductive model IndFixedSelfSnoop: is MemAttrInd's IndInv (written for the shipped code) preserved by one step
\* of the Next of model FixedSelfSnoop (the shipped code on a self-snoop CPU)?
\* Init == IndInit (every state of TypeOK /\ IndInv in this universe); each conjunct an INVARIANT.
\* Universe: CPUs {c0, c1}, pages {p1}, sf_bufs {b1}, values {0, 1}, NewAttrs {WC}, SelfSnoop = TRUE, HasClflush = TRUE, MaxRef = 1, Variant = "Fixed", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttrInd
CONSTANTS c0, c1, p1, b1
MCCPUs == {c0, c1}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"WC"}
MCMaxRef == 1
MCSelfSnoop == TRUE
MCHasClflush == TRUE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
