----------------------------- MODULE VmPageUnwire -----------------------------
(***************************************************************************)
(* The unwire side of FreeBSD's vm_page at 0012f373e43d (jeff, Oct 2019),  *)
(* sys/vm/vm_page.c read at that commit (issue 15 item 5):                 *)
(*  - vm_page_unwire(m, PQ_INACTIVE), managed branch: the CAS loop that    *)
(*    takes the page lock and runs vm_page_mvqueue before the CAS that     *)
(*    drops the last wiring, and releases the page lock only after it;     *)
(*    vm_wire_sub; vm_page_free if old == 1;                               *)
(*  - the unmanaged branch: vm_page_unwire_noq (vm_page_drop, vm_wire_sub) *)
(*    then an unlocked `m->ref_count == 0` test before vm_page_free;      *)
(*  - vm_wire_count (vm_wire_add / vm_wire_sub);                           *)
(*  - the page daemon's dequeue of a wired page found on a page queue      *)
(*    (under the page lock);                                               *)
(*  - vm_object_terminate_pages' drop of the object reference;            *)
(*  - vm_page_busy_downgrade and vm_page_busy_tryupgrade with busy         *)
(*    sleepers (_vm_page_busy_sleep) and the unbusy paths.                 *)
(* One page, one object.  A separate module from VmPage.tla (which models  *)
(* the object/pmap side and the hardware): the two share the ref_count and *)
(* busy_lock encodings (see VmPage.tla), not variables.                    *)
(*                                                                         *)
(* Atomicity (spec/CONVENTIONS.md, the explorer's Lipton reduction): one   *)
(* action per atomic RMW and per plain load of an unprotected shared word; *)
(* a lock acquire is a right mover and folds into the next step, words    *)
(* the lock protects are movers, a release is a left mover and folds into  *)
(* the preceding step.  m->queue is read and written only under the page   *)
(* lock here (vm_page_mvqueue, the page daemon), m->object only under the  *)
(* object lock.  No hardware-visible word is modelled.                    *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC

CONSTANTS
    Threads,     \* model values
    Role,        \* [Threads -> RoleNames]
    Managed,     \* TRUE: a managed page (VPO_UNMANAGED clear)
    BusyKinds,   \* what a Busier does: SUBSET {"x", "xd", "su"}
    None,        \* model value: NULL / no thread
    Variant

RoleNames == {"Holder", "Faulter", "Daemon", "Terminator", "Busier",
              \* buggy clients (issue 11): a KPI called in breach of its contract
              "StrayBusier", "StrayUnwirer", "StrayFreer", "OrphanBusier", "ForeignUnbusier"}

Variants ==
    { "Fixed",                   \* the code at 0012f373e4
      "UnwireUnlockBeforeCas",   \* vm_page_unwire releases the page lock right after
                                 \* vm_page_mvqueue, before the CAS (the order its comment forbids)
      "UnwireNoqOldIsLast",      \* fix for the unmanaged branch: free iff vm_page_drop's old
                                 \* value was 1 (the last reference), no second load
      "DowngradeNoWakeup",       \* vm_page_busy_downgrade clears WAITERS without wakeup(m)
      "UpgradeDropsWaiters" }    \* vm_page_busy_tryupgrade installs SINGLE_EXCLUSIVER without
                                 \* the WAITERS bit

ASSUME Variant \in Variants
ASSUME Role \in [Threads -> RoleNames]
ASSUME Managed \in BOOLEAN
ASSUME BusyKinds \subseteq {"x", "xd", "su", "s"}    \* "s": a StrayBusier's stray vm_page_sunbusy only
ASSUME None \notin Threads

Holders == {t \in Threads : Role[t] = "Holder"}

(* ref_count: [wires, objref] stands for (objref ? VPRC_OBJREF : 0) | wires *)
(* (vm_page.h; VPRC_BLOCKED is never set in this module).                 *)
Rc(w, o) == [wires |-> w, objref |-> o]
ZERO == Rc(0, FALSE)
ONE  == Rc(1, FALSE)
OBJREF == Rc(0, TRUE)
WireMask == 1073741823     \* VPRC_WIRE_COUNT_MAX: the 30-bit wire-count field all ones
\* r - 1 in u_int arithmetic (atomic_fetchadd_int(-1), fcmpset's old - 1).  Only a
\* buggy client's unwire (StrayUnwirer) takes 1 from a word with no wiring: the
\* borrow goes through the BLOCKED bit (never set otherwise here, not a field)
\* into OBJREF: OBJREF - 1 = 0x7FFFFFFF, 0 - 1 = 0xFFFFFFFF.
Dec(r) == IF r.wires > 0 THEN [r EXCEPT !.wires = @ - 1] ELSE Rc(WireMask, ~r.objref)

(* busy_lock, exactly as VmPage.tla: [shared, excl, waiters, sharers].    *)
BusyWords == [shared : BOOLEAN, excl : BOOLEAN, waiters : BOOLEAN,
              sharers : 0..Cardinality(Threads)]
UNBUSIED    == [shared |-> TRUE,  excl |-> FALSE, waiters |-> FALSE, sharers |-> 0]
SINGLE_EXCL == [shared |-> FALSE, excl |-> TRUE,  waiters |-> FALSE, sharers |-> 0]
ONE_SHARER  == [shared |-> TRUE,  excl |-> FALSE, waiters |-> FALSE, sharers |-> 1]  \* VPB_SHARERS_WORD(1)
Sbusied(b) == b.shared /\ b # UNBUSIED

-----------------------------------------------------------------------------
VARIABLES
    rc,        \* m->ref_count
    obj,       \* m->object: "O" or None (under the object lock)
    olock,     \* holder of the object write lock, or None
    busy,      \* m->busy_lock
    plock,     \* holder of the page lock (vm_page_lock), or None
    queue,     \* m->queue: "none" (PQ_NONE) or "inactive" (set by vm_page_mvqueue; the
               \* batched insertion it submits counts as on the queue)
    pstate,    \* "alloc" | "free"
    frees,     \* ghost: times the page went back to the allocator
    wirecnt,   \* vm_wire_count (this page's share of it)
    sleepers,  \* threads blocked in sleepq_wait on wchan m
    sqlock,    \* holder of the sleepqueue chain lock of m, or None
    pc,        \* pc[t]
    old,       \* old[t]: the thread's u_int old (a ref_count snapshot)
    bx,        \* bx[t]: the thread's u_int x (a busy_lock snapshot)
    xowners,   \* ghost: exclusive busy owners
    sowners,   \* ghost: shared busy owners
    wiredBy,   \* ghost: wirings each thread holds
    kassert    \* ghost: KASSERT / panic messages that would have fired

vars == <<rc, obj, olock, busy, plock, queue, pstate, frees, wirecnt, sleepers, sqlock,
          pc, old, bx, xowners, sowners, wiredBy, kassert>>

KA(cond, msg) == IF cond THEN {msg} ELSE {}

RECURSIVE SumOver(_)
SumOver(S) == IF S = {} THEN 0
              ELSE LET x == CHOOSE y \in S : TRUE IN wiredBy[x] + SumOver(S \ {x})

Init ==
    /\ rc = Rc(Cardinality(Holders), TRUE)     \* in the object, wired once per Holder
    /\ obj = "O"
    /\ olock = None
    /\ busy = UNBUSIED
    /\ plock = None
    \* a wired page is off the queues (the page daemon dequeued it); an unwired managed page is queued
    /\ queue = IF Managed /\ Holders = {} THEN "inactive" ELSE "none"
    /\ pstate = "alloc"
    /\ frees = 0
    /\ wirecnt = IF Holders = {} THEN 0 ELSE 1
    /\ sleepers = {}
    /\ sqlock = None
    /\ pc = [t \in Threads |-> IF Role[t] = "Holder" THEN "hold" ELSE "idle"]
    /\ old = [t \in Threads |-> ZERO]
    /\ bx = [t \in Threads |-> UNBUSIED]
    /\ xowners = {}
    /\ sowners = {}
    /\ wiredBy = [t \in Threads |-> IF Role[t] = "Holder" THEN 1 ELSE 0]
    /\ kassert = {}

Goto(t, p) == pc' = [pc EXCEPT ![t] = p]

\* Buggy clients: an idle thread of role r enters a KPI at its first step
\* without meeting its precondition.  A StrayBusier calls, per BusyKinds,
\* vm_page_xunbusy ("x") or
\* vm_page_busy_downgrade ("xd") without the exclusive busy
\* (vm_page_assert_xbusied), vm_page_busy_tryupgrade ("su") or
\* vm_page_sunbusy ("s") without a shared busy (vm_page_assert_sbusied); then
\* it goes on as the kernel code does.  vm_page.c @0012f373e4.
\* A StrayUnwirer calls vm_page_unwire once without holding a wiring
\* (KASSERT "wire count underflow" / "counter underflow").  A StrayFreer calls
\* vm_page_free once on a page that left its object (it kept the pointer
\* past vm_object_terminate) and on which it holds no reference.  An
\* OrphanBusier is a Busier that starts busying the page only once it left its
\* object (vm_object_terminate_pages asserts the page unbusied; the orphan's
\* busy is taken through a stale pointer after it).  A ForeignUnbusier calls
\* vm_page_sunbusy whenever the page is busied, by another thread: it takes
\* that busy for a shared busy of its own.
StrayFrom(t, r, kind) == pc[t] = "idle" /\ Role[t] = r /\ kind
\* end an operation: the locals are dead there
Done(t, p) == /\ Goto(t, p)
              /\ old' = [old EXCEPT ![t] = ZERO]
              /\ bx' = [bx EXCEPT ![t] = UNBUSIED]

rcv   == <<rc, wiredBy, wirecnt>>
busyv == <<busy, xowners, sowners>>
pagev == <<obj, olock, plock, queue, pstate, frees>>
sleepv == <<sleepers, sqlock>>

-----------------------------------------------------------------------------
(* vm_page_free(m) -> vm_page_free_toq -> vm_page_free_prep (0012f373e4),  *)
(* for a page already out of its object (every free here: the Holder frees *)
(* only when old == 1, the Terminator after p->object = NULL): if (vm_page_sbusied(m)) panic;   *)
(* if (m->ref_count != 0) panic("has references"); vm_phys_free_pages.     *)
(* The loads are assertion-only and fold into the free.  The deferred     *)
(* dequeue (vm_page_dequeue_deferred_free) is not modelled: the queue     *)
(* invariant is about allocated pages.  The caller's object unlock folds   *)
(* in (a left mover).                                                      *)
FpFree(t, P, done) ==
    /\ pc[t] = P \o "_free" \/ (P = "sf" /\ StrayFrom(t, "StrayFreer", obj = None))
    /\ kassert' = kassert \cup KA(Sbusied(busy), "free_prep: shared busy page")
                          \cup KA(rc # ZERO, "free_prep: page has references")
    /\ pstate' = "free"
    /\ frees' = frees + 1
    /\ olock' = IF olock = t THEN None ELSE olock
    /\ Done(t, done)
    /\ UNCHANGED <<rcv, obj, plock, queue, busyv, sleepv>>

-----------------------------------------------------------------------------
(* vm_page_unwire(m, PQ_INACTIVE), vm_page.c @0012f373e4.                  *)

\* managed: old = m->ref_count (plain load).  The pc says whether the loop
\* holds the page lock ("uw_cas": locked = false; "uw_casl": locked and the
\* page lock held; "uw_casu": locked, lock already released, the buggy order).
UwLd(t) ==
    /\ pc[t] = "hold" \/ StrayFrom(t, "StrayUnwirer", TRUE)
    /\ Managed
    /\ old' = [old EXCEPT ![t] = rc]
    /\ Goto(t, "uw_cas")
    /\ UNCHANGED <<rcv, busyv, pagev, sleepv, bx, kassert>>

\* The loop body: KASSERT(WIRE_COUNT(old) > 0); if (!locked && WIRE_COUNT(old) == 1)
\* { vm_page_lock(m); locked = true; vm_page_mvqueue(m, PQ_INACTIVE) }  then
\* fcmpset_rel(&ref_count, &old, old - 1) (a failure re-reads old and loops);
\* after the loop, vm_page_unlock(m) if locked.  The lock acquire (right mover)
\* and mvqueue (m->queue under the page lock: a mover) fold into the CAS step;
\* the unlock folds in too (left mover).  UnwireUnlockBeforeCas: the lock,
\* mvqueue and unlock are their own step (UwMvqUnlock) and the CAS follows.
AfterCas(t, o) ==
    IF o.wires = 1 THEN Goto(t, "uw_sub") ELSE Done(t, "done")

UwCas(t) ==
    /\ pc[t] \in {"uw_cas", "uw_casl", "uw_casu"}
    /\ LET o == old[t]
           lockNow == pc[t] = "uw_cas" /\ o.wires = 1
       IN
       /\ ~(lockNow /\ Variant = "UnwireUnlockBeforeCas")
       /\ lockNow => plock = None
       /\ kassert' = kassert \cup KA(o.wires = 0, "vm_page_unwire: wire count underflow")
       /\ queue' = IF lockNow THEN "inactive" ELSE queue           \* vm_page_mvqueue
       /\ IF rc = o
          THEN /\ rc' = Dec(o)
               /\ wiredBy' = [wiredBy EXCEPT ![t] = @ - 1]
               /\ plock' = IF lockNow \/ pc[t] = "uw_casl" THEN None ELSE plock
               /\ IF o.wires = 1 THEN /\ Goto(t, "uw_sub")
                                      /\ UNCHANGED <<old, bx>>
                                 ELSE Done(t, "done")
          ELSE /\ old' = [old EXCEPT ![t] = rc]                  \* fcmpset failed: re-read
               /\ plock' = IF lockNow THEN t ELSE plock
               /\ Goto(t, IF lockNow THEN "uw_casl" ELSE pc[t])
               /\ UNCHANGED <<rc, wiredBy, bx>>
    /\ UNCHANGED <<wirecnt, busyv, obj, olock, pstate, frees, sleepv>>

\* UnwireUnlockBeforeCas: vm_page_lock; vm_page_mvqueue; vm_page_unlock, then the CAS.
UwMvqUnlock(t) ==
    /\ pc[t] = "uw_cas" /\ old[t].wires = 1
    /\ Variant = "UnwireUnlockBeforeCas"
    /\ plock = None
    /\ queue' = "inactive"
    /\ Goto(t, "uw_casu")
    /\ UNCHANGED <<rcv, busyv, obj, olock, plock, pstate, frees, sleepv, old, bx, kassert>>

\* if (WIRE_COUNT(old) == 1) { vm_wire_sub(1) [atomic_subtract on vm_wire_count];
\*   if (old == 1) vm_page_free(m); }
UwSub(t) ==
    /\ pc[t] = "uw_sub"
    /\ wirecnt' = wirecnt - 1
    /\ IF old[t] = ONE THEN /\ Goto(t, "uw_free")
                            /\ UNCHANGED <<old, bx>>
                       ELSE Done(t, "done")
    /\ UNCHANGED <<rc, wiredBy, busyv, pagev, sleepv, kassert>>

\* unmanaged: if (vm_page_unwire_noq(m) && m->ref_count == 0) vm_page_free(m);
\* vm_page_unwire_noq: old = vm_page_drop(m, 1) (fetchadd); KASSERT(WIRE_COUNT(old) != 0);
\* if (WIRE_COUNT(old) > 1) return false; vm_wire_sub(1); return true.
UnqDrop(t) ==
    /\ pc[t] = "hold" \/ StrayFrom(t, "StrayUnwirer", TRUE)
    /\ ~Managed
    /\ rc' = Dec(rc)
    /\ wiredBy' = [wiredBy EXCEPT ![t] = @ - 1]
    /\ kassert' = kassert \cup KA(rc.wires = 0, "vm_page_unwire_noq: counter underflow")
    /\ IF rc.wires > 1 THEN Done(t, "done")                      \* not the last wiring
                        ELSE /\ old' = [old EXCEPT ![t] = rc] /\ Goto(t, "unq_sub")
                             /\ UNCHANGED bx
    /\ UNCHANGED <<wirecnt, busyv, pagev, sleepv>>

\* vm_wire_sub(1); then the caller's test: the shipped code loads m->ref_count
\* (unq_test); UnwireNoqOldIsLast frees iff the drop's old value was 1.
UnqSub(t) ==
    /\ pc[t] = "unq_sub"
    /\ wirecnt' = wirecnt - 1
    /\ IF Variant = "UnwireNoqOldIsLast"
       THEN IF old[t] = ONE THEN /\ Goto(t, "uw_free") /\ UNCHANGED <<old, bx>>
                            ELSE Done(t, "done")
       ELSE /\ Goto(t, "unq_test") /\ UNCHANGED <<old, bx>>
    /\ UNCHANGED <<rc, wiredBy, busyv, pagev, sleepv, kassert>>

\* ... && m->ref_count == 0: a plain load, no lock
UnqTest(t) ==
    /\ pc[t] = "unq_test"
    /\ IF rc = ZERO THEN /\ Goto(t, "uw_free") /\ UNCHANGED <<old, bx>>
                    ELSE Done(t, "done")
    /\ UNCHANGED <<rcv, busyv, pagev, sleepv, kassert>>

HolderSteps(t) ==
    \/ UwLd(t) \/ UwCas(t) \/ UwMvqUnlock(t) \/ UwSub(t)
    \/ UnqDrop(t) \/ UnqSub(t) \/ UnqTest(t)
    \/ FpFree(t, "uw", "done")

-----------------------------------------------------------------------------
(* Faulter: vm_fault / vm_page_grab(VM_ALLOC_WIRED)-like, once:            *)
(* VM_OBJECT_WLOCK; m = vm_page_lookup; vm_page_wire(m): fetchadd(+1);     *)
(* VM_OBJECT_WUNLOCK (the lock and lookup fold into the fetchadd, the      *)
(* unlock too); then if (WIRE_COUNT(old) == 0) vm_wire_add(1).  It then    *)
(* holds the wiring and unwires like a Holder.                            *)
FaWire(t) ==
    /\ pc[t] = "idle"
    /\ olock = None
    /\ IF obj = "O"
       THEN /\ rc' = [rc EXCEPT !.wires = @ + 1]
            /\ wiredBy' = [wiredBy EXCEPT ![t] = @ + 1]
            /\ IF rc.wires = 0 THEN /\ old' = [old EXCEPT ![t] = rc] /\ Goto(t, "fa_add")
                                    /\ UNCHANGED bx
                               ELSE Done(t, "hold")
       ELSE /\ Done(t, "done")
            /\ UNCHANGED <<rc, wiredBy>>
    /\ UNCHANGED <<wirecnt, busyv, pagev, sleepv, kassert>>

\* vm_wire_add(1): atomic_add on vm_wire_count
FaAdd(t) ==
    /\ pc[t] = "fa_add"
    /\ wirecnt' = wirecnt + 1
    /\ Done(t, "hold")
    /\ UNCHANGED <<rc, wiredBy, busyv, pagev, sleepv, kassert>>

-----------------------------------------------------------------------------
(* Page daemon (vm_pageout_scan_inactive / _active, sys/vm/vm_pageout.c;   *)
(* not read at 0012f373e4: the rule is vm_page_unwire's comment at that    *)
(* commit, "the page daemon does not encounter and dequeue the page while  *)
(* it is still wired"): it finds the page on its queue, takes the page     *)
(* lock, and dequeues it if it is wired.  The test and the dequeue are one *)
(* step (ref_count is the one unprotected load; m->queue is under the page *)
(* lock; the unlock folds in).  It may scan at any time the page is queued *)
(* (its batch insertion not yet done included: an over-approximation).     *)
DmScan(t) ==
    /\ pc[t] = "idle"
    /\ queue # "none" /\ plock = None
    /\ queue' = IF rc.wires > 0 THEN "none" ELSE queue
    /\ UNCHANGED <<rcv, busyv, obj, olock, plock, pstate, frees, sleepv, pc, old, bx, kassert>>

-----------------------------------------------------------------------------
(* Terminator: vm_object_terminate_pages (vm_object.c; read in the stored  *)
(* copies, not at 0012f373e4, same shape as r352110): VM_OBJECT_WLOCK (the *)
(* object is dead); vm_page_assert_unbusied(p); p->object = NULL;          *)
(* if (vm_page_drop(p, VPRC_OBJREF) == VPRC_OBJREF) vm_page_free(p).       *)
(* The lock acquire and the store of p->object fold into the fetchadd; the *)
(* unlock folds in when there is nothing to free.                          *)
TmDrop(t) ==
    /\ pc[t] = "idle"
    /\ olock = None /\ obj = "O"
    /\ obj' = None
    /\ rc' = [rc EXCEPT !.objref = FALSE]
    /\ kassert' = kassert \cup KA(busy # UNBUSIED, "terminate_pages: page busied")
    /\ IF rc = OBJREF THEN /\ olock' = t /\ Goto(t, "tm_free")
                      ELSE /\ Goto(t, "done") /\ UNCHANGED olock
    /\ UNCHANGED <<wiredBy, wirecnt, busyv, plock, queue, pstate, frees, sleepv, old, bx>>

-----------------------------------------------------------------------------
(* busy lock, vm_page.c @0012f373e4.  The object busy checks of trysbusy / *)
(* tryxbusy / _vm_page_busy_sleep (vm_object_busied) are not modelled (no  *)
(* object busy here), nor the object lock around busy operations.          *)

\* vm_page_xunbusy: cmpset_rel(SINGLE_EXCLUSIVER, UNBUSIED) (fails iff WAITERS);
\* else vm_page_xunbusy_hard: atomic_store_rel(UNBUSIED), then wakeup(m).
XuCas(t, P, done) ==
    /\ pc[t] = P \o "_xu" \/ (P = "sx" /\ StrayFrom(t, "StrayBusier", "x" \in BusyKinds))
    /\ IF busy = SINGLE_EXCL
       THEN /\ busy' = UNBUSIED /\ xowners' = xowners \ {t} /\ Done(t, done)
       ELSE /\ Goto(t, P \o "_xus") /\ UNCHANGED <<busy, xowners, old, bx>>
    /\ UNCHANGED <<rcv, sowners, pagev, sleepv, kassert>>

XuStore(t, P) ==
    /\ pc[t] = P \o "_xus"
    /\ busy' = UNBUSIED /\ xowners' = xowners \ {t}
    /\ kassert' = kassert \cup KA(~busy.excl, "vm_page_assert_xbusied")
    /\ Goto(t, P \o "_xuw")
    /\ UNCHANGED <<rcv, sowners, pagev, sleepv, old, bx>>

\* wakeup(m): sleepq_lock; wake every sleeper on m; sleepq_release (one step)
Wake(t, from, to) ==
    /\ pc[t] = from
    /\ sqlock = None
    /\ sleepers' = {}
    /\ to
    /\ UNCHANGED <<rcv, busyv, pagev, sqlock, kassert>>

Xunbusy(t, P, done) ==
    XuCas(t, P, done) \/ XuStore(t, P) \/ Wake(t, P \o "_xuw", Done(t, done))

\* vm_page_sunbusy: x = m->busy_lock; loop { sharers > 1: fcmpset(x, x - ONE_SHARER);
\*   else KASSERT((x & ~WAITERS) == SHARERS_WORD(1)); fcmpset_rel(x, UNBUSIED), then
\*   wakeup(m) if x had WAITERS }
SuLd(t, P) ==
    /\ \/ pc[t] = P \o "_su"
       \/ P = "ss" /\ StrayFrom(t, "StrayBusier", "s" \in BusyKinds)
       \/ P = "ss" /\ StrayFrom(t, "ForeignUnbusier", busy # UNBUSIED)
    /\ bx' = [bx EXCEPT ![t] = busy]
    /\ Goto(t, P \o "_sucas")
    /\ UNCHANGED <<rcv, busyv, pagev, sleepv, old, kassert>>

SuCas(t, P, done) ==
    /\ pc[t] = P \o "_sucas"
    /\ LET x == bx[t] IN
       /\ kassert' = kassert \cup KA(~(x.shared /\ x.sharers > 0), "vm_page_assert_sbusied")
       /\ IF busy # x
          THEN /\ bx' = [bx EXCEPT ![t] = busy]
               /\ UNCHANGED <<busy, sowners, pc, old>>
          ELSE IF x.sharers > 1
          THEN /\ busy' = [x EXCEPT !.sharers = @ - 1]
               /\ sowners' = sowners \ {t}
               /\ Done(t, done)
          ELSE /\ busy' = UNBUSIED
               /\ sowners' = sowners \ {t}
               /\ IF x.waiters THEN /\ Goto(t, P \o "_suw") /\ UNCHANGED <<old, bx>>
                               ELSE Done(t, done)
    /\ UNCHANGED <<rcv, xowners, pagev, sleepv>>

Sunbusy(t, P, done) ==
    SuLd(t, P) \/ SuCas(t, P, done) \/ Wake(t, P \o "_suw", Done(t, done))

\* _vm_page_busy_sleep(obj, m, wmesg, nonshared, locked): sleepq_lock(m); x = m->busy_lock;
BsSq(t, P) ==
    /\ pc[t] = P \o "_sq"
    /\ sqlock = None
    /\ sqlock' = t
    /\ bx' = [bx EXCEPT ![t] = busy]
    /\ Goto(t, P \o "_chk")
    /\ UNCHANGED <<rcv, busyv, pagev, sleepers, old, kassert>>

\* if (x == UNBUSIED || (nonshared && x & SHARED) || (!(x & WAITERS) &&
\*     !cmpset(&busy_lock, x, x | WAITERS))) { sleepq_release; return }
\* sleepq_add(m); sleepq_wait(m).  Without an object lock to drop (the
\* VM_OBJECT_DROP of VmPage.tla's BsWait), the sleep entry (a left mover:
\* it releases the chain lock) follows the cmpset with no shared access in
\* between and folds into this step.  With WAITERS already in x there is
\* no cmpset and busy_lock is not written (x may be stale by then: the
\* owner's xunbusy_hard stores UNBUSIED without the chain lock).
BsChk(t, P, NS, ret) ==
    /\ pc[t] = P \o "_chk"
    /\ sqlock' = None
    /\ Done(t, ret)
    /\ LET x == bx[t] IN
       IF x = UNBUSIED \/ (NS /\ x.shared) \/ (~x.waiters /\ busy # x)
       THEN UNCHANGED <<busy, sleepers>>
       ELSE /\ sleepers' = sleepers \cup {t}
            /\ busy' = IF x.waiters THEN busy ELSE [x EXCEPT !.waiters = TRUE]
    /\ UNCHANGED <<rcv, xowners, sowners, pagev, kassert>>

BusySleep(t, P, NS, ret) == BsSq(t, P) \/ BsChk(t, P, NS, ret)

\* an idle Busier may start a busy operation; an OrphanBusier only once the page left its object
BusierStart(t) == pc[t] = "idle" /\ (Role[t] = "Busier" \/ StrayFrom(t, "OrphanBusier", obj = None))

\* vm_page_tryxbusy: cmpset_acq(&busy_lock, UNBUSIED, SINGLE_EXCLUSIVER); on failure
\* the caller sleeps (vm_page_busy_acquire: _vm_page_busy_sleep) and retries.
\* From idle the Busier picks a kind; "x_try"/"xd_try" after a sleep once woken.
BxTry(t, P, next) ==
    /\ \/ pc[t] = P \o "_try" /\ t \notin sleepers
       \/ BusierStart(t) /\ P \in BusyKinds
    /\ IF busy = UNBUSIED
       THEN /\ busy' = SINGLE_EXCL /\ xowners' = xowners \cup {t}
            /\ Goto(t, next)
       ELSE /\ Goto(t, P \o "_bs_sq") /\ UNCHANGED <<busy, xowners>>
    /\ UNCHANGED <<rcv, sowners, pagev, sleepv, old, bx, kassert>>

\* vm_page_trysbusy: x = m->busy_lock; (the loop below)
BsLd(t) ==
    /\ \/ pc[t] = "su_try" /\ t \notin sleepers
       \/ BusierStart(t) /\ "su" \in BusyKinds
    /\ bx' = [bx EXCEPT ![t] = busy]
    /\ Goto(t, "su_cas")
    /\ UNCHANGED <<rcv, busyv, pagev, sleepv, old, kassert>>

\* for (;;) { if (!(x & SHARED)) return 0; if (fcmpset_acq(&busy_lock, &x, x + ONE_SHARER)) break; }
BsCas(t) ==
    /\ pc[t] = "su_cas"
    /\ LET x == bx[t] IN
       IF ~x.shared
       THEN /\ Goto(t, "su_bs_sq") /\ UNCHANGED <<busy, sowners, bx>>
       ELSE IF busy = x
       THEN /\ busy' = [x EXCEPT !.sharers = @ + 1] /\ sowners' = sowners \cup {t}
            /\ Goto(t, "su_up") /\ UNCHANGED bx
       ELSE /\ bx' = [bx EXCEPT ![t] = busy] /\ UNCHANGED <<busy, sowners, pc>>
    /\ UNCHANGED <<rcv, xowners, pagev, sleepv, old, kassert>>

\* vm_page_busy_downgrade: KASSERT xbusied; x = m->busy_lock;
DgLd(t) ==
    /\ pc[t] = "xd_dg" \/ StrayFrom(t, "StrayBusier", "xd" \in BusyKinds)
    /\ bx' = [bx EXCEPT ![t] = busy]
    /\ kassert' = kassert \cup KA(~busy.excl, "vm_page_assert_xbusied")
    /\ Goto(t, "xd_dgcas")
    /\ UNCHANGED <<rcv, busyv, pagev, sleepv, old>>

\* for (;;) if (fcmpset_rel(&busy_lock, &x, VPB_SHARERS_WORD(1))) break;
\* if (x & WAITERS) wakeup(m).   DowngradeNoWakeup: no wakeup.
DgCas(t) ==
    /\ pc[t] = "xd_dgcas"
    /\ LET x == bx[t] IN
       IF busy = x
       THEN /\ busy' = ONE_SHARER
            /\ xowners' = xowners \ {t} /\ sowners' = sowners \cup {t}
            /\ Goto(t, IF x.waiters /\ Variant # "DowngradeNoWakeup" THEN "xd_dgw" ELSE "xd_su")
            /\ UNCHANGED bx
       ELSE /\ bx' = [bx EXCEPT ![t] = busy] /\ UNCHANGED <<busy, xowners, sowners, pc>>
    /\ UNCHANGED <<rcv, pagev, sleepv, old, kassert>>

\* vm_page_busy_tryupgrade: KASSERT sbusied; x = m->busy_lock;
UpLd(t) ==
    /\ pc[t] = "su_up" \/ StrayFrom(t, "StrayBusier", "su" \in BusyKinds)
    /\ bx' = [bx EXCEPT ![t] = busy]
    /\ kassert' = kassert \cup KA(~Sbusied(busy), "vm_page_assert_sbusied")
    /\ Goto(t, "su_upcas")
    /\ UNCHANGED <<rcv, busyv, pagev, sleepv, old>>

\* for (;;) { if (VPB_SHARERS(x) > 1) return 0;
\*   KASSERT((x & ~WAITERS) == SHARERS_WORD(1));
\*   if (!fcmpset_acq(&busy_lock, &x, SINGLE_EXCLUSIVER | (x & WAITERS))) continue; return 1; }
\* On failure the caller keeps its shared busy and unbusies it (vm_page_sunbusy);
\* on success it is the exclusive owner and unbusies with vm_page_xunbusy.
\* UpgradeDropsWaiters: the new word is SINGLE_EXCLUSIVER alone.
UpCas(t) ==
    /\ pc[t] = "su_upcas"
    /\ LET x == bx[t] IN
       IF x.sharers > 1
       THEN /\ Goto(t, "su_su") /\ UNCHANGED <<busy, xowners, sowners, bx, kassert>>
       ELSE /\ kassert' = kassert \cup KA([x EXCEPT !.waiters = FALSE] # ONE_SHARER,
                                          "vm_page_busy_tryupgrade: invalid lock state")
            /\ IF busy = x
               THEN /\ busy' = [SINGLE_EXCL EXCEPT !.waiters =
                                   x.waiters /\ Variant # "UpgradeDropsWaiters"]
                    /\ sowners' = sowners \ {t} /\ xowners' = xowners \cup {t}
                    /\ Goto(t, "su_xu") /\ UNCHANGED bx
               ELSE /\ bx' = [bx EXCEPT ![t] = busy]
                    /\ UNCHANGED <<busy, xowners, sowners, pc>>
    /\ UNCHANGED <<rcv, pagev, sleepv, old>>

BusierSteps(t) ==
    \* "x": tryxbusy (sleep and retry while busy), xunbusy
    \/ BxTry(t, "x", "x_xu") \/ BusySleep(t, "x_bs", FALSE, "x_try")
    \/ Xunbusy(t, "x", "idle")
    \* "xd": tryxbusy, vm_page_busy_downgrade, vm_page_sunbusy
    \/ BxTry(t, "xd", "xd_dg") \/ BusySleep(t, "xd_bs", FALSE, "xd_try")
    \/ DgLd(t) \/ DgCas(t) \/ Wake(t, "xd_dgw", Goto(t, "xd_su") /\ UNCHANGED <<old, bx>>)
    \/ Sunbusy(t, "xd", "idle")
    \* "su": trysbusy (sleep while xbusied), vm_page_busy_tryupgrade, then
    \* vm_page_xunbusy (upgraded) or vm_page_sunbusy (not)
    \/ BsLd(t) \/ BsCas(t) \/ BusySleep(t, "su_bs", TRUE, "su_try")
    \/ UpLd(t) \/ UpCas(t)
    \/ Xunbusy(t, "su", "idle") \/ Sunbusy(t, "su", "idle")

-----------------------------------------------------------------------------
Step(t) ==
    CASE Role[t] = "Holder"     -> HolderSteps(t)
      [] Role[t] = "Faulter"    -> FaWire(t) \/ FaAdd(t) \/ HolderSteps(t)
      [] Role[t] = "Daemon"     -> DmScan(t)
      [] Role[t] = "Terminator" -> TmDrop(t) \/ FpFree(t, "tm", "done")
      [] Role[t] = "Busier"     -> BusierSteps(t)
      [] Role[t] = "StrayBusier"  -> BusierSteps(t) \/ Xunbusy(t, "sx", "idle") \/ Sunbusy(t, "ss", "idle")
      [] Role[t] = "StrayUnwirer" -> HolderSteps(t)
      [] Role[t] = "StrayFreer"   -> FpFree(t, "sf", "done")
      [] Role[t] = "OrphanBusier" -> BusierSteps(t)
      [] Role[t] = "ForeignUnbusier" -> Sunbusy(t, "ss", "idle")

ThreadsOf(r) == {t \in Threads : Role[t] = r}
\* per role, so that TLC's traces name each step's action
Next ==
    \/ \E t \in ThreadsOf("Holder")     : HolderSteps(t)
    \/ \E t \in ThreadsOf("Faulter")    : FaWire(t) \/ FaAdd(t) \/ HolderSteps(t)
    \/ \E t \in ThreadsOf("Daemon")     : DmScan(t)
    \/ \E t \in ThreadsOf("Terminator") : TmDrop(t) \/ FpFree(t, "tm", "done")
    \/ \E t \in ThreadsOf("Busier")     : BusierSteps(t)
    \/ \E t \in ThreadsOf("StrayBusier")  : BusierSteps(t) \/ Xunbusy(t, "sx", "idle") \/ Sunbusy(t, "ss", "idle")
    \/ \E t \in ThreadsOf("StrayUnwirer") : HolderSteps(t)
    \/ \E t \in ThreadsOf("StrayFreer")   : FpFree(t, "sf", "done")
    \/ \E t \in ThreadsOf("OrphanBusier") : BusierSteps(t)
    \/ \E t \in ThreadsOf("ForeignUnbusier") : Sunbusy(t, "ss", "idle")

\* Strong fairness on every step of a thread inside an operation (as VmPage.tla):
\* "hold" counts as inside one (a wirer eventually unwires); idle threads may stay idle.
Active(t) == pc[t] \notin {"idle", "done"} /\ Step(t)
Fairness == \A t \in Threads : SF_vars(Active(t))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
TypeOK ==
    \* WireMask: the wrap of a StrayUnwirer's unwire (Dec)
    /\ rc \in [wires : 0..Cardinality(Threads) \cup {WireMask}, objref : BOOLEAN]
    /\ obj \in {"O", None}
    /\ olock \in Threads \cup {None} /\ plock \in Threads \cup {None}
    /\ busy \in BusyWords
    /\ queue \in {"none", "inactive"}
    /\ pstate \in {"alloc", "free"}
    /\ frees \in Nat /\ wirecnt \in Int
    /\ sleepers \subseteq Threads /\ sqlock \in Threads \cup {None}
    /\ old \in [Threads -> [wires : 0..Cardinality(Threads), objref : BOOLEAN]]
    /\ bx \in [Threads -> BusyWords]
    /\ xowners \subseteq Threads /\ sowners \subseteq Threads
    /\ wiredBy \in [Threads -> Int]

\* VP6: one thread frees the page (one allocation epoch)
FreedOnce == frees <= 1

\* VP7: never free a referenced or shared-busied page
NoFreeWhileReferenced == pstate = "free" => (rc = ZERO /\ busy.sharers = 0)

\* the wire count equals the wirings threads hold
WiresMatchGhost == rc.wires = SumOver(Threads)

\* VP8: vm_wire_count counts the page once while it is wired, once every
\* thread has finished its vm_wire_add / vm_wire_sub (the pcs in between)
WireOwed(t) == pc[t] \in {"fa_add", "uw_sub", "unq_sub"}
WireCountSettled ==
    (\A t \in Threads : ~WireOwed(t)) => wirecnt = (IF rc.wires > 0 THEN 1 ELSE 0)

\* Issue 15 item 5 (VP9): a managed, allocated page with no wirings that is not
\* busy is on a page queue or has a queue operation pending (m->queue != PQ_NONE),
\* so the page daemon can find and reclaim it.
QueuedWhenUnwired ==
    (Managed /\ pstate = "alloc" /\ rc.wires = 0 /\ busy = UNBUSIED) => queue # "none"

\* VP11 (as VmPage.tla)
BusyExclusive ==
    /\ Cardinality(xowners) <= 1
    /\ xowners # {} => sowners = {}
    /\ busy.excl => (~busy.shared /\ busy.sharers = 0)
BusyOwnerMatchesWord ==
    /\ busy.excl <=> xowners # {}
    /\ busy.shared <=> ~busy.excl
    /\ busy.shared => busy.sharers = Cardinality(sowners)
WaitersImpliesBusy == busy.waiters => (busy.excl \/ busy.sharers > 0)

NoAssertionFailure == kassert = {}

\* VP6 in a quiescent state (issue 11): once no thread is inside an operation,
\* a page with no reference left (no wiring, not in the object) has gone back
\* to the allocator.  The safety core of VmPage.tla's OrphanEventuallyFreed:
\* a last unwire or terminate that does not free leaks the page.
Quiescent == \A t \in Threads : pc[t] \in {"idle", "hold", "done"}
UnreferencedFreed == (Quiescent /\ rc = ZERO) => pstate = "free"

\* Every path of the modelled code releases what it takes (as VmPage.tla's,
\* issue 11): a thread outside an operation ("idle", "hold", "done") or asleep
\* on the busy lock holds neither the object lock (VM_OBJECT_WUNLOCK), the page
\* lock (vm_page_unlock), the sleepqueue chain lock (sleepq_release /
\* sleepq_wait) nor the busy lock (vm_page_xunbusy / vm_page_sunbusy).
NoLockHeldOutsideOp ==
    \A t \in Threads :
        (pc[t] \in {"idle", "hold", "done"} \/ t \in sleepers) =>
            /\ olock # t /\ plock # t /\ sqlock # t
            /\ t \notin xowners \cup sowners

\* As VmPage.tla's (issue 11): a thread between operations holds a wiring
\* exactly at "hold" (a Holder's initial wiring, or vm_fault's vm_page_wire
\* that returned the page wired), none at "idle" or "done" (vm_page_unwire
\* dropped it; a Faulter that found the page gone took none).
\* WiresMatchGhost alone does not see a wiring that is counted and held but
\* that no code path will ever drop.
WiringOnlyAtHold ==
    \A t \in Threads :
        pc[t] \in {"idle", "hold", "done"} => wiredBy[t] = IF pc[t] = "hold" THEN 1 ELSE 0

\* a thread asleep on the busy lock while nobody owns the page is eventually woken
NoLostBusyWakeup ==
    \A t \in Threads : (t \in sleepers /\ xowners = {} /\ sowners = {}) ~> (t \notin sleepers)
=============================================================================
