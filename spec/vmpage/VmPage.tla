------------------------------- MODULE VmPage -------------------------------
(***************************************************************************)
(* FreeBSD vm_page reference counting after r352110 (markj, git fee2a2fa39, *)
(* D20486, Sep 2019) and the page busy lock, as read in sys/vm/vm_page.c   *)
(* and sys/vm/vm_page.h @0012f373e43d (kernel-brief §3, V1/V2).  One page, *)
(* one object, 1-2 pmaps, threads with fixed roles (brief §3.6).           *)
(*                                                                         *)
(* ref_count word.  `rc` is a record with the three fields of the 32-bit   *)
(* word; the Java side's AtomicInteger holds                               *)
(*   Word(rc) = (objref ? 0x80000000 : 0) | (blocked ? 0x40000000 : 0)     *)
(*              | wires                                                    *)
(* (a record because TLC integers are signed 32-bit, so 0x80000000 does    *)
(* not fit).  Arithmetic is exact 32-bit modular arithmetic on that word   *)
(* (Add/Sub below), so a bug that subtracts a bit that is not set wraps    *)
(* the way the hardware and Java do; the ghost `uflow` records it.         *)
(* Record equality is word equality, so CASes compare whole words.         *)
(*                                                                         *)
(* busy_lock word.  `busy` = [shared, excl, waiters, sharers]; Java:       *)
(*   sharers << 3 | waiters << 2 | excl << 1 | shared   (VPB_* bits).      *)
(* UNBUSIED = 0x01 (shared, 0 sharers), SINGLE_EXCLUSIVER = 0x02.  The     *)
(* word has no owner; xowners/sowners are ghost.                           *)
(*                                                                         *)
(* Atomicity (spec/CONVENTIONS.md): one action per atomic RMW, per plain   *)
(* load/store of a shared word not protected by a held lock, per lock      *)
(* acquire (release folds into the preceding step: it is a left mover),    *)
(* per whole critical section without unprotected accesses (pmap lock      *)
(* held around one PTE change), sleep entry, and wakeup (a critical        *)
(* section of the sleepqueue chain lock, inside the waker).  CAS loops     *)
(* re-read on failure as fcmpset does: a failed CAS is a step that only    *)
(* refreshes the thread's local copy.  Local computation folds into the    *)
(* neighbouring shared step.  Deliberate folds (documented in README):     *)
(* reads of obj under the object lock, reads of the pv list (`mapped`)     *)
(* at the start/end of pmap_remove_all, and assertion-only loads.          *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC

CONSTANTS
    Threads,      \* model values
    Role,         \* [Threads -> RoleNames]
    Pmaps,        \* model values, 1 or 2 pmaps
    InitMapped,   \* pmaps that map the page (writable) in the initial state
    UnwireKinds,  \* how wire holders drop their wiring: SUBSET {"unwire","release_tryfree"}
    BusyKinds,    \* what a Busier acquires: SUBSET {"x","s"}
    PhProts,      \* protections a PmapHolder asks for: SUBSET {"r","w"}
    None,         \* model value: NULL / no thread
    Variant

RoleNames == {"Faulter", "PmapHolder", "Remover", "Terminator", "Mapper",
              "Busier", "WriteProtector", "Unmapper"}

Variants ==
    { "Fixed",                      \* the code at 0012f373e4
      "WireMappedIgnoresBlocked",   \* brief §3.6 bug 1
      "CheckThenSetBlocked",        \* bug 2
      "UnwireFreesOnWireCountOne",  \* bug 3
      "TerminatePlainStore",        \* bug 4
      "BusySleepPlainStore",        \* bug 5
      "RemoverReadLock",            \* bug 6
      "MapperUnbusiesUnlocked",     \* extra: the Mapper xunbusies without re-taking the object lock
      "ReleaseRecheck" }            \* Fixed + release_locked busies the page and re-checks the
                                    \* wire count before freeing (later FreeBSD shape)

ASSUME Variant \in Variants
ASSUME Role \in [Threads -> RoleNames]
ASSUME InitMapped \subseteq Pmaps
ASSUME UnwireKinds \subseteq {"unwire", "release_tryfree"}
ASSUME BusyKinds \subseteq {"x", "s"}
ASSUME PhProts \subseteq {"r", "w"} /\ PhProts # {}
ASSUME None \notin Threads \cup Pmaps

-----------------------------------------------------------------------------
(* The ref_count word (vm_page.h: VPRC_OBJREF 0x80000000, VPRC_BLOCKED     *)
(* 0x40000000, wire count in bits 29..0).                                 *)
WC == 1073741824                      \* 2^30: modulus of the wire-count field
RcWords == [wires : 0..(WC - 1), objref : BOOLEAN, blocked : BOOLEAN]
Rc(w, o, b) == [wires |-> w, objref |-> o, blocked |-> b]
ZERO           == Rc(0, FALSE, FALSE)   \* 0
ONE            == Rc(1, FALSE, FALSE)   \* 1
OBJREF         == Rc(0, TRUE,  FALSE)   \* VPRC_OBJREF
BLOCKED        == Rc(0, FALSE, TRUE)    \* VPRC_BLOCKED
BLOCKED_OBJREF == Rc(0, TRUE,  TRUE)    \* VPRC_BLOCKED | VPRC_OBJREF

Hi(r) == (IF r.objref THEN 2 ELSE 0) + (IF r.blocked THEN 1 ELSE 0)
FromParts(h, w) == Rc(w, h >= 2, h % 2 = 1)
\* r + (dh * 2^30 + dw) mod 2^32   (atomic_add / fetchadd)
Add(r, dh, dw) ==
    LET s == r.wires + dw
        c == IF s >= WC THEN 1 ELSE 0
    IN  FromParts((Hi(r) + dh + c) % 4, s - c * WC)
\* r - (dh * 2^30 + dw) mod 2^32   (atomic_subtract / fetchadd(-v) / plain x - v)
Sub(r, dh, dw) ==
    LET s == r.wires - dw
        b == IF s < 0 THEN 1 ELSE 0
    IN  FromParts((Hi(r) - dh - b + 8) % 4, s + b * WC)
\* the subtraction takes away something that is not there (ghost NoUnderflow)
SubUnder(r, dh, dw) == (dh = 2 /\ ~r.objref) \/ (dh = 1 /\ ~r.blocked) \/ dw > r.wires

(* The busy_lock word (vm_page.h, the VPB_ constants).                                   *)
BusyWords == [shared : BOOLEAN, excl : BOOLEAN, waiters : BOOLEAN,
              sharers : 0..Cardinality(Threads)]
UNBUSIED    == [shared |-> TRUE,  excl |-> FALSE, waiters |-> FALSE, sharers |-> 0]
SINGLE_EXCL == [shared |-> FALSE, excl |-> TRUE,  waiters |-> FALSE, sharers |-> 0]
Busied(b)  == b # UNBUSIED                    \* vm_page_busied()
Sbusied(b) == b.shared /\ b # UNBUSIED        \* vm_page_sbusied()

-----------------------------------------------------------------------------
VARIABLES
    rc,        \* m->ref_count (see Word above)
    obj,       \* m->object: "O" or None
    olock,     \* object rwlock: [w |-> writer or None, r |-> set of readers]
    busy,      \* m->busy_lock
    mapped,    \* pmaps with a valid PTE (pv entry) for the page
    wmapped,   \* subset of mapped whose PTE is writable
    plock,     \* plock[p]: holder of pmap p's lock, or None
    pstate,    \* "alloc" | "free" (returned to the physical allocator)
    frees,     \* ghost: number of times the page reached the free queues
    sleepers,  \* threads blocked in sleepq_wait on wchan m
    sqlock,    \* holder of the sleepqueue chain lock for m, or None
    pc,        \* pc[t]
    old,       \* old[t]: the thread's local copy of ref_count (u_int old)
    bx,        \* bx[t]:  the thread's local copy of busy_lock (u_int x)
    pm,        \* pm[t]:  pmap a PmapHolder is looking up
    xowners,   \* ghost: threads that hold the page exclusive-busy
    sowners,   \* ghost: threads that hold the page shared-busy
    wiredBy,   \* ghost: wiredBy[t] = wirings thread t holds
    kassert,   \* ghost: set of KASSERT/panic messages that would have fired
    vp3a,      \* ghost: wirings made through the object lock (VP3a) since BLOCKED was set
    uflow      \* ghost: some atomic subtracted a bit/count that was not set

vars == <<rc, obj, olock, busy, mapped, wmapped, plock, pstate, frees,
          sleepers, sqlock, pc, old, bx, pm, xowners, sowners, wiredBy,
          kassert, vp3a, uflow>>

rcv   == <<rc, wiredBy, vp3a, uflow>>
busyv == <<busy, xowners, sowners>>
pmapv == <<mapped, wmapped, plock>>
pagev == <<pstate, frees>>
sleepv == <<sleepers, sqlock>>
locv  == <<old, bx, pm>>

-----------------------------------------------------------------------------
(* Helpers                                                                 *)
CanW == olock.w = None /\ olock.r = {}
CanR == olock.w = None
AcqW(t) == [olock EXCEPT !.w = t]
AcqR(t) == [olock EXCEPT !.r = @ \cup {t}]
RelL(t) == IF olock.w = t THEN [olock EXCEPT !.w = None]
                          ELSE [olock EXCEPT !.r = @ \ {t}]
HoldsW(t) == olock.w = t

KA(cond, msg) == IF cond THEN {msg} ELSE {}

\* End the current step at pc `tgt`; if `rel`, release the object lock in
\* the same step (a release is a left mover).  Reaching "idle", "done" or
\* "hold" resets the thread's locals (they are dead there).
Fin(t, tgt, rel) ==
    /\ pc' = [pc EXCEPT ![t] = tgt]
    /\ olock' = IF rel THEN RelL(t) ELSE olock
    /\ IF tgt \in {"idle", "done", "hold"}
       THEN /\ old' = [old EXCEPT ![t] = ZERO]
            /\ bx'  = [bx  EXCEPT ![t] = UNBUSIED]
            /\ pm'  = [pm  EXCEPT ![t] = None]
       ELSE UNCHANGED <<old, bx, pm>>

Finish(t, d) == Fin(t, d[1], d[2])

Goto(t, p) == pc' = [pc EXCEPT ![t] = p]

Set(f, t, v) == [f EXCEPT ![t] = v]

RECURSIVE SumOver(_)
SumOver(S) == IF S = {} THEN 0
              ELSE LET x == CHOOSE y \in S : TRUE IN wiredBy[x] + SumOver(S \ {x})

-----------------------------------------------------------------------------
Init ==
    /\ rc = OBJREF                       \* allocated, inserted (vm_page_insert_after)
    /\ obj = "O"
    /\ olock = [w |-> None, r |-> {}]
    /\ busy = UNBUSIED
    /\ mapped = InitMapped
    /\ wmapped = InitMapped
    /\ plock = [p \in Pmaps |-> None]
    /\ pstate = "alloc"
    /\ frees = 0
    /\ sleepers = {}
    /\ sqlock = None
    /\ pc = [t \in Threads |-> "idle"]
    /\ old = [t \in Threads |-> ZERO]
    /\ bx = [t \in Threads |-> UNBUSIED]
    /\ pm = [t \in Threads |-> None]
    /\ xowners = {}
    /\ sowners = {}
    /\ wiredBy = [t \in Threads |-> 0]
    /\ kassert = {}
    /\ vp3a = 0
    /\ uflow = FALSE

-----------------------------------------------------------------------------
(* Generic subroutines, instantiated per call site with a pc prefix P.     *)
(* A continuation `done` is <<pc, release>>: the pc to go to and whether   *)
(* the object lock is released (left mover) in the same step.              *)
-----------------------------------------------------------------------------

\* ---- busy lock --------------------------------------------------------
\* vm_page_xunbusy() macro (vm_page.h @0012f373e4): cmpset_rel(busy,
\* SINGLE_EXCLUSIVER, UNBUSIED); fails iff WAITERS is set.
XuCas(t, P, done) ==
    /\ pc[t] = P \o "_xu"
    /\ IF busy = SINGLE_EXCL
       THEN /\ busy' = UNBUSIED
            /\ xowners' = xowners \ {t}
            /\ Finish(t, done)
       ELSE /\ Goto(t, P \o "_xus")
            /\ UNCHANGED <<busy, xowners, olock, locv>>
    /\ UNCHANGED <<rcv, obj, sowners, pmapv, pagev, sleepv, kassert>>

\* vm_page_xunbusy_hard(): atomic_store_rel(busy, UNBUSIED) ...
XuStore(t, P) ==
    /\ pc[t] = P \o "_xus"
    /\ busy' = UNBUSIED
    /\ xowners' = xowners \ {t}
    /\ kassert' = kassert \cup KA(~busy.excl, "vm_page_assert_xbusied")
    /\ Goto(t, P \o "_xuw")
    /\ UNCHANGED <<rcv, obj, olock, sowners, pmapv, pagev, sleepv, locv>>

\* ... wakeup(m): sleepq_lock; wake every thread on wchan m; sleepq_release.
XuWake(t, P, done) ==
    /\ pc[t] = P \o "_xuw"
    /\ sqlock = None
    /\ sleepers' = {}
    /\ Finish(t, done)
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sqlock, kassert>>

Xunbusy(t, P, done) == XuCas(t, P, done) \/ XuStore(t, P) \/ XuWake(t, P, done)

\* vm_page_sunbusy(): x = m->busy_lock ...
SuLd(t, P) ==
    /\ pc[t] = P \o "_su"
    /\ bx' = Set(bx, t, busy)
    /\ Goto(t, P \o "_sucas")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, old, pm, kassert>>

\* ... loop { sharers > 1: fcmpset(x, x - ONE_SHARER);
\*            else fcmpset_rel(x, UNBUSIED) and wakeup(m) if x had WAITERS }
SuCas(t, P, done) ==
    /\ pc[t] = P \o "_sucas"
    /\ LET x == bx[t] IN
       /\ kassert' = kassert \cup KA(~(x.shared /\ x.sharers > 0), "vm_page_assert_sbusied")
       /\ IF busy # x
          THEN /\ bx' = Set(bx, t, busy)               \* fcmpset failed: re-read
               /\ UNCHANGED <<busy, sowners, pc, olock, old, pm>>
          ELSE IF x.sharers > 1
          THEN /\ busy' = [x EXCEPT !.sharers = @ - 1]
               /\ sowners' = sowners \ {t}
               /\ Finish(t, done)
          ELSE /\ busy' = UNBUSIED
               /\ sowners' = sowners \ {t}
               /\ IF x.waiters THEN /\ Goto(t, P \o "_suw")
                                    /\ UNCHANGED <<olock, locv>>
                               ELSE Finish(t, done)
    /\ UNCHANGED <<rcv, obj, xowners, pmapv, pagev, sleepv>>

SuWake(t, P, done) ==
    /\ pc[t] = P \o "_suw"
    /\ sqlock = None
    /\ sleepers' = {}
    /\ Finish(t, done)
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sqlock, kassert>>

Sunbusy(t, P, done) == SuLd(t, P) \/ SuCas(t, P, done) \/ SuWake(t, P, done)

\* _vm_page_busy_sleep(obj, m, wmesg, nonshared, locked=TRUE)
\* (object busy of r353538 not modelled).  Correct version:
\*   sleepq_lock(m); x = m->busy_lock;
BsSq(t, P) ==
    /\ pc[t] = P \o "_sq"
    /\ Variant # "BusySleepPlainStore"
    /\ sqlock = None
    /\ sqlock' = t
    /\ bx' = Set(bx, t, busy)
    /\ Goto(t, P \o "_chk")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepers, old, pm, kassert>>

\*   if (x == UNBUSIED || (nonshared && x & SHARED) ||
\*       (!(x & WAITERS) && !cmpset(busy, x, x | WAITERS)))
\*       { VM_OBJECT_DROP; sleepq_release; return }
\*   (if WAITERS was already set, the sleep entry follows with no shared
\*    access in between and is folded in here)
BsChk(t, P, NS, ret) ==
    /\ pc[t] = P \o "_chk"
    /\ Variant # "BusySleepPlainStore"
    /\ LET x == bx[t] IN
       IF x = UNBUSIED \/ (NS /\ x.shared)
       THEN /\ olock' = RelL(t) /\ sqlock' = None /\ Goto(t, ret)
            /\ bx' = Set(bx, t, UNBUSIED)
            /\ UNCHANGED <<busy, sleepers>>
       ELSE IF x.waiters
       THEN /\ olock' = RelL(t) /\ sqlock' = None /\ Goto(t, ret)
            /\ sleepers' = sleepers \cup {t}
            /\ bx' = Set(bx, t, UNBUSIED)
            /\ UNCHANGED busy
       ELSE IF busy = x
       THEN /\ busy' = [x EXCEPT !.waiters = TRUE]
            /\ Goto(t, P \o "_wait")
            /\ UNCHANGED <<olock, sqlock, sleepers, bx>>
       ELSE /\ olock' = RelL(t) /\ sqlock' = None /\ Goto(t, ret)
            /\ bx' = Set(bx, t, UNBUSIED)
            /\ UNCHANGED <<busy, sleepers>>
    /\ UNCHANGED <<rcv, obj, xowners, sowners, pmapv, pagev, old, pm, kassert>>

\*   VM_OBJECT_DROP(obj); sleepq_add(m); sleepq_wait(m)   (sleep entry)
BsWait(t, P, ret) ==
    /\ pc[t] = P \o "_wait"
    /\ Variant # "BusySleepPlainStore"
    /\ olock' = RelL(t)
    /\ sleepers' = sleepers \cup {t}
    /\ sqlock' = None
    /\ bx' = Set(bx, t, UNBUSIED)
    /\ Goto(t, ret)
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, old, pm, kassert>>

\* Bug 5 (BusySleepPlainStore): x = m->busy_lock without the sleepqueue lock,
BsSqBug(t, P) ==
    /\ pc[t] = P \o "_sq"
    /\ Variant = "BusySleepPlainStore"
    /\ bx' = Set(bx, t, busy)
    /\ Goto(t, P \o "_chk")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, old, pm, kassert>>

\* then m->busy_lock = x | WAITERS as a plain store (no cmpset),
BsChkBug(t, P, NS, ret) ==
    /\ pc[t] = P \o "_chk"
    /\ Variant = "BusySleepPlainStore"
    /\ LET x == bx[t] IN
       IF x = UNBUSIED \/ (NS /\ x.shared)
       THEN /\ olock' = RelL(t) /\ Goto(t, ret)
            /\ bx' = Set(bx, t, UNBUSIED)
            /\ UNCHANGED busy
       ELSE /\ busy' = [x EXCEPT !.waiters = TRUE]
            /\ Goto(t, P \o "_wait")
            /\ UNCHANGED <<olock, bx>>
    /\ UNCHANGED <<rcv, obj, xowners, sowners, pmapv, pagev, sleepv, old, pm, kassert>>

\* then sleepq_lock; sleepq_add; VM_OBJECT_DROP; sleepq_wait (one sleep entry).
BsWaitBug(t, P, ret) ==
    /\ pc[t] = P \o "_wait"
    /\ Variant = "BusySleepPlainStore"
    /\ sqlock = None
    /\ olock' = RelL(t)
    /\ sleepers' = sleepers \cup {t}
    /\ bx' = Set(bx, t, UNBUSIED)
    /\ Goto(t, ret)
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sqlock, old, pm, kassert>>

BusySleep(t, P, NS, ret) ==
    \/ BsSq(t, P) \/ BsChk(t, P, NS, ret) \/ BsWait(t, P, ret)
    \/ BsSqBug(t, P) \/ BsChkBug(t, P, NS, ret) \/ BsWaitBug(t, P, ret)

\* ---- pmap operations ----------------------------------------------------
\* One PTE change of pmap_remove_all (op "all") / pmap_remove_write (op
\* "write"): PMAP_LOCK(p); remove (or write-protect) the PTE; PMAP_UNLOCK(p).
\* The pv list cannot grow meanwhile (the caller holds the busy lock and a
\* mapping needs it, VP3), so the walk ends when no pv entry is left.
OpSet(op) == IF op = "all" THEN mapped ELSE wmapped

PmapOpStep(t, here, op, next) ==
    /\ pc[t] = here
    /\ IF OpSet(op) = {}
       THEN /\ Goto(t, next)
            /\ UNCHANGED <<mapped, wmapped>>
       ELSE LET p == CHOOSE q \in OpSet(op) : TRUE IN
            /\ plock[p] = None
            /\ mapped' = IF op = "all" THEN mapped \ {p} ELSE mapped
            /\ wmapped' = wmapped \ {p}
            /\ Goto(t, IF OpSet(op) \ {p} = {} THEN next ELSE here)
    /\ UNCHANGED <<rcv, obj, olock, busyv, plock, pagev, sleepv, locv, kassert>>

\* ---- vm_page_try_blocked_op(m, op) -------------------------------------
\* old = m->ref_count;
TbLd(t, P) ==
    /\ pc[t] = P \o "_ld"
    /\ old' = Set(old, t, rc)
    /\ kassert' = kassert \cup KA(rc = ZERO, "try_blocked_op: no references")
    /\ Goto(t, P \o "_cas")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, bx, pm>>

\* do { if (WIRE_COUNT(old) != 0) return false; }
\* while (!fcmpset(&ref_count, &old, old | BLOCKED));
\* Bug 2 (CheckThenSetBlocked): atomic_set_int(&ref_count, BLOCKED) after the check.
TbCas(t, P, op, ok, fail) ==
    /\ pc[t] = P \o "_cas"
    /\ LET o == old[t]
           nxt == IF OpSet(op) = {} THEN P \o "_drop" ELSE P \o "_op"
       IN
       IF o.wires # 0
       THEN /\ Goto(t, fail)
            /\ UNCHANGED <<rc, vp3a, old, kassert>>
       ELSE IF Variant = "CheckThenSetBlocked"
       THEN /\ rc' = [rc EXCEPT !.blocked = TRUE]
            /\ vp3a' = 0
            /\ Goto(t, nxt)
            /\ UNCHANGED <<old, kassert>>
       ELSE IF rc = o
       THEN /\ rc' = [o EXCEPT !.blocked = TRUE]
            /\ vp3a' = 0
            /\ Goto(t, nxt)
            /\ UNCHANGED <<old, kassert>>
       ELSE /\ old' = Set(old, t, rc)
            /\ kassert' = kassert \cup KA(rc = ZERO, "try_blocked_op: no references")
            /\ UNCHANGED <<rc, vp3a, pc>>
    /\ UNCHANGED <<wiredBy, uflow, obj, olock, busyv, pmapv, pagev, sleepv, bx, pm>>

\* old = vm_page_drop(m, VPRC_BLOCKED);
\* KASSERT(old != VPRC_BLOCKED); KASSERT(!WOWNED || old == BLOCKED|OBJREF)
TbDrop(t, P, ok) ==
    /\ pc[t] = P \o "_drop"
    /\ rc' = Sub(rc, 1, 0)
    /\ uflow' = (uflow \/ SubUnder(rc, 1, 0))
    /\ kassert' = kassert \cup KA(rc = BLOCKED, "vm_page_drop: invalid refcount")
                          \cup KA(HoldsW(t) /\ rc # BLOCKED_OBJREF,
                                  "try_blocked_op: unexpected refcount")
    /\ Goto(t, ok)
    /\ UNCHANGED <<wiredBy, vp3a, obj, olock, busyv, pmapv, pagev, sleepv, locv>>

TryBlockedOp(t, P, op, ok, fail) ==
    \/ TbLd(t, P) \/ TbCas(t, P, op, ok, fail)
    \/ PmapOpStep(t, P \o "_op", op, P \o "_drop") \/ TbDrop(t, P, ok)

\* ---- vm_page_free(m) -> vm_page_free_toq -> vm_page_free_prep ----------
\* acquire fence; KASSERT(!pmap_page_is_mapped); if (vm_page_sbusied(m)) panic
FpSb(t, P) ==
    /\ pc[t] = P \o "_sb"
    /\ kassert' = kassert \cup KA(Sbusied(busy), "free_prep: shared busy page")
                          \cup KA(mapped # {}, "free_prep: freeing mapped page")
    /\ Goto(t, P \o "_obj")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, locv>>

\* if (m->object != NULL) { vm_page_object_remove(m);  [asserts object WLOCKED]
\*   KASSERT(m->ref_count == VPRC_OBJREF); m->object = NULL; ...
FpObj(t, P) ==
    /\ pc[t] = P \o "_obj"
    /\ IF obj = "O"
       THEN /\ kassert' = kassert \cup KA(~HoldsW(t), "vm_page_object_remove: object not wlocked")
                                  \cup KA(rc # OBJREF, "free_prep: unexpected ref_count")
            /\ old' = Set(old, t, rc)
            /\ obj' = None
            /\ Goto(t, P \o "_ost")
       ELSE /\ Goto(t, P \o "_xb")
            /\ UNCHANGED <<kassert, old, obj>>
    /\ UNCHANGED <<rcv, olock, busyv, pmapv, pagev, sleepv, bx, pm>>

\*   ... m->ref_count -= VPRC_OBJREF  (non-atomic: store of the loaded value)
FpOst(t, P) ==
    /\ pc[t] = P \o "_ost"
    /\ rc' = Sub(old[t], 2, 0)
    /\ uflow' = (uflow \/ SubUnder(old[t], 2, 0))
    /\ Goto(t, P \o "_xb")
    /\ UNCHANGED <<wiredBy, vp3a, obj, olock, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* if (vm_page_xbusied(m)) vm_page_xunbusy(m);
FpXb(t, P) ==
    /\ pc[t] = P \o "_xb"
    /\ Goto(t, IF busy.excl THEN P \o "_xu" ELSE P \o "_fin")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* if (m->ref_count != 0) panic("has references"); ... vm_phys_free_pages
FpFin(t, P, done) ==
    /\ pc[t] = P \o "_fin"
    /\ kassert' = kassert \cup KA(rc # ZERO, "free_prep: page has references")
    /\ pstate' = "free"
    /\ frees' = frees + 1
    /\ Finish(t, done)
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, sleepv>>

FreePath(t, P, done) ==
    \/ FpSb(t, P) \/ FpObj(t, P) \/ FpOst(t, P) \/ FpXb(t, P)
    \/ Xunbusy(t, P, <<P \o "_fin", FALSE>>) \/ FpFin(t, P, done)

-----------------------------------------------------------------------------
(* Wire holders: Faulter and PmapHolder, then the "Unwirer" part.          *)

\* vm_fault / vm_page_grab(VM_ALLOC_WIRED)-like: VM_OBJECT_RLOCK(obj)
FaStart(t) ==
    /\ pc[t] = "idle"
    /\ CanR
    /\ olock' = AcqR(t)
    /\ Goto(t, "fa_wire")
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* m = vm_page_lookup(obj, pindex); vm_page_wire(m): fetchadd(+1);
\* VM_OBJECT_RUNLOCK(obj).   (VP3a: the object is locked.)
FaWire(t) ==
    /\ pc[t] = "fa_wire"
    /\ IF obj # "O"
       THEN /\ Fin(t, "idle", TRUE)
            /\ UNCHANGED <<rcv>>
       ELSE /\ rc' = Add(rc, 0, 1)
            /\ wiredBy' = [wiredBy EXCEPT ![t] = @ + 1]
            /\ vp3a' = IF rc.blocked THEN vp3a + 1 ELSE vp3a
            /\ Fin(t, "hold", TRUE)
            /\ UNCHANGED uflow
    /\ UNCHANGED <<obj, busyv, pmapv, pagev, sleepv, kassert>>

\* pmap_extract_and_hold(pmap, va, prot): PMAP_LOCK(pmap); the PTE maps m
\* (with write access if asked); vm_page_wire_mapped: old = m->ref_count
\* (a lookup that finds no PTE is a stutter and is not modelled)
PhStart(t) ==
    /\ pc[t] = "idle"
    /\ \E p \in Pmaps, w \in PhProts :
         /\ plock[p] = None
         /\ p \in (IF w = "w" THEN wmapped ELSE mapped)
         /\ plock' = [plock EXCEPT ![p] = t]
         /\ pm' = Set(pm, t, p)
    /\ old' = Set(old, t, rc)
    /\ kassert' = kassert \cup KA(rc = ZERO, "wire_mapped: wiring unreferenced page")
    /\ Goto(t, "ph_cas")
    /\ UNCHANGED <<rcv, obj, olock, busyv, mapped, wmapped, pagev, sleepv, bx>>

\* do { KASSERT(old > 0); if (old & BLOCKED) return false; }
\* while (!fcmpset(&ref_count, &old, old + 1));  ...  PMAP_UNLOCK(pmap)
\* Bug 1 (WireMappedIgnoresBlocked): the BLOCKED test is deleted.
PhCas(t) ==
    /\ pc[t] = "ph_cas"
    /\ LET o == old[t]  p == pm[t] IN
       IF o.blocked /\ Variant # "WireMappedIgnoresBlocked"
       THEN /\ plock' = [plock EXCEPT ![p] = None]
            /\ Fin(t, "idle", FALSE)
            /\ UNCHANGED <<rc, wiredBy, kassert>>
       ELSE IF rc = o
       THEN /\ rc' = Add(o, 0, 1)
            /\ wiredBy' = [wiredBy EXCEPT ![t] = @ + 1]
            /\ plock' = [plock EXCEPT ![p] = None]
            /\ Fin(t, "hold", FALSE)
            /\ UNCHANGED kassert
       ELSE /\ old' = Set(old, t, rc)
            /\ kassert' = kassert \cup KA(rc = ZERO, "wire_mapped: wiring unreferenced page")
            /\ UNCHANGED <<rc, wiredBy, plock, pc, olock, bx, pm>>
    /\ UNCHANGED <<vp3a, uflow, obj, busyv, mapped, wmapped, pagev, sleepv>>

\* vm_page_unwire(m, queue), managed page: old = m->ref_count;
\* (also the common tail of vm_page_release())
UwLd(t) ==
    /\ \/ pc[t] = "uw_ld"
       \/ pc[t] = "hold" /\ "unwire" \in UnwireKinds
    /\ old' = Set(old, t, rc)
    /\ Goto(t, "uw_cas")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, bx, pm, kassert>>

\* do { KASSERT(WIRE_COUNT(old) > 0); [page lock + queue update if last wiring] }
\* while (!fcmpset_rel(&ref_count, &old, old - 1));
\* if (WIRE_COUNT(old) == 1) { vm_wire_sub(1); if (old == 1) vm_page_free(m); }
\* Bug 3 (UnwireFreesOnWireCountOne): frees when WIRE_COUNT(old) == 1.
UwCas(t) ==
    /\ pc[t] = "uw_cas"
    /\ LET o == old[t]
           freeIt == IF Variant = "UnwireFreesOnWireCountOne" THEN o.wires = 1
                     ELSE o = ONE
       IN
       /\ kassert' = kassert \cup KA(o.wires = 0, "vm_page_unwire: wire count underflow")
       /\ IF rc = o
          THEN /\ rc' = Sub(o, 0, 1)
               /\ uflow' = (uflow \/ SubUnder(o, 0, 1))
               /\ wiredBy' = [wiredBy EXCEPT ![t] = @ - 1]
               /\ IF freeIt THEN /\ Goto(t, "uw_fp_sb")
                                 /\ UNCHANGED <<olock, old, bx, pm>>
                            ELSE Fin(t, "idle", FALSE)
          ELSE /\ old' = Set(old, t, rc)
               /\ UNCHANGED <<rc, uflow, wiredBy, pc, olock, bx, pm>>
    /\ UNCHANGED <<vp3a, obj, busyv, pmapv, pagev, sleepv>>

\* vm_page_release(m, VPR_TRYFREE): object = atomic_load_ptr(&m->object)
RlObj(t) ==
    /\ \/ pc[t] = "rl_obj"
       \/ pc[t] = "hold" /\ "release_tryfree" \in UnwireKinds
    /\ Goto(t, IF obj = None THEN "uw_ld" ELSE "rl_busy")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* if (vm_page_busied(m) || ...) -> plain unwire
RlBusy(t) ==
    /\ pc[t] = "rl_busy"
    /\ Goto(t, IF Busied(busy) THEN "uw_ld" ELSE "rl_try")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* ... || !VM_OBJECT_TRYWLOCK(object)) -> plain unwire;
\* if (object == m->object) vm_page_release_locked(m) else unlock and retry
RlTry(t) ==
    /\ pc[t] = "rl_try"
    /\ IF CanW /\ obj = "O"
       THEN /\ olock' = AcqW(t)
            /\ Goto(t, "rlk_drop")
       ELSE /\ Goto(t, IF CanW THEN "rl_obj" ELSE "uw_ld")
            /\ UNCHANGED olock
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* vm_page_release_locked: if (vm_page_unwire_noq(m)) ...
\*   unwire_noq: old = vm_page_drop(m, 1) (fetchadd -1); last wiring?
RlkDrop(t) ==
    /\ pc[t] = "rlk_drop"
    /\ rc' = Sub(rc, 0, 1)
    /\ uflow' = (uflow \/ SubUnder(rc, 0, 1))
    /\ wiredBy' = [wiredBy EXCEPT ![t] = @ - 1]
    /\ kassert' = kassert \cup KA(rc.wires = 0, "vm_page_unwire_noq: counter underflow")
                          \cup KA(rc = BLOCKED, "vm_page_drop: invalid refcount")
    /\ IF rc.wires > 1
       THEN Fin(t, "idle", TRUE)
       ELSE /\ Goto(t, "rlk_map")
            /\ UNCHANGED <<olock, locv>>
    /\ UNCHANGED <<vp3a, obj, busyv, pmapv, pagev, sleepv>>

\*   TRYFREE && (object->ref_count == 0 || !pmap_page_is_mapped(m)) ...
\*   (the object is taken to be mapped: only the pmap test is modelled)
RlkMap(t) ==
    /\ pc[t] = "rlk_map"
    /\ IF mapped = {}
       THEN /\ Goto(t, "rlk_busy")
            /\ UNCHANGED <<olock, locv>>
       ELSE Fin(t, "idle", TRUE)        \* release_toq under the page lock
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, kassert>>

\*   ... && m->dirty == 0 && !vm_page_busied(m)) vm_page_free(m);
\* ReleaseRecheck: ... && vm_page_tryxbusy(m)) { if (!vm_page_wired(m))
\*   vm_page_free(m); else vm_page_xunbusy(m); }
RlkBusy(t) ==
    /\ pc[t] = "rlk_busy"
    /\ IF Variant = "ReleaseRecheck"
       THEN IF busy = UNBUSIED
            THEN /\ busy' = SINGLE_EXCL
                 /\ xowners' = xowners \cup {t}
                 /\ Goto(t, "rlk_wired")
                 /\ UNCHANGED <<olock, locv>>
            ELSE /\ Fin(t, "idle", TRUE)
                 /\ UNCHANGED <<busy, xowners>>
       ELSE /\ IF ~Busied(busy)
               THEN /\ Goto(t, "rl_fp_sb")
                    /\ UNCHANGED <<olock, locv>>
               ELSE Fin(t, "idle", TRUE)
            /\ UNCHANGED <<busy, xowners>>
    /\ UNCHANGED <<rcv, obj, sowners, pmapv, pagev, sleepv, kassert>>

\* ReleaseRecheck: if (!vm_page_wired(m)) vm_page_free(m) else xunbusy
RlkWired(t) ==
    /\ pc[t] = "rlk_wired"
    /\ Goto(t, IF rc.wires = 0 THEN "rl_fp_sb" ELSE "rlk_xu")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, locv, kassert>>

HoldSteps(t) ==
    \/ UwLd(t) \/ UwCas(t) \/ FreePath(t, "uw_fp", <<"idle", FALSE>>)
    \/ RlObj(t) \/ RlBusy(t) \/ RlTry(t)
    \/ RlkDrop(t) \/ RlkMap(t) \/ RlkBusy(t) \/ FreePath(t, "rl_fp", <<"idle", TRUE>>)
    \/ RlkWired(t) \/ Xunbusy(t, "rlk", <<"idle", TRUE>>)

-----------------------------------------------------------------------------
(* Remover: vm_object_page_remove(object, pindex, pindex+1, 0), one page.  *)

RmLock(t, from) ==
    /\ pc[t] = from
    /\ from = "rm_relock" => t \notin sleepers     \* woken, or returned early
    /\ IF Variant = "RemoverReadLock"
       THEN CanR /\ olock' = AcqR(t)
       ELSE CanW /\ olock' = AcqW(t)
    /\ Goto(t, "rm_busy")
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* p = vm_page_find_least(); if (vm_page_tryxbusy(p) == 0) sleep and restart
RmBusy(t) ==
    /\ pc[t] = "rm_busy"
    /\ IF obj # "O"
       THEN /\ Fin(t, "idle", TRUE)
            /\ UNCHANGED <<busy, xowners>>
       ELSE IF busy = UNBUSIED
       THEN /\ busy' = SINGLE_EXCL
            /\ xowners' = xowners \cup {t}
            /\ Goto(t, "rm_wired")
            /\ UNCHANGED <<olock, locv>>
       ELSE /\ Goto(t, "rm_bs_sq")
            /\ UNCHANGED <<busy, xowners, olock, locv>>
    /\ UNCHANGED <<rcv, obj, sowners, pmapv, pagev, sleepv, kassert>>

\* if (vm_page_wired(p)) goto wired;   (racy load)
RmWired(t) ==
    /\ pc[t] = "rm_wired"
    /\ Goto(t, IF rc.wires > 0 THEN "rm_wp" ELSE "rm_tb_ld")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, locv, kassert>>

RemoverSteps(t) ==
    \/ RmLock(t, "idle") \/ RmLock(t, "rm_relock")
    \/ RmBusy(t) \/ RmWired(t)
    \/ BusySleep(t, "rm_bs", FALSE, "rm_relock")
    \* if (!vm_page_try_remove_all(p)) goto wired; vm_page_free(p);
    \/ TryBlockedOp(t, "rm_tb", "all", "rm_fp_sb", "rm_wp")
    \/ FreePath(t, "rm_fp", <<"idle", TRUE>>)
    \* wired: pmap_remove_all(p); vm_page_xunbusy(p); (next page / unlock)
    \/ PmapOpStep(t, "rm_wp", "all", "rm_wp_xu")
    \/ Xunbusy(t, "rm_wp", <<"idle", TRUE>>)

-----------------------------------------------------------------------------
(* Terminator: vm_object_terminate_pages (also vm_page_remove + free).     *)
(* Only runs once the object is dead: no mappings remain (its vm_map       *)
(* entries are gone).                                                      *)
TmStart(t) ==
    /\ pc[t] = "idle"
    /\ mapped = {}
    /\ CanW
    /\ olock' = AcqW(t)
    /\ Goto(t, IF Variant = "TerminatePlainStore" THEN "tm_ld" ELSE "tm_drop")
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* vm_page_assert_unbusied(p); p->object = NULL;
\* if (vm_page_drop(p, VPRC_OBJREF) == VPRC_OBJREF) vm_page_free(p);
TmDrop(t) ==
    /\ pc[t] = "tm_drop"
    /\ IF obj # "O"
       THEN /\ Fin(t, "done", TRUE)
            /\ UNCHANGED <<rc, uflow, obj, kassert>>
       ELSE /\ obj' = None
            /\ rc' = Sub(rc, 2, 0)
            /\ uflow' = (uflow \/ SubUnder(rc, 2, 0))
            /\ kassert' = kassert \cup KA(Busied(busy), "terminate_pages: page busied")
                                  \cup KA(rc = BLOCKED, "vm_page_drop: invalid refcount")
            /\ IF rc = OBJREF THEN /\ Goto(t, "tm_fp_sb")
                                   /\ UNCHANGED <<olock, locv>>
                              ELSE Fin(t, "done", TRUE)
    /\ UNCHANGED <<wiredBy, vp3a, busyv, pmapv, pagev, sleepv>>

\* Bug 4 (TerminatePlainStore): p->object = NULL; old = p->ref_count; ...
TmLd(t) ==
    /\ pc[t] = "tm_ld"
    /\ IF obj # "O"
       THEN /\ Fin(t, "done", TRUE)
            /\ UNCHANGED <<obj, kassert>>
       ELSE /\ obj' = None
            /\ old' = Set(old, t, rc)
            /\ kassert' = kassert \cup KA(Busied(busy), "terminate_pages: page busied")
            /\ Goto(t, "tm_st")
            /\ UNCHANGED <<olock, bx, pm>>
    /\ UNCHANGED <<rcv, busyv, pmapv, pagev, sleepv>>

\* ... p->ref_count = old - VPRC_OBJREF; if (old == VPRC_OBJREF) vm_page_free(p);
TmSt(t) ==
    /\ pc[t] = "tm_st"
    /\ rc' = Sub(old[t], 2, 0)
    /\ uflow' = (uflow \/ SubUnder(old[t], 2, 0))
    /\ IF old[t] = OBJREF THEN /\ Goto(t, "tm_fp_sb")
                               /\ UNCHANGED <<olock, locv>>
                          ELSE Fin(t, "done", TRUE)
    /\ UNCHANGED <<wiredBy, vp3a, obj, busyv, pmapv, pagev, sleepv, kassert>>

TerminatorSteps(t) ==
    TmStart(t) \/ TmDrop(t) \/ TmLd(t) \/ TmSt(t) \/ FreePath(t, "tm_fp", <<"done", TRUE>>)

-----------------------------------------------------------------------------
(* Mapper: vm_fault -> pmap_enter with the page exclusive busied.          *)
MpStart(t) ==
    /\ pc[t] = "idle"
    /\ CanW
    /\ olock' = AcqW(t)
    /\ Goto(t, "mp_busy")
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* m = vm_page_lookup(); vm_page_tryxbusy(m) (gives up if busy);
\* VM_OBJECT_WUNLOCK
MpBusy(t) ==
    /\ pc[t] = "mp_busy"
    /\ IF obj = "O" /\ busy = UNBUSIED
       THEN /\ busy' = SINGLE_EXCL
            /\ xowners' = xowners \cup {t}
            /\ Fin(t, "mp_enter", TRUE)
       ELSE /\ Fin(t, "idle", TRUE)
            /\ UNCHANGED <<busy, xowners>>
    /\ UNCHANGED <<rcv, obj, sowners, pmapv, pagev, sleepv, kassert>>

\* pmap_enter(pmap, va, m, prot|WRITE): PMAP_LOCK; PTE := m (RW); PMAP_UNLOCK
\* (the object is unlocked, the page is xbusied: vm_fault "had to do the
\* unlock above because pmap_enter() may sleep")
MpEnter(t) ==
    /\ pc[t] = "mp_enter"
    /\ \E p \in Pmaps :
         /\ plock[p] = None
         /\ mapped' = mapped \cup {p}
         /\ wmapped' = wmapped \cup {p}
    /\ kassert' = kassert \cup KA(t \notin xowners, "pmap_enter: page not xbusied")
    /\ Goto(t, IF Variant = "MapperUnbusiesUnlocked" THEN "mpu_xu" ELSE "mp_relock")
    /\ UNCHANGED <<rcv, obj, olock, busyv, plock, pagev, sleepv, locv>>

\* VM_OBJECT_WLOCK(fs.object); vm_page_activate; then vm_page_xunbusy(fs.m)
\* and unlock_and_deallocate (vm_fault: the xunbusy is done under the lock)
MpRelock(t) ==
    /\ pc[t] = "mp_relock"
    /\ CanW
    /\ olock' = AcqW(t)
    /\ Goto(t, "mp_xu")
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, locv, kassert>>

MapperSteps(t) ==
    \/ MpStart(t) \/ MpBusy(t) \/ MpEnter(t) \/ MpRelock(t)
    \/ Xunbusy(t, "mp", <<"idle", TRUE>>)
    \* variant MapperUnbusiesUnlocked: vm_page_xunbusy without the object lock
    \/ Xunbusy(t, "mpu", <<"idle", FALSE>>)

-----------------------------------------------------------------------------
(* WriteProtector: vm_page_try_remove_write (vm_object_page_remove with    *)
(* OBJPR_CLEANONLY, msync-like), object write-locked, page xbusied.        *)
WpStart(t) ==
    /\ pc[t] = "idle"
    /\ CanW
    /\ olock' = AcqW(t)
    /\ Goto(t, "wp_busy")
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, locv, kassert>>

WpBusy(t) ==
    /\ pc[t] = "wp_busy"
    /\ IF obj = "O" /\ busy = UNBUSIED
       THEN /\ busy' = SINGLE_EXCL
            /\ xowners' = xowners \cup {t}
            /\ Goto(t, "wp_tb_ld")
            /\ UNCHANGED <<olock, locv>>
       ELSE /\ Fin(t, "idle", TRUE)
            /\ UNCHANGED <<busy, xowners>>
    /\ UNCHANGED <<rcv, obj, sowners, pmapv, pagev, sleepv, kassert>>

WriteProtectorSteps(t) ==
    \/ WpStart(t) \/ WpBusy(t)
    \/ TryBlockedOp(t, "wp_tb", "write", "wp_xu", "wp_xu")
    \/ Xunbusy(t, "wp", <<"idle", TRUE>>)

-----------------------------------------------------------------------------
(* Busier: busy contender (vm_page_grab / vm_page_busy_acquire style):     *)
(* W-lock, look up, try to busy; else vm_page_busy_sleep and retry.        *)
BzStart(t) ==
    /\ \/ pc[t] = "idle" /\ \E k \in BusyKinds :
                               Goto(t, IF k = "x" THEN "bzx_try" ELSE "bzs_try")
       \/ pc[t] \in {"bzx_relock", "bzs_relock"} /\ t \notin sleepers
          /\ Goto(t, IF pc[t] = "bzx_relock" THEN "bzx_try" ELSE "bzs_try")
    /\ CanW
    /\ olock' = AcqW(t)
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* vm_page_tryxbusy: cmpset_acq(busy, UNBUSIED, SINGLE_EXCLUSIVER); unlock
BzxTry(t) ==
    /\ pc[t] = "bzx_try"
    /\ IF obj # "O"
       THEN /\ Fin(t, "idle", TRUE)
            /\ UNCHANGED <<busy, xowners>>
       ELSE IF busy = UNBUSIED
       THEN /\ busy' = SINGLE_EXCL
            /\ xowners' = xowners \cup {t}
            /\ Fin(t, "bzx_xu", TRUE)
       ELSE /\ Goto(t, "bzx_bs_sq")
            /\ UNCHANGED <<busy, xowners, olock, locv>>
    /\ UNCHANGED <<rcv, obj, sowners, pmapv, pagev, sleepv, kassert>>

\* vm_page_trysbusy: x = m->busy_lock
BzsLd(t) ==
    /\ pc[t] = "bzs_try"
    /\ IF obj # "O"
       THEN Fin(t, "idle", TRUE)
       ELSE /\ bx' = Set(bx, t, busy)
            /\ Goto(t, "bzs_cas")
            /\ UNCHANGED <<olock, old, pm>>
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, kassert>>

\* for (;;) { if (!(x & SHARED)) return 0;
\*            if (fcmpset_acq(&busy, &x, x + ONE_SHARER)) break; }  unlock
BzsCas(t) ==
    /\ pc[t] = "bzs_cas"
    /\ LET x == bx[t] IN
       IF ~x.shared
       THEN /\ Goto(t, "bzs_bs_sq")
            /\ UNCHANGED <<busy, sowners, olock, locv>>
       ELSE IF busy = x
       THEN /\ busy' = [x EXCEPT !.sharers = @ + 1]
            /\ sowners' = sowners \cup {t}
            /\ Fin(t, "bzs_su", TRUE)
       ELSE /\ bx' = Set(bx, t, busy)
            /\ UNCHANGED <<busy, sowners, pc, olock, old, pm>>
    /\ UNCHANGED <<rcv, obj, xowners, pmapv, pagev, sleepv, kassert>>

BusierSteps(t) ==
    \/ BzStart(t) \/ BzxTry(t) \/ BzsLd(t) \/ BzsCas(t)
    \/ BusySleep(t, "bzx_bs", FALSE, "bzx_relock")
    \/ BusySleep(t, "bzs_bs", TRUE, "bzs_relock")
    \/ Xunbusy(t, "bzx", <<"idle", FALSE>>)
    \/ Sunbusy(t, "bzs", <<"idle", FALSE>>)

-----------------------------------------------------------------------------
(* Unmapper: munmap -> pmap_remove of the VA range in pmap p (one          *)
(* critical section); no object lock, no busy.                             *)
UmStep(t) ==
    /\ pc[t] = "idle"
    /\ \E p \in mapped :
         /\ plock[p] = None
         /\ mapped' = mapped \ {p}
         /\ wmapped' = wmapped \ {p}
    /\ UNCHANGED <<rcv, obj, olock, busyv, plock, pagev, sleepv, pc, locv, kassert>>

-----------------------------------------------------------------------------
Step(t) ==
    CASE Role[t] = "Faulter"        -> FaStart(t) \/ FaWire(t) \/ HoldSteps(t)
      [] Role[t] = "PmapHolder"     -> PhStart(t) \/ PhCas(t) \/ HoldSteps(t)
      [] Role[t] = "Remover"        -> RemoverSteps(t)
      [] Role[t] = "Terminator"     -> TerminatorSteps(t)
      [] Role[t] = "Mapper"         -> MapperSteps(t)
      [] Role[t] = "Busier"         -> BusierSteps(t)
      [] Role[t] = "WriteProtector" -> WriteProtectorSteps(t)
      [] Role[t] = "Unmapper"       -> UmStep(t)

\* The same relation as \E t \in Threads : Step(t), written per role so that TLC's
\* traces name each step's action (FaWire, PhCas, ...) instead of "Step".
ThreadsOf(r) == {t \in Threads : Role[t] = r}
Next ==
    \/ \E t \in ThreadsOf("Faulter")        : FaStart(t) \/ FaWire(t) \/ HoldSteps(t)
    \/ \E t \in ThreadsOf("PmapHolder")     : PhStart(t) \/ PhCas(t) \/ HoldSteps(t)
    \/ \E t \in ThreadsOf("Remover")        : RemoverSteps(t)
    \/ \E t \in ThreadsOf("Terminator")     : TerminatorSteps(t)
    \/ \E t \in ThreadsOf("Mapper")         : MapperSteps(t)
    \/ \E t \in ThreadsOf("Busier")         : BusierSteps(t)
    \/ \E t \in ThreadsOf("WriteProtector") : WriteProtectorSteps(t)
    \/ \E t \in ThreadsOf("Unmapper")       : UmStep(t)

\* Fairness: strong fairness on every step of a thread that is inside an
\* operation (pc not "idle"/"done"); lock acquisitions, the sleepqueue lock
\* and pmap locks are intermittently enabled, hence SF.  Idle threads may
\* stay idle forever (they are not forced to start operations).  "hold"
\* (owning a wiring) counts as inside an operation, so every wirer
\* eventually unwires; every busy owner eventually unbusies.
Active(t) == pc[t] \notin {"idle", "done"} /\ Step(t)
Fairness == \A t \in Threads : SF_vars(Active(t))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
(* Safety                                                                  *)
TypeOK ==
    /\ rc \in RcWords
    /\ obj \in {"O", None}
    /\ olock.w \in Threads \cup {None} /\ olock.r \subseteq Threads
    /\ busy \in BusyWords
    /\ mapped \subseteq Pmaps /\ wmapped \subseteq mapped
    /\ plock \in [Pmaps -> Threads \cup {None}]
    /\ pstate \in {"alloc", "free"}
    /\ frees \in Nat
    /\ sleepers \subseteq Threads
    /\ sqlock \in Threads \cup {None}
    /\ old \in [Threads -> RcWords]
    /\ bx \in [Threads -> BusyWords]
    /\ pm \in [Threads -> Pmaps \cup {None}]
    /\ xowners \subseteq Threads /\ sowners \subseteq Threads
    /\ wiredBy \in [Threads -> Int]
    /\ vp3a \in Nat
    /\ uflow \in BOOLEAN

\* VP7: never free a mapped, sbusied or referenced page (free_prep's checks)
NoFreeWhileReferenced ==
    pstate = "free" =>
        /\ rc.wires = 0 /\ ~rc.objref /\ ~rc.blocked
        /\ mapped = {}
        /\ busy.sharers = 0

\* VP6: exactly one thread frees (one allocation epoch is modelled)
FreedOnce == frees <= 1

\* no atomic op took away a bit or a wiring that was not there
NoUnderflow == ~uflow /\ \A t \in Threads : wiredBy[t] >= 0

\* nobody holds a wiring of a page that went back to the allocator
NoUseAfterFree == pstate = "free" => \A t \in Threads : wiredBy[t] = 0

\* the wire count equals the wirings threads actually hold (no lost update)
WiresMatchGhost == rc.wires = SumOver(Threads)

\* OBJREF <=> the page is in the object, outside the object's W-locked windows
ObjrefMatchesObject == olock.w = None => (rc.objref <=> obj = "O")

\* VP5: BLOCKED is set only by a CAS that saw no wirings; while set, the only
\* new wirings are vm_page_wire through an object read lock (VP5a).
BlockedHasNoWires == rc.blocked => rc.wires <= vp3a

\* VP11
BusyExclusive ==
    /\ Cardinality(xowners) <= 1
    /\ xowners # {} => sowners = {}
    /\ busy.excl => (~busy.shared /\ busy.sharers = 0)

\* the busy word agrees with its (ghost) owners
BusyOwnerMatchesWord ==
    /\ busy.excl <=> xowners # {}
    /\ busy.shared <=> ~busy.excl
    /\ busy.shared => busy.sharers = Cardinality(sowners)

WaitersImpliesBusy == busy.waiters => (busy.excl \/ busy.sharers > 0)

\* no KASSERT / panic of the modelled kernel code would fire
NoAssertionFailure == kassert = {}

\* VP4, the commit's central claim, per thread T (action property)
StablePre(T) ==
    /\ olock.w = T
    /\ busy = UNBUSIED \/ (busy.excl /\ xowners = {T})
    /\ mapped = {}
StabilityLemma ==
    [][\A T \in Threads : StablePre(T) => rc'.wires <= rc.wires]_vars

(* Liveness                                                                *)
\* A thread asleep on the busy lock while nobody owns the page (ghost) is
\* eventually woken: the lost wakeup, separated from starvation.
NoLostBusyWakeup ==
    \A t \in Threads : (t \in sleepers /\ xowners = {} /\ sowners = {}) ~> (t \notin sleepers)
\* The brief's literal form.  It also demands freedom from starvation, which
\* the busy lock does not give: trysbusy ignores WAITERS, so overlapping
\* sharers can keep an xbusy sleeper asleep forever (MCFixedBusyStarvation).
SleeperEventuallyWakes == \A t \in Threads : (t \in sleepers) ~> (t \notin sleepers)
OrphanEventuallyFreed == (~rc.objref /\ pstate = "alloc") ~> (pstate = "free")
BlockedTransient == rc.blocked ~> ~rc.blocked
=============================================================================
