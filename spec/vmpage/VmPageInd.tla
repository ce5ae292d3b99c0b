------------------------------ MODULE VmPageInd ------------------------------
(***************************************************************************)
(* An inductive invariant IndInv for VmPage, Variant "Fixed" (0012f373e4), *)
(* for the roles Remover (vm_object_page_remove), Terminator               *)
(* (vm_object_terminate_pages), PmapHolder (pmap_extract_and_hold +        *)
(* vm_page_wire_mapped), Faulter (vm_page_wire under the object read lock) *)
(* with vm_page_unwire or vm_page_release(VPR_TRYFREE), Unmapper (munmap's *)
(* pmap_remove), Mapper (vm_fault's pmap_enter), Busier (xbusy only),      *)
(* WriteProtector (vm_page_try_remove_write) and the MMU, at the hardware  *)
(* granularity, 1 pmap, 1 CPU.  Not with the release path and munmap       *)
(* together (two reachable violations of Fixed, proofs/vmpage.md 2.8).     *)
(* proofs/vmpage.md explains each                                          *)
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
\* vm_page_release(VPR_TRYFREE) before its unwire_noq: the wiring is still held
RelHeld    == {"rl_obj", "rl_busy", "rl_try", "rlk_drop"}
HoldPcs    == {"hold", "uw_ld", "uw_cas"} \cup RelHeld   \* a wiring held
\* vm_page_release_locked's free path (the page is still in the object)
RlFp       == Pre("rl_fp", {"_sb", "_obj", "_ost", "_xb", "_fin"})
RelPcs     == RelHeld \cup {"rlk_map", "rlk_busy"} \cup RlFp
\* an orphan's free path: m->object is already NULL (FpObj skips to _xb)
\* and nobody owns the busy lock (FpXb skips the xunbusy)
OrphanFp(P) == Pre(P, {"_sb", "_obj", "_xb", "_fin"})
WirerPcs   == {"idle", "hold", "uw_ld", "uw_cas"} \cup OrphanFp("uw_fp")
              \cup (IF "release_tryfree" \in UnwireKinds THEN RelPcs ELSE {})
TerminatorPcs == {"idle", "done"} \cup OrphanFp("tm_fp")
                 \cup (IF Variant = "TerminatePlainStore" THEN {"tm_ld", "tm_st"} ELSE {"tm_drop"})
UnmapperPcs == {"idle"} \cup Pre("um", {"_pv", "_il", "_is", "_iw"})
\* vm_fault -> pmap_enter with the page xbusied; the fixed code re-takes the
\* object lock to xunbusy (mp_relock, mp_xu*), MapperUnbusiesUnlocked does not (mpu_xu*)
MpLockedXu == {"mp_relock"} \cup XuPcs("mp")
MapperPcs  == {"idle", "mp_busy", "mp_enter", "mp_pv", "mp_store"}
              \cup (IF Variant = "MapperUnbusiesUnlocked" THEN XuPcs("mpu") ELSE MpLockedXu)
\* the mapper's busied pcs without the object lock: it cannot unbusy
\* before it re-takes the lock (fixed), or can (MapperUnbusiesUnlocked)
MpUnlockedX == {"mp_enter", "mp_pv", "mp_store", "mp_relock", "mpu_xu", "mpu_xus"}
\* a Busier with BusyKinds {"x"}: vm_page_tryxbusy, else busy_sleep and retry
BusierPcs  == {"idle", "bzx_try", "bzx_relock"} \cup BsPcs("bzx_bs") \cup XuPcs("bzx")
\* vm_page_try_remove_write: try_blocked_op around pmap_remove_write
WpWalk     == Pre("wp_tb", {"_op", "_pv", "_wcas", "_wld", "_il", "_is", "_iw", "_diw"})
WpPcs      == {"idle", "wp_busy"} \cup Pre("wp_tb", {"_ld", "_cas", "_drop"}) \cup WpWalk \cup XuPcs("wp")
PcsOf(r) ==
    CASE r = "Remover"        -> RemoverPcs
      [] r = "PmapHolder"     -> WirerPcs \cup {"ph_cas"}
      [] r = "Faulter"        -> WirerPcs \cup {"fa_wire"}
      [] r = "Terminator"     -> TerminatorPcs
      [] r = "Unmapper"       -> UnmapperPcs
      [] r = "Mapper"         -> MapperPcs
      [] r = "Busier"         -> IF BusyKinds = {"x"} THEN BusierPcs ELSE {}
      [] r = "WriteProtector" -> WpPcs
      [] OTHER                -> {}

\* pcs at which the thread holds the object write lock
WPcs == (RemoverPcs \ {"idle", "rm_relock"}) \cup (TerminatorPcs \ {"idle", "done"})
        \cup {"mp_busy"} \cup XuPcs("mp") \cup {"bzx_try"} \cup BsPcs("bzx_bs")
        \cup (WpPcs \ {"idle"}) \cup {"rlk_drop", "rlk_map", "rlk_busy"} \cup RlFp
\* pcs at which the thread owns the page exclusive-busy
XPcs == {"rm_wired"} \cup Pre("rm_tb", {"_ld", "_cas", "_drop"}) \cup WalkPcs("rm_tb")
        \cup Pre("rm_fp", {"_sb", "_obj", "_ost", "_xb", "_xu", "_xus"})
        \cup WalkPcs("rm_wp") \cup Pre("rm_wp", {"_xu", "_xus"})
        \cup MpUnlockedX \cup Pre("mp", {"_xu", "_xus"}) \cup Pre("bzx", {"_xu", "_xus"})
        \cup Pre("wp_tb", {"_ld", "_cas", "_drop"}) \cup WpWalk \cup Pre("wp", {"_xu", "_xus"})
\* an xunbusy that found WAITERS (after XuCas failed), and one about to wake the sleepers
XusPcs == {"rm_fp_xus", "rm_wp_xus", "mp_xus", "mpu_xus", "bzx_xus", "wp_xus"}
XuwPcs == {"rm_fp_xuw", "rm_wp_xuw", "mp_xuw", "mpu_xuw", "bzx_xuw", "wp_xuw"}
\* busy_sleep: the sleepqueue lock held (_chk, _wait), asleep at _relock
ChkPcs == {"rm_bs_chk", "bzx_bs_chk"}
WaitPcs == {"rm_bs_wait", "bzx_bs_wait"}
RelockPcs == {"rm_relock", "bzx_relock"}
\* try_blocked_op's window: BLOCKED set by TbCas, cleared by TbDrop
BlkPcs == WalkPcs("rm_tb") \cup {"rm_tb_drop"} \cup WpWalk \cup {"wp_tb_drop"}
\* pmap_remove_all's per-pmap critical section after pte_load_clear: the
\* PTE is clear, the pv entry still listed, the pmap and pv-list locks held
RaCrit == Pre("rm_tb", {"_il", "_is", "_iw"}) \cup Pre("rm_wp", {"_il", "_is", "_iw"})
\* pmap_remove_write's after its cmpset: PG_RW clear, the pv entry still writable-listed
RwCrit == Pre("wp_tb", {"_il", "_is", "_iw"})
\* RemoveAllInvalidateFirst only: flushed, PTE not yet cleared (locks held)
ClPcs == Pre("rm_tb", {"_cl"}) \cup Pre("rm_wp", {"_cl"})
\* munmap's critical section after pte_load_clear: pv entry gone, TLB not flushed
UmCrit == Pre("um", {"_il", "_is", "_iw"})
\* the local invlpg of a critical section is still to come
IlPcs == {"rm_tb_il", "rm_wp_il", "um_il", "wp_tb_il"}
\* pcs holding a pmap lock (of pm[t]) / the pv-list lock / a pm[t]
PlockPcs == {"ph_cas", "mp_store", "wp_tb_wcas", "wp_tb_wld"} \cup RaCrit \cup ClPcs \cup UmCrit \cup RwCrit
PvPcs == Pre("rm_tb", {"_pv"}) \cup Pre("rm_wp", {"_pv"}) \cup RaCrit \cup ClPcs
         \cup {"mp_pv", "mp_store", "wp_tb_pv", "wp_tb_wcas", "wp_tb_wld", "um_pv"} \cup RwCrit
PmPcs == PlockPcs \cup PvPcs
\* the remover's walk is over (pmap_remove_all returned, or its delayed-invl wait)
RmAfterWalk == {"rm_tb_diw", "rm_tb_drop", "rm_wp_diw"} \cup FpPcs("rm_fp") \cup XuPcs("rm_wp")
AllFp == FpPcs("rm_fp") \cup OrphanFp("uw_fp") \cup OrphanFp("tm_fp") \cup RlFp
\* between free_prep's m->object = NULL and its plain OBJREF clear; TerminatePlainStore's tm_st
Ost == {"rm_fp_ost", "rl_fp_ost", "tm_st"}
\* the busy words a page busied only exclusively can hold
BusyShapes == {UNBUSIED, SINGLE_EXCL, [SINGLE_EXCL EXCEPT !.waiters = TRUE]}
Cnt(S) == Cardinality({t \in Threads : pc[t] \in S})
At(S) == {t \in Threads : pc[t] \in S}

-----------------------------------------------------------------------------
\* Each conjunct its own definition; TLC names the one a step breaks.

PcOK ==
    /\ \A t \in Threads : pc[t] \in PcsOf(Role[t])
    /\ Others = {} => At(Pre("rm_tb", {"_is", "_iw"}) \cup Pre("rm_wp", {"_is", "_iw"}) \cup Pre("um", {"_is", "_iw"})
                         \cup Pre("wp_tb", {"_is", "_iw"})) = {}
    /\ Variant # "RemoveAllInvalidateFirst" => At({"rm_tb_cl", "rm_wp_cl"}) = {}
    /\ Variant = "RemoveAllInvalidateFirst" => At(RaCrit) = {}
    /\ LockAtomic => At(RaCrit \cup ClPcs \cup UmCrit \cup RwCrit \cup {"mp_store", "wp_tb_wcas", "wp_tb_wld"}) = {}
\* Every thread is at a pc its role's code has (the universe's pc domain;
\* TypeOK leaves pc open): no IPI steps with one CPU, pte_load_clear
\* after the flush (_cl) only in RemoveAllInvalidateFirst, which never has
\* the cleared-but-not-flushed window (RaCrit).  In the coarse
\* view (LockAtomic) a pmap critical section is one action: nobody is inside one.

LocalsOK ==
    \A t \in Threads :
        /\ pc[t] \in {"idle", "done", "hold"} =>
               old[t] = ZERO /\ bx[t] = UNBUSIED /\ pm[t] = None /\ opte[t] = NoPte
        /\ pc[t] # "wp_tb_wcas" => opte[t] = NoPte
        /\ pc[t] \notin ChkPcs \cup WaitPcs => bx[t] = UNBUSIED
        /\ bx[t] \in BusyShapes
        /\ pm[t] # None <=> pc[t] \in PmPcs
\* A thread's locals are dead (reset by Fin) at idle/done/hold; bx only
\* lives in busy_sleep, pm only in a pmap critical section or lock wait,
\* opte only at pmap_remove_write's cmpset.  Keeps the
\* universe to live values; PhCas/TbCas/UwCas read them.

\* TerminatePlainStore's TmSt enters the free path with its (dead) load OBJREF
TmPlainFp == IF Variant = "TerminatePlainStore" THEN OrphanFp("tm_fp") ELSE {}
\* pcs before the thread's first load of ref_count (or with none at all)
ZeroOldPcs == {"rm_busy", "rm_wired", "rm_relock", "fa_wire"} \cup BsPcs("rm_bs")
              \cup (TerminatorPcs \ ({"tm_st"} \cup TmPlainFp)) \cup UnmapperPcs \cup MapperPcs \cup BusierPcs
              \cup {"wp_busy", "wp_tb_ld"} \cup (RelPcs \ Pre("rl_fp", {"_ost", "_xb", "_fin"}))
OldOK ==
    \A t \in Threads :
        /\ old[t].wires <= 2
        /\ old[t].blocked => old[t].wires = 0 /\ old[t].objref
        /\ pc[t] = "uw_cas" => old[t].wires >= 1 /\ ~old[t].blocked
        /\ pc[t] \in ZeroOldPcs => old[t] = ZERO
        /\ pc[t] \in OrphanFp("uw_fp") => old[t] = ONE
        /\ pc[t] \in BlkPcs \cup FpPcs("rm_fp") \cup Pre("rl_fp", {"_ost", "_xb", "_fin"}) \cup TmPlainFp => old[t] = OBJREF
        /\ pc[t] = "tm_st" => old[t].objref /\ ~old[t].blocked
\* old is a copy of ref_count as it was (at most two wirings in these
\* universes; BLOCKED only with OBJREF and no wiring, BlockedRule), ZERO
\* before the thread's first load.  vm_page_unwire's copy has the wiring
\* the thread holds (UwLd reads it while held; else UwCas's KASSERT).  After TbCas
\* succeeded it is OBJREF (the value the CAS replaced), and free_prep's
\* plain store (FpOst) writes old - OBJREF: it must be OBJREF (also on
\* release_locked's free path, whose FpObj loads OBJREF).  TerminatePlainStore's
\* tm_st holds the load of a word with OBJREF.

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
    /\ \A t \in Threads : pc[t] \in XusPcs => busy.waiters
    /\ At({"rm_fp_xuw", "rm_wp_xuw", "mp_xuw", "wp_xuw"}) # {} => xowners = {}
\* The page is busied only exclusively here (Busiers with BusyKinds {"x"}):
\* the remover, mapper, busier or write protector owns it from its tryxbusy
\* to its xunbusy (XPcs); XuCas fails only on WAITERS, hence _xus.  Needed
\* for every tryxbusy (busy = UNBUSIED iff nobody owns it) and FpXb.  An
\* owner that unbusied under the object write lock and has yet to wake
\* (_xuw) still holds the lock, and every tryxbusy here needs it: nobody
\* owns the page then (else MpStore could map behind a remover's walk).

SleepRule ==
    /\ sleepers \subseteq At(RelockPcs)
    /\ sqlock # None => sqlock \in At(ChkPcs \cup WaitPcs)
    /\ \A t \in At(ChkPcs \cup WaitPcs) : sqlock = t
\* The sleepqueue chain lock is held from BsSq to BsChk/BsWait; a sleeper
\* waits at its _relock.  BsSq needs sqlock = None; XuWake (wakeup) needs
\* it too, so no wakeup falls between busy_sleep's load and its sleep entry.

WakeupPending ==
    /\ sleepers \cup At(WaitPcs) # {} => busy.waiters \/ At(XuwPcs) # {}
    /\ \A t \in At(ChkPcs) : bx[t].waiters => busy.waiters \/ At(XuwPcs) # {}
\* A sleeper (or a thread entering the sleep) is owed a wakeup: WAITERS is
\* set, so the owner's xunbusy will fail its cmpset and wake (WaitersImpliesBusy
\* gives the owner), or an xunbusy has cleared the word and is about to
\* wake (_xuw).  The state form of NoLostBusyWakeup: with fair owners it
\* implies every sleeper is woken.  XuStore keeps it by going to _xuw;
\* XuWake empties sleepers only with sqlock free, so no thread is at _wait.

PmapLocks ==
    /\ \A p \in Pmaps : plock[p] # None =>
           plock[p] \in Threads /\ pm[plock[p]] = p /\ pc[plock[p]] \in PlockPcs
    /\ \A t \in At(PlockPcs) : plock[pm[t]] = t
    /\ pvlock # None => pvlock \in At(PvPcs)
    /\ \A t \in At(PvPcs) : pvlock = t
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
        /\ pte[p].rw <=> (p \in wmapped /\ ~\E t \in At(RaCrit \cup RwCrit) : pm[t] = p)
        /\ \A t \in At(UmCrit) : pm[t] = p => p \notin mapped
\* The PTE agrees with the pv list except inside pmap_remove_all's window
\* (PTE cleared, pv entry still listed), pmap_remove_write's (PG_RW cleared,
\* still in wmapped) and munmap's (both gone).  PG_M
\* only on a writable PTE (UserWrite), PG_RW only on a valid one.  Dirt()
\* = PG_M under it, which DirtyTracked needs across RaClear/UmClear.

TlbRule ==
    \A c \in CPUs, p \in Pmaps :
        /\ tlb[c][p] # "none" =>
               pte[p].v \/ \E t \in At(RaCrit \cup UmCrit) : pm[t] = p /\ (c = KCpu => pc[t] \in IlPcs)
        /\ tlb[c][p] = "w" =>
               pte[p].rw \/ \E t \in At(RaCrit \cup UmCrit \cup RwCrit) : pm[t] = p /\ (c = KCpu => pc[t] \in IlPcs)
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
    /\ \A t \in At({"tm_drop", "tm_ld", "tm_st"} \cup OrphanFp("tm_fp")) : mapped = {} /\ diq = {} /\ busy = UNBUSIED
    /\ \A t \in At(OrphanFp("tm_fp")) : obj = None /\ rc = ZERO
    /\ \A t \in At({"done"}) : obj = None
    /\ \A t \in At({"tm_st"}) : obj = None /\ old[t] = rc
\* vm_object_terminate_pages runs on a dead object: no mapping, no pending
\* flush (TmStart's guard), nobody can map again; it frees only when it
\* dropped the last reference (rc was OBJREF).  TerminatePlainStore only:
\* between its load and its plain store (tm_st) the word must not change
\* (old = rc), else the store writes back a stale wire count.

MapperRule ==
    /\ \A t \in At(MpUnlockedX \cup XuPcs("mp")) : obj = "O"
    /\ \A t \in At({"mp_store"}) : ~pte[pm[t]].rw
\* vm_fault's page is in its object while the mapper owns the busy lock
\* (MpBusy found it there; only a busy owner's free_prep or terminate takes
\* it out), so MpStore never maps an orphan (OrphanRule).  At the PTE store
\* the PTE is not writable (MpEnter's "unchanged" test, under the pmap
\* lock), so pte_store drops no PG_M (DirtyTracked).

WriteProtectRule ==
    /\ \A t \in At(WpPcs \ {"idle", "wp_busy"}) : obj = "O"
    /\ \A t \in At({"wp_tb_wcas"}) :
           /\ opte[t].v /\ opte[t].rw
           /\ pte[pm[t]] \in {opte[t], [opte[t] EXCEPT !.m = TRUE]}
    /\ \A t \in At({"wp_tb_wld"}) : pte[pm[t]].rw
\* vm_page_try_remove_write runs on a page of the object (W lock + busy).
\* Between pmap_remove_write's load of oldpte and its cmpset the pmap lock
\* keeps software off the PTE; only the MMU can set PG_M (UserWrite).  So
\* the cmpset either succeeds on the loaded value, or fails on PG_M and
\* reloads a PTE that is still writable.  RwCas keeps DirtyTracked and
\* TlbRule's "w => PG_M or m->dirty" only because it compares: a plain
\* store (RemoveWritePlainStore) writes back the loaded PTE without the
\* PG_M the MMU set since.

ReleaseRule ==
    /\ \A t \in At({"rlk_drop", "rlk_map", "rlk_busy", "rl_fp_sb", "rl_fp_obj"}) : obj = "O"
    /\ \A t \in At({"rlk_map"}) : rc.wires > 0 => mapped # {}
    /\ \A t \in At({"rlk_busy"}) :
           \/ mapped = {} /\ rc = OBJREF /\ diq = {}
           \/ At(MpUnlockedX) # {}
    /\ \A t \in At({"rl_fp_sb", "rl_fp_obj", "rl_fp_ost"}) :
           mapped = {} /\ diq = {} /\ busy = UNBUSIED /\ rc = OBJREF
    /\ \A t \in At({"rl_fp_ost", "rl_fp_xb", "rl_fp_fin"}) : obj = None
    /\ \A t \in At({"rl_fp_xb", "rl_fp_fin"}) : mapped = {} /\ diq = {} /\ busy = UNBUSIED /\ rc = ZERO
\* vm_page_release(VPR_TRYFREE) -> vm_page_release_locked, W-locked from
\* TRYWLOCK on.  unwire_noq dropped the last wiring (RlkDrop goes on only
\* from wire count 1), and the write lock keeps vm_page_wire out, so a
\* wiring seen at pmap_page_is_mapped (rlk_map) came from wire_mapped and
\* the mapping it went through is still there: nothing but munmap removes
\* it without the object lock.  Past that test (rlk_busy) the page is
\* unmapped, unwired, with no flush pending, unless a mapper that owns the
\* busy lock mapped it since: it cannot unbusy before it re-takes the
\* object lock, so release_locked's !vm_page_busied test sees it.  The
\* free path then finds OBJREF alone, no mapping, no pending flush.
\* Not kept with munmap: ReleaseMunmapRace (UmClear at rlk_map) and
\* ReleaseDelayedInvl (RlkMap with diq # {}) break it; nor by
\* MapperUnbusiesUnlocked (XuCas at rlk_busy).

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
    /\ WakeupPending /\ MapperRule /\ WriteProtectRule /\ ReleaseRule
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
    IF pc[t] \in {"idle", "done", "hold"} \cup ZeroOldPcs THEN {ZERO}
    ELSE IF pc[t] \in OrphanFp("uw_fp") THEN {ONE}
    ELSE IF pc[t] \in BlkPcs \cup FpPcs("rm_fp") \cup Pre("rl_fp", {"_ost", "_xb", "_fin"}) \cup TmPlainFp THEN {OBJREF}
    ELSE IF pc[t] = "uw_cas" THEN {o \in SmallOld : o.wires >= 1 /\ ~o.blocked}
    ELSE {o \in SmallOld : o.blocked => o.wires = 0 /\ o.objref}
BxCands(t) == IF pc[t] \in ChkPcs \cup WaitPcs THEN BusyShapes ELSE {UNBUSIED}
OpteCands(t) == IF pc[t] = "wp_tb_wcas" THEN Pte3 ELSE {NoPte}
RECURSIVE OldFns(_), BxFns(_), OpteFns(_)
OpteFns(T) ==
    LET x == CHOOSE y \in T : TRUE IN
    IF T = {x} THEN {x :> v : v \in OpteCands(x)}
    ELSE {(x :> v) @@ g : v \in OpteCands(x), g \in OpteFns(T \ {x})}
OldFns(T) ==
    LET x == CHOOSE y \in T : TRUE IN
    IF T = {x} THEN {x :> v : v \in OldCands(x)}
    ELSE {(x :> v) @@ g : v \in OldCands(x), g \in OldFns(T \ {x})}
BxFns(T) ==
    LET x == CHOOSE y \in T : TRUE IN
    IF T = {x} THEN {x :> v : v \in BxCands(x)}
    ELSE {(x :> v) @@ g : v \in BxCands(x), g \in BxFns(T \ {x})}
\* The candidate program counters: one per thread from the pcs of the model's
\* roles (PcOK keeps the thread's own).
PcCands == [Threads -> UNION {PcsOf(Role[t]) : t \in Threads}]

\* The rest of IndInit, once pc is chosen (IndInitSampled draws pc at random).
IndInitFromPc ==
    /\ wiredBy = [t \in Threads |-> IF pc[t] \in HoldPcs THEN 1 ELSE 0]
    /\ xowners = At(XPcs) /\ sowners = {}
    /\ Cardinality(xowners) <= 1
    /\ olock \in [w : Threads \cup {None}, r : {At({"fa_wire"})}] /\ OLockRule
    /\ sqlock \in Threads \cup {None} /\ sleepers \in SUBSET At(RelockPcs) /\ SleepRule
    /\ busy \in BusyShapes /\ BusyRule
    /\ obj \in {"O", None}
    /\ pstate \in {"alloc", "free"}
    /\ frees = IF pstate = "free" THEN 1 ELSE 0
    /\ rc \in [wires : {SumOver(Threads)}, objref : BOOLEAN, blocked : BOOLEAN]
    /\ ObjrefRule /\ BlockedRule
    /\ vp3a = 0 /\ uflow = FALSE /\ kassert = {}
    /\ mapped \in SUBSET Pmaps /\ wmapped \in SUBSET mapped
    /\ pm \in [Threads -> Pmaps \cup {None}]
    /\ \A t \in Threads : pm[t] # None <=> pc[t] \in PmPcs
    /\ plock \in [Pmaps -> Threads \cup {None}] /\ pvlock \in Threads \cup {None} /\ PmapLocks
    /\ HolderMapped
    /\ diq = At(UmCrit)
    /\ RemoverWindow /\ OrphanRule /\ FreeOnce /\ ReleaseRule
    /\ pte \in [Pmaps -> Pte3] /\ PteRule /\ MapperRule
    /\ opte \in OpteFns(Threads) /\ WriteProtectRule
    /\ tlb \in [CPUs -> [Pmaps -> {"none", "r", "w"}]]
    /\ ipi = [c \in CPUs |-> {}]
    /\ mdirty \in BOOLEAN /\ TlbRule
    /\ wrote \in BOOLEAN /\ DirtyTracked
    /\ old \in OldFns(Threads) /\ OldOK /\ TerminatorRule
    /\ bx \in BxFns(Threads) /\ WakeupPending
    /\ LocalsOK
    /\ TypeOK /\ IndInv

IndInit == pc \in PcCands /\ PcOK /\ IndInitFromPc
=============================================================================
