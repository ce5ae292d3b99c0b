---- MODULE MCIndFixedSampled ----
\* Sampled inductive model IndFixedSampled: random states of TypeOK /\ IndInv (IndInitSampled)
\* at two pages and two sf_bufs, one random step of the shipped code's Next from each.
\* CPUs {c0, c1}, pages {p1, p2}, sf_bufs {b1, b2}, values {0, 1}, NewAttrs {UC},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 2, Variant = "Fixed", KCpu = c0, StillPages = {}.
EXTENDS MemAttrInd
CONSTANTS c0, c1, p1, p2, b1, b2
MCCPUs == {c0, c1}
MCPages == {p1, p2}
MCBufs == {b1, b2}
MCVals == {0, 1}
MCNewAttrs == {"UC"}
MCMaxRef == 2
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
