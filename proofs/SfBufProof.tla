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
EXTENDS SfBufInd

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

=============================================================================
