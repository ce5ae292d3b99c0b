--------------------------- MODULE VmPageUnwireInd ---------------------------
(***************************************************************************)
(* An inductive invariant IndInv for VmPageUnwire.tla (issue 13 for issue  *)
(* 15 item 5: FreeBSD 0012f373e4 vm_page.c's vm_page_unwire, managed and   *)
(* unmanaged branches, vm_wire_count, the page daemon's dequeue, the page  *)
(* lock, vm_object_terminate_pages' OBJREF drop, vm_page_busy_downgrade    *)
(* and vm_page_busy_tryupgrade with busy sleepers).  IndInv == TypeOK /\   *)
(* the module's invariants /\ the strengthening conjuncts below, each with *)
(* its reason underneath.  Claimed inductive for the fixed configurations  *)
(* (Variant "Fixed" managed, "UnwireNoqOldIsLast" unmanaged); each buggy   *)
(* variant breaks a named conjunct in one step (proofs/vmpage.md §4).      *)
(* The busy conjuncts WaitersHaveSleeper, WakerSeesNoWaiters,             *)
(* WakerHasSleeper and ChkNoWaiters rely on the models' two Busiers (said  *)
(* under each).  IndInit enumerates TypeOK /\                              *)
(* IndInv: each variable is drawn from the values its conjuncts leave,     *)
(* the conjuncts that mention only drawn variables follow, and every       *)
(* conjunct is also an INVARIANT of the models, so IndInit = TypeOK /\     *)
(* IndInv for the model's constants.                                       *)
(***************************************************************************)
EXTENDS VmPageUnwire

At(S) == {t \in Threads : pc[t] \in S}
\* The threads that take wirings (vm_page_wire / hold one from the start).
Wirers == {t \in Threads : Role[t] \in {"Holder", "Faulter"}}

\* The program counters of each role (the pcs its actions name).
ManagedPcs   == {"hold", "uw_cas", "uw_casl", "uw_casu", "uw_sub", "uw_free", "done"}
UnmanagedPcs == {"hold", "unq_sub", "unq_test", "uw_free", "done"}
UnwirePcs == IF Managed THEN ManagedPcs ELSE UnmanagedPcs
KindPcs(k) ==
    CASE k = "x"  -> {"x_try", "x_bs_sq", "x_bs_chk", "x_xu", "x_xus", "x_xuw"}
      [] k = "xd" -> {"xd_try", "xd_bs_sq", "xd_bs_chk", "xd_dg", "xd_dgcas", "xd_dgw",
                      "xd_su", "xd_sucas", "xd_suw"}
      [] k = "su" -> {"su_try", "su_cas", "su_bs_sq", "su_bs_chk", "su_up", "su_upcas",
                      "su_xu", "su_xus", "su_xuw", "su_su", "su_sucas", "su_suw"}
PcsOf(r) ==
    CASE r = "Holder"     -> UnwirePcs
      [] r = "Faulter"    -> {"idle", "fa_add"} \cup UnwirePcs
      [] r = "Daemon"     -> {"idle"}
      [] r = "Terminator" -> {"idle", "tm_free", "done"}
      [] r = "Busier"     -> {"idle"} \cup UNION {KindPcs(k) : k \in BusyKinds}
      \* no inductive model has a buggy client (stops 25, 26: they are checked by their own models)
      [] r \in {"StrayBusier", "StrayUnwirer", "StrayFreer", "OrphanBusier", "ForeignUnbusier"} -> {"idle"}

\* A thread holding one wiring (before the CAS / fetchadd that drops it).
WiredPcs == {"hold", "uw_cas", "uw_casl", "uw_casu", "fa_add"}
\* Busy owners, sleepers, the sleepqueue-lock holder, the wakers.
XOwnPcs == {"x_xu", "x_xus", "xd_dg", "xd_dgcas", "su_xu", "su_xus"}
SOwnPcs == {"xd_dgw", "xd_su", "xd_sucas", "su_up", "su_upcas", "su_su", "su_sucas"}
TryPcs  == {"x_try", "xd_try", "su_try"}
ChkPcs  == {"x_bs_chk", "xd_bs_chk", "su_bs_chk"}
WakePcs == {"x_xuw", "su_xuw", "xd_suw", "su_suw", "xd_dgw"}
SuCasPcs == {"xd_sucas", "su_sucas"}

\* The busy words the lock's encoding allows (VmPage.tla's shapes).
BusyShapes == {b \in BusyWords : /\ b.excl <=> ~b.shared
                                 /\ b.excl => b.sharers = 0
                                 /\ b.waiters => (b.excl \/ b.sharers > 0)}

\* The threads that will call vm_page_free: the last unwire (old == 1),
\* vm_object_terminate_pages after dropping the last reference (OBJREF).
Owing == At({"uw_free", "tm_free"}) \cup {t \in At({"uw_sub", "unq_sub", "unq_test"}) : old[t] = ONE}

-----------------------------------------------------------------------------
\* Each conjunct its own definition; TLC names the one a step breaks.

PcOK ==
    /\ pc \in [Threads -> UNION {PcsOf(r) : r \in RoleNames}]
    /\ \A t \in Threads : pc[t] \in PcsOf(Role[t])
    /\ Variant = "UnwireNoqOldIsLast" => At({"unq_test"}) = {}
\* Each thread is at a pc of its role (the managed or unmanaged unwire, the
\* busy kinds of the model).  The unmanaged fix has no second load of
\* ref_count (UnqSub frees on old == 1), so no thread is at unq_test there.
\* Gives the universe a pc domain; every action's guard reads a defined pc.

WiredByPcs == \A t \in Threads : wiredBy[t] = IF pc[t] \in WiredPcs THEN 1 ELSE 0
\* A Holder or Faulter holds one wiring from vm_page_wire (FaWire) until the
\* CAS / fetchadd that drops it (UwCas, UnqDrop).  With WiresMatchGhost it
\* fixes ref_count's wire count; UwCas's old.wires >= 1 rests on it.

WiresMatchGhostInd == WiresMatchGhost
\* ref_count's wire count = the wirings threads hold (the spec's).

ObjRule ==
    /\ rc.objref <=> obj = "O"
    /\ \A t \in Threads : Role[t] = "Terminator" => (pc[t] = "idle" <=> obj = "O")
    /\ obj = "O" \/ \E t \in Threads : Role[t] = "Terminator"
\* VPRC_OBJREF is set iff the page is in its object: TmDrop clears both in
\* one step (p->object = NULL and vm_page_drop(OBJREF) under the object
\* lock).  Needed so that an unwire with old == 1 (no OBJREF) finds the
\* page orphaned: FaWire cannot wire it again (obj = None), and the
\* Terminator has already dropped its reference (FreeOnce).

OLockRule ==
    /\ olock # None => pc[olock] = "tm_free"
    /\ \A t \in At({"tm_free"}) : olock = t
\* The object lock is held only by vm_object_terminate_pages between its
\* drop and its vm_page_free (FpFree releases it).  FaWire needs it free.

PlockHeld == plock # None => pc[plock] = "uw_casl"
MvqUnderLock == \A t \in At({"uw_casl", "uw_casu"}) : plock = t /\ queue = "inactive"
\* vm_page_unwire's rule (its comment at 0012f373e4): the page lock is held
\* from vm_page_mvqueue until the CAS that drops the last wiring, so the
\* page daemon (which dequeues a wired page under the page lock) cannot
\* undo the mvqueue in between.  uw_casu (lock released before the CAS) is
\* the UnwireUnlockBeforeCas order: its UwMvqUnlock breaks MvqUnderLock.
\* Needed by UwCas from uw_casl: the CAS that leaves no wiring finds the
\* page still queued (QueuedWhenUnwired).

QueuedWhenUnwiredStrong ==
    (Managed /\ pstate = "alloc" /\ rc.wires = 0) => queue # "none"
\* VP9 without its busy clause: nothing in this module dequeues an unwired
\* page (the page daemon dequeues wired pages only).  Needed because the
\* busy models' unbusy steps would otherwise reach an unwired, unbusied,
\* unqueued page from a busied one.

OldOK ==
    \A t \in Threads :
        CASE pc[t] = "fa_add" -> old[t] = OBJREF
          [] pc[t] \in {"uw_cas", "uw_casl"} -> old[t].wires \in 1..Cardinality(Wirers)
          [] pc[t] \in {"uw_casu", "uw_sub", "unq_sub", "unq_test"} -> old[t].wires = 1
          [] pc[t] = "uw_free" -> old[t] = ONE
          [] OTHER -> old[t] = ZERO
\* A thread's old is a ref_count value read while it held its wiring
\* (UwLd, a failed UwCas's re-read, UnqDrop's fetchadd) and ZERO outside an
\* operation (Done resets it).  At uw_sub / unq_sub / unq_test the drop's old
\* had exactly one wiring (the last); vm_page_free is entered only on
\* old == 1 (the last reference, not in the object).  Needed: UwCas's
\* KASSERT(WIRE_COUNT(old) > 0) and the "last wiring" tests; bounds old
\* (a wire count never exceeds the threads that wire: WiredByPcs).

FreeOnce ==
    /\ Cardinality(Owing) <= 1
    /\ Owing # {} => rc = ZERO /\ pstate = "alloc"
\* At most one thread is on its way to vm_page_free, and then the page has
\* no reference left and is allocated.  Needed by FpFree (FreedOnce,
\* NoFreeWhileReferenced).  The shipped unmanaged branch breaks it: its
\* unlocked ref_count == 0 test (UnqTest) sends a thread that did not drop
\* the last reference to vm_page_free after the Terminator's drop.

FreedPage ==
    /\ frees = IF pstate = "free" THEN 1 ELSE 0
    /\ pstate = "free" => rc = ZERO /\ obj = None /\ Owing = {}
\* The page went back to the allocator once, with no reference, and nobody
\* else is about to free it.  Keeps FreedOnce and NoFreeWhileReferenced.

WireCountExact ==
    wirecnt = (IF rc.wires > 0 THEN 1 ELSE 0) - Cardinality(At({"fa_add"}))
                                              + Cardinality(At({"uw_sub", "unq_sub"}))
\* vm_wire_count counts the page once while it is wired, less a Faulter's
\* pending vm_wire_add (it made the count 0 -> 1), plus a pending
\* vm_wire_sub (its thread made it 1 -> 0).  The exact form of
\* WireCountSettled; FaAdd, UwSub, UnqSub keep it.

OwnersByPc == xowners = At(XOwnPcs) /\ sowners = At(SOwnPcs)
\* The busy owners are the threads between a successful tryxbusy /
\* downgrade / trysbusy / tryupgrade and the unbusy that ends it.  Gives
\* BusyOwnerMatchesWord's owners to each step.

SleepRule ==
    /\ sleepers \subseteq At(TryPcs)
    /\ sqlock # None => sqlock \in At(ChkPcs)
    /\ \A t \in At(ChkPcs) : sqlock = t
\* _vm_page_busy_sleep holds the sleepqueue chain lock from its load of the
\* busy word (BsSq) to the sleep entry (BsChk); a sleeper waits at its
\* retry pc.  Wake needs the lock free, so no wakeup falls between the load
\* and the sleep.

WakeupPending == sleepers # {} => busy.waiters \/ At(WakePcs) # {}
\* The state form of NoLostBusyWakeup: a sleeper is owed a wakeup: WAITERS
\* is set (so the owner's unbusy or downgrade sees it and wakes), or an
\* unbusy/downgrade has taken WAITERS out of the word and is about to call
\* wakeup(m).  DowngradeNoWakeup (DgCas) and UpgradeDropsWaiters (UpCas)
\* clear WAITERS with a sleeper and no wakeup: they break it.

WaitersHaveSleeper == busy.waiters => sleepers # {}
\* WAITERS is set by a sleeper (BsChk, with the sleep) and cleared by the
\* owner before it wakes.  Relies on the two Busiers of the models: the
\* waker and the sleeper are the only threads, so nobody sets WAITERS again
\* between an unbusy and its wakeup.  With three Busiers it fails (a third
\* thread sleeps on the next owner's word before the wakeup).

WakerSeesNoWaiters == At(WakePcs) # {} => ~busy.waiters
\* Between an unbusy / downgrade that took WAITERS out of the word and its
\* wakeup(m), WAITERS stays clear: with two Busiers the other thread is
\* the sleeper to be woken, or (no sleeper) it can take the busy lock but
\* nobody is left to sleep on it.  Needed by Wake: it empties sleepers,
\* and WaitersHaveSleeper must hold after it.  Relies on two Busiers.

WakerHasSleeper == At(WakePcs) # {} => sleepers # {}
\* A thread about to call wakeup(m) saw WAITERS (xunbusy's failed cmpset,
\* sunbusy's or downgrade's x), so a sleeper exists (WaitersHaveSleeper),
\* and it is still asleep: only Wake wakes it.  Needed with
\* WakerSeesNoWaiters: the other Busier, asleep, cannot be entering the
\* sleep on the word the waker is leaving.  Relies on two Busiers.

XusWaiters == At({"x_xus", "su_xus"}) # {} => busy.waiters
\* vm_page_xunbusy's cmpset(SINGLE_EXCLUSIVER, UNBUSIED) failed (XuCas), so
\* the owner's word has WAITERS, and only the owner clears it.  Needed by
\* XuStore: the _xuw it reaches has a sleeper to wake (WakerHasSleeper).

ChkNoWaiters == \A t \in At(ChkPcs) : ~bx[t].waiters
\* A thread entering the sleep read a word without WAITERS: with two Busiers,
\* WAITERS set means the other thread sleeps (WaitersHaveSleeper), and then
\* nobody owns the page, which WaitersImpliesBusy excludes.  Needed by BsChk:
\* with WAITERS in x it sleeps with no cmpset, whatever the word is now, and
\* WakeupPending would need WAITERS or a wakeup still owed (without this
\* conjunct TLC finds WakeupPending broken after BsChk).

BxOK ==
    /\ bx \in [Threads -> BusyShapes]
    /\ \A t \in Threads : Role[t] # "Busier" => bx[t] = UNBUSIED
    /\ \A t \in At(SuCasPcs \cup {"su_upcas"}) : bx[t].shared /\ bx[t].sharers >= 1
    /\ \A t \in At({"xd_dgcas"}) : bx[t].excl
\* bx is a busy word read by the thread (a snapshot): read while it was a
\* sharer (sunbusy, tryupgrade) it has a sharer; read while it was the
\* exclusive owner (downgrade) it is exclusive.  Needed by SuCas's and
\* UpCas's KASSERTs and their "last sharer" tests.  Elsewhere bx is dead
\* (overwritten before it is read) and free.

BusyExclusiveInd == BusyExclusive
BusyOwnerMatchesWordInd == BusyOwnerMatchesWord
WaitersImpliesBusyInd == WaitersImpliesBusy
FreedOnceInd == FreedOnce
NoFreeWhileReferencedInd == NoFreeWhileReferenced
WireCountSettledInd == WireCountSettled
QueuedWhenUnwiredInd == QueuedWhenUnwired
NoAssertionFailureInd == NoAssertionFailure
\* The module's properties (VP6-VP9, VP11), as its cfgs check them.

IndInv ==
    /\ TypeOK /\ PcOK /\ WiredByPcs /\ WiresMatchGhostInd /\ ObjRule /\ OLockRule
    /\ PlockHeld /\ MvqUnderLock /\ QueuedWhenUnwiredStrong /\ OldOK /\ FreeOnce /\ FreedPage
    /\ WireCountExact /\ OwnersByPc /\ SleepRule /\ WakeupPending /\ WaitersHaveSleeper
    /\ WakerSeesNoWaiters /\ WakerHasSleeper /\ XusWaiters /\ ChkNoWaiters /\ BxOK
    /\ BusyExclusiveInd /\ BusyOwnerMatchesWordInd /\ WaitersImpliesBusyInd /\ FreedOnceInd
    /\ NoFreeWhileReferencedInd /\ WireCountSettledInd /\ QueuedWhenUnwiredInd
    /\ NoAssertionFailureInd

-----------------------------------------------------------------------------
(* The universe: every state with TypeOK /\ IndInv for the model's         *)
(* constants.  The conjuncts fix rc (WiresMatchGhost, ObjRule), wiredBy,   *)
(* wirecnt, frees and the owners; old and bx range over small sets that    *)
(* contain every value OldOK and BxOK allow.                               *)
OldCands(t) ==
    CASE pc[t] = "fa_add" -> {OBJREF}
      [] pc[t] \in {"uw_cas", "uw_casl"} -> {Rc(w, o) : w \in 1..Cardinality(Wirers), o \in BOOLEAN}
      [] pc[t] \in {"uw_casu", "uw_sub", "unq_sub", "unq_test"} -> {Rc(1, o) : o \in BOOLEAN}
      [] pc[t] = "uw_free" -> {ONE}
      [] OTHER -> {ZERO}
BxCands(t) == IF Role[t] = "Busier" THEN BusyShapes ELSE {UNBUSIED}
\* the functions f on T with f[t] \in F(t) (a dependent product, so TLC
\* enumerates only per-thread candidates)
RECURSIVE PcFns(_), OldFns(_), BxFns(_)
PcFns(T) ==
    IF T = {} THEN {<<>>} ELSE
    LET x == CHOOSE y \in T : TRUE IN
    IF T = {x} THEN {x :> v : v \in PcsOf(Role[x])}
    ELSE {(x :> v) @@ g : v \in PcsOf(Role[x]), g \in PcFns(T \ {x})}
OldFns(T) ==
    LET x == CHOOSE y \in T : TRUE IN
    IF T = {x} THEN {x :> v : v \in OldCands(x)}
    ELSE {(x :> v) @@ g : v \in OldCands(x), g \in OldFns(T \ {x})}
BxFns(T) ==
    LET x == CHOOSE y \in T : TRUE IN
    IF T = {x} THEN {x :> v : v \in BxCands(x)}
    ELSE {(x :> v) @@ g : v \in BxCands(x), g \in BxFns(T \ {x})}

\* The rest of IndInit once pc is chosen (the sampled model draws pc).
IndInitFromPc ==
    /\ PcOK
    /\ wiredBy = [t \in Threads |-> IF pc[t] \in WiredPcs THEN 1 ELSE 0]
    /\ obj \in {"O", None}
    /\ rc = Rc(SumOver(Threads), obj = "O") /\ ObjRule
    /\ olock \in Threads \cup {None} /\ OLockRule
    /\ plock \in Threads \cup {None} /\ PlockHeld
    /\ old \in OldFns(Threads) /\ OldOK
    /\ pstate \in {"alloc", "free"}
    /\ frees = IF pstate = "free" THEN 1 ELSE 0
    /\ FreeOnce /\ FreedPage
    /\ queue \in {"none", "inactive"} /\ MvqUnderLock /\ QueuedWhenUnwiredStrong
    /\ wirecnt = (IF rc.wires > 0 THEN 1 ELSE 0) - Cardinality(At({"fa_add"}))
                                                + Cardinality(At({"uw_sub", "unq_sub"}))
    /\ xowners = At(XOwnPcs) /\ sowners = At(SOwnPcs)
    /\ sleepers \in SUBSET At(TryPcs)
    /\ sqlock \in Threads \cup {None} /\ SleepRule
    /\ busy \in BusyShapes /\ BusyExclusive /\ BusyOwnerMatchesWord /\ WaitersImpliesBusy
    /\ WakeupPending /\ WaitersHaveSleeper /\ WakerSeesNoWaiters /\ WakerHasSleeper /\ XusWaiters
    /\ bx \in BxFns(Threads) /\ ChkNoWaiters /\ BxOK
    /\ kassert = {}
    /\ TypeOK /\ IndInv

IndInit == pc \in PcFns(Threads) /\ IndInitFromPc
=============================================================================
