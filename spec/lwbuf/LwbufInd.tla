------------------------------ MODULE LwbufInd ------------------------------
(***************************************************************************)
(* An inductive invariant IndInv for Lwbuf.tla with Variant = "Fixed" and  *)
(* Granularity = "Fine" (DragonFly sys/cpu/i386/misc/lwbuf.c L1 @c07315c4, *)
(* L2 @1f3936d6): Init => IndInv and IndInv /\ [Next]_vars => IndInv'.     *)
(* Each strengthening conjunct says which step of Next would break         *)
(* induction without it (TLC: the inductive model with that conjunct left  *)
(* out; proofs/lwbuf.md), or that it is a pin: true in every reachable     *)
(* state, not needed, it fixes values the code never holds.  In comments   *)
(* t is a thread, o = obj[t], c = tcpu[t]; an entry is "current" if        *)
(* tlb[x][o] \in {NoPage, pte[o]} (absent, or the PTE as it is now).       *)
(*                                                                         *)
(* InitInd enumerates TypeOK /\ IndInv for TLC with pruning: the same      *)
(* conjuncts, reordered so that each follows the choice of the last        *)
(* variable it reads (`cache \subseteq Objs` written `cache \in SUBSET     *)
(* Objs`); a conjunction does not depend on its order, so InitInd <=>      *)
(* TypeOK /\ IndInv.                                                       *)
(***************************************************************************)
EXTENDS Lwbuf

\* tlb[cc][o] is absent or the translation of o's PTE as it is now.
Current(cc, o) == tlb[cc][o] \in {NoPage, pte[o]}

OwnerIffBusy == \A t \in Threads : (pc[t] = "idle") <=> (obj[t] = NoObj)
\* A thread inside an lwbuf call or holding an lwbuf has an object, and an idle one has none.
\* Without it: Kva(t) of a holding thread with obj[t] = NoObj applies mask to NoObj (TLC: error,
\* outside the domain).  The "idle => NoObj" half is a pin: Alloc and HandOff require
\* obj[t] = NoObj, so an idle thread with an object would only keep it out of the objcache.

NoPendingPteStore == \A t \in Threads : pc[t] # "alloc_pte"
\* No thread has done pmap_kenter_quick's invlpg with its PTE store still to come: the shipped
\* pmap_kenter_quick stores first (alloc_pte is AllocInvlpgFirst's program point).  Without it
\* AllocPte is enabled from arbitrary alloc_pte states: TLC's first counterexample breaks
\* OwnedImpliesMapped after AllocPte; from one where the allocating CPU caches the old page,
\* LW1 fails after AllocPte (proofs/lwbuf.md).

KvaOnOwnCpu == \A t \in Threads :
    /\ (kcpu[t] # NoCpu) <=> (pc[t] \in KvaPcs)
    /\ pc[t] \in KvaPcs => kcpu[t] = tcpu[t]
\* Inside lwbuf_kva/_lwbuf_kva the CPU captured at entry (gd = mdcpu) is the CPU the thread runs
\* on: LWKT does not migrate a thread inside the call (Migrate's guard).  Without it the
\* conjuncts reading kcpu are undefined (TLC: tlb applied to NoCpu for a thread at kva_or);
\* with kcpu a CPU other than tcpu, KvaSlowOr would set synced[t] for a CPU it did not add to
\* the mask (SyncedInMask) -- what MigrateInKva's Migrate breaks.

AllocMaskMine == \A t \in Threads :
    pc[t] = "alloc_invlpg" => mask[obj[t]] = {tcpu[t]}
\* Between lwbuf_alloc's PTE store and its invlpg the mask is exactly the allocating CPU (L1 131).
\* Without it: AllocInvlpg ends Settling(o) while another CPU in the mask may cache the old page
\* (LW1 fails after AllocInvlpg).

CachedMaskEmpty == \A o \in cache : mask[o] = {}
\* A free object's mask is empty (lwbuf_free: cpumask = 0, L1 143; lwbuf_cache_ctor).  Not needed
\* for Fixed, whose Alloc assigns the mask; it is what makes the `|=` of L3-L5 (OrLatent)
\* harmless: with it OrLatent's Alloc sets {} \cup {c} = {c} and IndInv is inductive for
\* OrLatent too (MCOrLatentInductive).  OrBug2009 breaks it (its Free keeps the mask).

SyncedInMask == \A t \in Threads :
    obj[t] # NoObj /\ synced[t] => tcpu[t] \in mask[obj[t]]
\* A thread that called lwbuf_kva on its CPU is backed by the mask.  Without it: Access with
\* synced[t] from a CPU outside the mask reads a stale entry (NoStaleAccess fails after Access).

GlobImpliesAll == \A t \in Threads :
    obj[t] # NoObj /\ glob[t] => mask[obj[t]] = CPUs
\* After lwbuf_set_global every CPU is in the mask.  Without it: Access with glob[t] from a CPU
\* outside the mask reads a stale entry (NoStaleAccess fails after Access).

KvaOrAfterInvlpg == \A t \in Threads :
    pc[t] = "kva_or" => Current(kcpu[t], obj[t])
\* _lwbuf_kva joins the mask only after its invlpg (L1 160-162).  Without it: KvaSlowOr adds a
\* CPU whose TLB holds an old page (LW1 fails after KvaSlowOr).

SgLocalInvalidated == \A t \in Threads :
    pc[t] \in {"sg_ipi", "sg_wait", "sg_store"} => Current(tcpu[t], obj[t])
\* pmap_kenter_sync invalidated the calling CPU first.  Without it: SetGlobalWait reaches
\* sg_store with the caller's own entry stale (SgStoreAllCurrent fails after SetGlobalWait).

SgRemoteAckedOrPending == \A t \in Threads :
    pc[t] = "sg_wait" => \A cc \in Others(tcpu[t]) : obj[t] \in ipi[cc] \/ Current(cc, obj[t])
\* While lwbuf_set_global waits, every other CPU either still has the IPI pending (its handler
\* will invalidate) or holds a current entry (it acknowledged; a refill loads the current PTE).
\* Without it: SetGlobalWait passes with a CPU that acknowledged nothing yet holds a stale
\* entry (SgStoreAllCurrent fails after SetGlobalWait).

SgStoreAllCurrent == \A t \in Threads :
    pc[t] = "sg_store" => \A cc \in CPUs : Current(cc, obj[t])
\* The shootdown is complete before cpumask = ALL is stored (L1 152-153).  Without it:
\* SetGlobalStore puts a CPU with a stale entry into the mask (LW1 fails after SetGlobalStore).

IdleClean == \A t \in Threads :
    /\ pc[t] = "idle" => want[t] = NoPage /\ seen[t] = NoPage /\ ~synced[t] /\ ~glob[t]
    /\ pc[t] # "idle" => want[t] \in Pages
\* An idle thread has given its lwbuf up with the per-lwbuf ghosts reset (Free, HandOff, Init);
\* a busy one asked for a page (Alloc).  Needed for want/seen: Alloc sets want[t] and leaves
\* seen[t], so an idle thread still recording page p1 that allocates p2 breaks NoStaleAccess
\* after Alloc.  synced, glob and a busy thread's want are pins (Alloc and HandOff assign them).

CachedUnmapped == \A o \in cache : lm[o] = NoPage
\* lwbuf_free sets lwb->m = NULL (L1 143).  Not needed for induction (Alloc assigns lm); a pin.

IpiOnlyWhileWaiting == \A cc \in CPUs, o \in Objs :
    o \in ipi[cc] => \E t \in Threads : obj[t] = o /\ pc[t] = "sg_wait" /\ cc # tcpu[t]
\* A shootdown IPI is pending only while its sender waits in pmap_kenter_sync: SetGlobalWait
\* returns only after every target acknowledged.  Not needed for induction (a pending IPI only
\* invalidates); a pin.

IndInv ==
    /\ TypeOK /\ LW1 /\ NoStaleAccess /\ OwnedImpliesMapped /\ NoDoubleOwner
    /\ OwnerIffBusy /\ NoPendingPteStore /\ KvaOnOwnCpu /\ AllocMaskMine /\ CachedMaskEmpty
    /\ SyncedInMask /\ GlobImpliesAll /\ KvaOrAfterInvlpg
    /\ SgLocalInvalidated /\ SgRemoteAckedOrPending /\ SgStoreAllCurrent
    /\ IdleClean /\ CachedUnmapped /\ IpiOnlyWhileWaiting

\* TypeOK /\ IndInv, each variable chosen from Dom(its TypeOK set) and each conjunct placed right
\* after the last variable it reads (TLC then prunes the partial assignments that fail it).
\* InitInd takes the whole sets; the sampled models (LwbufIndSampled.tla) random subsets.
InitOver(Dom(_)) ==
    /\ cache \in Dom(SUBSET Objs)
    /\ obj \in Dom([Threads -> Objs \cup {NoObj}])
    /\ NoDoubleOwner
    /\ pc \in Dom([Threads -> Pcs])
    /\ OwnerIffBusy /\ NoPendingPteStore
    /\ tcpu \in Dom([Threads -> CPUs])
    /\ kcpu \in Dom([Threads -> CPUs \cup {NoCpu}])
    /\ KvaOnOwnCpu
    /\ ipi \in Dom([CPUs -> SUBSET Objs])
    /\ IpiOnlyWhileWaiting
    /\ mask \in Dom([Objs -> SUBSET CPUs])
    /\ AllocMaskMine /\ CachedMaskEmpty
    /\ synced \in Dom([Threads -> BOOLEAN])
    /\ SyncedInMask
    /\ glob \in Dom([Threads -> BOOLEAN])
    /\ GlobImpliesAll
    /\ want \in Dom([Threads -> Pages \cup {NoPage}])
    /\ seen \in Dom([Threads -> Pages \cup {NoPage}])
    /\ IdleClean /\ NoStaleAccess
    /\ lm \in Dom([Objs -> Pages \cup {NoPage}])
    /\ CachedUnmapped
    /\ pte \in Dom([Objs -> Pages \cup {NoPage}])
    /\ OwnedImpliesMapped
    /\ tlb \in Dom([CPUs -> [Objs -> Pages \cup {NoPage}]])
    /\ LW1 /\ KvaOrAfterInvlpg /\ SgLocalInvalidated /\ SgStoreAllCurrent
    /\ SgRemoteAckedOrPending
    /\ TypeOK

Whole(S) == S
InitInd == InitOver(Whole)

=============================================================================
