---- MODULE MCClflushBeforeInvlcaddrOnePage ----
\* Model ClflushBeforeInvlcaddrOnePage: the reordering of ClflushBeforeInvlcaddr (pmap_flush_page's
\* clflush loop before invlcaddr(CADDR2), i386 pmap.c @808719858c6e) when CADDR2 only ever maps one
\* page: the stale translation then names the same frame and clflush ignores its memory type, so the
\* reordering is harmless (expect pass; the violation needs a second page, MCClflushBeforeInvlcaddr).
\* Kills the mutant that drops the reordered path's clflush loop (issue 11).
\* CPUs {c0}, pages {p1}, sf_bufs {}, values {0, 1}, NewAttrs {UC, WB},
\* SelfSnoop = FALSE, HasClflush = TRUE, MaxRef = 1, Variant = "ClflushBeforeInvlcaddr", KCpu = c0, Granularity = "fine", StillPages = {}.
EXTENDS MemAttr
CONSTANTS c0, p1
MCCPUs == {c0}
MCPages == {p1}
MCBufs == {}
MCVals == {0, 1}
MCNewAttrs == {"UC", "WB"}
MCMaxRef == 1
MCSelfSnoop == FALSE
MCHasClflush == TRUE
MCVariant == "ClflushBeforeInvlcaddr"
MCKCpu == c0
MCGranularity == "fine"
MCStillPages == {}
====
