---- MODULE MCHitKeepsOnFreeList ----
\* Model HitKeepsOnFreeList: see README.md (generated layout, one model per file)
EXTENDS SfBuf, TLC
CONSTANTS t1, t2, p1, p2, b1, c1
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{"CATCH"}}
\* Past the SF3 violation each free appends the buffer again (the free list grows without end) and
\* frees of an unreferenced buffer drive ref_count below 0 (the kernel's KASSERT(ref_count > 0) would
\* panic; the spec has no assertion). The constraint keeps the reachable set finite (kmapcheck conform
\* compares it); the counterexample is found before.
MCConstraint == Len(freeq) <= 3 /\ \A b \in Bufs : ref[b] >= 0
====
