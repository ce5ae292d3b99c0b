---------------------------- MODULE VmPageProof -----------------------------
(***************************************************************************)
(* NOT CHECKED BY A PROVER.  A TLAPS-style proof outline of               *)
(* Spec => []IndInv for VmPage, Variant "Fixed", for the roles VmPageInd   *)
(* covers (Remover, Terminator, PmapHolder, Faulter with vm_page_unwire or *)
(* vm_page_release(VPR_TRYFREE), Unmapper, Mapper, Busier (xbusy only),    *)
(* WriteProtector, the MMU; one CPU, hardware granularity), in runs        *)
(* without munmap when the release path is present (ReleaseMunmapRace and *)
(* ReleaseDelayedInvl are reachable violations of Variant Fixed; proofs/   *)
(* vmpage.md 2.8), and without a Terminator next to a busy owner other    *)
(* than the remover.  No TLAPS backend is *)
(* available on these machines; SANY parses and level-checks this module  *)
(* and nothing more.  What checks the argument is TLC: the inductive       *)
(* models spec/vmpage/MC*Inductive* (Init == TypeOK /\ IndInv over every  *)
(* such state of a bounded universe, one step of Next, each conjunct its   *)
(* own INVARIANT).  They cover two roles at a time (proofs/vmpage.md 2.4,  *)
(* 2.7): Remover alone / + Unmapper / + Mapper / + PmapHolder / + Faulter,  *)
(* Terminator + Faulter, WriteProtector alone, two Busiers, Faulter        *)
(* releasing + Mapper / + PmapHolder; 3-4 roles only sampled.              *)
(***************************************************************************)
EXTENDS VmPageInd

CoveredRoles == {"Remover", "Terminator", "PmapHolder", "Faulter", "Unmapper", "Mapper", "Busier",
                 "WriteProtector"}
Scope == /\ Variant = "Fixed" /\ ~LockAtomic /\ BusyKinds = {"x"}
         /\ UnwireKinds \in {{"unwire"}, {"release_tryfree"}, {"unwire", "release_tryfree"}}
         /\ "release_tryfree" \in UnwireKinds => \A t \in Threads : Role[t] # "Unmapper"
         /\ (\E t \in Threads : Role[t] = "Terminator") =>
                \A t \in Threads : Role[t] \notin {"Mapper", "Busier", "WriteProtector"}
         /\ \A t \in Threads : Role[t] \in CoveredRoles
         /\ CPUs = {KCpu} /\ Cardinality(Pmaps) = 1

THEOREM InitEstablishes == ASSUME Scope PROVE Init => IndInv
  BY DEF Init, IndInv, PcOK, LocalsOK, OldOK, WiresMatchGhostInd, WiredByPcs, ObjrefRule,
         BlockedRule, OLockRule, BusyRule, SleepRule, PmapLocks, PteRule, TlbRule, DiqRule, FreeOnce

THEOREM StepPreserves ==
  ASSUME Scope PROVE IndInv /\ [Next]_vars => IndInv'
<1> USE DEF IndInv
\* vm_fault-like wiring under the object read lock (FaStart: VM_OBJECT_RLOCK; FaWire: vm_page_wire)
<1>1. ASSUME IndInv, \E t \in Threads : FaStart(t) PROVE IndInv'
      BY DEF FaStart, OLockRule, LocalsOK
<1>2. ASSUME IndInv, \E t \in Threads : FaWire(t) PROVE IndInv'
      BY DEF FaWire, OLockRule, BlockedRule, WiredByPcs, WiresMatchGhostInd, ObjrefRule
\* pmap_extract_and_hold + vm_page_wire_mapped
<1>3. ASSUME IndInv, \E t \in Threads : PhStart(t) PROVE IndInv'
      BY DEF PhStart, PmapLocks, HolderMapped, OrphanRule
<1>4. ASSUME IndInv, \E t \in Threads : PhCas(t) PROVE IndInv'
      BY DEF PhCas, BlockedRule, WiredByPcs, WiresMatchGhostInd, HolderMapped, RemoverWindow
\* vm_page_unwire (UwLd: old = ref_count; UwCas: fcmpset_rel, free on old == 1)
<1>5. ASSUME IndInv, \E t \in Threads : UwLd(t) PROVE IndInv'
      BY DEF UwLd, OldOK
<1>6. ASSUME IndInv, \E t \in Threads : UwCas(t) PROVE IndInv'
      BY DEF UwCas, OldOK, WiredByPcs, WiresMatchGhostInd, ObjrefRule, OrphanRule, FreeOnce
\* vm_page_free -> free_prep (FpSb, FpObj, FpOst, FpXb, xunbusy, FpFin), every caller
<1>7. ASSUME IndInv, \E t \in Threads, P \in {"rm_fp", "uw_fp", "tm_fp"} : FpSb(t, P) PROVE IndInv'
      BY DEF FpSb, RemoverWindow, OrphanRule, TerminatorRule
<1>8. ASSUME IndInv, \E t \in Threads, P \in {"rm_fp", "uw_fp", "tm_fp"} : FpObj(t, P) PROVE IndInv'
      BY DEF FpObj, RemoverWindow, ObjrefRule, OldOK
<1>9. ASSUME IndInv, \E t \in Threads, P \in {"rm_fp", "uw_fp", "tm_fp"} : FpOst(t, P) PROVE IndInv'
      BY DEF FpOst, RemoverWindow, ObjrefRule, OldOK
<1>10. ASSUME IndInv, \E t \in Threads, P \in {"rm_fp", "uw_fp", "tm_fp"} : FpXb(t, P) PROVE IndInv'
       BY DEF FpXb, BusyRule
<1>11. ASSUME IndInv, \E t \in Threads, P \in {"rm_fp", "rm_wp"}, d \in {<<"idle", TRUE>>, <<"rm_fp_fin", FALSE>>} :
                            XuCas(t, P, d) \/ XuStore(t, P) \/ XuWake(t, P, d) PROVE IndInv'
       BY DEF XuCas, XuStore, XuWake, BusyRule, SleepRule
<1>12. ASSUME IndInv, \E t \in Threads, P \in {"rm_fp", "uw_fp", "tm_fp"},
                            d \in {<<"idle", TRUE>>, <<"idle", FALSE>>, <<"done", TRUE>>} : FpFin(t, P, d)
       PROVE IndInv'
       BY DEF FpFin, FreeOnce, RemoverWindow, TerminatorRule, OrphanRule, NoFreeWhileReferencedInd
\* vm_object_page_remove (RmLock, RmBusy: tryxbusy, RmWired, busy_sleep)
<1>13. ASSUME IndInv, \E t \in Threads : RmLock(t, "idle") \/ RmLock(t, "rm_relock") PROVE IndInv'
       BY DEF RmLock, OLockRule, SleepRule
<1>14. ASSUME IndInv, \E t \in Threads : RmBusy(t) PROVE IndInv'
       BY DEF RmBusy, BusyRule
<1>15. ASSUME IndInv, \E t \in Threads : RmWired(t) PROVE IndInv'
       BY DEF RmWired
<1>16. ASSUME IndInv, \E t \in Threads : BsSq(t, "rm_bs") \/ BsChk(t, "rm_bs", FALSE, "rm_relock")
                                        \/ BsWait(t, "rm_bs", "rm_relock") PROVE IndInv'
       BY DEF BsSq, BsChk, BsWait, SleepRule, BusyRule, LocalsOK
\* vm_page_try_blocked_op (TbLd, TbCas: fcmpset old | BLOCKED, TbDrop)
<1>17. ASSUME IndInv, \E t \in Threads : TbLd(t, "rm_tb") PROVE IndInv'
       BY DEF TbLd, OldOK
<1>18. ASSUME IndInv, \E t \in Threads : TbCas(t, "rm_tb", "all", "rm_fp_sb", "rm_wp_op") PROVE IndInv'
       BY DEF TbCas, BlockedRule, OldOK, RemoverWindow
<1>19. ASSUME IndInv, \E t \in Threads : TbDrop(t, "rm_tb", "rm_fp_sb") PROVE IndInv'
       BY DEF TbDrop, BlockedRule, RemoverWindow
\* pmap_remove_all (PvWait, RaClear: pte_load_clear, pmap_invalidate_page, DiWait)
<1>20. ASSUME IndInv, \E t \in Threads, P \in {"rm_tb", "rm_wp", "um"}, p \in Pmaps :
                            PvWait(t, P \o "_op", P, p) \/ PvWait(t, "idle", "um", p) PROVE IndInv'
       BY DEF PvWait, PmapLocks, LocalsOK
<1>21. ASSUME IndInv, \E t \in Threads, P \in {"rm_tb", "rm_wp"}, N \in {"rm_tb_drop", "rm_wp_xu"} : RaClear(t, P, N)
       PROVE IndInv'
       BY DEF RaClear, PteRule, TlbRule, PmapLocks, DirtyTracked
<1>22. ASSUME IndInv, \E t \in Threads, K \in {"ra", "um"}, P \in {"rm_tb", "rm_wp", "um"},
                            N \in {"rm_tb_drop", "rm_wp_xu", "idle"} :
                            InvLocal(t, K, P, N) \/ InvSend(t, P) \/ InvWait(t, K, P, N) PROVE IndInv'
       BY DEF InvLocal, InvSend, InvWait, InvTail, TlbRule, PteRule, PmapLocks, DiqRule, RemoverWindow
<1>23. ASSUME IndInv, \E t \in Threads, P \in {"rm_tb", "rm_wp"}, N \in {"rm_tb_drop", "rm_wp_xu"} : DiWait(t, P, N)
       PROVE IndInv'
       BY DEF DiWait, DiqRule, RemoverWindow
\* vm_object_terminate_pages (TmStart, TmDrop: vm_page_drop(OBJREF))
<1>24. ASSUME IndInv, \E t \in Threads : TmStart(t) PROVE IndInv'
       BY DEF TmStart, TerminatorRule, OLockRule
<1>25. ASSUME IndInv, \E t \in Threads : TmDrop(t) PROVE IndInv'
       BY DEF TmDrop, ObjrefRule, TerminatorRule, OrphanRule
\* munmap -> pmap_remove (UmClear: pte_load_clear, pv entry freed, delayed invalidation)
<1>26. ASSUME IndInv, \E t \in Threads : UmClear(t) PROVE IndInv'
       BY DEF UmClear, PteRule, TlbRule, DiqRule, PmapLocks
\* the MMU: page walk, user write (PG_M), IPI acknowledgement
<1>27. ASSUME IndInv, \E c \in CPUs, p \in Pmaps : TLBFill(c, p) PROVE IndInv'
       BY DEF TLBFill, TlbRule
<1>28. ASSUME IndInv, \E c \in CPUs, p \in Pmaps : UserWrite(c, p) PROVE IndInv'
       BY DEF UserWrite, TlbRule, PteRule, DirtyTracked
<1>29. ASSUME IndInv, \E c \in CPUs, p \in Pmaps : IpiAck(c, p) PROVE IndInv'
       BY DEF IpiAck, TlbRule
<1>30. ASSUME IndInv, UNCHANGED vars PROVE IndInv'
       BY DEF vars
\* vm_fault -> pmap_enter under xbusy (MpStart/MpBusy: W lock, tryxbusy; MpEnter/MpStore:
\* pv-list + pmap lock, pte_store; MpRelock and the xunbusy under the write lock)
<1>31. ASSUME IndInv, \E t \in Threads : MpStart(t) \/ MpBusy(t) \/ MpRelock(t) PROVE IndInv'
       BY DEF MpStart, MpBusy, MpRelock, OLockRule, BusyRule, MapperRule
<1>32. ASSUME IndInv, \E t \in Threads, p \in Pmaps : MpEnter(t) \/ MpStore(t) \/ PvWait(t, "mp_enter", "mp", p)
       PROVE IndInv'
       BY DEF MpEnter, MpStore, MpNext, PvWait, PmapLocks, PteRule, TlbRule, MapperRule, OrphanRule,
              ReleaseRule, DirtyTracked
<1>33. ASSUME IndInv, \E t \in Threads, P \in {"mp", "bzx", "wp"} :
                            XuCas(t, P, <<"idle", P # "bzx">>) \/ XuStore(t, P) \/ XuWake(t, P, <<"idle", P # "bzx">>)
       PROVE IndInv'
       BY DEF XuCas, XuStore, XuWake, BusyRule, SleepRule, WakeupPending, ReleaseRule
\* a busy contender (BzStart: W lock; BzxTry: tryxbusy; busy_sleep under the sleepqueue lock)
<1>34. ASSUME IndInv, \E t \in Threads : BzStart(t) \/ BzxTry(t) \/ BsSq(t, "bzx_bs")
                            \/ BsChk(t, "bzx_bs", FALSE, "bzx_relock") \/ BsWait(t, "bzx_bs", "bzx_relock")
       PROVE IndInv'
       BY DEF BzStart, BzxTry, BsSq, BsChk, BsWait, OLockRule, BusyRule, SleepRule, WakeupPending, LocalsOK
\* vm_page_try_remove_write (WpStart/WpBusy; try_blocked_op; pmap_remove_write: RwLd, RwReld,
\* RwCas (atomic_cmpset_long), pmap_invalidate_page, the delayed-invl wait)
<1>35. ASSUME IndInv, \E t \in Threads : WpStart(t) \/ WpBusy(t) \/ TbLd(t, "wp_tb")
                            \/ TbCas(t, "wp_tb", "write", "wp_xu", "wp_xu") \/ TbDrop(t, "wp_tb", "wp_xu")
       PROVE IndInv'
       BY DEF WpStart, WpBusy, TbLd, TbCas, TbDrop, OLockRule, BusyRule, BlockedRule, OldOK, WriteProtectRule
<1>36. ASSUME IndInv, \E t \in Threads, p \in Pmaps :
                            PvWait(t, "wp_tb_op", "wp_tb", p) \/ RwLd(t, "wp_tb", "wp_tb_drop")
                            \/ RwReld(t, "wp_tb", "wp_tb_drop") \/ RwCas(t, "wp_tb")
                            \/ Invalidate(t, "rw", "wp_tb", "wp_tb_drop") \/ DiWait(t, "wp_tb", "wp_tb_drop")
       PROVE IndInv'
       BY DEF PvWait, RwLd, RwLoaded, RwReld, RwCas, Invalidate, InvLocal, InvSend, InvWait, InvTail, DiWait,
              PmapLocks, PteRule, TlbRule, WriteProtectRule, DirtyTracked
\* vm_page_release(VPR_TRYFREE) -> vm_page_release_locked -> vm_page_free
<1>37. ASSUME IndInv, \E t \in Threads : RlObj(t) \/ RlBusy(t) \/ RlTry(t) \/ RlkDrop(t) \/ RlkMap(t) \/ RlkBusy(t)
       PROVE IndInv'
       BY DEF RlObj, RlBusy, RlTry, RlkDrop, RlkMap, RlkBusy, OLockRule, WiredByPcs, WiresMatchGhostInd,
              ReleaseRule
<1>38. ASSUME IndInv, \E t \in Threads : FreePath(t, "rl_fp", <<"idle", TRUE>>) PROVE IndInv'
       BY DEF FreePath, FpSb, FpObj, FpOst, FpXb, FpFin, ReleaseRule, ObjrefRule, OldOK, FreeOnce,
              NoFreeWhileReferencedInd, NoStaleTlbAfterFreeInd
<1>39. QED
       BY <1>1, <1>2, <1>3, <1>4, <1>5, <1>6, <1>7, <1>8, <1>9, <1>10, <1>11, <1>12, <1>13,
          <1>14, <1>15, <1>16, <1>17, <1>18, <1>19, <1>20, <1>21, <1>22, <1>23, <1>24, <1>25,
          <1>26, <1>27, <1>28, <1>29, <1>30, <1>31, <1>32, <1>33, <1>34, <1>35, <1>36, <1>37, <1>38
          DEF Next, ThreadsOf, HoldSteps, FreePath, Xunbusy, RemoverSteps, TerminatorSteps,
              UnmapperSteps, MapperSteps, BusierSteps, WriteProtectorSteps, PmapRemoveWrite,
              TryBlockedOp, PmapRemoveAll, BusySleep, Invalidate, Hardware, PcOK

THEOREM Safety == ASSUME Scope PROVE Spec => []IndInv
<1>1. Init => IndInv
      BY InitEstablishes
<1>2. IndInv /\ [Next]_vars => IndInv'
      BY StepPreserves
<1>3. QED
      BY <1>1, <1>2 DEF Spec  \* the induction rule INV1 (PTL)
=============================================================================
