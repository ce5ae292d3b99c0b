------------------------------ MODULE VmPageInd ------------------------------
(***************************************************************************)
(* An inductive invariant IndInv for VmPage, Variant "Fixed" (0012f373e4), *)
(* for the roles Remover (vm_object_page_remove), Terminator               *)
(* (vm_object_terminate_pages), PmapHolder (pmap_extract_and_hold +        *)
(* vm_page_wire_mapped), Faulter (vm_page_wire under the object read lock) *)
(* with vm_page_unwire, Unmapper (munmap's pmap_remove) and the MMU, at    *)
(* the hardware granularity (LockAtomic = FALSE), 1 pmap, 1 CPU.  The      *)
(* Mapper, Busier, WriteProtector and the VPR_TRYFREE release path are not *)
(* covered (proofs/vmpage.md says why).  proofs/vmpage.md explains each    *)
(* conjunct; the MC*Inductive* models check inductiveness: Init == TypeOK  *)
(* /\ IndInv (IndInit below), one step of Next, every conjunct its own     *)
(* INVARIANT.  The buggy variants' models run the same IndInv with their   *)
(* Next.                                                                   *)
(***************************************************************************)
EXTENDS VmPage, TLC

\* ---- pc sets (the spec's pc names, by prefix) -------------------------
Pre(P, S) == {P \o s : s \in S}
XuPcs(P)   == Pre(P, {"_xu", "_xus", "_xuw"})
WalkPcs(P) == Pre(P, {"_op", "_pv", "_il", "_is", "_iw", "_cl", "_diw"})
FpPcs(P)   == Pre(P, {"_sb", "_obj", "_ost", "_xb", "_fin"}) \cup XuPcs(P)
BsPcs(P)   == Pre(P, {"_sq", "_chk", "_wait"})

RemoverPcs == {"idle", "rm_busy", "rm_wired", "rm_relock"} \cup BsPcs("rm_bs")
              \cup Pre("rm_tb", {"_ld", "_cas", "_drop"}) \cup WalkPcs("rm_tb")
              \cup FpPcs("rm_fp") \cup WalkPcs("rm_wp") \cup XuPcs("rm_wp")
HoldPcs    == {"hold", "uw_ld", "uw_cas"}              \* a wiring held (UnwireKinds {"unwire"})
\* an orphan's free path: m->object is already NULL (FpObj skips to _xb)
\* and nobody owns the busy lock (FpXb skips the xunbusy)
OrphanFp(P) == Pre(P, {"_sb", "_obj", "_xb", "_fin"})
WirerPcs   == {"idle"} \cup HoldPcs \cup OrphanFp("uw_fp")
TerminatorPcs == {"idle", "tm_drop", "done"} \cup OrphanFp("tm_fp")
UnmapperPcs == {"idle"} \cup Pre("um", {"_pv", "_il", "_is", "_iw"})
PcsOf(r) ==
    CASE r = "Remover"    -> RemoverPcs
      [] r = "PmapHolder" -> WirerPcs \cup {"ph_cas"}
      [] r = "Faulter"    -> WirerPcs \cup {"fa_wire"}
      [] r = "Terminator" -> TerminatorPcs
      [] r = "Unmapper"   -> UnmapperPcs
      [] OTHER            -> {}

\* pcs at which the thread holds the object write lock
WPcs == (RemoverPcs \ {"idle", "rm_relock"}) \cup (TerminatorPcs \ {"idle", "done"})
\* pcs at which the thread owns the page exclusive-busy
XPcs == {"rm_wired"} \cup Pre("rm_tb", {"_ld", "_cas", "_drop"}) \cup WalkPcs("rm_tb")
        \cup Pre("rm_fp", {"_sb", "_obj", "_ost", "_xb", "_xu", "_xus"})
        \cup WalkPcs("rm_wp") \cup Pre("rm_wp", {"_xu", "_xus"})
\* try_blocked_op's window: BLOCKED set by TbCas, cleared by TbDrop
BlkPcs == WalkPcs("rm_tb") \cup {"rm_tb_drop"}
\* pmap_remove_all's per-pmap critical section after pte_load_clear: the
\* PTE is clear, the pv entry still listed, the pmap and pv-list locks held
RaCrit == Pre("rm_tb", {"_il", "_is", "_iw"}) \cup Pre("rm_wp", {"_il", "_is", "_iw"})
\* RemoveAllInvalidateFirst only: flushed, PTE not yet cleared (locks held)
ClPcs == Pre("rm_tb", {"_cl"}) \cup Pre("rm_wp", {"_cl"})
\* munmap's critical section after pte_load_clear: pv entry gone, TLB not flushed
UmCrit == Pre("um", {"_il", "_is", "_iw"})
\* the remover's walk is over (pmap_remove_all returned, or its delayed-invl wait)
RmAfterWalk == {"rm_tb_diw", "rm_tb_drop", "rm_wp_diw"} \cup FpPcs("rm_fp") \cup XuPcs("rm_wp")
AllFp == FpPcs("rm_fp") \cup OrphanFp("uw_fp") \cup OrphanFp("tm_fp")
Ost == {"rm_fp_ost"}
\* the busy words a page busied only exclusively can hold
BusyShapes == {UNBUSIED, SINGLE_EXCL, [SINGLE_EXCL EXCEPT !.waiters = TRUE]}
Cnt(S) == Cardinality({t \in Threads : pc[t] \in S})
At(S) == {t \in Threads : pc[t] \in S}

-----------------------------------------------------------------------------
\* Each conjunct its own definition; TLC names the one a step breaks.

PcOK ==
    /\ \A t \in Threads : pc[t] \in PcsOf(Role[t])
    /\ Others = {} => At(Pre("rm_tb", {"_is", "_iw"}) \cup Pre("rm_wp", {"_is", "_iw"}) \cup Pre("um", {"_is", "_iw"})) = {}
    /\ Variant # "RemoveAllInvalidateFirst" => At({"rm_tb_cl", "rm_wp_cl"}) = {}
\* Every thread is at a pc its role's code has (the universe's pc domain;
\* TypeOK leaves pc open): no IPI steps with one CPU, pte_load_clear
\* after the flush (_cl) only in RemoveAllInvalidateFirst.

LocalsOK ==
    \A t \in Threads :
        /\ pc[t] \in {"idle", "done", "hold"} =>
               old[t] = ZERO /\ bx[t] = UNBUSIED /\ pm[t] = None /\ opte[t] = NoPte
        /\ opte[t] = NoPte
        /\ pc[t] \notin BsPcs("rm_bs") \ {"rm_bs_sq"} => bx[t] = UNBUSIED
        /\ bx[t] \in BusyShapes
        /\ pm[t] # None <=> pc[t] \in {"ph_cas"} \cup Pre("rm_tb", {"_pv"}) \cup Pre("rm_wp", {"_pv"})
                                      \cup RaCrit \cup ClPcs \cup Pre("um", {"_pv"}) \cup UmCrit
\* A thread's locals are dead (reset by Fin) at idle/done/hold; bx only
\* lives in busy_sleep, pm only in a pmap critical section or lock wait,
\* opte only in pmap_remove_write (no WriteProtector here).  Keeps the
\* universe to live values; PhCas/TbCas/UwCas read them.

OldOK ==
    \A t \in Threads :
        /\ old[t].wires <= 2
        /\ old[t].blocked => old[t].wires = 0 /\ old[t].objref
        /\ pc[t] = "uw_cas" => old[t].wires >= 1 /\ ~old[t].blocked
        /\ pc[t] \in {"rm_busy", "rm_wired", "rm_relock", "fa_wire"} \cup BsPcs("rm_bs") \cup TerminatorPcs
               \cup UnmapperPcs => old[t] = ZERO
        /\ pc[t] \in OrphanFp("uw_fp") => old[t] = ONE
        /\ pc[t] \in BlkPcs \cup {"rm_fp_sb", "rm_fp_obj", "rm_fp_ost"} => old[t] = OBJREF
        /\ pc[t] \in {"rm_fp_xb", "rm_fp_fin"} \cup XuPcs("rm_fp") => old[t] \in {OBJREF}
\* old is a copy of ref_count as it was (at most two wirings in these
\* universes; BLOCKED only with OBJREF and no wiring, BlockedRule), ZERO
\* before the thread's first load.  vm_page_unwire's copy has the wiring
\* the thread holds (UwLd reads it while held; else UwCas's KASSERT).  After TbCas
\* succeeded it is OBJREF (the value the CAS replaced), and free_prep's
\* plain store (FpOst) writes old - OBJREF: it must be OBJREF.

WiresMatchGhostInd == WiresMatchGhost
\* rc's wire count = the wirings threads hold (the spec's WiresMatchGhost).

WiredByPcs == \A t \in Threads : wiredBy[t] = IF pc[t] \in HoldPcs THEN 1 ELSE 0
\* A Faulter/PmapHolder holds its one wiring from FaWire/PhCas to UwCas.
\* Needed for WiresMatchGhost: UwCas drops one wiring, so the thread must hold one.

ObjrefRule == rc.objref <=> (obj = "O" \/ Cnt(Ost) > 0)
\* OBJREF is set iff the page is in the object, except between free_prep's
\* m->object = NULL (FpObj) and its plain OBJREF clear (FpOst).  Stronger
\* than ObjrefMatchesObject (which exempts every W-locked window); TmDrop
\* and UwCas (freeing when old == 1) need the exact form.

ObjrefMatchesObjectInd == ObjrefMatchesObject

BlockedRule ==
    /\ rc.blocked <=> Cnt(BlkPcs) > 0
    /\ rc.blocked => rc.wires = 0 /\ vp3a = 0
\* BLOCKED is set exactly in try_blocked_op's window, and then there is no
\* wiring at all (VP5 with vp3a = 0: the remover's write lock excludes the
\* read-locked vm_page_wire, and wire_mapped gives up on BLOCKED).  TbCas
\* sets it only over wire count 0; FaWire needs the read lock; PhCas's
\* fcmpset fails on a word that gained BLOCKED.

BlockedHasNoWiresInd == BlockedHasNoWires

OLockRule ==
    /\ olock.r = At({"fa_wire"})
    /\ \A t \in Threads : pc[t] \in WPcs <=> olock.w = t
    /\ olock.w # None => olock.w \in Threads /\ olock.r = {}
\* The object lock's holders are the threads at pcs inside their locked
\* sections (RmLock..FpFin/Xunbusy, TmStart..TmDrop/FpFin, FaStart..FaWire).
\* Every action that needs the lock relies on it (CanW/CanR guards).

BusyRule ==
    /\ xowners = At(XPcs) /\ sowners = {}
    /\ busy.excl <=> xowners # {}
    /\ busy.shared <=> ~busy.excl
    /\ busy.sharers = 0
    /\ busy.waiters => busy.excl
    /\ \A t \in Threads : pc[t] = "rm_fp_xus" \/ pc[t] = "rm_wp_xus" => busy.waiters
\* Only the remover busies the page here: it owns it from RmBusy to its
\* xunbusy; XuCas fails only on WAITERS, hence _xus.  Needed for RmBusy
\* (busy = UNBUSIED) and FpXb (busy.excl decides the xunbusy).

SleepRule ==
    /\ sleepers \subseteq At({"rm_relock"})
    /\ sqlock # None => sqlock \in At(Pre("rm_bs", {"_chk", "_wait"}))
    /\ \A t \in At(Pre("rm_bs", {"_chk", "_wait"})) : sqlock = t
\* The sleepqueue chain lock is held from BsSq to BsChk/BsWait; a sleeper
\* waits at rm_relock.  BsSq needs sqlock = None.

PmapLocks ==
    /\ \A p \in Pmaps : plock[p] # None =>
           plock[p] \in Threads /\ pm[plock[p]] = p
           /\ pc[plock[p]] \in {"ph_cas"} \cup RaCrit \cup ClPcs \cup UmCrit
    /\ \A t \in At({"ph_cas"} \cup RaCrit \cup ClPcs \cup UmCrit) : plock[pm[t]] = t
    /\ pvlock # None => pvlock \in At(Pre("rm_tb", {"_pv"}) \cup Pre("rm_wp", {"_pv"}) \cup RaCrit \cup ClPcs)
    /\ \A t \in At(Pre("rm_tb", {"_pv"}) \cup Pre("rm_wp", {"_pv"}) \cup RaCrit \cup ClPcs) : pvlock = t
\* Who holds a pmap lock and the pv-list lock: the thread in a critical
\* section for that pmap (pm[t]), or waiting for the pmap lock holding
\* the pv-list lock (PvWait).  Locks() and every InvTail release rely on it.

HolderMapped == \A t \in At({"ph_cas"}) : pm[t] \in mapped
\* pmap_extract_and_hold holds the pmap lock of a pmap that maps the page,
\* so the mapping cannot go while it CASes.  Needed so that once the
\* remover's walk is over (mapped = {}) no wire_mapped can succeed.

PteRule ==
    \A p \in Pmaps :
        /\ pte[p].m => pte[p].rw
        /\ pte[p].rw => pte[p].v
        /\ pte[p].v <=> (p \in mapped /\ ~\E t \in At(RaCrit) : pm[t] = p)
        /\ pte[p].rw <=> (p \in wmapped /\ ~\E t \in At(RaCrit) : pm[t] = p)
        /\ \A t \in At(UmCrit) : pm[t] = p => p \notin mapped
\* The PTE agrees with the pv list except inside pmap_remove_all's window
\* (PTE cleared, pv entry still listed) and munmap's (both gone).  PG_M
\* only on a writable PTE (UserWrite), PG_RW only on a valid one.  Dirt()
\* = PG_M under it, which DirtyTracked needs across RaClear/UmClear.

TlbRule ==
    \A c \in CPUs, p \in Pmaps :
        /\ tlb[c][p] # "none" =>
               pte[p].v \/ \E t \in At(RaCrit \cup UmCrit) : pm[t] = p /\ (c = KCpu => pc[t] \in {"rm_tb_il", "rm_wp_il", "um_il"})
        /\ tlb[c][p] = "w" =>
               pte[p].rw \/ \E t \in At(RaCrit \cup UmCrit) : pm[t] = p /\ (c = KCpu => pc[t] \in {"rm_tb_il", "rm_wp_il", "um_il"})
        /\ tlb[c][p] = "w" => pte[p].m \/ mdirty
        /\ ipi[c] = {}
\* A CPU caches only a translation of a valid PTE (a dirty one only of a
\* writable PTE), except for the pmap being flushed inside a critical
\* section, until this CPU's invlpg.  A dirty cached translation implies
\* PG_M or m->dirty, so a write through it (UserWrite without a walk) is
\* tracked.  One CPU: no IPIs.  Needs: TLBFill/UserWrite walk only valid
\* PTEs; RaClear/UmClear clear the PTE before InvLocal.

DiqRule == diq = At(UmCrit)
\* munmap's delayed-invalidation block is open from UmClear to its flush.
\* DiWait (pmap_delayed_invl_wait) relies on it to order the free after
\* the flush.

RemoverWindow ==
    /\ \A t \in At(RmAfterWalk) : mapped = {}
    /\ \A t \in At({"rm_tb_drop"} \cup FpPcs("rm_fp")) : diq = {}
    /\ \A t \in At({"rm_wired", "rm_tb_ld", "rm_tb_cas"} \cup BlkPcs \cup WalkPcs("rm_wp") \cup XuPcs("rm_wp")) :
           obj = "O"
    /\ \A t \in At({"rm_fp_sb", "rm_fp_obj"}) : obj = "O" /\ rc = OBJREF
    /\ \A t \in At({"rm_fp_ost"}) : obj = None /\ rc = OBJREF
    /\ \A t \in At(FpPcs("rm_fp") \ {"rm_fp_sb", "rm_fp_obj", "rm_fp_ost"}) : obj = None /\ rc = ZERO
\* try_remove_all + free: after the walk no pmap maps the page (the pv
\* list cannot grow: mapping needs the busy lock), after DiWait no flush
\* is pending; free_prep finds ref_count == OBJREF (no wiring: BLOCKED
\* and the write lock kept them out, and wire_mapped needs a mapping).
\* The heart of NoFreeWhileReferenced for the remover.

TerminatorRule ==
    /\ \A t \in At({"tm_drop"} \cup OrphanFp("tm_fp")) : mapped = {} /\ diq = {} /\ busy = UNBUSIED
    /\ \A t \in At(OrphanFp("tm_fp")) : obj = None /\ rc = ZERO
    /\ \A t \in At({"done"}) : obj = None
\* vm_object_terminate_pages runs on a dead object: no mapping, no pending
\* flush (TmStart's guard), nobody can map again; it frees only when it
\* dropped the last reference (rc was OBJREF).

OrphanRule ==
    /\ obj = None => mapped = {} /\ At({"ph_cas"}) = {} /\ diq = {}
    /\ \A t \in At(OrphanFp("uw_fp")) : obj = None /\ rc = ZERO /\ busy = UNBUSIED
\* A page out of its object is unmapped for good (nobody maps it again);
\* vm_page_unwire frees it only when it took the last wiring of an orphan
\* (old == 1), so free_prep sees no reference.

FreeOnce ==
    /\ Cnt(AllFp) <= 1
    /\ \A t \in At(AllFp) : pstate = "alloc"
    /\ frees = IF pstate = "free" THEN 1 ELSE 0
    /\ pstate = "free" => obj = None /\ rc = ZERO /\ mapped = {} /\ At(HoldPcs \cup {"ph_cas"}) = {}
\* One thread at a time is in a free path and the page is still
\* allocated there; a freed page is unreferenced and stays so (FaWire,
\* PhStart, RmBusy all need obj = "O" or a mapping).

HwRule ==
    /\ DirtyTracked
    /\ \A t \in Threads : kassert = {} /\ ~uflow /\ vp3a = 0
\* m's dirtiness is never lost (the spec's DirtyTracked), no KASSERT fired,
\* no underflow, vp3a stays 0 (nobody wires under BLOCKED).

NoFreeWhileReferencedInd == NoFreeWhileReferenced
NoStaleTlbAfterFreeInd == NoStaleTlbAfterFree
TlbCoherentInd == TlbCoherent
NoAssertionFailureInd == NoAssertionFailure
FreedOnceInd == FreedOnce
NoUnderflowInd == NoUnderflow
NoUseAfterFreeInd == NoUseAfterFree
BusyExclusiveInd == BusyExclusive
BusyOwnerMatchesWordInd == BusyOwnerMatchesWord
WaitersImpliesBusyInd == WaitersImpliesBusy

IndInv ==
    /\ PcOK /\ LocalsOK /\ OldOK /\ WiresMatchGhostInd /\ WiredByPcs /\ ObjrefRule
    /\ ObjrefMatchesObjectInd /\ BlockedRule /\ BlockedHasNoWiresInd /\ OLockRule
    /\ BusyRule /\ SleepRule /\ PmapLocks /\ HolderMapped /\ PteRule /\ TlbRule /\ DiqRule
    /\ RemoverWindow /\ TerminatorRule /\ OrphanRule /\ FreeOnce /\ HwRule
    /\ NoFreeWhileReferencedInd /\ NoStaleTlbAfterFreeInd /\ TlbCoherentInd
    /\ NoAssertionFailureInd /\ FreedOnceInd /\ NoUnderflowInd /\ NoUseAfterFreeInd
    /\ BusyExclusiveInd /\ BusyOwnerMatchesWordInd /\ WaitersImpliesBusyInd

-----------------------------------------------------------------------------
(* The universe: every state with TypeOK /\ IndInv for the model's        *)
(* constants.  IndInv bounds every variable (rc by WiresMatchGhost,         *)
(* WiredByPcs, ObjrefRule, BlockedRule; old/bx/pm/opte by LocalsOK/OldOK;  *)
(* the lock, busy and ghost variables by the pc rules), so each set below  *)
(* contains every such state and IndInit keeps exactly those:              *)
(* IndInit <=> TypeOK /\ IndInv.  Variables are chosen one at a time with  *)
(* the conjuncts that constrain them right after (TLC prunes).             *)
Pte3 == [v : BOOLEAN, rw : BOOLEAN, m : BOOLEAN]
SmallOld == [wires : 0..2, objref : BOOLEAN, blocked : BOOLEAN]
\* the functions f on T with f[t] \in F(t) (a dependent product, so TLC
\* enumerates only per-thread candidates)
OldCands(t) ==
    IF pc[t] \in {"idle", "done", "hold", "rm_busy", "rm_wired", "rm_relock", "fa_wire"} \cup BsPcs("rm_bs")
                  \cup TerminatorPcs \cup UnmapperPcs THEN {ZERO}
    ELSE IF pc[t] \in OrphanFp("uw_fp") THEN {ONE}
    ELSE IF pc[t] \in BlkPcs \cup FpPcs("rm_fp") THEN {OBJREF}
    ELSE IF pc[t] = "uw_cas" THEN {o \in SmallOld : o.wires >= 1 /\ ~o.blocked}
    ELSE {o \in SmallOld : o.blocked => o.wires = 0 /\ o.objref}
BxCands(t) == IF pc[t] \in Pre("rm_bs", {"_chk", "_wait"}) THEN BusyShapes ELSE {UNBUSIED}
RECURSIVE OldFns(_), BxFns(_)
OldFns(T) ==
    LET x == CHOOSE y \in T : TRUE IN
    IF T = {x} THEN {x :> v : v \in OldCands(x)}
    ELSE {(x :> v) @@ g : v \in OldCands(x), g \in OldFns(T \ {x})}
BxFns(T) ==
    LET x == CHOOSE y \in T : TRUE IN
    IF T = {x} THEN {x :> v : v \in BxCands(x)}
    ELSE {(x :> v) @@ g : v \in BxCands(x), g \in BxFns(T \ {x})}
\* The candidate program counters: one per thread from any role's pcs (PcOK keeps the thread's own).
PcCands == [Threads -> UNION {PcsOf(r) : r \in RoleNames}]

\* The rest of IndInit, once pc is chosen (IndInitSampled draws pc at random).
IndInitFromPc ==
    /\ wiredBy = [t \in Threads |-> IF pc[t] \in HoldPcs THEN 1 ELSE 0]
    /\ xowners = At(XPcs) /\ sowners = {}
    /\ Cardinality(xowners) <= 1
    /\ olock \in [w : Threads \cup {None}, r : {At({"fa_wire"})}] /\ OLockRule
    /\ sqlock \in Threads \cup {None} /\ sleepers \in SUBSET At({"rm_relock"}) /\ SleepRule
    /\ busy \in BusyShapes /\ BusyRule
    /\ obj \in {"O", None}
    /\ pstate \in {"alloc", "free"}
    /\ frees = IF pstate = "free" THEN 1 ELSE 0
    /\ rc \in [wires : {SumOver(Threads)}, objref : BOOLEAN, blocked : BOOLEAN]
    /\ ObjrefRule /\ BlockedRule
    /\ vp3a = 0 /\ uflow = FALSE /\ kassert = {}
    /\ mapped \in SUBSET Pmaps /\ wmapped \in SUBSET mapped
    /\ pm \in [Threads -> Pmaps \cup {None}]
    /\ \A t \in Threads : pm[t] # None <=> pc[t] \in {"ph_cas"} \cup Pre("rm_tb", {"_pv"}) \cup Pre("rm_wp", {"_pv"})
                                           \cup RaCrit \cup ClPcs \cup Pre("um", {"_pv"}) \cup UmCrit
    /\ plock \in [Pmaps -> Threads \cup {None}] /\ pvlock \in Threads \cup {None} /\ PmapLocks
    /\ HolderMapped
    /\ diq = At(UmCrit)
    /\ RemoverWindow /\ TerminatorRule /\ OrphanRule /\ FreeOnce
    /\ pte \in [Pmaps -> Pte3] /\ PteRule
    /\ tlb \in [CPUs -> [Pmaps -> {"none", "r", "w"}]]
    /\ ipi = [c \in CPUs |-> {}]
    /\ mdirty \in BOOLEAN /\ TlbRule
    /\ wrote \in BOOLEAN /\ DirtyTracked
    /\ old \in OldFns(Threads) /\ OldOK
    /\ bx \in BxFns(Threads) /\ opte = [t \in Threads |-> NoPte]
    /\ LocalsOK
    /\ TypeOK /\ IndInv

IndInit == pc \in PcCands /\ PcOK /\ IndInitFromPc
=============================================================================
