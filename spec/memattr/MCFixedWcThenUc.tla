---- MODULE MCFixedWcThenUc ----
\* Model FixedWcThenUc (issue 11): the shipped code with two pages, one WC and one UC: a CPU's UC access to one page while its WC store to the other is pending first drains its WC buffer (UcFlushesWC, SDM vol. 3A 11.3.1), the drains interleaving with the kernel threads and the cache events; the pages' attribute changes go through pmap_flush_page, which without CLFSH is one wbinvd step (no sf_buf).
\* CPUs {c0}, pages {p1, p2}, sf_bufs {}, values {0, 1}, NewAttrs {WC, UC},
\* SelfSnoop = FALSE, HasClflush = FALSE, MaxRef = 1, Variant = "Fixed", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttr
CONSTANTS c0, p1, p2
MCCPUs == {c0}
MCPages == {p1, p2}
MCBufs == {}
MCVals == {0, 1}
MCNewAttrs == {"WC", "UC"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == FALSE
MCVariant == "Fixed"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
