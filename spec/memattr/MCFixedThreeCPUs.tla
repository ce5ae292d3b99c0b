---- MODULE MCFixedThreeCPUs ----
\* Model FixedThreeCPUs: the shipped code on three CPUs without self-snoop (benchmark size).
\* CPUs {c0, c1, c2}, pages {p1}, sf_bufs {b1}, values {0, 1},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "Fixed".
EXTENDS MemAttr
CONSTANTS c0, c1, c2, p1, b1
MCCPUs == {c0, c1, c2}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"WB", "UC", "WC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "Fixed"
====
