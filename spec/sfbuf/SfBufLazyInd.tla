---------------------------- MODULE SfBufLazyInd ----------------------------
(***************************************************************************)
(* Inductive invariants of the issue-15 variants of SfBuf (issue 13):      *)
(*  - IndInvLazy: DragonFly kern_sfbuf.c v1.10 (S8, Variant                 *)
(*    "DragonFly2004": lazy free-queue removal, SFBA_QUICK, pmap_kenter*,   *)
(*    no nsfbufsused counters, no sched_pin);                               *)
(*  - IndInvWake: the FreeBSD i386 2005-09 SMP code (S2 @010e6820, S3 rev   *)
(*    1.269: wakeup_one, msleep with PCATCH for SFB_CATCH) = SfBufInd's      *)
(*    IndInv plus the wakeup accounting below.                              *)
(* SfBufInd's IndDraw enumerates both universes (its Dfly2004 cases); the  *)
(* conjuncts defined here are tested after it (IndUniverseLazy / ...Wake). *)
(***************************************************************************)
EXTENDS SfBufInd

-----------------------------------------------------------------------------
(* Strengthening conjuncts of the issue-15 variants *)

CountersIdle == Dfly2004 => used = 0 /\ peak = 0
\* S8 keeps no nsfbufsused / nsfbufspeak (MissBody and Free leave them):
\* SF4 does not hold there; they stay at their initial 0.  Bounds the
\* universe.

OwedHolderSound ==
    Dfly2004 =>
        \A t \in Threads, b \in Bufs :
            holds[t][b] > 0 =>
                IF privcpu[t][b] = None THEN Owed(b) = {}
                ELSE cpu[t] \in Owed(b) => tlb[cpu[t]][b] \in {None, pte[b]}
\* DragonFly's replacement of HolderNotOwed.  A non-QUICK hit on a buffer
\* whose cpumask is not all CPUs (only SFBA_QUICK holders) runs
\* pmap_kenter_sync: invalidations owed to EVERY other CPU, including a QUICK
\* holder's, whose entry is current (it was in cpumask: MaskSound).  So an
\* owed holder CPU still caches nothing but the PTE's translation (no step
\* changes the PTE of a held buffer: a miss takes an unreferenced one), and
\* no invalidation is owed while a non-QUICK reference is held (cpumask =
\* all CPUs: the hit syncs nothing).  Without it Access by the QUICK holder
\* on its owed CPU reads a stale entry (NoStaleRead).

\* The wakeups not yet consumed: threads made runnable whose msleep returns
\* without error (a signalled one returns NULL and takes no buffer), and the
\* wakeup rev 1.219's FreeInval is still to issue.
Credits == Cardinality({t \in woken : ~sigpend[t]})
                + (IF \E t \in Threads : pc[t] = "free_inval" THEN 1 ELSE 0)
\* The hypothetical hash re-lookup lets a woken thread take a hit instead of
\* a queued buffer: with wakeup_one that consumes a wakeup and leaves the
\* buffer queued with sleepers (liveness still holds: the hit's holder frees
\* later and wakes one).  The wakeup accounting is claimed without it.
WakeAccounted == ~(RelookupAfterSleep /\ WakeOneEff)

WakeupsCover == WakeAccounted /\ sleepq /= {} => Len(freeq) <= Credits
\* While threads sleep, every entry of the free queue is matched by a wakeup
\* not yet consumed: a sleeper sleeps only after the queue was found empty
\* (SleepEnter, SleepExitRetry; S8 pops the referenced entries); a free that
\* appends wakes one (wakeup_one) or every sleeper (wakeup: sleepq = {});
\* a miss or a take removes entries (S8: several).  Signal on a thread that
\* wakeup_one already chose turns its wakeup into EINTR: the credit is gone
\* and the entry stays (the lost wakeup of brief 1.7 item 1: the CTI of the
\* wakeup_one + PCATCH variants).  (S8's free of a buffer still queued
\* appends nothing and needs no wakeup.)

WakeAllEmpties ==
    ~WakeOneEff /\ (\A t \in Threads : pc[t] /= "free_inval") => (sleepq /= {} => freeq = <<>>)
\* With wakeup (broadcast) threads sleep only while the queue is empty: a
\* sleeper found it empty (S8: popped its referenced entries), and a free
\* that appends wakes every sleeper (rev 1.219: in FreeInval, right after).
\* Needed by Signal: a thread the broadcast woke that takes a signal spends
\* no credit another sleeper needs (WakeupsCover alone counts it).

\* The state forms of NoLostWakeup / NoLostWakeupLazy, outside sf_buf_lock.
\* They follow from WakeupsCover and SF9 (want > 0 and no sleeper: a thread
\* is woken); listed so that the CTI names the property itself when only it
\* breaks.
WakeupNotLostLazy ==
    WakeAccounted /\ lock = None /\ want > 0 /\ (\E b \in Bufs : ref[b] = 0) => woken /= {}
\* S8 (SF3Lazy): an unreferenced buffer is on the queue, allocatable.
WakeupNotLostAcc == WakeAccounted => WakeupNotLost
\* SfBuf's WakeupNotLost (the FreeBSD free list holds unreferenced buffers only).

-----------------------------------------------------------------------------
(* DragonFly 2004 (S8) *)

IndInvLazy ==
    /\ TypeOK
    \* the safety invariants of SfBuf.tla the DragonFly 2004 models check, and SF8
    /\ SF1 /\ SF2 /\ SF3Lazy /\ SF9 /\ RefMatchesHolds /\ StablePTE
    /\ MaskSound /\ SF7 /\ SF8 /\ NoStaleRead
    /\ WireBalance /\ NoUnwireWhileReferenced
    \* SfBufInd's strengthening but HolderNotOwed (PrivPinned, CSPinned, UPMask,
    \* PcDomain have DragonFly cases there)
    /\ PcDomain /\ LockHeld /\ LocalsShape /\ LoadedPte /\ DecidingFresh /\ PteTracksHash
    /\ HeldBound /\ HeldGhosts /\ PrivPinned /\ CSPinned /\ RemapUnheld
    /\ IpiPending /\ UPTlbSound /\ UPPgaRule /\ NoTlb /\ UPMask /\ SigShape
    /\ WireIdle
    \* this module's
    /\ CountersIdle /\ OwedHolderSound /\ WakeAllEmpties /\ WakeupsCover /\ WakeupNotLostLazy

LazyExtra == CountersIdle /\ OwedHolderSound /\ WakeAllEmpties /\ WakeupsCover /\ WakeupNotLostLazy
IndUniverseLazy == IndUniverse /\ LazyExtra
IndSampledLazy(k) == IndSampled(k) /\ LazyExtra

-----------------------------------------------------------------------------
(* FreeBSD 2005-09 (S2, S3): wakeup_one and SFB_CATCH *)

IndInvWake == IndInv /\ WakeAllEmpties /\ WakeupsCover /\ WakeupNotLostAcc

WakeExtra == WakeAllEmpties /\ WakeupsCover /\ WakeupNotLostAcc
IndUniverseWake == IndUniverse /\ WakeExtra
IndSampledWake(k) == IndSampled(k) /\ WakeExtra

=============================================================================
