---- MODULE MCFixedRehashTwoCPUs ----
\* Model FixedRehashTwoCPUs (issue 11): the shipped sf_buf_alloc at the fine granularity with two CPUs and two pages sharing one sf_buf: a miss rehashes b1 from p1 to p2 while c1 may hold a TLB entry of b1's KVA for p1, so the shootdown IPI of the miss is needed (end-to-end Coherence). No attribute changes (NewAttrs = {WB}, the initial type): the model isolates the rehash.
\* CPUs {c0, c1}, pages {p1, p2}, sf_bufs {b1}, values {0, 1}, NewAttrs {WB} (no attribute change: every page starts WB),
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "Fixed", KCpu = c0, Granularity = "fine", StillPages = {p1} (p1 only mapped: its frame keeps 0, so a stale read through b1 of p1 returns 0 where p2 holds 1).
EXTENDS MemAttr
CONSTANTS c0, c1, p1, p2, b1
MCCPUs == {c0, c1}
MCPages == {p1, p2}
MCBufs == {b1}
MCVals == {0, 1}
MCNewAttrs == {"WB"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {p1}
====
