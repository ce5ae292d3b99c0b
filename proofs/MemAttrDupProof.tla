--------------------------- MODULE MemAttrDupProof ---------------------------
(***************************************************************************)
(* TLAPS-style proof outline: Variant "DupAfterSleepProcessAll" of         *)
(* spec/memattr/MemAttr.tla (FreeBSD 9.3 i386 vm_machdep.c @808719858c6e   *)
(* sf_buf_alloc callers that sleep, so a page can have two sf_bufs; the    *)
(* fix in which sf_buf_invalidate_cache re-enters and flushes every sf_buf *)
(* of the page) keeps MemAttrIndDup's IndInvDup, hence Coherence and       *)
(* NoStaleDirtyLine.                                                       *)
(*                                                                         *)
(* This module is NOT CHECKED BY A PROVER: no TLAPS backend is available   *)
(* to these machines.  SANY parses and level-checks it in the tests        *)
(* (ProofModulesTest).  What checks the steps is TLC:                      *)
(* spec/memattr/MCIndDupAfterSleepProcessAllDup (every state of TypeOK /\  *)
(* IndInvDup of 1 CPU, 1 page, 2 sf_bufs, one value; one step of Next).    *)
(* The steps that differ from proofs/MemAttrProof.tla (whose argument the  *)
(* other actions keep, with PteOKDup for PteOK and without NoDupMapping)   *)
(* are written out in proofs/memattr.md, "DupAfterSleepProcessAll".        *)
(***************************************************************************)
EXTENDS MemAttrIndDup

ASSUME ProcessAll  == Variant = "DupAfterSleepProcessAll"
ASSUME FineGrained == Granularity = "fine" /\ ~SelfSnoop
ASSUME OneNewType  == NewAttrs \in {{"UC"}, {"WC"}}

LEMMA InitIndInvDup == Init => IndInvDup
  BY DEF Init, InitVars, IndInvDup, TypeOK, Coherence, NoStaleDirtyLine, SingleWriter,
         PatOK, ChangeHasNewAttr, SfBufLockOK, SysmapsLockOK, PcsOK, IpiOK, ChainNoDup,
         PteOKDup, TlbOK, CaddrOK, WcOK, OldOK, DirtyOld, DirtyIsLast, MemIsLast, CleanIsLast,
         InvalidIsZero, Entry, NoEntry, Entries

LEMMA NextIndInvDup == IndInvDup /\ [Next]_vars => IndInvDup'
<1> SUFFICES ASSUME IndInvDup, [Next]_vars PROVE IndInvDup'
    OBVIOUS
\* the second sf_buf: entered with the page's current attribute, first in the chain; sf_buf_lock
\* is free (AIdle), so no walk is under way at a locked step and PteOKDup's Unreached is not needed
<1>1. ASSUME NEW b \in Bufs, NEW p \in Pages, SfBufAllocAfterSleep(b, p) PROVE IndInvDup'
      BY <1>1, ProcessAll DEF SfBufAllocAfterSleep, MissStore, Rehash, Unchain, AIdle, IndInvDup,
         SfBufLockOK, ChainNoDup, PteOKDup, TlbOK
\* the walk starts at the chain's first sf_buf of p; the others are Unreached
<1>2. ASSUME NEW p \in Pages, SfBufInvalidateLookup(p) PROVE IndInvDup'
      BY <1>2, ProcessAll DEF SfBufInvalidateLookup, FirstMatch, SfBufFinds, QenterLoaded, Goto,
         IndInvDup, SfBufLockOK, PteOKDup, Unreached
\* pmap_qenter's store re-enters fb[p] with the new attribute
<1>3. ASSUME NEW p \in Pages, QenterStore(p) PROVE IndInvDup'
      BY <1>3 DEF QenterStore, Goto, IndInvDup, PteOKDup, TlbOK, StaleUntilShootdown
\* after fb[p]'s flush the walk goes on to the next match (its WB entry was Unreached: the store
\* follows) or ends once every sf_buf of p has the new attribute
<1>4. ASSUME NEW p \in Pages, SfBufInvalidateFlush(p) PROVE IndInvDup'
      BY <1>4, ProcessAll DEF SfBufInvalidateFlush, NextMatch, SfBufFinds, QenterLoaded, FlushThrough,
         ClflushFrame, WbinvdAll, Goto, IndInvDup, PteOKDup, Unreached, TlbOK, DirtyOld, FlushPending,
         OldOK, InvalidIsZero
\* every other disjunct of Next: MemAttrProof's step, which uses neither NoDupMapping nor the
\* single-entry chain (the hash hit takes the chain's head, ReadSfBuf/WriteSfBuf go through any
\* mapping's TLB entry, which TlbOK and PteOKDup constrain as PteOK did)
<1>5. ASSUME ~\E b \in Bufs, p \in Pages : SfBufAllocAfterSleep(b, p),
             ~\E p \in Pages : SfBufInvalidateLookup(p) \/ QenterStore(p) \/ SfBufInvalidateFlush(p)
      PROVE IndInvDup'
      BY DEF Next, IndInvDup, PteOKDup, Unreached, TlbOK, StaleUntilShootdown, DirtyOld, FlushPending
<1>6. QED
      BY <1>1, <1>2, <1>3, <1>4, <1>5

THEOREM SafetyDup == Spec => []IndInvDup
  BY InitIndInvDup, NextIndInvDup DEF Spec

THEOREM PropertiesDup == Spec => [](Coherence /\ NoStaleDirtyLine /\ SingleWriter)
  BY SafetyDup DEF IndInvDup
=============================================================================
