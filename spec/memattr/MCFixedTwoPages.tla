---- MODULE MCFixedTwoPages ----
\* Model FixedTwoPages: the shipped code, two pages competing for one sf_buf, attributes WB and UC (bigger; opt-in).
\* CPUs {c0, c1}, pages {p1, p2}, sf_bufs {b1}, values {0, 1},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "Fixed".
EXTENDS MemAttr
CONSTANTS c0, c1, p1, p2, b1
MCCPUs == {c0, c1}
MCPages == {p1, p2}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"WB", "UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "Fixed"
====
