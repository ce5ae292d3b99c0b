---- MODULE MCFixedThreeCPUs ----
\* Model FixedThreeCPUs (opt-in, issue 12.4): the shipped code on three CPUs without self-snoop.
\* CPUs {c0, c1, c2}, pages {p1}, sf_bufs {b1}, values {0, 1}, NewAttrs {UC},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "Fixed", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttr
CONSTANTS c0, c1, c2, p1, b1
MCCPUs == {c0, c1, c2}
MCPages == {p1}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
