---- MODULE MCIndInvlpgBeforeReenter ----
\* Inductive model IndInvlpgBeforeReenter: is MemAttrInd's IndInv (written for the shipped code) preserved by one step
\* of the Next of model InvlpgBeforeReenter (reordering: pmap_qenter invalidates before its PTE store)?
\* Init == IndInit (every state of TypeOK /\ IndInv in this universe); each conjunct an INVARIANT.
\* One value: the counterexample to induction is structural (a PTE, a TLB entry, a dirty line), not a value.
\* Universe: CPUs {c0, c1}, pages {p1}, sf_bufs {b1}, values {0}, NewAttrs {UC}, SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "InvlpgBeforeReenter", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttrInd
CONSTANTS c0, c1, p1, b1
MCCPUs == {c0, c1}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0}
MCNewAttrs == {"UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "InvlpgBeforeReenter"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
