----------------------------- MODULE SfBufProof -----------------------------
(***************************************************************************)
(* TLAPS-style proof outline that the sf_buf invariant IndInv              *)
(* (spec/sfbuf/SfBufInd.tla) is inductive, hence Spec => []IndInv, for the  *)
(* fixed fine-granularity configurations (FixedConfig below).              *)
(*                                                                         *)
(* NOT CHECKED BY A PROVER.  No TLAPS backend is available on these        *)
(* machines; SANY only parses and level-checks this module (the tests run  *)
(* SANY on proofs/*.tla).  What checks the claim is TLC: the inductive     *)
(* models spec/sfbuf/MC*Inductive* start from EVERY state of TypeOK /\      *)
(* IndInv over a bounded universe and check IndInv after one step of Next  *)
(* (manifest "mode": "inductive"), plus random states at larger constants  *)
(* ("inductive-sampled").  The per-action argument each step stands for is *)
(* written out in proofs/sfbuf.md.  Core TLA+2 proof syntax only (no       *)
(* EXTENDS TLAPS, so no PTL/SMT hints: the BY clauses name the facts and   *)
(* definitions a backend would be given).                                  *)
(***************************************************************************)
EXTENDS SfBufLazyInd   \* SfBufInd and the issue-15 variants' IndInvLazy / IndInvWake

\* The configurations IndInv is claimed inductive for: no seeded mutation,
\* no wiring protocol (WireIdle), the fine-granularity view, sf_buf_map with
\* pte_load_store wherever the load/store race exists (FreeBSD from 2005 on,
\* SMP or UP with TLBs), and the hash re-lookup after msleep when there is
\* more than one buffer (else SF1 fails: model DupAfterSleep).
FixedConfig ==
    /\ Bug = "None"
    /\ Wiring = "None"
    /\ ~LockAtomic
    /\ (Variant = "FreeBSDLater" /\ TLB) => PteXchg
    /\ Cardinality(Bufs) > 1 => RelookupAfterSleep

ASSUME FixedAssumption == FixedConfig

\* Definitions every step unfolds.
LEMMA InitEstablishes == Init => IndInv
  BY FixedAssumption
  DEF Init, IndInv, TypeOK, SF1, SF2, SF3, SF4, SF9, RefMatchesHolds, StablePTE,
      MaskSound, SF7, SF8, NoStaleRead, WireBalance, NoUnwireWhileReferenced,
      PcDomain, LockHeld, LocalsShape, LoadedPte, PteTracksHash, HeldBound,
      HeldGhosts, PrivPinned, CSPinned, HolderNotOwed, RemapUnheld, IpiPending,
      UPTlbSound, UPPgaRule, NoTlb, UPMask, SigShape, WireIdle

LEMMA StepPreserves == IndInv /\ [Next]_vars => IndInv'
<1> SUFFICES ASSUME IndInv, [Next]_vars PROVE IndInv'
    OBVIOUS
<1> USE FixedAssumption DEF FixedConfig
\* sf_buf_alloc, hash hit (S1 @07a217d2; S2; S6; rev 1.219/1.220)
<1>1. CASE \E t \in Threads, p \in Pages, f \in FlagChoices : AllocHit(t, p, f)
      BY <1>1 DEF AllocHit, HitBody, HitShootdown, ShootOthers, Stay, Finish, GrantRef,
                  CanAlloc, IndInv
\* sf_buf_alloc, miss with a free buffer (MissBody, sf_buf_map's first step)
<1>2. CASE \E t \in Threads, p \in Pages, f \in FlagChoices : AllocMiss(t, p, f)
      BY <1>2 DEF AllocMiss, MissBody, MapFirst, AfterStore, Shootdown, ShootOthers,
                  ResetRule, Stay, Done, Finish, GrantRef, CanAlloc, IndInv
\* sf_buf_alloc(SFB_NOWAIT) returning NULL
<1>3. CASE \E t \in Threads, p \in Pages, f \in FlagChoices : AllocNoWait(t, p, f)
      BY <1>3 DEF AllocNoWait, AfterNull, IndInv
\* sf_buf_alloc's msleep (want++)
<1>4. CASE \E t \in Threads, p \in Pages, f \in FlagChoices : SleepEnter(t, p, f)
      BY <1>4 DEF SleepEnter, CanAlloc, IndInv
\* msleep returns with a signal: NULL
<1>5. CASE \E t \in Threads : SleepExitSignal(t)
      BY <1>5 DEF SleepExitSignal, AfterNull, IndInv
\* msleep returns, free list still empty: sleep again
<1>6. CASE \E t \in Threads : SleepExitRetry(t)
      BY <1>6 DEF SleepExitRetry, IndInv
\* msleep returns, take the free list's head (SF1 needs RelookupAfterSleep
\* when there are two buffers or more)
<1>7. CASE \E t \in Threads : SleepExitTake(t)
      BY <1>7 DEF SleepExitTake, MissBody, MapFirst, AfterStore, Shootdown, ShootOthers,
                  ResetRule, Stay, Done, Finish, GrantRef, IndInv
\* hypothetical fix: hash re-lookup after msleep, hit
<1>8. CASE \E t \in Threads : SleepExitHit(t)
      BY <1>8 DEF SleepExitHit, HitBody, HitShootdown, ShootOthers, Stay, Finish, GrantRef,
                  IndInv
\* sf_buf_map's PTE store (unreachable under FixedConfig with TLBs: vacuous)
<1>9. CASE \E t \in Threads : MapStore(t)
      BY <1>9 DEF MapStore, PcDomain, PcDomainOf, IndInv
\* PGATestNew's reload (unreachable under FixedConfig: vacuous)
<1>10. CASE \E t \in Threads : MapLoad(t)
      BY <1>10 DEF MapLoad, PcDomain, PcDomainOf, IndInv
\* UP invalidation (pmap_invalidate_page, pmap_qenter's invlpg)
<1>11. CASE \E t \in Threads : UpInval(t)
      BY <1>11 DEF UpInval, Done, Finish, GrantRef, InCS, IndInv
\* SHOOTDOWN's local invlpg (S2)
<1>12. CASE \E t \in Threads : ShootLocal(t)
      BY <1>12 DEF ShootLocal, ShootOthers, Stay, Done, Finish, GrantRef, InCS, IndInv
\* smp_masked_invlpg, IPI send (S2)
<1>13. CASE \E t \in Threads : ShootIPI(t)
      BY <1>13 DEF ShootIPI, Stay, InCS, IndInv
\* smp_masked_invlpg, wait for the acknowledgements (S2)
<1>14. CASE \E t \in Threads : ShootWait(t)
      BY <1>14 DEF ShootWait, Done, Finish, GrantRef, InCS, IndInv
\* rev 1.219 sf_buf_free's pmap_qremove invalidation and wakeup
<1>15. CASE \E t \in Threads : FreeInval(t)
      BY <1>15 DEF FreeInval, Wake, WakeChoices, InCS, IndInv
\* sf_buf_free (S1 @07a217d2; S2; rev 1.219/1.220; S6)
<1>16. CASE \E t \in Threads, b \in Bufs : Free(t, b)
      BY <1>16 DEF Free, Wake, WakeChoices, KeepMapping, IndInv
\* sf_buf_mext's sf_buf_page (Wiring = "UnwirePerFree" only: disabled)
<1>17. CASE \E t \in Threads, b \in Bufs : MextPage(t, b)
      BY <1>17 DEF MextPage
\* sf_buf_ref
<1>18. CASE \E t \in Threads, b \in Bufs : Ref(t, b)
      BY <1>18 DEF Ref, IndInv
\* a read through sf->kva
<1>19. CASE \E t \in Threads, b \in Bufs : Access(t, b)
      BY <1>19 DEF Access, IndInv
\* sched_pin / sched_unpin
<1>20. CASE \E t \in Threads : Pin(t) \/ Unpin(t)
      BY <1>20 DEF Pin, Unpin, IndInv
\* kern_sendfile's wiring and unwiring (Wiring /= "None" only: disabled)
<1>21. CASE \E t \in Threads : (\E p \in Pages : SendfileWire(t, p)) \/ Unwire(t)
      BY <1>21 DEF SendfileWire, Unwire, IndInv
\* environment: signal delivery, migration
<1>22. CASE \E t \in Threads : Signal(t) \/ Migrate(t)
      BY <1>22 DEF Signal, Migrate, IndInv
\* hardware: page walk, TLB eviction, IPI handler
<1>23. CASE \E c \in CPUs, b \in Bufs : TLBFill(c, b) \/ TLBEvict(c, b) \/ IPIAck(c, b)
      BY <1>23 DEF TLBFill, TLBEvict, IPIAck, IndInv
\* stuttering
<1>24. CASE UNCHANGED vars
      BY <1>24 DEF vars, sfVars, sleepVars, csVars, thrVars, hwVars, ghostVars, IndInv
<1> QED
      BY <1>1, <1>2, <1>3, <1>4, <1>5, <1>6, <1>7, <1>8, <1>9, <1>10, <1>11, <1>12,
         <1>13, <1>14, <1>15, <1>16, <1>17, <1>18, <1>19, <1>20, <1>21, <1>22, <1>23,
         <1>24
      DEF Next, ThreadStep, EnvStep, CSStep, SleepExit, SleepExitGet

THEOREM Safety == Spec => []IndInv
<1>1. Init => IndInv
      BY InitEstablishes
<1>2. IndInv /\ [Next]_vars => IndInv'
      BY StepPreserves
<1> QED
      \* the temporal induction rule INV1 (a backend would need PTL here)
      BY <1>1, <1>2 DEF Spec

\* The properties of issue 13 follow, as conjuncts of IndInv.
COROLLARY Spec => [](SF1 /\ SF3 /\ MaskSound /\ SF8 /\ NoStaleRead)
      BY Safety DEF IndInv


-----------------------------------------------------------------------------
(* Issue 15 variants (spec/sfbuf/SfBufLazyInd.tla).  Same status: NOT       *)
(* CHECKED BY A PROVER; TLC's MC*Inductive* models of these variants check *)
(* the claim over bounded universes (proofs/sfbuf.md, section "Issue-15    *)
(* variants").                                                             *)

\* The wakeup accounting (WakeupsCover) holds unless wakeup_one meets a sleep that a
\* signal can interrupt (the lost wakeup: DragonFly2004Wakeup, FreeBSDSMPWakeOneXchg).
WakeFixed == WakeOneEff => ~(UseSignals /\ \E f \in FlagChoices : Catches(f))

\* DragonFly kern_sfbuf.c v1.10 (S8): lazy queue, SFBA_QUICK, pmap_kenter*.
LazyConfig == Dfly2004 /\ WakeFixed

LEMMA LazyInitEstablishes == LazyConfig /\ Init => IndInvLazy
  BY FixedAssumption
  DEF LazyConfig, Init, IndInvLazy, TypeOK, SF1, SF2, SF3Lazy, SF9, RefMatchesHolds, StablePTE,
      MaskSound, SF7, SF8, NoStaleRead, WireBalance, NoUnwireWhileReferenced, PcDomain,
      LockHeld, LocalsShape, LoadedPte, DecidingFresh, PteTracksHash, HeldBound, HeldGhosts,
      PrivPinned, CSPinned, RemapUnheld, IpiPending, UPTlbSound, UPPgaRule, NoTlb, UPMask,
      SigShape, WireIdle, CountersIdle, OwedHolderSound, WakeAllEmpties, WakeupsCover,
      WakeupNotLostLazy

LEMMA LazyStepPreserves == LazyConfig /\ IndInvLazy /\ [Next]_vars => IndInvLazy'
<1> SUFFICES ASSUME LazyConfig, IndInvLazy, [Next]_vars PROVE IndInvLazy'
    OBVIOUS
<1> USE FixedAssumption DEF FixedConfig, LazyConfig, Dfly2004
\* hit (S8 sf_buf_alloc): refcnt++, the buffer stays queued (SF3Lazy); pmap_kenter_sync(_quick)
\* owes invalidations to CPUs already in cpumask, whose entries are current (OwedHolderSound)
<1>1. CASE \E t \in Threads, p \in Pages, f \in FlagChoices : AllocHit(t, p, f)
      BY <1>1 DEF AllocHit, HitBody, DflyHitSync, HitShootdown, ShootOthers, Stay, Finish,
                  GrantRef, CanAlloc, IndInvLazy
\* miss: pop the referenced entries and the first unreferenced one (FreeIdx), pmap_kenter*'s
\* PTE store, SHOOTDOWN from an empty cpumask (DflyKenter); no counters (CountersIdle)
<1>2. CASE \E t \in Threads, p \in Pages, f \in FlagChoices : AllocMiss(t, p, f)
      BY <1>2 DEF AllocMiss, MissBody, FreeIdx, MapFirst, DflyKenter, Shootdown, Stay,
                  CanAlloc, IndInvLazy
\* tsleep: the queue is emptied (WakeupsCover, WakeAllEmpties: no entry, no credit needed)
<1>3. CASE \E t \in Threads, p \in Pages, f \in FlagChoices : SleepEnter(t, p, f)
      BY <1>3 DEF SleepEnter, CanAlloc, CanTake, FreeIdx, IndInvLazy
<1>4. CASE \E t \in Threads : SleepExitSignal(t) \/ SleepExitRetry(t)
      BY <1>4 DEF SleepExitSignal, SleepExitRetry, AfterNull, IndInvLazy
\* a woken thread takes an unreferenced entry: one credit and at least one entry go
<1>5. CASE \E t \in Threads : SleepExitTake(t) \/ SleepExitHit(t)
      BY <1>5 DEF SleepExitTake, SleepExitHit, MissBody, FreeIdx, MapFirst, DflyKenter,
                  HitBody, DflyHitSync, HitShootdown, Shootdown, ShootOthers, Stay, Finish,
                  GrantRef, IndInvLazy
\* SHOOTDOWN's steps as for FreeBSD (a QUICK allocation stops after the local invlpg)
<1>6. CASE \E t \in Threads : CSStep(t)
      BY <1>6 DEF CSStep, MapStore, MapLoad, UpInval, ShootLocal, ShootIPI, ShootWait,
                  FreeInval, PcDomain, PcDomainOf, ShootOthers, Done, Stay, Finish, GrantRef,
                  InCS, IndInvLazy
\* sf_buf_free: at refcnt 0 append and wakeup_one unless still queued (no credit needed then:
\* the entry is already counted); a free of the last reference clears the ghosts
<1>7. CASE \E t \in Threads, b \in Bufs : Free(t, b) \/ Ref(t, b) \/ Access(t, b) \/ MextPage(t, b)
      BY <1>7 DEF Free, Ref, Access, MextPage, Wake, WakeChoices, KeepMapping, IndInvLazy
\* LWKT: no sched_pin; a QUICK holder is not migrated (Migrate's guard: PrivPinned);
\* a signal on a sleeper not yet chosen costs no credit (WakeFixed: none on a chosen one)
<1>8. CASE \E t \in Threads : Pin(t) \/ Unpin(t) \/ Signal(t) \/ Migrate(t)
                              \/ (\E p \in Pages : SendfileWire(t, p)) \/ Unwire(t)
      BY <1>8 DEF Pin, Unpin, Signal, Migrate, SendfileWire, Unwire, WakeFixed, IndInvLazy
<1>9. CASE \E t \in Threads, p \in Pages, f \in FlagChoices : AllocNoWait(t, p, f)
      BY <1>9 DEF AllocNoWait, CanAlloc, IndInvLazy
<1>10. CASE \E c \in CPUs, b \in Bufs : TLBFill(c, b) \/ TLBEvict(c, b) \/ IPIAck(c, b)
      BY <1>10 DEF TLBFill, TLBEvict, IPIAck, IndInvLazy
<1>11. CASE UNCHANGED vars
      BY <1>11 DEF vars, sfVars, sleepVars, csVars, thrVars, hwVars, ghostVars, IndInvLazy
<1> QED
      BY <1>1, <1>2, <1>3, <1>4, <1>5, <1>6, <1>7, <1>8, <1>9, <1>10, <1>11
      DEF Next, ThreadStep, EnvStep, SleepExit, SleepExitGet

THEOREM LazySafety == ASSUME LazyConfig PROVE Spec => []IndInvLazy
<1>1. Init => IndInvLazy
      BY LazyInitEstablishes
<1>2. IndInvLazy /\ [Next]_vars => IndInvLazy'
      BY LazyStepPreserves
<1> QED
      BY <1>1, <1>2 DEF Spec

\* FreeBSD i386 2005-09 (S2 @010e6820, S3 rev 1.269) with pte_load_store and wakeup (the fix
\* FreeBSDSMPWakeupXchg): IndInv and the wakeup accounting.  IndInv's part is StepPreserves;
\* the accounting's: a free appends and wakes every sleeper (WakeAllEmpties), a sleeper finds
\* the list empty, a miss or take removes entries.
WakeConfig == Variant = "FreeBSDLater" /\ WakeFixed

LEMMA WakeStepPreserves == WakeConfig /\ IndInvWake /\ [Next]_vars => IndInvWake'
<1> SUFFICES ASSUME WakeConfig, IndInvWake, [Next]_vars PROVE IndInvWake'
    OBVIOUS
<1>1. IndInv'
      BY StepPreserves DEF IndInvWake
\* Free (append + wakeup), SleepEnter / SleepExitRetry (empty list), misses and takes
\* (Tail), Signal (WakeFixed); the other actions leave freeq, sleepq, woken, sigpend
<1>2. (WakeAllEmpties /\ WakeupsCover /\ WakeupNotLostAcc)'
      BY DEF IndInvWake, WakeAllEmpties, WakeupsCover, WakeupNotLostAcc, WakeupNotLost,
             Credits, WakeAccounted, WakeFixed, WakeConfig, Next, ThreadStep, EnvStep, Free,
             Wake, WakeChoices, SleepEnter, SleepExitRetry, SleepExitTake, SleepExitSignal,
             AllocMiss, MissBody, AllocHit, HitBody, Signal, SF9
<1> QED
      BY <1>1, <1>2 DEF IndInvWake

THEOREM WakeSafety == ASSUME WakeConfig PROVE Spec => []IndInvWake
<1>1. Init => IndInvWake
      BY InitEstablishes DEF Init, IndInvWake, WakeAllEmpties, WakeupsCover, WakeupNotLostAcc,
                             WakeupNotLost, Credits
<1>2. IndInvWake /\ [Next]_vars => IndInvWake'
      BY WakeStepPreserves
<1> QED
      BY <1>1, <1>2 DEF Spec

=============================================================================
