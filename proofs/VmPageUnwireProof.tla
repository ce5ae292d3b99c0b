------------------------- MODULE VmPageUnwireProof -------------------------
(***************************************************************************)
(* NOT CHECKED BY A PROVER.  A TLAPS-style proof outline of               *)
(* Spec => []IndInv for VmPageUnwire.tla (issue 15 item 5: FreeBSD         *)
(* 0012f373e4 vm_page.c's vm_page_unwire, managed and unmanaged branches,  *)
(* vm_wire_count, the page daemon's dequeue, vm_object_terminate_pages,    *)
(* vm_page_busy_downgrade / vm_page_busy_tryupgrade with busy sleepers),   *)
(* for the fixed configurations: Variant "Fixed" on a managed page,        *)
(* "UnwireNoqOldIsLast" on an unmanaged one; the busy conjuncts for at     *)
(* most two Busiers, alone (WaitersHaveSleeper, WakerSeesNoWaiters,        *)
(* WakerHasSleeper, ChkNoWaiters rely on it).  No TLAPS backend is         *)
(* available on these machines; SANY parses and level-checks this module   *)
(* and nothing more.  What checks the argument is TLC: the inductive       *)
(* models spec/vmpage/MCUnwire*Inductive, MCBusy*Inductive (Init ==        *)
(* TypeOK /\ IndInv over every such state of a bounded universe, one step  *)
(* of Next, each conjunct its own INVARIANT) and the sampled               *)
(* MCUnwireQueuesInductiveSampled.  The words for each step are in         *)
(* proofs/vmpage.md section 4.                                             *)
(***************************************************************************)
EXTENDS VmPageUnwireInd

Busiers == {t \in Threads : Role[t] = "Busier"}
Scope == /\ \/ Managed /\ Variant = "Fixed"
            \/ ~Managed /\ Variant = "UnwireNoqOldIsLast"
         /\ Cardinality(Busiers) <= 2
         /\ Busiers # {} => Busiers = Threads /\ Managed

\* Step 1: the initial state satisfies IndInv.
THEOREM InitEstablishes == ASSUME Scope PROVE Init => IndInv
  BY DEF Init, IndInv, PcOK, WiredByPcs, WiresMatchGhostInd, WiresMatchGhost, ObjRule, OLockRule,
         PlockHeld, MvqUnderLock, QueuedWhenUnwiredStrong, OldOK, FreeOnce, Owing, FreedPage,
         WireCountExact, OwnersByPc, SleepRule, WakeupPending, WaitersHaveSleeper,
         WakerSeesNoWaiters, WakerHasSleeper, XusWaiters, ChkNoWaiters, BxOK

\* Step 2: every action of Next keeps IndInv (one step per action).
THEOREM StepPreserves ==
  ASSUME Scope PROVE IndInv /\ [Next]_vars => IndInv'
<1> USE DEF IndInv
\* vm_page_unwire, managed: old = m->ref_count
<1>1. ASSUME IndInv, \E t \in Threads : UwLd(t) PROVE IndInv'
      BY DEF UwLd, OldOK, WiredByPcs
\* the CAS loop: page lock + vm_page_mvqueue on the last wiring, fcmpset_rel, unlock after
<1>2. ASSUME IndInv, \E t \in Threads : UwCas(t) PROVE IndInv'
      BY DEF UwCas, AfterCas, OldOK, WiredByPcs, WiresMatchGhostInd, PlockHeld, MvqUnderLock,
             QueuedWhenUnwiredStrong, FreeOnce, Owing, WireCountExact, ObjRule
\* the buggy order (UnwireUnlockBeforeCas): disabled in Scope
<1>3. ASSUME IndInv, \E t \in Threads : UwMvqUnlock(t) PROVE IndInv'
      BY DEF UwMvqUnlock
\* vm_wire_sub(1); vm_page_free if old == 1
<1>4. ASSUME IndInv, \E t \in Threads : UwSub(t) PROVE IndInv'
      BY DEF UwSub, WireCountExact, OldOK, FreeOnce, Owing
\* vm_page_unwire_noq: vm_page_drop (fetchadd)
<1>5. ASSUME IndInv, \E t \in Threads : UnqDrop(t) PROVE IndInv'
      BY DEF UnqDrop, OldOK, WiredByPcs, WiresMatchGhostInd, FreeOnce, Owing, ObjRule
\* vm_wire_sub, then free iff old == 1 (the fix)
<1>6. ASSUME IndInv, \E t \in Threads : UnqSub(t) PROVE IndInv'
      BY DEF UnqSub, WireCountExact, OldOK, PcOK, FreeOnce, Owing
\* the unlocked m->ref_count == 0 test: no thread reaches it in Scope (PcOK)
<1>7. ASSUME IndInv, \E t \in Threads : UnqTest(t) PROVE IndInv'
      BY DEF UnqTest, PcOK
\* vm_page_free -> vm_page_free_prep, by an unwirer or the Terminator
<1>8. ASSUME IndInv, \E t \in Threads, P \in {"uw", "tm"} : FpFree(t, P, "done") PROVE IndInv'
      BY DEF FpFree, FreeOnce, Owing, FreedPage, OLockRule, FreedOnceInd, FreedOnce,
             NoFreeWhileReferencedInd, NoFreeWhileReferenced, BusyOwnerMatchesWordInd
\* vm_page_wire under the object lock; vm_wire_add
<1>9. ASSUME IndInv, \E t \in Threads : FaWire(t) PROVE IndInv'
      BY DEF FaWire, WiredByPcs, WiresMatchGhostInd, ObjRule, OLockRule, OldOK, WireCountExact
<1>10. ASSUME IndInv, \E t \in Threads : FaAdd(t) PROVE IndInv'
       BY DEF FaAdd, WireCountExact, OldOK
\* the page daemon dequeues a wired page under the page lock
<1>11. ASSUME IndInv, \E t \in Threads : DmScan(t) PROVE IndInv'
       BY DEF DmScan, PlockHeld, QueuedWhenUnwiredStrong
\* vm_object_terminate_pages: p->object = NULL; vm_page_drop(OBJREF)
<1>12. ASSUME IndInv, \E t \in Threads : TmDrop(t) PROVE IndInv'
       BY DEF TmDrop, ObjRule, OLockRule, FreeOnce, Owing, BusyOwnerMatchesWordInd
\* vm_page_tryxbusy (and the retry after a sleep)
<1>13. ASSUME IndInv, \E t \in Threads, P \in {"x", "xd"}, n \in {"x_xu", "xd_dg"} : BxTry(t, P, n)
       PROVE IndInv'
       BY DEF BxTry, OwnersByPc, BusyOwnerMatchesWordInd, BusyExclusiveInd, SleepRule
\* _vm_page_busy_sleep: sleepq_lock, load; check, cmpset WAITERS, sleep
<1>14. ASSUME IndInv, \E t \in Threads, P \in {"x_bs", "xd_bs", "su_bs"} : BsSq(t, P) PROVE IndInv'
       BY DEF BsSq, SleepRule, ChkNoWaiters, WaitersHaveSleeper, WaitersImpliesBusyInd, OwnersByPc, BxOK
<1>15. ASSUME IndInv, \E t \in Threads, P \in {"x_bs", "xd_bs", "su_bs"}, NS \in BOOLEAN,
                          r \in {"x_try", "xd_try", "su_try"} : BsChk(t, P, NS, r)
       PROVE IndInv'
       BY DEF BsChk, SleepRule, ChkNoWaiters, WakeupPending, WaitersHaveSleeper, WaitersImpliesBusyInd
\* vm_page_xunbusy: cmpset fast path (XuCas), vm_page_xunbusy_hard's store (XuStore), wakeup(m) (Wake)
<1>16. ASSUME IndInv, \E t \in Threads, P \in {"x", "su"} : XuCas(t, P, "idle") PROVE IndInv'
       BY DEF XuCas, OwnersByPc, XusWaiters, BusyOwnerMatchesWordInd
<1>17. ASSUME IndInv, \E t \in Threads, P \in {"x", "su"} : XuStore(t, P) PROVE IndInv'
       BY DEF XuStore, XusWaiters, WakerHasSleeper, WakerSeesNoWaiters, WaitersHaveSleeper, WakeupPending
<1>18. ASSUME IndInv, \E t \in Threads, P \in {"x", "su"} : Wake(t, P \o "_xuw", Done(t, "idle"))
       PROVE IndInv'
       BY DEF Wake, Done, WakerSeesNoWaiters, WaitersHaveSleeper, SleepRule
\* vm_page_busy_downgrade: load; fcmpset_rel to SHARERS_WORD(1); wakeup if WAITERS
<1>19. ASSUME IndInv, \E t \in Threads : DgLd(t) PROVE IndInv'
       BY DEF DgLd, BxOK, OwnersByPc
<1>20. ASSUME IndInv, \E t \in Threads : DgCas(t) PROVE IndInv'
       BY DEF DgCas, BxOK, OwnersByPc, WakeupPending, WakerHasSleeper, WakerSeesNoWaiters, WaitersHaveSleeper
<1>29. ASSUME IndInv, \E t \in Threads : Wake(t, "xd_dgw", Goto(t, "xd_su") /\ UNCHANGED <<old, bx>>)
       PROVE IndInv'
       BY DEF Wake, Goto, WakerSeesNoWaiters, WaitersHaveSleeper, SleepRule
\* vm_page_sunbusy: load; fcmpset (last sharer: to UNBUSIED, wakeup if WAITERS)
<1>21. ASSUME IndInv, \E t \in Threads, P \in {"xd", "su"} : SuLd(t, P) PROVE IndInv'
       BY DEF SuLd, BxOK
<1>22. ASSUME IndInv, \E t \in Threads, P \in {"xd", "su"} : SuCas(t, P, "idle") PROVE IndInv'
       BY DEF SuCas, BxOK, OwnersByPc, WakeupPending, WakerHasSleeper, WakerSeesNoWaiters
<1>30. ASSUME IndInv, \E t \in Threads, P \in {"xd", "su"} : Wake(t, P \o "_suw", Done(t, "idle"))
       PROVE IndInv'
       BY DEF Wake, Done, WakerSeesNoWaiters, WaitersHaveSleeper, SleepRule
\* vm_page_trysbusy: load; fcmpset_acq(x + ONE_SHARER)
<1>23. ASSUME IndInv, \E t \in Threads : BsLd(t) PROVE IndInv'
       BY DEF BsLd, BxOK
<1>24. ASSUME IndInv, \E t \in Threads : BsCas(t) PROVE IndInv'
       BY DEF BsCas, OwnersByPc, BusyOwnerMatchesWordInd
\* vm_page_busy_tryupgrade: load; fcmpset_acq(SINGLE_EXCLUSIVER | (x & WAITERS))
<1>25. ASSUME IndInv, \E t \in Threads : UpLd(t) PROVE IndInv'
       BY DEF UpLd, BxOK, OwnersByPc
<1>26. ASSUME IndInv, \E t \in Threads : UpCas(t) PROVE IndInv'
       BY DEF UpCas, BxOK, OwnersByPc, WakeupPending, WaitersHaveSleeper, BusyOwnerMatchesWordInd
<1>27. ASSUME IndInv, UNCHANGED vars PROVE IndInv'
       BY DEF vars
<1>28. QED
       BY <1>1, <1>2, <1>3, <1>4, <1>5, <1>6, <1>7, <1>8, <1>9, <1>10, <1>11, <1>12, <1>13,
          <1>14, <1>15, <1>16, <1>17, <1>18, <1>19, <1>20, <1>21, <1>22, <1>23, <1>24, <1>25,
          <1>26, <1>27, <1>29, <1>30
          DEF Next, HolderSteps, BusierSteps, Xunbusy, Sunbusy, BusySleep, ThreadsOf

THEOREM Safety == ASSUME Scope PROVE Spec => []IndInv
<1>1. Init => IndInv
      BY InitEstablishes
<1>2. IndInv /\ [Next]_vars => IndInv'
      BY StepPreserves
<1>3. QED
      BY <1>1, <1>2 DEF Spec  \* the induction rule INV1 (PTL)
=============================================================================
