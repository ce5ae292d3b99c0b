---- MODULE MCFlushWithoutReenterSelfSnoop ----
\* Model FlushWithoutReenterSelfSnoop: the PTE keeps the old PAT bits, on a self-snoop CPU (WC/WB alias on one CPU).
\* CPUs {c0, c1}, pages {p1}, sf_bufs {b1}, values {0, 1},
\* SelfSnoop = TRUE, HasClflush = TRUE, MaxRef = 1, Variant = "FlushWithoutReenter".
EXTENDS MemAttr
CONSTANTS c0, c1, p1, b1
MCCPUs == {c0, c1}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"WB", "UC", "WC"}
MCMaxRef == 1
MCSelfSnoop == TRUE
MCHasClflush == TRUE
MCVariant == "FlushWithoutReenter"
====
