---- MODULE MCFixedTwoPmapsTwoCPUs ----
\* Model FixedTwoPmapsTwoCPUs: Variant "Fixed", a Remover alone on a page that two
\* pmaps map, on two CPUs. vm_object_page_remove's pmap_remove_all (amd64 pmap.c
\* 1f1b2286) walks both pv entries, each with pmap_invalidate_page: a local invlpg,
\* an IPI to c1 for that pmap, c1's acknowledgement and the wait for it. Without an
\* Unmapper only the walk empties the pv list, so the walk ends with its last entry
\* (never back at its head with no entry); FixedTwoPmaps has one CPU (no IPI) and
\* an Unmapper, FixedRemoveTwoCPUs one pmap.
EXTENDS VmPage
CONSTANTS r, p1, p2, c0, c1
MCThreads == {r}
MCRole == (r :> "Remover")
MCPmaps == {p1, p2}
MCInitMapped == {p1, p2}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0, c1}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
