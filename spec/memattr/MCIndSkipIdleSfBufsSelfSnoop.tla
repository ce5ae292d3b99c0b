---- MODULE MCIndSkipIdleSfBufsSelfSnoop ----
\* Inductive model IndSkipIdleSfBufsSelfSnoop: is MemAttrInd's IndInv (written for the shipped code) preserved by one step
\* of the Next of model SkipIdleSfBufsSelfSnoop (bug: the hash lookup ignores idle sf_bufs, self-snoop CPU)?
\* Init == IndInit (every state of TypeOK /\ IndInv in this universe); each conjunct an INVARIANT.
\* One value: the counterexample to induction is structural (a PTE, a TLB entry, a dirty line), not a value.
\* Universe: CPUs {c0, c1}, pages {p1}, sf_bufs {b1}, values {0}, NewAttrs {WC}, SelfSnoop = TRUE, HasClflush = TRUE, MaxRef = 1, Variant = "SkipIdleSfBufs", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttrInd
CONSTANTS c0, c1, p1, b1
MCCPUs == {c0, c1}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0}
MCNewAttrs == {"WC"}
MCMaxRef == 1
MCSelfSnoop == TRUE
MCHasClflush == TRUE
MCVariant == "SkipIdleSfBufs"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
