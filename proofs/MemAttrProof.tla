---------------------------- MODULE MemAttrProof ----------------------------
(***************************************************************************)
(* TLAPS-style proof outline: the shipped pmap_page_set_memattr / sf_buf   *)
(* flush (spec/memattr/MemAttr.tla, Spec) keeps MemAttrInd's IndInv, hence *)
(* Coherence and NoStaleDirtyLine.                                         *)
(*                                                                         *)
(* This module is NOT CHECKED BY A PROVER: no TLAPS backend is available   *)
(* to these machines.  SANY parses and level-checks it in the tests        *)
(* (ProofModulesTest).  What checks the steps is TLC: the MCInd* models of *)
(* spec/memattr check Init => IndInv and IndInv /\ Next => IndInv' over    *)
(* every state of TypeOK /\ IndInv of a bounded universe, and a sampled    *)
(* check at two pages and two sf_bufs (proofs/memattr.md has the figures). *)
(* The argument for each step is written out in proofs/memattr.md, per     *)
(* action, in the order of the steps below.  The proof is not checked by a prover. *)
(***************************************************************************)
EXTENDS MemAttrInd

\* The scope of IndInv (MemAttrInd's header): the shipped code or the
\* FlushBeforeReenter reordering, the fine-grained Spec, one new memory type.
ASSUME ShippedCode == Variant \in {"Fixed", "FlushBeforeReenter", "DupAfterSleepRelookup"}
ASSUME FineGrained == Granularity = "fine"
ASSUME OneNewType  == NewAttrs \in {{"UC"}, {"WC"}}

IndConjuncts ==
    <<TypeOK, Coherence, NoStaleDirtyLine, SingleWriter, PatOK, ChangeHasNewAttr,
      SfBufLockOK, SysmapsLockOK, PcsOK, IpiOK, NoDupMapping, ChainNoDup, PteOK, TlbOK, CaddrOK,
      WcOK, OldOK, DirtyOld, DirtyIsLast, MemIsLast, CleanIsLast, InvalidIsZero>>

\* Every page WB, caches empty, no sf_buf mapped, CMAP2 clear, nobody inside
\* an operation: each conjunct holds trivially.
LEMMA InitIndInv == Init => IndInv
  BY DEF Init, InitVars, IndInv, TypeOK, Coherence, NoStaleDirtyLine, SingleWriter,
         PatOK, ChangeHasNewAttr, SfBufLockOK, SysmapsLockOK, PcsOK, IpiOK, NoDupMapping, ChainNoDup,
         PteOK, TlbOK, CaddrOK, WcOK, OldOK, DirtyOld, DirtyIsLast, MemIsLast, CleanIsLast,
         InvalidIsZero, Entry, NoEntry, Entries

\* One step per disjunct of Next.
LEMMA NextIndInv == IndInv /\ [Next]_vars => IndInv'
<1> SUFFICES ASSUME IndInv, [Next]_vars PROVE IndInv'
    OBVIOUS
<1>1. CASE UNCHANGED vars
      BY <1>1 DEF vars, IndInv, TypeOK, Coherence, NoStaleDirtyLine, SingleWriter, PatOK,
         ChangeHasNewAttr, SfBufLockOK, SysmapsLockOK, PcsOK, IpiOK, NoDupMapping, PteOK,
         TlbOK, CaddrOK, WcOK, OldOK, DirtyOld, DirtyIsLast, MemIsLast, CleanIsLast, InvalidIsZero
\* sf_buf_alloc miss, steps 2-4 (invlpg, IPIs, wait): TlbOK's first clause
\* shrinks as the shootdown proceeds; SfBufLockOK/IpiOK follow apc.
<1>2. CASE SfBufAllocInvlpg
      BY <1>2 DEF SfBufAllocInvlpg, AllocDone, IndInv, TlbOK, StaleUntilShootdown, SfBufLockOK
<1>3. CASE SfBufAllocIpi
      BY <1>3 DEF SfBufAllocIpi, IndInv, TlbOK, StaleUntilShootdown, IpiOK
<1>4. CASE SfBufAllocWait
      BY <1>4 DEF SfBufAllocWait, AllocDone, IndInv, TlbOK, StaleUntilShootdown, IpiOK, SfBufLockOK
\* sf_buf_alloc hit, sf_buf_free, recycle: software only, or the PTE of an
\* unhashed sf_buf cleared with its TLB entries left stale under apc.
<1>5. ASSUME NEW b \in Bufs, SfBufAllocHit(b) PROVE IndInv'
      BY <1>5 DEF SfBufAllocHit, AIdle, IndInv, SfBufLockOK
<1>6. ASSUME NEW b \in Bufs, SfBufRecycle(b) PROVE IndInv'
      BY <1>6 DEF SfBufRecycle, Unchain, ChainNoDup, AIdle, IndInv, PteOK, TlbOK, StaleUntilShootdown, SfBufLockOK, NoDupMapping
<1>7. ASSUME NEW b \in Bufs, SfBufFree(b) PROVE IndInv'
      BY <1>7 DEF SfBufFree, AIdle, IndInv, SfBufLockOK
\* sf_buf_alloc miss, step 1: the PTE is entered with the page's current
\* pat_mode (PteOK), no other sf_buf maps the page (NoDupMapping).
<1>8. ASSUME NEW b \in Bufs, NEW p \in Pages, SfBufAllocMiss(b, p) PROVE IndInv'
      BY <1>8 DEF SfBufAllocMiss, MissStore, Rehash, Unchain, ChainNoDup, AIdle, Want, IndInv, PteOK, TlbOK, StaleUntilShootdown,
         SfBufLockOK, NoDupMapping
\* Data accesses through a usable sf_buf or another mapping: the
\* translation used carries pat[p] (PteOK, TlbOK), so the value read is the
\* last write (DirtyIsLast, MemIsLast, CleanIsLast, DirtyOld, WcOK).
<1>9. ASSUME NEW c \in CPUs, NEW b \in Bufs, ReadSfBuf(c, b) PROVE IndInv'
      BY <1>9 DEF ReadSfBuf, SfUsable, DoRead, WBLoad, BusRead, Expected, IndInv, Coherence,
         PteOK, TlbOK, StaleUntilShootdown, DirtyIsLast, MemIsLast, CleanIsLast, DirtyOld, WcOK
<1>10. ASSUME NEW c \in CPUs, NEW b \in Bufs, NEW v \in Vals, WriteSfBuf(c, b, v) PROVE IndInv'
      BY <1>10 DEF WriteSfBuf, SfUsable, DoWrite, BusWrite, IndInv, SingleWriter, PteOK, TlbOK,
         DirtyIsLast, MemIsLast, CleanIsLast, DirtyOld, OldOK, InvalidIsZero, WcOK
<1>11. ASSUME NEW c \in CPUs, NEW p \in Pages, ReadPageMap(c, p) PROVE IndInv'
      BY <1>11 DEF ReadPageMap, DoRead, WBLoad, BusRead, Expected, IndInv, Coherence,
         DirtyIsLast, MemIsLast, CleanIsLast, DirtyOld, WcOK
<1>12. ASSUME NEW c \in CPUs, NEW p \in Pages, NEW v \in Vals, WritePageMap(c, p, v) PROVE IndInv'
      BY <1>12 DEF WritePageMap, DoWrite, BusWrite, IndInv, SingleWriter, DirtyIsLast, MemIsLast,
         CleanIsLast, DirtyOld, OldOK, InvalidIsZero, WcOK
\* Hardware events: fills copy the PTE (TlbOK's first clause), evictions and
\* acknowledgements only empty entries; cache fills load the last write and
\* mark lines old while a change is under way; write-backs keep MemIsLast.
<1>13. ASSUME NEW c \in CPUs, NEW b \in Bufs, TlbFill(c, b) PROVE IndInv'
      BY <1>13 DEF TlbFill, IndInv, TlbOK
<1>14. ASSUME NEW c \in CPUs, NEW b \in Bufs, TlbEvict(c, b) PROVE IndInv'
      BY <1>14 DEF TlbEvict, IndInv, TlbOK
<1>15. ASSUME NEW c \in CPUs, NEW b \in Bufs, ShootdownAck(c, b) PROVE IndInv'
      BY <1>15 DEF ShootdownAck, IndInv, TlbOK, StaleUntilShootdown, IpiOK
<1>16. ASSUME NEW c \in CPUs, NEW b \in Bufs, SpecFillSfBuf(c, b) PROVE IndInv'
      BY <1>16 DEF SpecFillSfBuf, WBLoad, LoadVal, IndInv, SingleWriter, OldOK, DirtyOld,
         DirtyIsLast, MemIsLast, CleanIsLast
<1>17. CASE TlbFillCaddr
      BY <1>17 DEF TlbFillCaddr, IndInv, CaddrOK
<1>18. CASE TlbEvictCaddr
      BY <1>18 DEF TlbEvictCaddr, IndInv, CaddrOK
<1>19. CASE SpecFillCaddr
      BY <1>19 DEF SpecFillCaddr, WBLoad, LoadVal, IndInv, CaddrOK, OldOK, DirtyIsLast, MemIsLast,
         CleanIsLast
<1>20. ASSUME NEW c \in CPUs, NEW p \in Pages, SpecFillPageMap(c, p) PROVE IndInv'
      BY <1>20 DEF SpecFillPageMap, WBLoad, LoadVal, IndInv, OldOK, DirtyIsLast, MemIsLast, CleanIsLast
<1>21. ASSUME NEW c \in CPUs, NEW p \in Pages, Evict(c, p) PROVE IndInv'
      BY <1>21 DEF Evict, IndInv, MemIsLast, DirtyIsLast, OldOK, InvalidIsZero, SingleWriter
<1>22. ASSUME NEW c \in CPUs, NEW p \in Pages, WcDrain(c, p) PROVE IndInv'
      BY <1>22 DEF WcDrain, BusWrite, IndInv, WcOK, MemIsLast, DirtyIsLast, CleanIsLast, DirtyOld
\* The attribute change: pat_mode stored (present lines marked old), the
\* lookup, pmap_qenter's store and shootdown, the flush that empties every
\* line of p (DirtyOld's FlushPending ends only there), pmap_flush_page.
<1>23. ASSUME NEW p \in Pages, NEW a \in NewAttrs, PmapPageSetMemattr(p, a) PROVE IndInv'
      BY <1>23, OneNewType DEF PmapPageSetMemattr, IndInv, PatOK, ChangeHasNewAttr, OldOK, DirtyOld,
         FlushPending, PteOK, WcOK, CleanIsLast
<1>24. ASSUME NEW p \in Pages, SfBufInvalidateLookup(p) PROVE IndInv'
      BY <1>24, ShippedCode DEF SfBufInvalidateLookup, SfBufFinds, Goto, QenterLoaded, AfterQenter,
         FlushThrough, ClflushFrame, WbinvdAll, IndInv, SfBufLockOK, PcsOK, PteOK, DirtyOld, FlushPending
<1>25. ASSUME NEW p \in Pages, SfBufInvalidateReload(p) PROVE IndInv'
      BY <1>25, ShippedCode DEF SfBufInvalidateReload, Goto, IndInv, SfBufLockOK, PcsOK, PteOK
<1>26. ASSUME NEW p \in Pages, QenterStore(p) PROVE IndInv'
      BY <1>26, ShippedCode DEF QenterStore, Goto, AfterQenter, IndInv, PteOK, TlbOK, StaleUntilShootdown
<1>27. ASSUME NEW p \in Pages, QenterInvlpg(p) PROVE IndInv'
      BY <1>27 DEF QenterInvlpg, Goto, AfterShootdown, IndInv, TlbOK, StaleUntilShootdown
<1>28. ASSUME NEW p \in Pages, QenterIpi(p) PROVE IndInv'
      BY <1>28 DEF QenterIpi, Goto, IndInv, TlbOK, StaleUntilShootdown, IpiOK
<1>29. ASSUME NEW p \in Pages, QenterWait(p) PROVE IndInv'
      BY <1>29 DEF QenterWait, Goto, AfterShootdown, IndInv, TlbOK, StaleUntilShootdown, IpiOK
<1>30. ASSUME NEW p \in Pages, SfBufInvalidateFlush(p) PROVE IndInv'
      BY <1>30 DEF SfBufInvalidateFlush, FlushThrough, ClflushFrame, WbinvdAll, Goto, IndInv, PteOK,
         TlbOK, DirtyOld, FlushPending, OldOK, InvalidIsZero
<1>31. ASSUME NEW p \in Pages, PmapFlushPageLock(p) PROVE IndInv'
      BY <1>31 DEF PmapFlushPageLock, IndInv, SysmapsLockOK, CaddrOK
<1>32. ASSUME NEW p \in Pages, PmapFlushPageEnter(p) PROVE IndInv'
      BY <1>32, ShippedCode DEF PmapFlushPageEnter, Want, IndInv, CaddrOK
<1>33. ASSUME NEW p \in Pages, PmapFlushPageInvl(p) PROVE IndInv'
      BY <1>33, ShippedCode DEF PmapFlushPageInvl, IndInv, CaddrOK
<1>34. ASSUME NEW p \in Pages, PmapFlushPageClflush(p) PROVE IndInv'
      BY <1>34, ShippedCode DEF PmapFlushPageClflush, ClflushFrame, IndInv, CaddrOK, DirtyOld,
         FlushPending, OldOK, InvalidIsZero
<1>35. ASSUME NEW p \in Pages, PmapFlushPageClear(p) PROVE IndInv'
      BY <1>35 DEF PmapFlushPageClear, IndInv, CaddrOK, SysmapsLockOK, DirtyOld, FlushPending
<1>36. ASSUME NEW p \in Pages, PmapFlushPageWbinvd(p) PROVE IndInv'
      BY <1>36 DEF PmapFlushPageWbinvd, WbinvdAll, IndInv, DirtyOld, FlushPending, OldOK, InvalidIsZero
\* sf_buf_alloc after msleep (issue 15 item 3): with the re-lookup fix it is
\* a hit on the chain's head (software only); as shipped (DupAfterSleep) it
\* is a miss for a mapped page and breaks NoDupMapping (outside ShippedCode).
<1>37. ASSUME NEW b \in Bufs, NEW p \in Pages, SfBufAllocAfterSleep(b, p) PROVE IndInv'
      BY <1>37, ShippedCode DEF SfBufAllocAfterSleep, SleepVariants, AIdle, IndInv, SfBufLockOK
<1>38. QED
      BY <1>1, <1>2, <1>3, <1>4, <1>5, <1>6, <1>7, <1>8, <1>9, <1>10, <1>11, <1>12, <1>13,
         <1>14, <1>15, <1>16, <1>17, <1>18, <1>19, <1>20, <1>21, <1>22, <1>23, <1>24, <1>25,
         <1>26, <1>27, <1>28, <1>29, <1>30, <1>31, <1>32, <1>33, <1>34, <1>35, <1>36, <1>37 DEF Next

THEOREM Safety == Spec => []IndInv
  BY InitIndInv, NextIndInv DEF Spec

\* The properties of the cfgs follow: they are conjuncts of IndInv.
THEOREM Properties == Spec => [](Coherence /\ NoStaleDirtyLine /\ SingleWriter)
  BY Safety DEF IndInv
=============================================================================
