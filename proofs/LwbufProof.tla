----------------------------- MODULE LwbufProof -----------------------------
(***************************************************************************)
(* NOT CHECKED BY A PROVER.  A TLAPS-style proof outline of                *)
(* Spec => []IndInv for lwbuf (Variant = "Fixed", Granularity = "Fine";    *)
(* IndInv in spec/lwbuf/LwbufInd.tla).  No TLAPS backend is available on   *)
(* these machines: SANY parses and level-checks this module, nothing       *)
(* checks its BY steps.  What checks the claim is TLC: the inductive model *)
(* spec/lwbuf/MCFixedInductive (every TypeOK /\ IndInv state of 2 CPUs, 2  *)
(* pages, 1 object, 2 threads, one step of Next, every conjunct an         *)
(* INVARIANT) and the sampled one MCFixedInductiveSampled (2 objects).     *)
(* The argument of each step is written out in proofs/lwbuf.md.            *)
(* The per-CPU lwbuf of issue 15 item 4 (LwbufPcpu.tla) has its theorem   *)
(* in proofs/LwbufPcpuProof.tla (its names clash with Lwbuf.tla's).      *)
(* Notation in the comments: o = obj[t], c = tcpu[t].                      *)
(***************************************************************************)
EXTENDS LwbufInd

\* The shipped code (L1 @c07315c4, L2 @1f3936d6) at the granularity of the issue-10 split.
ASSUME FixedFine == Variant = "Fixed" /\ Granularity = "Fine"

Strengthening ==
    /\ OwnerIffBusy /\ NoPendingPteStore /\ KvaOnOwnCpu /\ AllocMaskMine /\ CachedMaskEmpty
    /\ SyncedInMask /\ GlobImpliesAll /\ KvaOrAfterInvlpg
    /\ SgLocalInvalidated /\ SgRemoteAckedOrPending /\ SgStoreAllCurrent
    /\ IdleClean /\ CachedUnmapped /\ IpiOnlyWhileWaiting

THEOREM IndInvIsItsConjuncts ==
    IndInv <=> TypeOK /\ LW1 /\ NoStaleAccess /\ OwnedImpliesMapped /\ NoDoubleOwner /\ Strengthening
    BY DEF IndInv, Strengthening

\* The inductive models' Init enumerates exactly the IndInv states (TypeOK is a conjunct of
\* IndInv): the same conjuncts reordered, `x \in Whole(S)` being `x \in S`.
THEOREM InitIndIsIndInv == InitInd <=> IndInv
    BY DEF InitInd, InitOver, Whole, IndInv, TypeOK

\* Init: every object cached with an empty mask and no PTE, every TLB empty, every thread idle.
THEOREM InitEstablishes == Init => IndInv
    BY FixedFine DEF Init, IndInv, TypeOK, LW1, NoStaleAccess, OwnedImpliesMapped, NoDoubleOwner,
       Settling, OwnerIffBusy, NoPendingPteStore, KvaOnOwnCpu, AllocMaskMine, CachedMaskEmpty,
       SyncedInMask, GlobImpliesAll, KvaOrAfterInvlpg, SgLocalInvalidated,
       SgRemoteAckedOrPending, SgStoreAllCurrent, IdleClean, CachedUnmapped, IpiOnlyWhileWaiting,
       Current, KvaPcs

THEOREM NextPreserves == IndInv /\ [Next]_vars => IndInv'
<1> SUFFICES ASSUME IndInv, [Next]_vars PROVE IndInv'
    OBVIOUS
<1> USE FixedFine DEF IndInv, TypeOK, LW1, NoStaleAccess, OwnedImpliesMapped, NoDoubleOwner,
       Settling, OwnerIffBusy, NoPendingPteStore, KvaOnOwnCpu, AllocMaskMine, CachedMaskEmpty,
       SyncedInMask, GlobImpliesAll, KvaOrAfterInvlpg, SgLocalInvalidated,
       SgRemoteAckedOrPending, SgStoreAllCurrent, IdleClean, CachedUnmapped, IpiOnlyWhileWaiting,
       Current, KvaPcs, AllocPcs, SgPcs, Pcs, InOp, Others, Fine, MaskOr, NoWait, OrFirst
\* lwbuf_alloc (L1 128-132): o was cached, so no thread holds it (NoDoubleOwner) and its mask is
\* {} (CachedMaskEmpty); mask := {c} and pc := alloc_invlpg make LW1 vacuous for o (Settling)
\* and establish AllocMaskMine; lm = pte = want = p gives OwnedImpliesMapped; seen[t] = NoPage
\* (IdleClean) keeps NoStaleAccess.
<1>1. ASSUME NEW t \in Threads, NEW o \in Objs, NEW p \in Pages, Alloc(t, o, p) PROVE IndInv'
    BY <1>1 DEF Alloc
\* pmap_kenter_quick's invlpg (L1 132): tlb[c][o] := NoPage with mask[o] = {c} (AllocMaskMine):
\* LW1 holds for o when Settling(o) ends.
<1>2. ASSUME NEW t \in Threads, AllocInvlpg(t) PROVE IndInv'
    BY <1>2 DEF AllocInvlpg
\* AllocInvlpgFirst's PTE store: not enabled (NoPendingPteStore).
<1>3. ASSUME NEW t \in Threads, AllocPte(t) PROVE IndInv'
    BY <1>3 DEF AllocPte
\* lwbuf_kva (L1 172): fast path only if c \in mask[o] (SyncedInMask after synced := TRUE);
\* slow path: kcpu := c (KvaOnOwnCpu).
<1>4. ASSUME NEW t \in Threads, Kva(t) PROVE IndInv'
    BY <1>4 DEF Kva, KvaTest
\* lwbuf_kva's second read (MigrateInKva's program point): kcpu[t] = c (KvaOnOwnCpu), so as Kva.
<1>5. ASSUME NEW t \in Threads, KvaCheck(t) PROVE IndInv'
    BY <1>5 DEF KvaCheck, KvaTest
\* _lwbuf_kva's pmap_kenter_sync_quick (L1 160): tlb[kcpu[t]][o] := NoPage: KvaOrAfterInvlpg.
<1>6. ASSUME NEW t \in Threads, KvaSlowInvlpg(t) PROVE IndInv'
    BY <1>6 DEF KvaSlowInvlpg
\* ATOMIC_CPUMASK_ORBIT (L1 162): kcpu[t] joins the mask with a current entry (KvaOrAfterInvlpg):
\* LW1; kcpu[t] = c (KvaOnOwnCpu) gives SyncedInMask.
<1>7. ASSUME NEW t \in Threads, KvaSlowOr(t) PROVE IndInv'
    BY <1>7 DEF KvaSlowOr
\* lwbuf_set_global's load (L1 151): glob := TRUE only if mask[o] = CPUs (GlobImpliesAll).
<1>8. ASSUME NEW t \in Threads, SetGlobal(t) PROVE IndInv'
    BY <1>8 DEF SetGlobal
\* LockAtomic's one-step pmap_kenter_sync: every entry for o dropped: SgStoreAllCurrent.
<1>9. ASSUME NEW t \in Threads, SetGlobalSync(t) PROVE IndInv'
    BY <1>9 DEF SetGlobalSync
\* pmap_kenter_sync's local invlpg (L1 152, L9): SgLocalInvalidated.
<1>10. ASSUME NEW t \in Threads, SetGlobalInvlpg(t) PROVE IndInv'
    BY <1>10 DEF SetGlobalInvlpg
\* pmap_kenter_sync's IPI send: o pending on every other CPU: SgRemoteAckedOrPending,
\* IpiOnlyWhileWaiting.
<1>11. ASSUME NEW t \in Threads, SetGlobalIpi(t) PROVE IndInv'
    BY <1>11 DEF SetGlobalIpi
\* pmap_kenter_sync's wait: no IPI pending, so every other entry is current
\* (SgRemoteAckedOrPending), the local one too (SgLocalInvalidated): SgStoreAllCurrent.
<1>12. ASSUME NEW t \in Threads, SetGlobalWait(t) PROVE IndInv'
    BY <1>12 DEF SetGlobalWait
\* cpumask = ALL (L1 153): every entry current (SgStoreAllCurrent): LW1; GlobImpliesAll.
<1>13. ASSUME NEW t \in Threads, SetGlobalStore(t) PROVE IndInv'
    BY <1>13 DEF SetGlobalStore
\* An access through the KVA: c \in mask[o] (SyncedInMask or GlobImpliesAll), so the entry is
\* current (LW1) and pte[o] = want[t] (OwnedImpliesMapped): NoStaleAccess.
<1>14. ASSUME NEW t \in Threads, Access(t) PROVE IndInv'
    BY <1>14 DEF Access
\* lwbuf_free (L1 142-144): mask := {}, lm := NoPage (CachedMaskEmpty, CachedUnmapped); the
\* owner is holding, so no IPI is pending for o (IpiOnlyWhileWaiting).
<1>15. ASSUME NEW t \in Threads, Free(t) PROVE IndInv'
    BY <1>15 DEF Free
\* Handing the lwbuf over: synced[u] := FALSE, glob[u] := glob[t] with the mask unchanged.
<1>16. ASSUME NEW t \in Threads, NEW u \in Threads, HandOff(t, u) PROVE IndInv'
    BY <1>16 DEF HandOff
\* LWKT migration between lwbuf calls only: synced := FALSE; no conjunct reads tcpu of a thread
\* outside an operation except SyncedInMask.
<1>17. ASSUME NEW t \in Threads, NEW cc \in CPUs, Migrate(t, cc) PROVE IndInv'
    BY <1>17 DEF Migrate
\* A page walk loads pte[o]: a current entry.
<1>18. ASSUME NEW cc \in CPUs, NEW o \in Objs, TLBFill(cc, o) PROVE IndInv'
    BY <1>18 DEF TLBFill
\* An eviction only makes entries absent.
<1>19. ASSUME NEW cc \in CPUs, NEW o \in Objs, TLBEvict(cc, o) PROVE IndInv'
    BY <1>19 DEF TLBEvict
\* The IPI handler: invalidates and acknowledges in one step (SgRemoteAckedOrPending).
<1>20. ASSUME NEW cc \in CPUs, NEW o \in Objs, IPIAck(cc, o) PROVE IndInv'
    BY <1>20 DEF IPIAck
<1>21. CASE UNCHANGED vars
    BY <1>21 DEF vars
<1>22. QED
    BY <1>1, <1>2, <1>3, <1>4, <1>5, <1>6, <1>7, <1>8, <1>9, <1>10, <1>11, <1>12, <1>13,
       <1>14, <1>15, <1>16, <1>17, <1>18, <1>19, <1>20, <1>21 DEF Next

\* The temporal step is the induction rule (TLAPS would discharge it with PTL).
THEOREM Spec => []IndInv
    BY InitEstablishes, NextPreserves DEF Spec
=============================================================================
