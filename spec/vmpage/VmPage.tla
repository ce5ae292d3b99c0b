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
(* sleep entry, and wakeup (a critical section of the sleepqueue chain     *)
(* lock, inside the waker).  Locks exclude software, never the hardware:   *)
(* an action holds at most one hardware-visible step (a PTE load, store,   *)
(* exchange or cmpset, a TLB invalidation, an IPI send, the wait for the   *)
(* IPIs' acknowledgements), so the pmap critical sections are split there  *)
(* (pvlock/plock hold the locks across the pieces, pm[t] the pmap, opte[t] *)
(* the loaded PTE) and the MMU (TLBFill, UserWrite, IpiAck) runs between   *)
(* them.  With LockAtomic = TRUE a pmap critical section is one action     *)
(* again and a shootdown is instantaneous: the coarse view.  CAS loops on  *)
(* ref_count / busy_lock re-read on failure as fcmpset does: a failed CAS  *)
(* is a step that only refreshes the thread's local copy.  Local           *)
(* computation folds into the neighbouring shared step.  Deliberate folds  *)
(* (documented in README): reads of obj under the object lock, reads of    *)
(* the pv list under its lock, and assertion-only loads.                   *)
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
    CPUs,         \* model values: the CPUs whose TLBs cache the page's user mappings
    KCpu,         \* the CPU every kernel thread of the model runs on (pmap_invalidate_page's "this CPU")
    LockAtomic,   \* TRUE: the coarse view (a pmap critical section is one action, a shootdown is instantaneous)
    Variant

RoleNames == {"Faulter", "PmapHolder", "Remover", "Terminator", "Mapper",
              "Busier", "WriteProtector", "Unmapper", "RangeUnmapper",
              \* buggy clients: each calls one KPI in breach of its contract (Misuse below)
              "StrayUnwirer", "StrayXunbusier", "StraySunbusier"}
StrayRoles == {"StrayUnwirer", "StrayXunbusier", "StraySunbusier"}

Variants ==
    { "Fixed",                      \* the code at 0012f373e4
      "WireMappedIgnoresBlocked",   \* brief §3.6 bug 1
      "CheckThenSetBlocked",        \* bug 2
      "UnwireFreesOnWireCountOne",  \* bug 3
      "TerminatePlainStore",        \* bug 4
      "BusySleepPlainStore",        \* bug 5
      "RemoverReadLock",            \* bug 6
      "MapperUnbusiesUnlocked",     \* extra: the Mapper xunbusies without re-taking the object lock
      "ReleaseRecheck",             \* Fixed + release_locked busies the page and re-checks the
                                    \* wire count before freeing (later FreeBSD shape)
      "RemoveWritePlainStore",      \* pmap_remove_write: plain load, then plain store of the PTE
                                    \* without PG_RW|PG_M (no cmpset): a PG_M set in between is lost
      "RemoveAllInvalidateFirst",   \* pmap_remove_all: pmap_invalidate_page before pte_load_clear
      "NoDelayedInvlWait" }         \* pmap_remove_all / pmap_remove_write without
                                    \* pmap_delayed_invl_wait(m)

ASSUME Variant \in Variants
ASSUME Role \in [Threads -> RoleNames]
ASSUME InitMapped \subseteq Pmaps
ASSUME UnwireKinds \subseteq {"unwire", "release_tryfree"}
ASSUME BusyKinds \subseteq {"x", "s"}
ASSUME PhProts \subseteq {"r", "w"} /\ PhProts # {}
ASSUME None \notin Threads \cup Pmaps
ASSUME KCpu \in CPUs /\ LockAtomic \in BOOLEAN

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
    uflow,     \* ghost: some atomic subtracted a bit/count that was not set
    pvlock,    \* holder of the page's pv-list lock (held across split pmap critical sections), or None
    pte,       \* pte[p]: pmap p's PTE for the page's VA, [v, rw, m] = PG_V, PG_RW, PG_M (hardware-visible)
    tlb,       \* tlb[c][p]: CPU c's cached translation of that VA: "none", "r" (read), "w" (written: dirty cached)
    ipi,       \* ipi[c]: pmaps whose invalidation IPI CPU c has not yet acknowledged
    diq,       \* threads inside a pmap delayed-invalidation block that removed a mapping of the page
    mdirty,    \* m->dirty != 0 (vm_page_dirty)
    wrote,     \* ghost: some CPU wrote the page through a user mapping
    opte       \* opte[t]: pmap_remove_write's local oldpte (NoPte when not in use)

vars == <<rc, obj, olock, busy, mapped, wmapped, plock, pstate, frees,
          sleepers, sqlock, pc, old, bx, pm, xowners, sowners, wiredBy,
          kassert, vp3a, uflow, pvlock, pte, tlb, ipi, diq, mdirty, wrote, opte>>

rcv   == <<rc, wiredBy, vp3a, uflow>>
busyv == <<busy, xowners, sowners>>
hwv   == <<pvlock, pte, diq, mdirty, tlb, ipi, wrote>>
pmapv == <<mapped, wmapped, plock, hwv>>
pagev == <<pstate, frees>>
sleepv == <<sleepers, sqlock>>
locv  == <<old, bx, pm, opte>>

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

\* PTE values (PG_A is not modelled: only the page daemon's reference bit reads it)
NoPte  == [v |-> FALSE, rw |-> FALSE, m |-> FALSE]
NewPte == [v |-> TRUE,  rw |-> TRUE,  m |-> FALSE]   \* pmap_enter, read fault with write permission
Dirt(e) == e.m /\ e.rw                             \* (tpte & (PG_M | PG_RW)) == (PG_M | PG_RW)
Others == CPUs \ {KCpu}

\* End the current step at pc `tgt`; if `rel`, release the object lock in
\* the same step (a release is a left mover).  Reaching "idle", "done" or
\* "hold" resets the thread's locals (they are dead there).  A buggy client
\* (StrayRoles) makes its one misuse: where it would be back at "idle" it is
\* "done" (repeated stray unwires would only wrap the wire count around).
Fin(t, tgt, rel) ==
    /\ pc' = [pc EXCEPT ![t] = IF tgt = "idle" /\ Role[t] \in StrayRoles THEN "done" ELSE tgt]
    /\ olock' = IF rel THEN RelL(t) ELSE olock
    /\ IF tgt \in {"idle", "done", "hold"}
       THEN /\ old' = [old EXCEPT ![t] = ZERO]
            /\ bx'  = [bx  EXCEPT ![t] = UNBUSIED]
            /\ pm'  = [pm  EXCEPT ![t] = None]
            /\ opte' = [opte EXCEPT ![t] = NoPte]
       ELSE UNCHANGED <<old, bx, pm, opte>>

Finish(t, d) == Fin(t, d[1], d[2])

Goto(t, p) == pc' = [pc EXCEPT ![t] = p]

Set(f, t, v) == [f EXCEPT ![t] = v]

\* Where a munmap ends: an Unmapper may munmap again (once a Mapper has remapped
\* the page); a RangeUnmapper (a process's one munmap of its VA range) is done.
UmEnd(t) == IF Role[t] = "RangeUnmapper" THEN "done" ELSE "idle"

\* Buggy clients (default misuse models, issue 11): an idle thread of a Stray*
\* role calls a KPI whose precondition it does not meet, entering the kernel
\* code at its first step `p`: vm_page_unwire / vm_page_release (per
\* UnwireKinds) of a page it did not wire, vm_page_xunbusy of a page it did
\* not xbusy, vm_page_sunbusy of a page it did not sbusy.  The kernel's
\* KASSERTs (vm_page.c @0012f373e4: vm_page_release's and vm_page_unwire's
\* "wire count underflow", vm_page_unwire_noq's "counter underflow",
\* vm_page_xunbusy_hard's and vm_page_sunbusy's vm_page_assert_xbusied /
\* _sbusied) catch each: NoAssertionFailure.
StrayFirst(r) ==
    CASE r = "StrayUnwirer"   -> {IF k = "unwire" THEN "uw_ld" ELSE "rl_obj" : k \in UnwireKinds}
      [] r = "StrayXunbusier" -> {"sx_xu"}
      [] r = "StraySunbusier" -> {"ss_su"}
      [] OTHER                -> {}
StrayStart(t, p) == pc[t] = "idle" /\ p \in StrayFirst(Role[t])

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
    /\ pvlock = None
    /\ pte = [p \in Pmaps |-> IF p \in InitMapped THEN NewPte ELSE NoPte]
    /\ tlb = [c \in CPUs |-> [p \in Pmaps |-> "none"]]
    /\ ipi = [c \in CPUs |-> {}]
    /\ diq = {}
    /\ mdirty = FALSE
    /\ wrote = FALSE
    /\ opte = [t \in Threads |-> NoPte]

-----------------------------------------------------------------------------
(* Generic subroutines, instantiated per call site with a pc prefix P.     *)
(* A continuation `done` is <<pc, release>>: the pc to go to and whether   *)
(* the object lock is released (left mover) in the same step.              *)
-----------------------------------------------------------------------------

\* ---- busy lock --------------------------------------------------------
\* vm_page_xunbusy() macro (vm_page.h @0012f373e4): cmpset_rel(busy,
\* SINGLE_EXCLUSIVER, UNBUSIED); fails iff WAITERS is set.
XuCas(t, P, done) ==
    /\ pc[t] = P \o "_xu" \/ StrayStart(t, P \o "_xu")
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
    /\ pc[t] = P \o "_su" \/ StrayStart(t, P \o "_su")
    /\ bx' = Set(bx, t, busy)
    /\ Goto(t, P \o "_sucas")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, old, pm, opte, kassert>>

\* ... loop { sharers > 1: fcmpset(x, x - ONE_SHARER);
\*            else fcmpset_rel(x, UNBUSIED) and wakeup(m) if x had WAITERS }
SuCas(t, P, done) ==
    /\ pc[t] = P \o "_sucas"
    /\ LET x == bx[t] IN
       /\ kassert' = kassert \cup KA(~(x.shared /\ x.sharers > 0), "vm_page_assert_sbusied")
       /\ IF busy # x
          THEN /\ bx' = Set(bx, t, busy)               \* fcmpset failed: re-read
               /\ UNCHANGED <<busy, sowners, pc, olock, old, pm, opte>>
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
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepers, old, pm, opte, kassert>>

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
    /\ UNCHANGED <<rcv, obj, xowners, sowners, pmapv, pagev, old, pm, opte, kassert>>

\*   VM_OBJECT_DROP(obj); sleepq_add(m); sleepq_wait(m)   (sleep entry)
BsWait(t, P, ret) ==
    /\ pc[t] = P \o "_wait"
    /\ Variant # "BusySleepPlainStore"
    /\ olock' = RelL(t)
    /\ sleepers' = sleepers \cup {t}
    /\ sqlock' = None
    /\ bx' = Set(bx, t, UNBUSIED)
    /\ Goto(t, ret)
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, old, pm, opte, kassert>>

\* Bug 5 (BusySleepPlainStore): x = m->busy_lock without the sleepqueue lock,
BsSqBug(t, P) ==
    /\ pc[t] = P \o "_sq"
    /\ Variant = "BusySleepPlainStore"
    /\ bx' = Set(bx, t, busy)
    /\ Goto(t, P \o "_chk")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, old, pm, opte, kassert>>

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
    /\ UNCHANGED <<rcv, obj, xowners, sowners, pmapv, pagev, sleepv, old, pm, opte, kassert>>

\* then sleepq_lock; sleepq_add; VM_OBJECT_DROP; sleepq_wait (one sleep entry).
BsWaitBug(t, P, ret) ==
    /\ pc[t] = P \o "_wait"
    /\ Variant = "BusySleepPlainStore"
    /\ sqlock = None
    /\ olock' = RelL(t)
    /\ sleepers' = sleepers \cup {t}
    /\ bx' = Set(bx, t, UNBUSIED)
    /\ Goto(t, ret)
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sqlock, old, pm, opte, kassert>>

BusySleep(t, P, NS, ret) ==
    \/ BsSq(t, P) \/ BsChk(t, P, NS, ret) \/ BsWait(t, P, ret)
    \/ BsSqBug(t, P) \/ BsChkBug(t, P, NS, ret) \/ BsWaitBug(t, P, ret)

\* ---- pmap layer: amd64 pmap.c (read at freebsd-src 1f1b2286; README §1.9) ----
\* The pv list (`mapped`, and `wmapped` for the entries whose PTE is writable,
\* which stands for PGA_WRITEABLE) is software, read and written under the
\* pv-list lock.  The PTE (`pte`) and the TLBs (`tlb`) are hardware-visible:
\* the MMU fills TLBs, sets PG_M on writes and acknowledges invalidation IPIs
\* between any two hardware-visible steps of a thread, whatever locks it holds.
\* The pv list cannot grow while a caller holds the busy lock (a mapping needs
\* it, VP3), so the walks below end when no (writable) pv entry is left.
OpSet(op) == IF op = "all" THEN mapped ELSE wmapped

\* Where a pv-list walk goes when it ends: the wait for delayed invalidations
\* (DiWait), or straight on to `next` in NoDelayedInvlWait.
AfterWalk(P, next) == IF Variant = "NoDelayedInvlWait" THEN next ELSE P \o "_diw"

\* A pmap critical section starts with the pv-list lock, then PMAP_LOCK(p)
\* (one lock order everywhere).  The thread that finds p's lock busy waits
\* holding the pv-list lock, at pc P_pv with pm[t] = p (PvWait); otherwise,
\* or once p's lock is free, it takes the locks it lacks in the step that
\* starts the critical section (Locks).  Lock acquisitions are right movers.
PvWait(t, from, P, p) ==
    /\ pc[t] = from
    /\ pvlock = None /\ plock[p] # None
    /\ pvlock' = t /\ pm' = Set(pm, t, p) /\ Goto(t, P \o "_pv")
    /\ UNCHANGED <<rcv, obj, olock, busyv, mapped, wmapped, plock, pte, diq, mdirty, tlb, ipi, wrote,
                   pagev, sleepv, kassert, old, bx, opte>>

Locks(t, from, P, p) ==
    /\ \/ pc[t] = from /\ pvlock = None
       \/ pc[t] = P \o "_pv" /\ pvlock = t /\ pm[t] = p
    /\ plock[p] = None

\* What follows pmap_invalidate_page in the same critical section: software
\* (pv-list update, lock releases: both and left movers), folded into the
\* invalidation's last hardware step.  K names the caller:
\*  "ra": pmap_remove_all: TAILQ_REMOVE(&m->md.pv_list, pv); PMAP_UNLOCK; next pv entry
\*  "rw": pmap_remove_write: PMAP_UNLOCK; next pv entry
\*  "raf": RemoveAllInvalidateFirst: on to the pte_load_clear (P_cl)
\*  "um": pmap_remove (munmap): PMAP_UNLOCK(pmap); pmap_delayed_invl_finish()
\* (The pv-list lock is released per pmap, not at the end of the walk: see README.)
InvTail(t, K, P, N) ==
    LET p == pm[t] IN
    CASE K = "ra" -> /\ mapped' = mapped \ {p} /\ wmapped' = wmapped \ {p}
                     /\ plock' = [plock EXCEPT ![p] = None] /\ pvlock' = None
                     /\ pm' = Set(pm, t, None)
                     /\ Goto(t, IF mapped \ {p} = {} THEN AfterWalk(P, N) ELSE P \o "_op")
                     /\ UNCHANGED diq
      [] K = "rw" -> /\ wmapped' = wmapped \ {p}
                     /\ plock' = [plock EXCEPT ![p] = None] /\ pvlock' = None
                     /\ pm' = Set(pm, t, None)
                     /\ Goto(t, IF wmapped \ {p} = {} THEN AfterWalk(P, N) ELSE P \o "_op")
                     /\ UNCHANGED <<mapped, diq>>
      [] K = "raf" -> /\ Goto(t, P \o "_cl")
                      /\ UNCHANGED <<mapped, wmapped, plock, pvlock, pm, diq>>
      [] K = "um" -> /\ plock' = [plock EXCEPT ![p] = None] /\ diq' = diq \ {t}
                     /\ pm' = Set(pm, t, None) /\ Goto(t, UmEnd(t))
                     /\ UNCHANGED <<mapped, wmapped, pvlock>>

InvFrame == UNCHANGED <<rcv, obj, olock, busyv, pagev, sleepv, kassert, old, bx, opte, pte, mdirty, wrote>>

\* pmap_invalidate_page(pmap, va) (pmap.c, 1f1b2286), pmap active on every CPU:
\* invlpg on this CPU (KCpu) ...
InvLocal(t, K, P, N) ==
    /\ pc[t] = P \o "_il"
    /\ tlb' = [tlb EXCEPT ![KCpu][pm[t]] = "none"]
    /\ IF Others = {}
       THEN InvTail(t, K, P, N)
       ELSE /\ Goto(t, P \o "_is")
            /\ UNCHANGED <<mapped, wmapped, plock, pvlock, pm, diq>>
    /\ UNCHANGED ipi
    /\ InvFrame

\* ... smp_masked_invlpg: an invalidation IPI to every other CPU ...
InvSend(t, P) ==
    /\ pc[t] = P \o "_is"
    /\ ipi' = [c \in CPUs |-> IF c \in Others THEN ipi[c] \cup {pm[t]} ELSE ipi[c]]
    /\ Goto(t, P \o "_iw")
    /\ UNCHANGED <<tlb, mapped, wmapped, plock, pvlock, pm, diq>>
    /\ InvFrame

\* ... and a spin until each has acknowledged (IpiAck).
InvWait(t, K, P, N) ==
    /\ pc[t] = P \o "_iw"
    /\ \A c \in CPUs : pm[t] \notin ipi[c]
    /\ InvTail(t, K, P, N)
    /\ UNCHANGED <<tlb, ipi>>
    /\ InvFrame

Invalidate(t, K, P, N) == InvLocal(t, K, P, N) \/ InvSend(t, P) \/ InvWait(t, K, P, N)

\* pmap_delayed_invl_wait(m) (pmap.c, 1f1b2286): wait until every delayed-
\* invalidation block that removed a mapping of m has flushed the TLBs.
\* NoDelayedInvlWait: not called (the walk goes on to `next` at once).
DiWait(t, P, next) ==
    /\ pc[t] = P \o "_diw"
    /\ diq = {}
    /\ Goto(t, next)
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, locv, kassert>>

\* pmap_remove_all(m) (pmap.c, 1f1b2286): rw_wlock(pv list lock); for each pv
\* entry: PMAP_LOCK(pmap); tpte = pte_load_clear(pte);
\* if ((tpte & (PG_M|PG_RW)) == (PG_M|PG_RW)) vm_page_dirty(m); ...
\* (the pv-list emptiness test folds into the lock acquisition; LockAtomic:
\* the whole per-pmap critical section including the shootdown)
RaClear(t, P, N) ==
    /\ IF mapped = {}
       THEN /\ pc[t] = P \o "_op" /\ pvlock = None
            /\ Goto(t, AfterWalk(P, N))
            /\ UNCHANGED <<pte, mdirty, tlb, mapped, wmapped, plock, pvlock, pm>>
       ELSE LET p == CHOOSE q \in mapped : TRUE IN
            /\ Locks(t, P \o "_op", P, p)
            /\ IF LockAtomic
               THEN /\ pte' = [pte EXCEPT ![p] = NoPte]
                    /\ mdirty' = (mdirty \/ Dirt(pte[p]))
                    /\ tlb' = [c \in CPUs |-> [tlb[c] EXCEPT ![p] = "none"]]
                    /\ mapped' = mapped \ {p} /\ wmapped' = wmapped \ {p}
                    /\ Goto(t, IF mapped \ {p} = {} THEN AfterWalk(P, N) ELSE P \o "_op")
                    /\ pvlock' = None /\ pm' = Set(pm, t, None)
                    /\ UNCHANGED plock
               ELSE /\ plock' = [plock EXCEPT ![p] = t] /\ pvlock' = t
                    /\ pm' = Set(pm, t, p)
                    /\ UNCHANGED <<mapped, wmapped>>
                    /\ IF Variant = "RemoveAllInvalidateFirst"
                       THEN \* pmap_invalidate_page's local invlpg first, the PTE still valid
                            /\ tlb' = [tlb EXCEPT ![KCpu][p] = "none"]
                            /\ Goto(t, IF Others = {} THEN P \o "_cl" ELSE P \o "_is")
                            /\ UNCHANGED <<pte, mdirty>>
                       ELSE /\ pte' = [pte EXCEPT ![p] = NoPte]
                            /\ mdirty' = (mdirty \/ Dirt(pte[p]))
                            /\ Goto(t, P \o "_il")
                            /\ UNCHANGED tlb
    /\ UNCHANGED <<ipi, wrote, diq, rcv, obj, olock, busyv, pagev, sleepv, kassert, old, bx, opte>>

\* RemoveAllInvalidateFirst: pte_load_clear (+ vm_page_dirty) after the
\* shootdown, then TAILQ_REMOVE and PMAP_UNLOCK.
RaClearLast(t, P, N) ==
    /\ pc[t] = P \o "_cl"
    /\ LET p == pm[t] IN
       /\ pte' = [pte EXCEPT ![p] = NoPte]
       /\ mdirty' = (mdirty \/ Dirt(pte[p]))
       /\ InvTail(t, "ra", P, N)
    /\ UNCHANGED <<tlb, ipi, wrote, rcv, obj, olock, busyv, pagev, sleepv, kassert, old, bx, opte>>

PmapRemoveAll(t, P, next) ==
    \/ mapped # {} /\ PvWait(t, P \o "_op", P, CHOOSE q \in mapped : TRUE)
    \/ RaClear(t, P, next) \/ RaClearLast(t, P, next)
    \/ Invalidate(t, IF Variant = "RemoveAllInvalidateFirst" THEN "raf" ELSE "ra", P, next)
    \/ DiWait(t, P, next)

\* pmap_remove_write(m) (pmap.c; 2019 shape: retry: oldpte = *pte;
\* if (oldpte & PG_RW) { if (!atomic_cmpset_long(pte, oldpte, oldpte &
\* ~(PG_RW|PG_M))) goto retry; if (oldpte & PG_M) vm_page_dirty(m);
\* pmap_invalidate_page(pmap, va); } PMAP_UNLOCK(pmap);
\* RwLd: PMAP_LOCK (pv-list lock held) and the load of oldpte; RwReld: the
\* reload after a failed cmpset.  A PTE found read-only is skipped.
RwLoaded(t, P, p, N) ==
    IF pte[p].rw
    THEN /\ opte' = Set(opte, t, pte[p])
         /\ plock' = [plock EXCEPT ![p] = t] /\ pvlock' = t /\ pm' = Set(pm, t, p)
         /\ Goto(t, P \o "_wcas")
         /\ UNCHANGED wmapped
    ELSE /\ wmapped' = wmapped \ {p}
         /\ plock' = [plock EXCEPT ![p] = None] /\ pvlock' = None /\ pm' = Set(pm, t, None)
         /\ opte' = Set(opte, t, NoPte)
         /\ Goto(t, IF wmapped \ {p} = {} THEN AfterWalk(P, N) ELSE P \o "_op")

RwLd(t, P, N) ==
    /\ IF wmapped = {}
       THEN /\ pc[t] = P \o "_op" /\ pvlock = None
            /\ Goto(t, AfterWalk(P, N))
            /\ UNCHANGED <<pte, mdirty, tlb, wmapped, plock, pvlock, pm, opte>>
       ELSE LET p == CHOOSE q \in wmapped : TRUE IN
            /\ Locks(t, P \o "_op", P, p)
            /\ IF LockAtomic
               THEN /\ pte' = [pte EXCEPT ![p].rw = FALSE, ![p].m = FALSE]
                    /\ mdirty' = (mdirty \/ pte[p].m)
                    /\ tlb' = IF pte[p].rw THEN [c \in CPUs |-> [tlb[c] EXCEPT ![p] = "none"]] ELSE tlb
                    /\ wmapped' = wmapped \ {p}
                    /\ Goto(t, IF wmapped \ {p} = {} THEN AfterWalk(P, N) ELSE P \o "_op")
                    /\ pvlock' = None /\ pm' = Set(pm, t, None)
                    /\ UNCHANGED <<plock, opte>>
               ELSE /\ RwLoaded(t, P, p, N)
                    /\ UNCHANGED <<pte, mdirty, tlb>>
    /\ UNCHANGED <<mapped, ipi, wrote, diq, rcv, obj, olock, busyv, pagev, sleepv, kassert, old, bx>>

RwReld(t, P, N) ==
    /\ pc[t] = P \o "_wld"
    /\ RwLoaded(t, P, pm[t], N)
    /\ UNCHANGED <<mapped, pte, mdirty, tlb, ipi, wrote, diq, rcv, obj, olock, busyv, pagev, sleepv,
                   kassert, old, bx>>

\* atomic_cmpset_long(pte, oldpte, oldpte & ~(PG_RW | PG_M)); on success
\* vm_page_dirty(m) if oldpte had PG_M; on failure goto retry.
\* RemoveWritePlainStore: *pte = oldpte & ~(PG_RW | PG_M), a plain store.
RwCas(t, P) ==
    /\ pc[t] = P \o "_wcas"
    /\ LET p == pm[t]  o == opte[t] IN
       IF Variant = "RemoveWritePlainStore" \/ pte[p] = o
       THEN /\ pte' = [pte EXCEPT ![p] = [o EXCEPT !.rw = FALSE, !.m = FALSE]]
            /\ mdirty' = (mdirty \/ o.m)
            /\ Goto(t, P \o "_il")
       ELSE /\ Goto(t, P \o "_wld")
            /\ UNCHANGED <<pte, mdirty>>
    /\ opte' = Set(opte, t, NoPte)
    /\ UNCHANGED <<mapped, wmapped, plock, pvlock, pm, tlb, ipi, wrote, diq, rcv, obj, olock, busyv,
                   pagev, sleepv, kassert, old, bx>>

PmapRemoveWrite(t, P, next) ==
    \/ wmapped # {} /\ PvWait(t, P \o "_op", P, CHOOSE q \in wmapped : TRUE)
    \/ RwLd(t, P, next) \/ RwReld(t, P, next) \/ RwCas(t, P) \/ Invalidate(t, "rw", P, next)
    \/ DiWait(t, P, next)


\* ---- vm_page_try_blocked_op(m, op) -------------------------------------
\* old = m->ref_count;
TbLd(t, P) ==
    /\ pc[t] = P \o "_ld"
    /\ old' = Set(old, t, rc)
    /\ kassert' = kassert \cup KA(rc = ZERO, "try_blocked_op: no references")
    /\ Goto(t, P \o "_cas")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, bx, pm, opte>>

\* do { if (WIRE_COUNT(old) != 0) return false; }
\* while (!fcmpset(&ref_count, &old, old | BLOCKED));
\* Bug 2 (CheckThenSetBlocked): atomic_set_int(&ref_count, BLOCKED) after the check.
\* The pv-list test of op(m) folds in (read under the pv-list lock):
\* pmap_remove_write returns at once if the page is not write-mapped
\* (!pmap_page_is_write_mapped: no wait); pmap_remove_all with no pv entry
\* still waits for delayed invalidations.
TbCas(t, P, op, ok, fail) ==
    /\ pc[t] = P \o "_cas"
    /\ pvlock = None
    /\ LET o == old[t]
           nxt == IF OpSet(op) # {} THEN P \o "_op"
                  ELSE IF op = "all" THEN AfterWalk(P, P \o "_drop") ELSE P \o "_drop"
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
    /\ UNCHANGED <<wiredBy, uflow, obj, olock, busyv, pmapv, pagev, sleepv, bx, pm, opte>>

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

\* The op(m) between TbCas and TbDrop (pmap_remove_all / pmap_remove_write
\* from P_op to P_drop) is a disjunct of the caller's steps, so that TLC
\* names its steps RaClear, RwLd, InvLocal, ... as the Java side does.
TryBlockedOp(t, P, op, ok, fail) ==
    \/ TbLd(t, P) \/ TbCas(t, P, op, ok, fail) \/ TbDrop(t, P, ok)

\* ---- vm_page_free(m) -> vm_page_free_toq -> vm_page_free_prep ----------
\* acquire fence; KASSERT(!pmap_page_is_mapped); if (vm_page_sbusied(m)) panic
FpSb(t, P) ==
    /\ pc[t] = P \o "_sb"
    /\ pvlock = None
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
    /\ UNCHANGED <<rcv, olock, busyv, pmapv, pagev, sleepv, bx, pm, opte>>

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
    /\ UNCHANGED <<rcv, obj, olock, busyv, mapped, wmapped, hwv, pagev, sleepv, bx, opte>>

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
            /\ UNCHANGED <<rc, wiredBy, plock, pc, olock, bx, pm, opte>>
    /\ UNCHANGED <<vp3a, uflow, obj, busyv, mapped, wmapped, hwv, pagev, sleepv>>

\* vm_page_unwire(m, queue), managed page: old = m->ref_count;
\* (also the common tail of vm_page_release())
UwLd(t) ==
    /\ \/ pc[t] = "uw_ld"
       \/ pc[t] = "hold" /\ "unwire" \in UnwireKinds
       \/ StrayStart(t, "uw_ld")
    /\ old' = Set(old, t, rc)
    /\ Goto(t, "uw_cas")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, bx, pm, opte, kassert>>

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
                                 /\ UNCHANGED <<olock, old, bx, pm, opte>>
                            ELSE Fin(t, "idle", FALSE)
          ELSE /\ old' = Set(old, t, rc)
               /\ UNCHANGED <<rc, uflow, wiredBy, pc, olock, bx, pm, opte>>
    /\ UNCHANGED <<vp3a, obj, busyv, pmapv, pagev, sleepv>>

\* vm_page_release(m, VPR_TRYFREE): object = atomic_load_ptr(&m->object)
RlObj(t) ==
    /\ \/ pc[t] = "rl_obj"
       \/ pc[t] = "hold" /\ "release_tryfree" \in UnwireKinds
       \/ StrayStart(t, "rl_obj")
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

\*   TRYFREE && (object->ref_count == 0 || !pmap_page_is_mapped(m)) && m->dirty == 0 ...
\*   (the object is taken to be mapped: only the pmap test is modelled; the
\*   pv list is read under its lock, then m->dirty)
RlkMap(t) ==
    /\ pc[t] = "rlk_map"
    /\ pvlock = None
    /\ IF mapped = {} /\ ~mdirty
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
\* Revision (issue 15 item 6): vm_object.c is not stored at 0012f373e4; read in a
\* stored function copy of the same era (vm_page_none_valid, vm_page_sleep_if_busy;
\* README §5).  Its retry is vm_page_sleep_if_busy, which returns with the lock held
\* when the page is no longer busy; RmBusy's path through BsChk drops and re-takes
\* the lock there (a superset of the real interleavings, README §5).

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
    /\ Goto(t, IF rc.wires > 0 THEN "rm_wp_op" ELSE "rm_tb_ld")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pmapv, pagev, sleepv, locv, kassert>>

RemoverSteps(t) ==
    \/ RmLock(t, "idle") \/ RmLock(t, "rm_relock")
    \/ RmBusy(t) \/ RmWired(t)
    \/ BusySleep(t, "rm_bs", FALSE, "rm_relock")
    \* if (!vm_page_try_remove_all(p)) goto wired; vm_page_free(p);
    \/ TryBlockedOp(t, "rm_tb", "all", "rm_fp_sb", "rm_wp_op")
    \/ PmapRemoveAll(t, "rm_tb", "rm_tb_drop")
    \/ FreePath(t, "rm_fp", <<"idle", TRUE>>)
    \* wired: pmap_remove_all(p); vm_page_xunbusy(p); (next page / unlock)
    \/ PmapRemoveAll(t, "rm_wp", "rm_wp_xu")
    \/ Xunbusy(t, "rm_wp", <<"idle", TRUE>>)

-----------------------------------------------------------------------------
(* Terminator: vm_object_terminate_pages (also vm_page_remove + free).     *)
\* Revision (issue 15 item 6): vm_object.c read in the stored copies after
\* r352110 (README §5), not at 0012f373e4; same shape there.
(* Only runs once the object is dead: no mappings remain (its vm_map       *)
(* entries are gone).                                                      *)
TmStart(t) ==
    /\ pc[t] = "idle"
    /\ mapped = {} /\ diq = {}       \* vm_map_delete's pmap_remove has finished
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
            /\ UNCHANGED <<olock, bx, pm, opte>>
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
\* Revision (issue 15 item 6): vm_fault.c is not stored at 0012f373e4; read in two
\* stored copies from before July 2019 (they still call vm_page_hold; README §5).
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

\* pmap_enter(pmap, va, m, prot|WRITE, flags) (pmap.c, 1f1b2286), a read
\* fault on a writable mapping: rw_wlock(pv list lock) and PMAP_LOCK(pmap);
\* origpte = *pte; if it already maps m writably, nothing changes ("goto
\* unchanged"); else the store of the new PTE (MpStore).  (The object is
\* unlocked, the page is xbusied: vm_fault "had to do the unlock above because
\* pmap_enter() may sleep".)  Re-entering a read-only PTE does not invalidate
\* the TLBs here (pmap_enter does if the old PTE had PG_A): a TLB holds no
\* writable translation of a read-only PTE in this model, and a write through
\* a read one re-walks the PTE.
MpNext == IF Variant = "MapperUnbusiesUnlocked" THEN "mpu_xu" ELSE "mp_relock"

MpEnter(t) ==
    /\ \E p \in Pmaps :
         /\ Locks(t, "mp_enter", "mp", p)
         /\ IF pte[p].v /\ pte[p].rw
            THEN /\ Goto(t, MpNext)
                 /\ pvlock' = None /\ pm' = Set(pm, t, None)
                 /\ UNCHANGED <<pte, mapped, wmapped, plock>>
            ELSE IF LockAtomic
            THEN /\ pte' = [pte EXCEPT ![p] = NewPte]
                 /\ mapped' = mapped \cup {p} /\ wmapped' = wmapped \cup {p}
                 /\ Goto(t, MpNext)
                 /\ pvlock' = None /\ pm' = Set(pm, t, None)
                 /\ UNCHANGED plock
            ELSE /\ plock' = [plock EXCEPT ![p] = t] /\ pvlock' = t /\ pm' = Set(pm, t, p)
                 /\ Goto(t, "mp_store")
                 /\ UNCHANGED <<pte, mapped, wmapped>>
    /\ kassert' = kassert \cup KA(t \notin xowners, "pmap_enter: page not xbusied")
    /\ UNCHANGED <<rcv, obj, olock, busyv, pagev, sleepv, old, bx, opte, tlb, ipi, diq, mdirty, wrote>>

\* pte_store(pte, newpte); TAILQ_INSERT_TAIL(&m->md.pv_list, pv); PMAP_UNLOCK
MpStore(t) ==
    /\ pc[t] = "mp_store"
    /\ LET p == pm[t] IN
       /\ pte' = [pte EXCEPT ![p] = NewPte]
       /\ mapped' = mapped \cup {p} /\ wmapped' = wmapped \cup {p}
       /\ plock' = [plock EXCEPT ![p] = None] /\ pvlock' = None
    /\ pm' = Set(pm, t, None)
    /\ Goto(t, MpNext)
    /\ UNCHANGED <<rcv, obj, olock, busyv, pagev, sleepv, old, bx, opte, tlb, ipi, diq, mdirty, wrote, kassert>>

\* VM_OBJECT_WLOCK(fs.object); vm_page_activate; then vm_page_xunbusy(fs.m)
\* and unlock_and_deallocate (vm_fault: the xunbusy is done under the lock)
MpRelock(t) ==
    /\ pc[t] = "mp_relock"
    /\ CanW
    /\ olock' = AcqW(t)
    /\ Goto(t, "mp_xu")
    /\ UNCHANGED <<rcv, obj, busyv, pmapv, pagev, sleepv, locv, kassert>>

MapperSteps(t) ==
    \/ MpStart(t) \/ MpBusy(t) \/ MpEnter(t) \/ MpStore(t) \/ MpRelock(t)
    \/ \E p \in Pmaps : PvWait(t, "mp_enter", "mp", p)
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
    \/ PmapRemoveWrite(t, "wp_tb", "wp_tb_drop")
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
            /\ UNCHANGED <<olock, old, pm, opte>>
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
            /\ UNCHANGED <<busy, sowners, pc, olock, old, pm, opte>>
    /\ UNCHANGED <<rcv, obj, xowners, pmapv, pagev, sleepv, kassert>>

BusierSteps(t) ==
    \/ BzStart(t) \/ BzxTry(t) \/ BzsLd(t) \/ BzsCas(t)
    \/ BusySleep(t, "bzx_bs", FALSE, "bzx_relock")
    \/ BusySleep(t, "bzs_bs", TRUE, "bzs_relock")
    \/ Xunbusy(t, "bzx", <<"idle", FALSE>>)
    \/ Sunbusy(t, "bzs", <<"idle", FALSE>>)

-----------------------------------------------------------------------------
(* Unmapper: munmap -> pmap_remove(pmap, va, va + PAGE_SIZE) -> pmap_remove1 *)
(* (pmap.c, 1f1b2286); no object lock, no busy.  pmap_delayed_invl_start;   *)
(* PMAP_LOCK; pmap_remove_page -> pmap_remove_pte: oldpte =               *)
(* pte_load_clear(pte); vm_page_dirty if PG_M|PG_RW; pv entry freed under  *)
(* the pv-list lock, pmap_delayed_invl_page(m); pv-list lock released;     *)
(* then pmap_invalidate_page, PMAP_UNLOCK, pmap_delayed_invl_finish.  The  *)
(* pv entry is gone before the TLBs are flushed: the delayed-invalidation  *)
(* window (diq).                                                           *)
\* The pmaps whose VA a thread munmaps: an Unmapper unmaps one of the page's
\* mappings (p \in mapped); a RangeUnmapper munmaps a VA range of any pmap
\* that maps the page or no longer does (pmap_remove_all of the Remover, or
\* another remover, may have cleared it first).
UmTargets(t) == IF Role[t] = "RangeUnmapper" THEN Pmaps ELSE mapped

\* With no valid PTE (pmap.c 1f1b2286: pmap_remove_page returns when the PTE
\* is not PG_V; pmap_remove_ptes skips a zero PTE) pmap_remove removes nothing:
\* no pv entry, no vm_page_dirty, no pmap_delayed_invl_page, no invalidation;
\* the locks are taken and released in the one step.
UmClear(t) ==
    /\ \E p \in UmTargets(t) :
         /\ Locks(t, "idle", "um", p)
         /\ pvlock' = None
         /\ IF Role[t] = "RangeUnmapper" /\ ~pte[p].v      \* (an Unmapper's p is mapped)
            THEN /\ pm' = Set(pm, t, None) /\ Goto(t, UmEnd(t))
                 /\ UNCHANGED <<pte, mdirty, mapped, wmapped, tlb, plock, diq>>
            ELSE /\ pte' = [pte EXCEPT ![p] = NoPte]
                 /\ mdirty' = (mdirty \/ Dirt(pte[p]))
                 /\ mapped' = mapped \ {p}
                 /\ wmapped' = wmapped \ {p}
                 /\ IF LockAtomic
                    THEN /\ tlb' = [c \in CPUs |-> [tlb[c] EXCEPT ![p] = "none"]]
                         /\ pm' = Set(pm, t, None) /\ Goto(t, UmEnd(t))
                         /\ UNCHANGED <<plock, diq>>
                    ELSE /\ plock' = [plock EXCEPT ![p] = t] /\ diq' = diq \cup {t}
                         /\ pm' = Set(pm, t, p) /\ Goto(t, "um_il")
                         /\ UNCHANGED tlb
    /\ UNCHANGED <<rcv, obj, olock, busyv, pagev, sleepv, old, bx, opte, ipi, wrote, kassert>>

UnmapperSteps(t) ==
    \/ \E p \in UmTargets(t) : PvWait(t, "idle", "um", p)
    \/ UmClear(t) \/ Invalidate(t, "um", "um", "idle")

-----------------------------------------------------------------------------
(* The MMU.  No lock excludes it: these actions are enabled between any two *)
(* steps of any thread.  TLB evictions are not modelled: an eviction only   *)
(* drops a cached translation, and a later access walks the current PTE,    *)
(* so it can make none of the properties below fail.                        *)

HwFrame ==
    UNCHANGED <<rc, obj, olock, busy, mapped, wmapped, plock, pstate, frees, sleepers, sqlock,
                pc, old, bx, pm, xowners, sowners, wiredBy, kassert, vp3a, uflow, pvlock, diq,
                mdirty, opte>>

\* A page walk on a TLB miss (a speculative fill or a read access): CPU c
\* caches the translation of a valid PTE.
TLBFill(c, p) ==
    /\ tlb[c][p] = "none"
    /\ pte[p].v
    /\ tlb' = [tlb EXCEPT ![c][p] = "r"]
    /\ UNCHANGED <<pte, ipi, wrote>>
    /\ HwFrame

\* A user-mode write through pmap p's mapping on CPU c.  A translation cached
\* dirty ("w") is used as is; otherwise the MMU walks the PTE and, if it is
\* valid and writable, sets PG_M with a locked update and caches the
\* translation dirty (a write through a clean or missing entry to a
\* read-only or invalid PTE faults: no step).
UserWrite(c, p) ==
    \/ /\ tlb[c][p] = "w"
       /\ ~wrote
       /\ wrote' = TRUE
       /\ UNCHANGED <<pte, tlb>>
    \/ /\ tlb[c][p] # "w"
       /\ pte[p].v /\ pte[p].rw
       /\ pte' = [pte EXCEPT ![p].m = TRUE]
       /\ tlb' = [tlb EXCEPT ![c][p] = "w"]
       /\ wrote' = TRUE
    /\ UNCHANGED ipi
    /\ HwFrame

\* CPU c handles the invalidation IPI for pmap p's VA: invlpg, acknowledge.
IpiAck(c, p) ==
    /\ p \in ipi[c]
    /\ ipi' = [ipi EXCEPT ![c] = @ \ {p}]
    /\ tlb' = [tlb EXCEPT ![c][p] = "none"]
    /\ UNCHANGED <<pte, wrote>>
    /\ HwFrame

Hardware(c, p) == TLBFill(c, p) \/ UserWrite(c, p) \/ IpiAck(c, p)

-----------------------------------------------------------------------------
Step(t) ==
    CASE Role[t] = "Faulter"        -> FaStart(t) \/ FaWire(t) \/ HoldSteps(t)
      [] Role[t] = "PmapHolder"     -> PhStart(t) \/ PhCas(t) \/ HoldSteps(t)
      [] Role[t] = "Remover"        -> RemoverSteps(t)
      [] Role[t] = "Terminator"     -> TerminatorSteps(t)
      [] Role[t] = "Mapper"         -> MapperSteps(t)
      [] Role[t] = "Busier"         -> BusierSteps(t)
      [] Role[t] = "WriteProtector" -> WriteProtectorSteps(t)
      [] Role[t] = "Unmapper"       -> UnmapperSteps(t)
      [] Role[t] = "RangeUnmapper"  -> UnmapperSteps(t)
      [] Role[t] = "StrayUnwirer"   -> HoldSteps(t)
      [] Role[t] = "StrayXunbusier" -> Xunbusy(t, "sx", <<"idle", FALSE>>)
      [] Role[t] = "StraySunbusier" -> Sunbusy(t, "ss", <<"idle", FALSE>>)

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
    \/ \E t \in ThreadsOf("Unmapper")       : UnmapperSteps(t)
    \/ \E t \in ThreadsOf("RangeUnmapper")  : UnmapperSteps(t)
    \/ \E t \in ThreadsOf("StrayUnwirer")   : HoldSteps(t)
    \/ \E t \in ThreadsOf("StrayXunbusier") : Xunbusy(t, "sx", <<"idle", FALSE>>)
    \/ \E t \in ThreadsOf("StraySunbusier") : Sunbusy(t, "ss", <<"idle", FALSE>>)
    \/ \E c \in CPUs, p \in Pmaps : Hardware(c, p)

\* Fairness: strong fairness on every step of a thread that is inside an
\* operation (pc not "idle"/"done"); lock acquisitions, the sleepqueue lock
\* and pmap locks are intermittently enabled, hence SF.  Idle threads may
\* stay idle forever (they are not forced to start operations).  "hold"
\* (owning a wiring) counts as inside an operation, so every wirer
\* eventually unwires; every busy owner eventually unbusies.
Active(t) == pc[t] \notin {"idle", "done"} /\ Step(t)
\* Every CPU eventually handles an invalidation IPI sent to it.
Fairness == /\ \A t \in Threads : SF_vars(Active(t))
            /\ \A c \in CPUs, p \in Pmaps : WF_vars(IpiAck(c, p))

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
    /\ pvlock \in Threads \cup {None}
    /\ pte \in [Pmaps -> [v : BOOLEAN, rw : BOOLEAN, m : BOOLEAN]]
    /\ tlb \in [CPUs -> [Pmaps -> {"none", "r", "w"}]]
    /\ ipi \in [CPUs -> SUBSET Pmaps]
    /\ diq \subseteq Threads
    /\ mdirty \in BOOLEAN /\ wrote \in BOOLEAN
    /\ opte \in [Threads -> [v : BOOLEAN, rw : BOOLEAN, m : BOOLEAN]]

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

\* The page's modified state is never lost: once a CPU wrote it through a
\* user mapping, m->dirty or some PTE's PG_M says so (what vm_page_test_dirty
\* and the pageout rely on).
DirtyTracked == wrote => (mdirty \/ \E p \in Pmaps : pte[p].m)

\* Outside a pmap critical section a CPU caches a translation only of a valid
\* PTE, and a dirty one only of a writable PTE (the pmap invalidates before
\* it unlocks).
TlbCoherent ==
    \A c \in CPUs, p \in Pmaps :
        plock[p] = None => /\ (tlb[c][p] # "none" => pte[p].v)
                           /\ (tlb[c][p] = "w" => pte[p].rw)

\* No CPU caches a translation of a page returned to the allocator (it
\* could read or write the page's next owner's data).
NoStaleTlbAfterFree == pstate = "free" => \A c \in CPUs, p \in Pmaps : tlb[c][p] = "none"

\* Every path of the modelled kernel code releases what it takes: a thread
\* outside an operation ("idle", "hold", "done") or asleep on the busy lock
\* holds neither the object lock (VM_OBJECT_*UNLOCK / VM_OBJECT_DROP), a pmap
\* lock (PMAP_UNLOCK), the pv-list lock nor the sleepqueue chain lock
\* (sleepq_release / sleepq_wait), and has no delayed-invalidation block open
\* (pmap_delayed_invl_finish), nor the page busy lock (vm_page_xunbusy /
\* vm_page_sunbusy: not a ghost busy owner).  A leaked lock is otherwise
\* visible only as threads that never start, which no other property here
\* demands.
NoLockHeldOutsideOp ==
    \A t \in Threads :
        (pc[t] \in {"idle", "hold", "done"} \/ t \in sleepers) =>
            /\ olock.w # t /\ t \notin olock.r
            /\ \A p \in Pmaps : plock[p] # t
            /\ pvlock # t /\ sqlock # t
            /\ t \notin diq
            /\ t \notin xowners \cup sowners

\* The pv list says what the PTEs say: outside a pv-list critical section,
\* pmap p has a pv entry for the page iff its PTE is valid, and a writable
\* one iff the PTE is writable (pmap_enter, pmap_remove, pmap_remove_all and
\* pmap_remove_write change a PTE and the pv list under the pv-list lock;
\* the MMU sets only PG_M).  pmap_page_is_mapped (release_locked,
\* free_prep) and the pv-list walks read the pv list, never the PTEs.
PvMatchesPte ==
    pvlock = None =>
        \A p \in Pmaps : /\ (p \in mapped <=> pte[p].v)
                        /\ (p \in wmapped <=> pte[p].rw)

\* A thread between operations holds a wiring exactly at "hold": vm_fault's
\* vm_page_wire or pmap_extract_and_hold's vm_page_wire_mapped returned the
\* page wired (one wiring per hold), and vm_page_unwire / vm_page_release
\* dropped it before the thread is back at "idle"; "done" (a dead object's
\* Terminator) holds none.  WiresMatchGhost alone does not see a wiring that
\* is counted and held but that no code path will ever drop.
WiringOnlyAtHold ==
    \A t \in Threads :
        pc[t] \in {"idle", "hold", "done"} => wiredBy[t] = IF pc[t] = "hold" THEN 1 ELSE 0

\* A thread at a re-lock pc holds neither the object lock nor the sleepqueue
\* chain lock: _vm_page_busy_sleep returns with both released, slept or not
\* (vm_object_page_remove, the Busiers), and vm_fault unlocked the object
\* after xbusying the page (the Mapper before pmap_enter).  Holding it there,
\* the thread's own re-lock would spin forever, which no safety property
\* above sees (the thread never gets back to idle).
RelockUnlocked ==
    \A t \in Threads :
        pc[t] \in {"rm_relock", "bzx_relock", "bzs_relock", "mp_relock"} =>
            olock.w # t /\ t \notin olock.r /\ sqlock # t

\* The pv-list walks' postconditions, where their callers go on: once
\* pmap_remove_all (with its pmap_delayed_invl_wait) is done, no pmap maps the
\* page (vm_page_try_remove_all before its drop of BLOCKED, and
\* vm_object_page_remove's wired path before its xunbusy); once
\* pmap_remove_write is done, none maps it writably (vm_page_try_remove_write).
\* The walker holds the busy lock, and only pmap_enter (the Mapper, with the
\* page xbusied) adds a mapping.  Nothing else looks at the mappings after a
\* walk that vm_page_try_remove_write skipped or cut short.
PmapWalkDone ==
    \A t \in Threads :
        /\ pc[t] \in {"rm_tb_drop", "rm_wp_xu"} => mapped = {}
        /\ pc[t] = "wp_tb_drop" => wmapped = {}

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
