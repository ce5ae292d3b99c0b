---- MODULE MCFixedTwoBufs ----
\* Model FixedTwoBufs: the shipped code with two pages and two sf_bufs; p2 is only mapped (a sendfile page).
\* CPUs {c0}, pages {p1, p2}, sf_bufs {b1, b2}, values {0, 1}, NewAttrs {UC},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "Fixed", KCpu = c0, Granularity = "fine", StillPages = {p2}.
EXTENDS MemAttr
CONSTANTS c0, p1, p2, b1, b2
MCCPUs == {c0}
MCPages == {p1, p2}
MCBufs == {b1, b2}
MCVals == {0, 1}
MCNewAttrs == {"UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {p2}
====
