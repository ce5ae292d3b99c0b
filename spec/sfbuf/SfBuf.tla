------------------------------- MODULE SfBuf -------------------------------
(***************************************************************************)
(* sf_buf: the cache of single-page kernel mappings (FreeBSD i386 rev      *)
(* 1.219 / 1.220, the DragonFly 2003 port, later FreeBSD incl. the         *)
(* generic subr_sfbuf.c) and its SMP lazy TLB shootdown (cpumask, PG_A,    *)
(* SFB_CPUPRIVATE).  Brief: shared/design/kernel-brief.md section 1.       *)
(*                                                                         *)
(* Sources (paraphrased, never copied):                                    *)
(*  S1  freebsd/freebsd-src sys/kern/subr_sfbuf.c @07a217d2 (alloc, free,  *)
(*      ref; wakeup broadcast; no hash re-lookup after msleep)             *)
(*  S2  freebsd/freebsd-src sys/i386/i386/vm_machdep.c @010e6820: the      *)
(*      order of sf_buf_alloc's PTE/TLB work: opte = *ptep; *ptep = new;   *)
(*      if (opte & (PG_V|PG_A)) == (PG_V|PG_A) cpumask = 0; label          *)
(*      shootdown: if curcpu not in cpumask { cpumask |= curcpu; invlpg }; *)
(*      without SFB_CPUPRIVATE other_cpus = others & ~cpumask; if any {    *)
(*      cpumask |= other_cpus; smp_masked_invlpg(other_cpus) }; UP (#else):*)
(*      pmap_invalidate_page if the old PTE was valid and accessed.  The   *)
(*      same logic in S4 (FreeBSD 9.3) and S5 (sf_buf_shootdown).          *)
(*  S6  DragonFlyBSD sys/kern/uipc_syscalls.c @dfbcf5a3 (v1.21, hsu 2003): *)
(*      hash+refcnt+TAILQ, wakeup_one, unconditional PCATCH, kern_sendfile *)
(*      wires every iteration, sf_buf_free unwires at refcnt 0)            *)
(*  S8  DragonFlyBSD sys/kern/kern_sfbuf.c @013a4c0e (v1.10, dillon      *)
(*      2004; the same sf_buf_alloc/sf_buf_free as v1.6 of 2004-05-13):    *)
(*      lazy free-queue removal (SFBA_ONFREEQ), no wakeup when a queued    *)
(*      buffer drops to refcnt 0, SFBA_QUICK/SFBA_PCATCH, per-buffer       *)
(*      cpumask with pmap_kenter / pmap_kenter_quick / pmap_kenter_sync /  *)
(*      pmap_kenter_sync_quick (i386 pmap.c v1.40 2004-05-21: kenter = PTE *)
(*      store + invalidation on every CPU, kenter_quick = PTE store +      *)
(*      local invlpg, sync = invalidation on every CPU, sync_quick = local *)
(*      invlpg), no hash re-lookup after tsleep.  (v1.2 of 2004-03-29 is   *)
(*      S6 moved into its own file: the DragonFly2003 variant.)            *)
(*  1.219/1.220: reconstructed from commit messages (brief 1.2, inferred): *)
(*      remap with pmap_qenter (PTE store, then invalidation), 1.219 unmaps *)
(*      at refcount 0 with pmap_qremove (PTE store, then invalidation).    *)
(*                                                                         *)
(* Atomicity (spec/CONVENTIONS.md): locks exclude software, never hardware.*)
(* A thread's action holds at most one hardware-visible step (a PTE load,  *)
(* store or exchange, an invlpg, the IPI send, the wait for the IPI        *)
(* acknowledgements, an access through sf->kva).  So sf_buf_lock's         *)
(* critical sections are split at those points: the holder is in `lock`,  *)
(* its position in pc[t] (the CS pcs below) and the locals it carries in   *)
(* cur (the sf_buf), opte (the PTE it loaded), pend (the PTE store of the  *)
(* remap is still to come) and tgt (the IPI targets).  Between the steps   *)
(* other threads are excluded by the lock, the hardware is not: TLBFill,   *)
(* TLBEvict and each CPU's IPIAck stay enabled.  Software work under the  *)
(* lock folds into the neighbouring hardware step (a critical section with *)
(* no hardware step is one action).  msleep is split into SleepEnter, the  *)
(* wakeup inside the freer's step, Signal and SleepExit.  LockAtomic =     *)
(* TRUE is the coarse view of the first spec: a whole critical section is  *)
(* one action and a shootdown invalidates every target at once.           *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Threads,      \* model values: kernel threads (most general clients)
    Pages,        \* model values: vm_pages that may be mapped
    BufList,      \* sequence of distinct model values: sf_bufs[0..nsfbufs-1]
    CPUs,         \* model values: CPUs (a single CPU for UP models)
    None,         \* model value: NULL
    Variant,      \* "Rev1219" | "Rev1220" | "DragonFly2003" | "FreeBSDLater"
                  \* | "DragonFly2004" (S8)
    WakeOne,      \* Rev1219/Rev1220/FreeBSDLater/DragonFly2004: wakeup_one (TRUE) or wakeup (FALSE)
    UseSignals,   \* environment may deliver signals to sleepers
    SMP,          \* the #ifdef SMP code: cpumask, SHOOTDOWN, pinning, migration
    TLB,          \* model per-CPU TLBs (fills, evictions, PG_A) and reads
                  \* through sf->kva (Access); SMP => TLB
    FlagChoices,  \* set of flag sets a client may pass: subsets of
                  \* {"CATCH","NOWAIT","PRIV"} (SFB_CATCH/NOWAIT/CPUPRIVATE)
    MaxHeld,      \* client bound: references one thread holds at a time
    Wiring,       \* caller wiring protocol: "None" (not modelled),
                  \* "UnwireAtZero" (DragonFly 2003 S6: kern_sendfile wires
                  \* per iteration, sf_buf_free unwires once at refcnt 0),
                  \* "UnwirePerFree" (FreeBSD 2004 sf_buf_mext: every mbuf
                  \* free does m = sf_buf_page(sf), sf_buf_free(sf) and then
                  \* unwires m once)
    Bug,          \* "None" or one seeded mutation, see BugNames
    RelookupAfterSleep, \* FALSE = shipped code (S1, S6): after msleep the
                  \* hash is not searched again; TRUE = hypothetical fix
                  \* (search the hash again after every wakeup)
    PteXchg,      \* FALSE = shipped sf_buf_map (S2, S4, S5): a plain load
                  \* of the old PTE, then a plain store of the new one;
                  \* TRUE = fix: one atomic exchange (pte_load_store)
    LockAtomic    \* TRUE: the coarse view (a critical section is one action)

BugNames == {"None", "HitKeepsOnFreeList", "RemapKeepsMask",
             "HitSkipsShootdown", "PGAInverted", "PrivateUnpinned",
             "PGATestNew", "InvalBeforeStore", "QuickMigrate"}
\* "QUICK" = DragonFly 2004 SFBA_QUICK (S8); "CATCH" is also its SFBA_PCATCH
AllFlags == {"CATCH", "NOWAIT", "PRIV", "QUICK"}
Bufs == {BufList[i] : i \in DOMAIN BufList}

ASSUME Variant \in {"Rev1219", "Rev1220", "DragonFly2003", "FreeBSDLater", "DragonFly2004"}
ASSUME WakeOne \in BOOLEAN /\ UseSignals \in BOOLEAN /\ SMP \in BOOLEAN
ASSUME TLB \in BOOLEAN /\ PteXchg \in BOOLEAN /\ LockAtomic \in BOOLEAN
ASSUME RelookupAfterSleep \in BOOLEAN
ASSUME Bug \in BugNames
ASSUME Wiring \in {"None", "UnwireAtZero", "UnwirePerFree"}
ASSUME MaxHeld \in Nat \ {0}
ASSUME Cardinality(Bufs) = Len(BufList) /\ Len(BufList) > 0
ASSUME FlagChoices /= {} /\ FlagChoices \subseteq SUBSET AllFlags
\* The cpumask/PG_A/CPUPRIVATE code is FreeBSD >= 2005 only (S2-S5).
ASSUME SMP => Variant \in {"FreeBSDLater", "DragonFly2004"} /\ TLB
ASSUME (\E f \in FlagChoices : "PRIV" \in f) => SMP
\* DragonFly 2003 sf_buf_alloc(m) has no flags argument (S6).
ASSUME Variant = "DragonFly2003" => FlagChoices = {{}}
ASSUME ~SMP => Cardinality(CPUs) = 1
\* sf_buf_map's load/store (and its mutations) exist from FreeBSD 2005 on;
\* the older variants remap with pmap_qenter.
ASSUME (PteXchg \/ Bug \in {"RemapKeepsMask", "PGAInverted", "PGATestNew",
                            "InvalBeforeStore"}) => Variant = "FreeBSDLater"
\* rev 1.219's unmapping free is modelled without a wiring protocol.
ASSUME Variant = "Rev1219" => Wiring = "None"
\* rev 1.219/1.220 (2003): sf_buf_alloc(m) has no flags argument and its
\* msleep is always PVM|PCATCH (no SFB_NOWAIT, no uninterruptible sleep):
\* every call is modelled as passing SFB_CATCH.  Reconstructed from the
\* neighbours (kernel-brief 1.2 items 2, 5, 6): the FreeBSD 5 MD copies before
\* the hash (msleep PVM|PCATCH, no flags), the DragonFly port of 1.219/1.220
\* (S6 dfbcf5a3: sf_buf_alloc(m), tsleep PCATCH) and the flags argument's
\* first appearance in 2004 (S2/S3).
ASSUME Variant \in {"Rev1219", "Rev1220"} => FlagChoices = {{"CATCH"}}
\* DragonFly 2004 (S8): flags SFBA_PCATCH ("CATCH") and SFBA_QUICK only; its
\* cpumask code is not #ifdef SMP (it runs on one CPU too: SMP = FALSE then
\* means one CPU); no coarse view and no wiring protocol modelled
\* (sf_buf_free no longer unwires).
ASSUME Variant = "DragonFly2004" =>
          /\ \A f \in FlagChoices : f \subseteq {"CATCH", "QUICK"}
          /\ ~LockAtomic /\ Wiring = "None"
ASSUME (\E f \in FlagChoices : "QUICK" \in f) => Variant = "DragonFly2004"
\* QuickMigrate: a DragonFly 2004 caller migrates while holding a QUICK buffer.
ASSUME Bug = "QuickMigrate" => Variant = "DragonFly2004"

-----------------------------------------------------------------------------
(* Variant switches *)
KeepMapping == Variant /= "Rev1219"          \* rev 1.220: mapping kept at free
WakeOneEff  == CASE Variant = "DragonFly2003" -> TRUE   \* S6 wakeup_one
                 [] Variant = "FreeBSDLater"  -> WakeOne \* S2/S3 wakeup_one (2005-09); S1/S4 wakeup
                 [] Variant = "DragonFly2004" -> WakeOne  \* S8: TRUE = shipped wakeup_one
                 [] OTHER                     -> WakeOne
\* msleep with PCATCH: DragonFly 2003 always (S6), FreeBSD iff SFB_CATCH.
Catches(f)  == Variant = "DragonFly2003" \/ "CATCH" \in f
PinDiscipline == Bug /= "PrivateUnpinned"
\* rev 1.219/1.220 and DragonFly 2003 remap with pmap_qenter: a plain PTE
\* store, then an unconditional invalidation (brief 1.2 item 4, inferred).
Qenter == Variant \notin {"FreeBSDLater", "DragonFly2004"}
\* DragonFly 2004 (S8): lazy free-queue removal, SFBA_QUICK, pmap_kenter*.
Dfly2004 == Variant = "DragonFly2004"
\* a mapping valid only on the allocating CPU: SFB_CPUPRIVATE or SFBA_QUICK
Private(f) == "PRIV" \in f \/ "QUICK" \in f

Max(a, b) == IF a >= b THEN a ELSE b
RECURSIVE SumOver(_, _)
SumOver(g, S) == IF S = {} THEN 0
                 ELSE LET x == CHOOSE x \in S : TRUE IN g[x] + SumOver(g, S \ {x})
Range(s) == {s[i] : i \in DOMAIN s}
Remove(s, b) == SelectSeq(s, LAMBDA x : x /= b)
RemoveAt(s, i) == SubSeq(s, 1, i - 1) \o SubSeq(s, i + 1, Len(s))

\* A PTE value as sf_buf_map loads it: the page it maps (None = PG_V clear)
\* and its PG_A bit.
NoPte == [pg |-> None, a |-> FALSE]

\* Program counters inside sf_buf_lock's critical sections (lock = t):
\*  map_store  sf_buf_map loaded the old PTE; the store of the new one is next
\*  map_load   PGATestNew: the new PTE is stored; the (re)load for the PG_A test is next
\*  up_inval   UP: the local invalidation (pmap_invalidate_page / pmap_qenter's) is next
\*  sd_local   SHOOTDOWN: cpumask |= curcpu done, the local invlpg is next
\*  sd_ipi     SHOOTDOWN: cpumask |= other_cpus done, the IPI send is next
\*  sd_wait    SHOOTDOWN: waiting until every target acknowledged its IPI
\*  free_inval rev 1.219 sf_buf_free: the PTE is cleared, the invalidation is next
AllocPcs == {"map_store", "map_load", "up_inval", "sd_local", "sd_ipi", "sd_wait"}
CSPcs == AllocPcs \cup {"free_inval"}
\* Outside the critical sections: idle, asleep in sf_buf_alloc's msleep,
\* sendfile wired the page / must unwire it, sf_buf_mext read sf_buf_page.
ClientPcs == {"idle", "msleep", "wired", "unwire", "mext"}

-----------------------------------------------------------------------------
VARIABLES
    (* sf_buf layer, all protected by sf_buf_lock *)
    bm,       \* bm[b]: sf->m (Pages or None); the hash is derived from it
    ref,      \* ref[b]: sf->ref_count
    freeq,    \* sf_buf_freelist (TAILQ, head = least recently freed)
    want,     \* sf_buf_alloc_want
    used,     \* nsfbufsused
    peak,     \* nsfbufspeak
    (* sleep/wakeup *)
    sleepq,   \* threads asleep in msleep(&sf_buf_freelist)
    woken,    \* threads made runnable (wakeup or signal), lock not yet re-taken
    sigpend,  \* sigpend[t]: a signal was delivered to t during its msleep
    (* sf_buf_lock and the critical-section locals of its holder *)
    lock,     \* holder of sf_buf_lock between two hardware steps, or None
    pc,       \* ClientPcs \cup CSPcs
    req,      \* page argument of t's current sf_buf_alloc (or wiring), None
    fl,       \* flags of t's current sf_buf_alloc, {} when idle
    cur,      \* the sf_buf t's critical section (or sf_buf_mext) works on
    opte,     \* [pg, a]: the old PTE sf_buf_map loaded (at map_store)
    pend,     \* the PTE store of t's remap is still to come
    tgt,      \* other_cpus of t's SHOOTDOWN (at sd_ipi, sd_wait)
    (* threads *)
    holds,    \* holds[t][b]: references to b that t owns
    cpu,      \* curcpu of t
    pinned,   \* td_pinned > 0
    (* hardware (TLB models; constant otherwise) *)
    pte,      \* pte[b]: page the PTE of sf->kva maps (None = not valid)
    pteA,     \* pteA[b]: PG_A of that PTE
    tlb,      \* tlb[c][b]: translation of sf->kva cached by CPU c, or None
    mask,     \* mask[b]: sf->cpumask (software, under sf_buf_lock)
    ipi,      \* ipi[c]: sf_bufs whose invalidation IPI CPU c has not yet
              \* handled and acknowledged
    (* vm_page wire counts (wiring models; constant otherwise) *)
    wire,     \* wire[p]: p->wire_count
    (* ghosts *)
    asked,    \* asked[t][b]: page t passed to sf_buf_alloc when it got b
    privcpu,  \* privcpu[t][b]: CPU t was pinned to when it took its
              \* CPUPRIVATE reference(s) to b; None if it holds a
              \* non-private one (or none)
    seen      \* seen[t][b]: page observed by t's last Access to b
              \* (None: no access yet; "fault": PTE invalid)

sfVars   == <<bm, ref, freeq, want, used, peak>>
sleepVars == <<sleepq, woken, sigpend>>
csVars   == <<lock, cur, opte, pend, tgt>>
thrVars  == <<pc, req, fl, holds, cpu, pinned>>
hwVars   == <<pte, pteA, tlb, mask, ipi>>
ghostVars == <<asked, privcpu, seen>>
vars == <<sfVars, sleepVars, csVars, thrVars, hwVars, wire, ghostVars>>

-----------------------------------------------------------------------------
Init ==
    /\ bm = [b \in Bufs |-> None]
    /\ ref = [b \in Bufs |-> 0]
    /\ freeq = BufList                 \* sf_buf_init: TAILQ_INSERT_TAIL in order
    /\ want = 0 /\ used = 0 /\ peak = 0
    /\ sleepq = {} /\ woken = {}
    /\ sigpend = [t \in Threads |-> FALSE]
    /\ lock = None
    /\ pc = [t \in Threads |-> "idle"]
    /\ req = [t \in Threads |-> None]
    /\ fl = [t \in Threads |-> {}]
    /\ cur = [t \in Threads |-> None]
    /\ opte = [t \in Threads |-> NoPte]
    /\ pend = [t \in Threads |-> FALSE]
    /\ tgt = [t \in Threads |-> {}]
    /\ holds = [t \in Threads |-> [b \in Bufs |-> 0]]
    /\ cpu \in [Threads -> CPUs]
    /\ pinned = [t \in Threads |-> FALSE]
    /\ pte = [b \in Bufs |-> None]     \* kva_alloc: no backing
    /\ pteA = [b \in Bufs |-> FALSE]
    /\ tlb = [c \in CPUs |-> [b \in Bufs |-> None]]
    /\ mask = [b \in Bufs |-> {}]      \* M_ZERO
    /\ ipi = [c \in CPUs |-> {}]
    /\ wire = [p \in Pages |-> 0]
    /\ asked = [t \in Threads |-> [b \in Bufs |-> None]]
    /\ privcpu = [t \in Threads |-> [b \in Bufs |-> None]]
    /\ seen = [t \in Threads |-> [b \in Bufs |-> None]]

-----------------------------------------------------------------------------
(* Helpers *)
TotalHeld(t) == SumOver(holds[t], Bufs)
HeldCount(b) == SumOver([t \in Threads |-> holds[t][b]], Threads)
Mapped(p) == \E b \in Bufs : bm[b] = p           \* hash lookup hits
PteVal(b) == [pg |-> pte[b], a |-> pteA[b]]

\* DragonFly 2004 (S8 sf_buf_alloc): the free queue may hold referenced
\* buffers (lazy removal; SFBA_ONFREEQ <=> on the queue).  FreeIdx: the
\* first entry with refcnt 0, 0 if none; the miss path pops and drops the
\* referenced entries before it (one step: no hardware step among them).
FreeIdx == IF \E i \in 1..Len(freeq) : ref[freeq[i]] = 0
           THEN CHOOSE i \in 1..Len(freeq) :
                   ref[freeq[i]] = 0 /\ \A j \in 1..(i - 1) : ref[freeq[j]] > 0
           ELSE 0
\* sf_buf_alloc's miss finds a buffer to take (else it sleeps)
CanTake == IF Dfly2004 THEN FreeIdx > 0 ELSE freeq /= <<>>

\* t may call sf_buf_alloc(p, f) now.  Without a wiring protocol an idle
\* thread calls it with any page; with one, only after wiring req[t].
CanAlloc(t, p, f) ==
    /\ lock = None
    /\ IF Wiring = "None" THEN pc[t] = "idle"
                          ELSE pc[t] = "wired" /\ req[t] = p
    /\ TotalHeld(t) < MaxHeld
    /\ f \in FlagChoices
    \* KASSERT(td_pinned > 0 || !(flags & SFB_CPUPRIVATE)) (S1/S2)
    /\ ("PRIV" \in f /\ PinDiscipline) => pinned[t]

\* where t goes after sf_buf_alloc returned NULL
AfterNull(t) == IF Wiring = "None" THEN "idle" ELSE "unwire"

\* The PG_A rule of sf_buf_map on the PTE value o it tested (S2:
\* (opte & (PG_V | PG_A)) == (PG_V | PG_A)), as the mutations change it.
ResetRule(o) == CASE Bug = "RemapKeepsMask" -> FALSE
                  [] Bug = "PGAInverted"    -> o.pg /= None /\ ~o.a
                  [] OTHER                  -> o.pg /= None /\ o.a

\* The coarse view: CPUs that SHOOTDOWN(sf, flags) invalidates, given the
\* mask m0 it starts from and the current CPU c: c if c \notin m0; without
\* SFB_CPUPRIVATE every other CPU not in m0 (smp_masked_invlpg).
Inval(m0, c, f) == IF "PRIV" \in f THEN {c} \ m0 ELSE CPUs \ m0
InvalTLB(b, S) == [cc \in CPUs |-> IF cc \in S THEN [tlb[cc] EXCEPT ![b] = None]
                                               ELSE tlb[cc]]

\* t obtains one more reference to b, asked for page p with flags f
GrantRef(t, b, p, f) ==
    /\ holds' = [holds EXCEPT ![t][b] = @ + 1]
    /\ asked' = [asked EXCEPT ![t][b] = IF holds[t][b] = 0 THEN p ELSE @]
    /\ privcpu' = [privcpu EXCEPT ![t][b] =
                      IF ~Private(f) THEN None
                      ELSE IF holds[t][b] = 0 THEN cpu[t] ELSE @]

-----------------------------------------------------------------------------
(* How a step inside sf_buf_alloc's critical section ends.  Each of these *)
(* sets exactly lock, pc, req, fl, cur, opte, pend, tgt, mask, holds,      *)
(* asked and privcpu.                                                      *)

\* sf_buf_alloc returns b: cpumask of b becomes m, mtx_unlock(&sf_buf_lock),
\* the caller holds its reference from now on.
Finish(t, b, p, f, m) ==
    /\ lock' = None
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ req' = [req EXCEPT ![t] = None]
    /\ fl' = [fl EXCEPT ![t] = {}]
    /\ cur' = [cur EXCEPT ![t] = None]
    /\ opte' = [opte EXCEPT ![t] = NoPte]
    /\ pend' = [pend EXCEPT ![t] = FALSE]
    /\ tgt' = [tgt EXCEPT ![t] = {}]
    /\ mask' = [mask EXCEPT ![b] = m]
    /\ GrantRef(t, b, p, f)

\* t stays inside the critical section (holding sf_buf_lock), next at pc q,
\* with cpumask m and the locals o (opte), pd (pend), T (tgt).
Stay(t, b, p, f, q, m, o, pd, T) ==
    /\ lock' = t
    /\ pc' = [pc EXCEPT ![t] = q]
    /\ req' = [req EXCEPT ![t] = p]
    /\ fl' = [fl EXCEPT ![t] = f]
    /\ cur' = [cur EXCEPT ![t] = b]
    /\ opte' = [opte EXCEPT ![t] = o]
    /\ pend' = [pend EXCEPT ![t] = pd]
    /\ tgt' = [tgt EXCEPT ![t] = T]
    /\ mask' = [mask EXCEPT ![b] = m]
    /\ UNCHANGED <<holds, asked, privcpu>>

\* End of SHOOTDOWN (or of the UP invalidation): sf_buf_alloc returns, or,
\* when the PTE store is still to come (InvalBeforeStore), goes on to it.
Done(t, b, p, f, m, pd) ==
    IF pd THEN Stay(t, b, p, f, "map_store", m, NoPte, TRUE, {})
    ELSE Finish(t, b, p, f, m)

\* SHOOTDOWN's second half (S2 label shootdown; S5 sf_buf_shootdown):
\* without SFB_CPUPRIVATE, other_cpus = all CPUs but curcpu and cpumask; if
\* any: cpumask |= other_cpus, then smp_masked_invlpg(other_cpus) (the IPI
\* send is the next step).
ShootOthers(t, b, p, f, m, pd) ==
    LET others == IF Private(f) THEN {} ELSE CPUs \ (m \cup {cpu[t]})
    IN IF others /= {} THEN Stay(t, b, p, f, "sd_ipi", m \cup others, NoPte, pd, others)
       ELSE Done(t, b, p, f, m, pd)

\* SHOOTDOWN (S2 label shootdown, S5 sf_buf_shootdown) with cpumask m: if
\* curcpu is not in it, cpumask |= curcpu (the local invlpg is the next
\* step); else the other CPUs.  (sched_pin: t does not migrate in here.)
Shootdown(t, b, p, f, m, pd) ==
    IF cpu[t] \notin m THEN Stay(t, b, p, f, "sd_local", m \cup {cpu[t]}, NoPte, pd, {})
    ELSE ShootOthers(t, b, p, f, m, pd)

\* sf_buf_map after the new PTE is stored, o = the PTE value tested: SMP
\* (S2): if o was valid and accessed, cpumask = 0 (the PG_A rule), then
\* SHOOTDOWN; UP (S2 #else): the local invalidation if o was valid and
\* accessed.
AfterStore(t, b, p, f, o) ==
    IF SMP THEN Shootdown(t, b, p, f, IF ResetRule(o) THEN {} ELSE mask[b], FALSE)
    ELSE IF ResetRule(o) THEN Stay(t, b, p, f, "up_inval", mask[b], NoPte, FALSE, {})
    ELSE Finish(t, b, p, f, mask[b])

\* Mutation InvalBeforeStore: the PG_A rule and SHOOTDOWN (or the UP
\* invalidation) run after the load of the old PTE and BEFORE the new one
\* is stored (with PteXchg by pte_load_store, whose result comes too late
\* for the test and is ignored: the same step as a plain store).
BeforeStore(t, b, p, f, o) ==
    IF SMP THEN Shootdown(t, b, p, f, IF ResetRule(o) THEN {} ELSE mask[b], TRUE)
    ELSE IF ResetRule(o) THEN Stay(t, b, p, f, "up_inval", mask[b], NoPte, TRUE, {})
    ELSE Stay(t, b, p, f, "map_store", mask[b], NoPte, TRUE, {})

\* The coarse view (LockAtomic) of sf_buf_map: the whole remap, PG_A rule
\* and SHOOTDOWN in one step, every target invalidated at once.
MapCoarse(t, b, p, f) ==
    LET reset == IF Bug = "PGATestNew" THEN FALSE       \* the new PTE has PG_A clear
                 ELSE ResetRule(PteVal(b))
        m0    == IF SMP /\ reset THEN {} ELSE mask[b]
        S     == CASE SMP    -> Inval(m0, cpu[t], f)
                   [] Qenter -> {cpu[t]}
                   [] OTHER  -> IF reset THEN {cpu[t]} ELSE {}
    IN /\ pte' = [pte EXCEPT ![b] = p]
       /\ pteA' = [pteA EXCEPT ![b] = FALSE]
       /\ tlb' = InvalTLB(b, S)
       /\ Finish(t, b, p, f, IF SMP THEN m0 \cup S ELSE mask[b])

\* DragonFly 2004 miss (S8 sf_buf_alloc v1.10, after rehash and refcnt = 1):
\* SFBA_QUICK: pmap_kenter_quick (i386 pmap.c v1.40: PTE store, then invlpg on
\* curcpu), cpumask = curcpu; else pmap_kenter (PTE store, then invlpg on
\* every CPU through pmap_inval), cpumask = all.  This step is the PTE store
\* (PG_A clear); the invalidations follow as SHOOTDOWN's steps from an empty
\* mask: sd_local, then without QUICK the IPIs (sd_ipi, sd_wait).  S8 writes
\* cpumask once after pmap_kenter*; here it grows with the invalidations as
\* SHOOTDOWN writes it (the same value at the unlock; no other software reads
\* it in between: crit_enter and the MP lock).  pmap_inval's interlock (the
\* targets spin in their IPI handler from before the store until they
\* invalidate) stops only their software, which holds no reference to b.
DflyKenter(t, b, p, f) ==
    /\ pte' = [pte EXCEPT ![b] = p]
    /\ pteA' = [pteA EXCEPT ![b] = FALSE]
    /\ tlb' = tlb
    /\ Shootdown(t, b, p, f, {}, FALSE)

\* sf_buf_map's first hardware step on buffer b for page p (the rest of the
\* critical section's software work before it is in the caller's step):
\*  - pmap_qenter (rev 1.219/1.220, DragonFly 2003): store the new PTE;
\*  - PteXchg: pte_load_store, then the PG_A rule and SHOOTDOWN's software;
\*  - PGATestNew: store the new PTE (the load for the PG_A test follows);
\*  - shipped (S2, S4, S5) and InvalBeforeStore (also with PteXchg): load
\*    the old PTE (plain).
\* The new PTE maps p with PG_A clear (VM_PAGE_TO_PHYS(m) | PG_RW | PG_V).
MapFirst(t, b, p, f) ==
    IF LockAtomic THEN MapCoarse(t, b, p, f)
    ELSE IF Dfly2004 THEN DflyKenter(t, b, p, f)
    ELSE IF Qenter \/ (PteXchg /\ Bug /= "InvalBeforeStore") \/ Bug = "PGATestNew"
    THEN /\ pte' = [pte EXCEPT ![b] = p]
         /\ pteA' = [pteA EXCEPT ![b] = FALSE]
         /\ tlb' = tlb
         /\ CASE Qenter -> Stay(t, b, p, f, "up_inval", mask[b], NoPte, FALSE, {})
              [] PteXchg -> AfterStore(t, b, p, f, PteVal(b))
              [] OTHER   -> Stay(t, b, p, f, "map_load", mask[b], NoPte, FALSE, {})
    ELSE /\ UNCHANGED <<pte, pteA, tlb>>
         /\ IF Bug = "InvalBeforeStore" THEN BeforeStore(t, b, p, f, PteVal(b))
            ELSE Stay(t, b, p, f, "map_store", mask[b], PteVal(b), TRUE, {})

\* Miss path after the while loop (S1; S2 inline; S6): take the head of the
\* free list, unhash the old page, hash under p, ref_count := 1, used++,
\* peak, then sf_buf_map's first hardware step.
MissBody(t, p, f) ==
    LET i == IF Dfly2004 THEN FreeIdx ELSE 1     \* S8: skip referenced entries
        b == freeq[i]
    IN /\ freeq' = SubSeq(freeq, i + 1, Len(freeq))
       /\ bm' = [bm EXCEPT ![b] = p]
       /\ ref' = [ref EXCEPT ![b] = 1]
       /\ used' = IF Dfly2004 THEN used ELSE used + 1   \* S8 keeps no counters
       /\ peak' = IF Dfly2004 THEN peak ELSE Max(peak, used + 1)
       /\ MapFirst(t, b, p, f)

\* A hit's SHOOTDOWN (S2 "goto shootdown") with cpumask m: its first
\* hardware step joins the hit's step (no hardware step precedes it in the
\* critical section): the local invlpg if curcpu is not in cpumask (after
\* cpumask |= curcpu; the other CPUs follow), else the IPI send to the
\* other CPUs not in cpumask (after cpumask |= other_cpus).
HitShootdown(t, b, p, f, m) ==
    LET others == IF Private(f) THEN {} ELSE CPUs \ (m \cup {cpu[t]})
    IN IF cpu[t] \notin m
       THEN /\ tlb' = [tlb EXCEPT ![cpu[t]][b] = None]
            /\ ipi' = ipi
            /\ ShootOthers(t, b, p, f, m \cup {cpu[t]}, FALSE)
       ELSE IF others /= {}
       THEN /\ tlb' = tlb
            /\ ipi' = [c \in CPUs |-> IF c \in others THEN ipi[c] \cup {b} ELSE ipi[c]]
            /\ Stay(t, b, p, f, "sd_wait", m \cup others, NoPte, FALSE, others)
       ELSE tlb' = tlb /\ ipi' = ipi /\ Finish(t, b, p, f, m)

\* DragonFly 2004 hit (S8 sf_buf_alloc v1.10): refcnt++ (in HitBody), then
\* SFBA_QUICK: if curcpu is not in cpumask, pmap_kenter_sync_quick (invlpg on
\* curcpu) and cpumask |= curcpu; otherwise, if cpumask is not all ones,
\* pmap_kenter_sync (invlpg on every CPU: curcpu in this step, then the IPIs)
\* and cpumask = all.  All ones = CPUs here: a mask completed by QUICK hits
\* skips the global sync the kernel would still do ((cpumask_t)-1 has bits of
\* absent CPUs); that only keeps more TLB entries, so a pass stays a pass.
DflyHitSync(t, b, p, f) ==
    IF "QUICK" \in f THEN HitShootdown(t, b, p, f, mask[b])
    ELSE IF mask[b] /= CPUs THEN HitShootdown(t, b, p, f, {})
    ELSE tlb' = tlb /\ ipi' = ipi /\ Finish(t, b, p, f, mask[b])

\* Hash-hit body (S1 @07a217d2; S2 inline; S6 v1.21; rev 1.220):
\* ref_count++; if it was idle (0 -> 1) TAILQ_REMOVE from the free list,
\* used++, peak; [SMP] goto shootdown.
HitBody(t, b, p, f) ==
    \* S8: the 0 -> 1 transition leaves the buffer on the queue, uncounted
    LET revive == ref[b] = 0 /\ ~Dfly2004
    IN /\ ref' = [ref EXCEPT ![b] = @ + 1]
       /\ freeq' = IF revive /\ Bug /= "HitKeepsOnFreeList"
                   THEN Remove(freeq, b) ELSE freeq
       /\ used' = IF revive THEN used + 1 ELSE used
       /\ peak' = Max(peak, used')
       /\ IF Dfly2004 THEN DflyHitSync(t, b, p, f)
          ELSE IF SMP /\ Bug /= "HitSkipsShootdown"
          THEN IF LockAtomic
               THEN LET S == Inval(mask[b], cpu[t], f)
                    IN tlb' = InvalTLB(b, S) /\ ipi' = ipi /\ Finish(t, b, p, f, mask[b] \cup S)
               ELSE HitShootdown(t, b, p, f, mask[b])
          ELSE tlb' = tlb /\ ipi' = ipi /\ Finish(t, b, p, f, mask[b])

-----------------------------------------------------------------------------
(* Actions: entering sf_buf_lock's critical sections *)

\* sf_buf_alloc(m, flags), hash hit: mtx_lock, LIST_FOREACH finds sf, then
\* HitBody up to its first hardware step (S1 @07a217d2, S2, S6, rev
\* 1.219/1.220).  Never sleeps.  (Several buffers can map m after
\* DupAfterSleep; LIST_FOREACH finds one of them: a nondeterministic choice.)
\* DragonFly 2004: S8 kern_sfbuf.c v1.10 sf_buf_alloc's hit (HitBody, DflyHitSync).
AllocHit(t, p, f) ==
    /\ CanAlloc(t, p, f)
    /\ \E b \in Bufs : bm[b] = p /\ HitBody(t, b, p, f)
    /\ UNCHANGED <<bm, want, sleepVars, cpu, pinned, pte, pteA, wire, seen>>

\* sf_buf_alloc(m, flags), miss with a non-empty free list (S1 @07a217d2;
\* S2; rev 1.219/1.220; S6): MissBody up to sf_buf_map's first hardware step.
\* DragonFly 2004: S8 v1.10 sf_buf_alloc's miss loop: the referenced entries
\* before the first unreferenced one are popped and dropped (MissBody).
AllocMiss(t, p, f) ==
    /\ CanAlloc(t, p, f)
    /\ ~Mapped(p)
    /\ CanTake
    /\ MissBody(t, p, f)
    /\ UNCHANGED <<want, sleepVars, cpu, pinned, ipi, wire, seen>>

\* sf_buf_alloc(m, SFB_NOWAIT), miss, empty free list: return NULL
\* (S1 @07a217d2, S2; FreeBSD >= 2004).
AllocNoWait(t, p, f) ==
    /\ CanAlloc(t, p, f)
    /\ "NOWAIT" \in f
    /\ ~Mapped(p)
    /\ freeq = <<>>
    /\ pc' = [pc EXCEPT ![t] = AfterNull(t)]
    /\ req' = [req EXCEPT ![t] = IF AfterNull(t) = "idle" THEN None ELSE @]
    /\ UNCHANGED <<sfVars, sleepVars, csVars, fl, holds, cpu, pinned, hwVars, wire,
                   ghostVars>>

\* sf_buf_alloc(m, flags), miss, empty free list, first sleep: want++,
\* (sf_allocwait++), msleep(&sf_buf_freelist, &sf_buf_lock, PVM [|PCATCH])
\* releases the lock and joins the sleep queue atomically
\* (S1 @07a217d2; S2; S6 tsleep(PCATCH) under splimp).
\* DragonFly 2004: S8 v1.10: the loop pops every (referenced) entry, then
\* ++want and tsleep(&sf_buf_freelist, PCATCH iff SFBA_PCATCH).
SleepEnter(t, p, f) ==
    /\ CanAlloc(t, p, f)
    /\ "NOWAIT" \notin f
    /\ ~Mapped(p)
    /\ ~CanTake
    /\ freeq' = <<>>     \* S8: the referenced entries are popped and dropped
    /\ want' = want + 1
    /\ sleepq' = sleepq \cup {t}
    /\ pc' = [pc EXCEPT ![t] = "msleep"]
    /\ req' = [req EXCEPT ![t] = p]
    /\ fl' = [fl EXCEPT ![t] = f]
    /\ UNCHANGED <<bm, ref, used, peak, woken, sigpend, csVars, holds, cpu,
                   pinned, hwVars, wire, ghostVars>>

\* Return from msleep with EINTR/ERESTART (PCATCH and a signal, possibly
\* racing with a wakeup that chose t): re-take the lock, want--, "if we got
\* a signal, don't risk going back to sleep": return NULL (S1 @07a217d2; S2;
\* S6).
SleepExitSignal(t) ==
    /\ lock = None
    /\ t \in woken
    /\ sigpend[t]
    /\ want' = want - 1
    /\ woken' = woken \ {t}
    /\ sigpend' = [sigpend EXCEPT ![t] = FALSE]
    /\ pc' = [pc EXCEPT ![t] = AfterNull(t)]
    /\ req' = [req EXCEPT ![t] = IF AfterNull(t) = "idle" THEN None ELSE @]
    /\ fl' = [fl EXCEPT ![t] = {}]
    /\ UNCHANGED <<bm, ref, freeq, used, peak, sleepq, csVars, holds, cpu, pinned,
                   hwVars, wire, ghostVars>>

\* Return from msleep without error, free list still empty: want--, the
\* while condition holds again, want++, msleep again (S1 @07a217d2; S6).
\* DragonFly 2004: S8 v1.10: --want, no error: loop (pop the referenced
\* entries, ++want, tsleep again).
SleepExitRetry(t) ==
    /\ lock = None
    /\ t \in woken
    /\ ~sigpend[t]
    /\ ~CanTake
    /\ RelookupAfterSleep => ~Mapped(req[t])
    /\ woken' = woken \ {t}
    /\ sleepq' = sleepq \cup {t}
    /\ freeq' = <<>>     \* S8: the referenced entries are popped and dropped
    /\ UNCHANGED <<bm, ref, want, used, peak, sigpend, csVars, thrVars, hwVars, wire,
                   ghostVars>>

\* Return from msleep without error, free list non-empty: want--, leave the
\* loop and take the head (MissBody).  NOTE (read in S1, S2 and S6): the
\* hash is NOT searched again after sleeping, so a buffer may be taken for
\* a page another thread mapped meanwhile (see SF1 / model DupAfterSleep).
\* DragonFly 2004: S8 v1.10: --want, the loop finds an unreferenced entry;
\* no hash re-lookup either (model DragonFly2004Dup).
SleepExitTake(t) ==
    /\ lock = None
    /\ t \in woken
    /\ ~sigpend[t]
    /\ CanTake
    /\ RelookupAfterSleep => ~Mapped(req[t])
    /\ want' = want - 1
    /\ woken' = woken \ {t}
    /\ MissBody(t, req[t], fl[t])
    /\ UNCHANGED <<sleepq, sigpend, cpu, pinned, ipi, wire, seen>>

\* Hypothetical fix (RelookupAfterSleep): after a wakeup without error,
\* search the hash again ("goto retry"); on a hit take it (HitBody).
SleepExitHit(t) ==
    /\ lock = None
    /\ RelookupAfterSleep
    /\ t \in woken
    /\ ~sigpend[t]
    /\ \E b \in Bufs : bm[b] = req[t] /\ HitBody(t, b, req[t], fl[t])
    /\ want' = want - 1
    /\ woken' = woken \ {t}
    /\ UNCHANGED <<bm, sleepq, sigpend, cpu, pinned, pte, pteA, wire, seen>>

\* the msleep return that obtains an sf_buf
SleepExitGet(t) == SleepExitTake(t) \/ SleepExitHit(t)

SleepExit(t) == SleepExitSignal(t) \/ SleepExitRetry(t) \/ SleepExitGet(t)

-----------------------------------------------------------------------------
(* Actions: the hardware steps inside sf_buf_alloc's critical section     *)
(* (lock = t).  Each names its line of S2 (i386 vm_machdep.c @010e6820,    *)
(* sf_buf_alloc) or the pmap function.                                     *)

InCS(t, q) == pc[t] = q /\ lock = t

\* sf_buf_map (S2 "*ptep = VM_PAGE_TO_PHYS(m) | pgeflag | PG_RW | PG_V"):
\* the plain store of the new PTE (PG_A clear), then the PG_A rule on the
\* loaded opte and SHOOTDOWN's software (SMP) or the decision to invalidate
\* (UP).  InvalBeforeStore: the store (with PteXchg an exchange whose result
\* is ignored) is the last step; sf_buf_alloc returns.
MapStore(t) ==
    LET b == cur[t]
    IN /\ InCS(t, "map_store")
       /\ pte' = [pte EXCEPT ![b] = req[t]]
       /\ pteA' = [pteA EXCEPT ![b] = FALSE]
       /\ IF Bug = "InvalBeforeStore" THEN Finish(t, b, req[t], fl[t], mask[b])
          ELSE AfterStore(t, b, req[t], fl[t], opte[t])
       /\ UNCHANGED <<sfVars, sleepVars, cpu, pinned, tlb, ipi, wire, seen>>

\* Mutation PGATestNew: the PTE is loaded for the PG_A test after the new
\* one was stored ("*ptep = new; opte = *ptep"): the test sees the new PTE.
MapLoad(t) ==
    /\ InCS(t, "map_load")
    /\ AfterStore(t, cur[t], req[t], fl[t], PteVal(cur[t]))
    /\ UNCHANGED <<sfVars, sleepVars, cpu, pinned, pte, pteA, tlb, ipi, wire, seen>>

\* UP: invlpg on the only CPU: pmap_invalidate_page (S2 #else, old PTE
\* valid and accessed) or pmap_qenter's invalidation (rev 1.219/1.220, S6).
UpInval(t) ==
    LET b == cur[t]
    IN /\ InCS(t, "up_inval")
       /\ tlb' = [tlb EXCEPT ![cpu[t]][b] = None]
       /\ Done(t, b, req[t], fl[t], mask[b], pend[t])
       /\ UNCHANGED <<sfVars, sleepVars, cpu, pinned, pte, pteA, ipi, wire, seen>>

\* SHOOTDOWN (S2): "invlpg(sf->kva)" on curcpu, then other_cpus.
ShootLocal(t) ==
    LET b == cur[t]
    IN /\ InCS(t, "sd_local")
       /\ tlb' = [tlb EXCEPT ![cpu[t]][b] = None]
       /\ ShootOthers(t, b, req[t], fl[t], mask[b], pend[t])
       /\ UNCHANGED <<sfVars, sleepVars, cpu, pinned, pte, pteA, ipi, wire, seen>>

\* SHOOTDOWN (S2): smp_masked_invlpg(other_cpus, sf->kva), first half: the
\* invalidation IPI is sent to every target.
ShootIPI(t) ==
    LET b == cur[t]
    IN /\ InCS(t, "sd_ipi")
       /\ ipi' = [c \in CPUs |-> IF c \in tgt[t] THEN ipi[c] \cup {b} ELSE ipi[c]]
       /\ Stay(t, b, req[t], fl[t], "sd_wait", mask[b], NoPte, pend[t], tgt[t])
       /\ UNCHANGED <<sfVars, sleepVars, cpu, pinned, pte, pteA, tlb, wire, seen>>

\* SHOOTDOWN (S2): smp_masked_invlpg's second half: it returns once every
\* target has acknowledged (enabled only then); then sf_buf_alloc returns.
ShootWait(t) ==
    LET b == cur[t]
    IN /\ InCS(t, "sd_wait")
       /\ \A c \in tgt[t] : b \notin ipi[c]
       /\ Done(t, b, req[t], fl[t], mask[b], pend[t])
       /\ UNCHANGED <<sfVars, sleepVars, cpu, pinned, pte, pteA, tlb, ipi, wire, seen>>

\* Hardware: CPU c handles the invalidation IPI for sf->kva of b: invlpg,
\* then it acknowledges (smp_masked_invlpg's handler).
IPIAck(c, b) ==
    /\ b \in ipi[c]
    /\ tlb' = [tlb EXCEPT ![c][b] = None]
    /\ ipi' = [ipi EXCEPT ![c] = @ \ {b}]
    /\ UNCHANGED <<sfVars, sleepVars, csVars, thrVars, pte, pteA, mask, wire, ghostVars>>

-----------------------------------------------------------------------------
(* Actions: free, ref, page, and the client *)

\* Possible wakeup sets of a free that dropped ref_count to 0.
WakeChoices(last) ==
    IF ~last \/ want = 0 \/ sleepq = {} THEN {{}}
    ELSE IF WakeOneEff THEN {{s} : s \in sleepq}   \* wakeup_one (S2,S3,S6)
    ELSE {sleepq}                                  \* wakeup (S1,S4)

Wake(last) == \E W \in WakeChoices(last) : /\ sleepq' = sleepq \ W
                                          /\ woken' = woken \cup W

\* sf_buf_free(sf) (S1 @07a217d2; S2; rev 1.219/1.220; S6 v1.21): mtx_lock,
\* ref_count--; at 0: TAILQ_INSERT_TAIL, used--, [rev 1.219: unhash, m :=
\* NULL, pmap_qremove: the PTE store now, its invalidation next (FreeInval)]
\* [S6 UnwireAtZero: vm_page_unwire(m) under splvm], and if want > 0
\* wakeup / wakeup_one(&sf_buf_freelist), mtx_unlock.  The caller's
\* reference is gone when ref_count is decremented.  With UnwirePerFree
\* (FreeBSD 2004 sf_buf_mext) the free comes after MextPage (pc "mext") and
\* the caller unwires the page sf_buf_page returned afterwards (Unwire).
\* DragonFly 2004: S8 v1.10 sf_buf_free: --refcnt; at 0 and not SFBA_ONFREEQ:
\* append, set the flag, wakeup_one if want > 0; at 0 and still queued: nothing.
Free(t, b) ==
    /\ lock = None
    /\ IF Wiring = "UnwirePerFree" THEN pc[t] = "mext" /\ cur[t] = b
                                  ELSE pc[t] = "idle"
    /\ holds[t][b] > 0
    /\ LET last  == ref[b] = 1
           p     == bm[b]
           gone  == holds[t][b] = 1
           unmap == last /\ ~KeepMapping
           \* S8: a buffer still on the queue (SFBA_ONFREEQ) is not queued
           \* again and wakes nobody
           enq   == last /\ ~(Dfly2004 /\ b \in Range(freeq))
       IN /\ ref' = [ref EXCEPT ![b] = @ - 1]
          /\ holds' = [holds EXCEPT ![t][b] = @ - 1]
          /\ asked' = IF gone THEN [asked EXCEPT ![t][b] = None] ELSE asked
          /\ privcpu' = IF gone THEN [privcpu EXCEPT ![t][b] = None] ELSE privcpu
          /\ seen' = IF gone THEN [seen EXCEPT ![t][b] = None] ELSE seen
          /\ freeq' = IF enq THEN Append(freeq, b) ELSE freeq
          /\ used' = IF last /\ ~Dfly2004 THEN used - 1 ELSE used
          /\ bm' = IF unmap THEN [bm EXCEPT ![b] = None] ELSE bm
          /\ pte' = IF unmap THEN [pte EXCEPT ![b] = None] ELSE pte
          /\ pteA' = IF unmap THEN [pteA EXCEPT ![b] = FALSE] ELSE pteA
          /\ wire' = IF last /\ Wiring = "UnwireAtZero"
                     THEN [wire EXCEPT ![p] = @ - 1] ELSE wire
          /\ IF unmap /\ ~LockAtomic
             THEN /\ lock' = t
                  /\ pc' = [pc EXCEPT ![t] = "free_inval"]
                  /\ cur' = [cur EXCEPT ![t] = b]
                  /\ UNCHANGED <<sleepq, woken, tlb, req>>
             ELSE /\ lock' = None
                  /\ tlb' = IF unmap THEN [tlb EXCEPT ![cpu[t]][b] = None] ELSE tlb
                  /\ Wake(enq)
                  /\ pc' = [pc EXCEPT ![t] = IF Wiring = "UnwirePerFree" THEN "unwire" ELSE "idle"]
                  /\ cur' = [cur EXCEPT ![t] = None]
                  \* UnwirePerFree: req[t] keeps the page sf_buf_page returned
                  /\ req' = [req EXCEPT ![t] = IF Wiring = "UnwirePerFree" THEN @ ELSE None]
    /\ UNCHANGED <<want, peak, sigpend, fl, opte, pend, tgt, cpu, pinned, mask, ipi>>

\* rev 1.219 sf_buf_free, second half: pmap_qremove's invalidation of
\* sf->kva (UP: invlpg), then the wakeup and mtx_unlock.
FreeInval(t) ==
    /\ InCS(t, "free_inval")
    /\ tlb' = [tlb EXCEPT ![cpu[t]][cur[t]] = None]
    /\ Wake(TRUE)
    /\ lock' = None
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ cur' = [cur EXCEPT ![t] = None]
    /\ UNCHANGED <<sfVars, sigpend, req, fl, opte, pend, tgt, holds, cpu, pinned,
                   pte, pteA, mask, ipi, wire, ghostVars>>

FreeAny(t) == \E b \in Bufs : Free(t, b)

\* sf_buf_mext(addr, args) (FreeBSD 2004 S10 a2e820d27b; brief 1.2 item 6):
\* m = sf_buf_page(sf) (sf->m; read under sf_buf_lock here, see the Java
\* side), then sf_buf_free(sf) (Free), then vm_page_unwire(m) (Unwire).
MextPage(t, b) ==
    /\ Wiring = "UnwirePerFree"
    /\ lock = None
    /\ pc[t] = "idle"
    /\ holds[t][b] > 0
    /\ pc' = [pc EXCEPT ![t] = "mext"]
    /\ cur' = [cur EXCEPT ![t] = b]
    /\ req' = [req EXCEPT ![t] = bm[b]]
    /\ UNCHANGED <<sfVars, sleepVars, lock, opte, pend, tgt, fl, holds, cpu, pinned,
                   hwVars, wire, ghostVars>>

\* sf_buf_ref(sf) (S1 @07a217d2; S6 ext_ref on mbuf copy): assert
\* ref_count > 0; ref_count++ (no shootdown).  Not used with a wiring
\* protocol (the wiring balance counts sendfile iterations only).
Ref(t, b) ==
    /\ Wiring = "None"
    /\ lock = None
    /\ pc[t] = "idle"
    /\ holds[t][b] > 0
    /\ TotalHeld(t) < MaxHeld
    /\ ref' = [ref EXCEPT ![b] = @ + 1]
    /\ holds' = [holds EXCEPT ![t][b] = @ + 1]
    /\ UNCHANGED <<bm, freeq, want, used, peak, sleepVars, csVars, pc, req, fl, cpu,
                   pinned, hwVars, wire, ghostVars>>

\* A holder reads through sf->kva on its current CPU: hit in the TLB, else a
\* page-table walk that fills the TLB and sets PG_A (x86).  The observed
\* page goes to the ghost seen[t][b].  TLB models only: without TLBs a read
\* returns pte[b], so NoStaleRead is implied by StablePTE and Access would
\* only multiply the state space.
Access(t, b) ==
    /\ TLB
    /\ pc[t] = "idle"
    /\ holds[t][b] > 0
    /\ LET c    == cpu[t]
           hitT == tlb[c][b] /= None
           got  == IF hitT THEN tlb[c][b]
                   ELSE IF pte[b] /= None THEN pte[b] ELSE "fault"
           fill == ~hitT /\ pte[b] /= None
       IN /\ seen' = [seen EXCEPT ![t][b] = got]
          /\ tlb' = IF fill THEN [tlb EXCEPT ![c][b] = pte[b]] ELSE tlb
          /\ pteA' = IF fill THEN [pteA EXCEPT ![b] = TRUE] ELSE pteA
    /\ UNCHANGED <<sfVars, sleepVars, csVars, thrVars, pte, mask, ipi, wire, asked, privcpu>>

\* Hardware: a (possibly speculative) page walk on a TLB miss for sf->kva,
\* any time the PTE is valid, whoever holds sf_buf_lock; sets PG_A with
\* the walker's own atomic update of the PTE.
TLBFill(c, b) ==
    /\ TLB
    /\ pte[b] /= None
    /\ tlb[c][b] = None
    /\ tlb' = [tlb EXCEPT ![c][b] = pte[b]]
    /\ pteA' = [pteA EXCEPT ![b] = TRUE]
    /\ UNCHANGED <<sfVars, sleepVars, csVars, thrVars, pte, mask, ipi, wire, ghostVars>>

\* Hardware: TLB entry replaced.
TLBEvict(c, b) ==
    /\ TLB
    /\ tlb[c][b] /= None
    /\ tlb' = [tlb EXCEPT ![c][b] = None]
    /\ UNCHANGED <<sfVars, sleepVars, csVars, thrVars, pte, pteA, mask, ipi, wire, ghostVars>>

\* sched_pin() by an idle thread (callers of SFB_CPUPRIVATE, e.g. exec args).
Pin(t) ==
    /\ SMP
    /\ \E f \in FlagChoices : "PRIV" \in f   \* only SFB_CPUPRIVATE callers pin
    /\ ~Dfly2004     \* DragonFly: no sched_pin (LWKT threads stay on their CPU)
    /\ pc[t] = "idle"
    /\ ~pinned[t]
    /\ pinned' = [pinned EXCEPT ![t] = TRUE]
    /\ UNCHANGED <<sfVars, sleepVars, csVars, pc, req, fl, holds, cpu, hwVars, wire,
                   ghostVars>>

\* sched_unpin().  Caller discipline (sf_buf(9)): a thread keeps itself
\* pinned while it holds sf_bufs (simplification: all references, not only
\* CPUPRIVATE ones).  Bug PrivateUnpinned drops the discipline.
Unpin(t) ==
    /\ SMP
    /\ ~Dfly2004
    /\ pc[t] = "idle"
    /\ pinned[t]
    /\ PinDiscipline => TotalHeld(t) = 0
    /\ pinned' = [pinned EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<sfVars, sleepVars, csVars, pc, req, fl, holds, cpu, hwVars, wire,
                   ghostVars>>

\* Environment: the scheduler moves an unpinned thread to another CPU
\* (between operations: SHOOTDOWN runs under sched_pin).
Migrate(t) ==
    /\ SMP
    /\ pc[t] = "idle"
    /\ ~pinned[t]
    \* DragonFly 2004: the LWKT guarantee (a thread is not migrated
    \* involuntarily) keeps a SFBA_QUICK user on its CPU until it frees (kern_xio
    \* allocates, copies and frees in one call); it may move when it holds no
    \* QUICK-only reference.  Bug QuickMigrate drops the guarantee.
    /\ Dfly2004 /\ Bug /= "QuickMigrate" => \A b \in Bufs : privcpu[t][b] = None
    /\ \E c \in CPUs \ {cpu[t]} : cpu' = [cpu EXCEPT ![t] = c]
    /\ UNCHANGED <<sfVars, sleepVars, csVars, pc, req, fl, holds, pinned, hwVars,
                   wire, ghostVars>>

\* Environment: signal delivery to a thread sleeping interruptibly
\* (sleepq_abort / DragonFly tsleep with PCATCH).  A sleeper is made
\* runnable; a thread already chosen by wakeup_one keeps running but its
\* msleep now returns an error (the race of brief 1.7 item 1).
Signal(t) ==
    /\ UseSignals
    /\ pc[t] = "msleep"
    /\ Catches(fl[t])
    /\ ~sigpend[t]
    /\ sigpend' = [sigpend EXCEPT ![t] = TRUE]
    /\ sleepq' = sleepq \ {t}
    /\ woken' = woken \cup {t}
    /\ UNCHANGED <<sfVars, csVars, thrVars, hwVars, wire, ghostVars>>

\* kern_sendfile (S6 v1.21): vm_page_wire(pg) on every iteration before
\* sf_buf_alloc(pg).  (FreeBSD 2004: same, before sf_buf_alloc.)
SendfileWire(t, p) ==
    /\ Wiring /= "None"
    /\ pc[t] = "idle"
    /\ TotalHeld(t) < MaxHeld
    /\ wire' = [wire EXCEPT ![p] = @ + 1]
    /\ pc' = [pc EXCEPT ![t] = "wired"]
    /\ req' = [req EXCEPT ![t] = p]
    /\ UNCHANGED <<sfVars, sleepVars, csVars, fl, holds, cpu, pinned, hwVars, ghostVars>>

\* vm_page_unwire(pg) by the caller: kern_sendfile after sf_buf_alloc
\* returned NULL (S6), or sf_buf_mext after sf_buf_free (FreeBSD 2004).
Unwire(t) ==
    /\ pc[t] = "unwire"
    /\ wire' = [wire EXCEPT ![req[t]] = @ - 1]
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ req' = [req EXCEPT ![t] = None]
    /\ UNCHANGED <<sfVars, sleepVars, csVars, fl, holds, cpu, pinned, hwVars, ghostVars>>

-----------------------------------------------------------------------------
\* t's steps inside a critical section it holds
CSStep(t) == MapStore(t) \/ MapLoad(t) \/ UpInval(t) \/ ShootLocal(t)
             \/ ShootIPI(t) \/ ShootWait(t) \/ FreeInval(t)

ThreadStep(t) ==
    \/ \E p \in Pages, f \in FlagChoices :
          \/ AllocHit(t, p, f) \/ AllocMiss(t, p, f)
          \/ AllocNoWait(t, p, f) \/ SleepEnter(t, p, f)
    \/ SleepExitSignal(t) \/ SleepExitRetry(t) \/ SleepExitTake(t)
    \/ SleepExitHit(t)
    \/ CSStep(t)
    \/ \E b \in Bufs : Free(t, b) \/ MextPage(t, b) \/ Ref(t, b) \/ Access(t, b)
    \/ Pin(t) \/ Unpin(t)
    \/ \E p \in Pages : SendfileWire(t, p)
    \/ Unwire(t)

EnvStep ==
    \/ \E t \in Threads : Signal(t) \/ Migrate(t)
    \/ \E c \in CPUs, b \in Bufs : TLBFill(c, b) \/ TLBEvict(c, b) \/ IPIAck(c, b)

Next == (\E t \in Threads : ThreadStep(t)) \/ EnvStep

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Fairness (used by LiveSpec, i.e. by NoLostWakeup and AllocProgress):    *)
(*  - SF on Progress(t), the steps that move thread t on and take          *)
(*    sf_buf_lock (or need another thread's free, which takes it):         *)
(*     . SleepExit(t): a runnable (woken) thread eventually re-takes the   *)
(*       lock and runs;                                                    *)
(*     . FreeAny(t), MextPage: a holder eventually releases (sendfile: the *)
(*       network eventually acknowledges; brief 1.7 item 7);               *)
(*     . WakeUp(t): a sleeper is not skipped forever by the frees that     *)
(*       could wake it (wakeup_one: FreeBSD sleepq_signal picks the        *)
(*       longest sleeper among equal priorities; and the holders do not    *)
(*       hand a buffer on among themselves forever while t sleeps).        *)
(*    Strong, not weak: a critical section is several steps (lock = holder *)
(*    between them), so these steps are enabled only intermittently; a     *)
(*    thread waiting for a lock released infinitely often gets it          *)
(*    (mtx_unlock wakes the turnstile's waiters).  One SF on the           *)
(*    disjunction, not one per action: for one thread the disjuncts are    *)
(*    never enabled together (t asleep, woken, idle holding), and SF on a  *)
(*    disjunction is weaker than on each (a pass under it is a pass under *)
(*    the separate ones); TLC checks each SF conjunct as two cases, so the *)
(*    cost doubles per SF conjunct.                                        *)
(*  - SF on SleepExitGet(t): a woken thread that infinitely often could    *)
(*    take a free buffer eventually does (the scheduler does not always   *)
(*    let a competing allocator run first).  Without it AllocProgress      *)
(*    fails by plain starvation, a property of the code, not a lost        *)
(*    wakeup.                                                              *)
(*  - WF on CSStep(t) and IPIAck(c, b): a thread inside a critical section *)
(*    goes on, a CPU handles the IPIs sent to it; WF on Unwire(t) (no      *)
(*    lock).                                                               *)
(*  - NO fairness on starting operations (an idle client may stay idle),   *)
(*    on Signal, Migrate, Pin/Unpin, Access, TLBFill/TLBEvict.             *)
(***************************************************************************)
\* a free that wakes sleeper t, or rev 1.219's last free, whose wakeup
\* follows in FreeInval (WF on CSStep)
WakeUp(t) == /\ t \in sleepq
             /\ \E u \in Threads :
                   \/ FreeAny(u) /\ (t \in woken' \/ pc'[u] = "free_inval")
                   \/ FreeInval(u) /\ t \in woken'

Progress(t) == WakeUp(t) \/ SleepExit(t) \/ FreeAny(t) \/ \E b \in Bufs : MextPage(t, b)

Fairness ==
    /\ \A t \in Threads :
        /\ SF_vars(Progress(t))
        /\ SF_vars(SleepExitGet(t))
        /\ WF_vars(CSStep(t))
        /\ WF_vars(Unwire(t))
    /\ \A c \in CPUs, b \in Bufs : WF_vars(IPIAck(c, b))

LiveSpec == Spec /\ Fairness

-----------------------------------------------------------------------------
(* Safety invariants, each its own operator *)

TypeOK ==
    /\ bm \in [Bufs -> Pages \cup {None}]
    /\ ref \in [Bufs -> Nat]
    /\ freeq \in Seq(Bufs)
    /\ want \in 0..Cardinality(Threads)
    /\ used \in 0..Cardinality(Bufs) /\ peak \in 0..Cardinality(Bufs)
    /\ sleepq \subseteq Threads /\ woken \subseteq Threads
    /\ sigpend \in [Threads -> BOOLEAN]
    /\ lock \in Threads \cup {None}
    /\ pc \in [Threads -> ClientPcs \cup CSPcs]
    /\ req \in [Threads -> Pages \cup {None}]
    /\ fl \in [Threads -> SUBSET AllFlags]
    /\ cur \in [Threads -> Bufs \cup {None}]
    /\ opte \in [Threads -> [pg : Pages \cup {None}, a : BOOLEAN]]
    /\ pend \in [Threads -> BOOLEAN]
    /\ tgt \in [Threads -> SUBSET CPUs]
    /\ holds \in [Threads -> [Bufs -> 0..MaxHeld]]
    /\ cpu \in [Threads -> CPUs]
    /\ pinned \in [Threads -> BOOLEAN]
    /\ pte \in [Bufs -> Pages \cup {None}]
    /\ pteA \in [Bufs -> BOOLEAN]
    /\ tlb \in [CPUs -> [Bufs -> Pages \cup {None}]]
    /\ mask \in [Bufs -> SUBSET CPUs]
    /\ ipi \in [CPUs -> SUBSET Bufs]
    /\ wire \in [Pages -> Nat]
    /\ asked \in [Threads -> [Bufs -> Pages \cup {None}]]
    /\ privcpu \in [Threads -> [Bufs -> CPUs \cup {None}]]
    /\ seen \in [Threads -> [Bufs -> Pages \cup {None, "fault"}]]

\* Where the lock holder is in a critical section of buffer b:
\* the PTE store of its remap of b is still to come ...
Remapping(b) == \E t \in Threads : cur[t] = b /\ pend[t]
\* ... and the CPUs its SHOOTDOWN of b still owes an invalidation: curcpu
\* before the local invlpg, the targets before their IPI is sent and while
\* it is not yet acknowledged.  (S2 adds them to cpumask BEFORE they
\* invalidate, under sf_buf_lock: no other software reads cpumask then.)
OwedBy(t) == CASE pc[t] = "sd_local" -> {cpu[t]}
               [] pc[t] = "sd_ipi"   -> tgt[t]
               [] pc[t] = "sd_wait"  -> {c \in tgt[t] : cur[t] \in ipi[c]}
               [] OTHER              -> {}
Owed(b) == UNION {OwedBy(t) : t \in {u \in Threads : cur[u] = b}}
\* ... and whether it has stored the new PTE of b but not yet applied the
\* PG_A rule to cpumask (PGATestNew: the reload for the test is next).
Deciding(b) == \E t \in Threads : cur[t] = b /\ pc[t] = "map_load"
\* references sf_buf_alloc has taken (ref_count++) and not yet returned
InFlight(b) == {t \in Threads : pc[t] \in AllocPcs /\ cur[t] = b}

\* SF1 (brief 1.6, purpose of rev 1.219): at most one sf_buf maps a page.
SF1 == \A b1, b2 \in Bufs : (b1 /= b2 /\ bm[b1] = bm[b2]) => bm[b1] = None

\* SF2: the hash.  Bucket(p) is derived from bm, so "sf is on the chain of
\* sf->m and on no other; m = NULL on none" holds by construction here (the
\* Java side keeps per-page chains in the kernel's order, newest first, and
\* the explorer's mapping checks them against sf->m); the checked
\* content is that hash membership and the PTE agree: hashed <=> KVA
\* mapped (except while the remap's PTE store is still to come), and an
\* unhashed buffer is unreferenced.
Bucket(p) == {b \in Bufs : bm[b] = p}
SF2 == \A b \in Bufs :
          /\ \A p \in Pages : b \in Bucket(p) <=> bm[b] = p
          /\ ~Remapping(b) => ((bm[b] = None) <=> (pte[b] = None))
          /\ bm[b] = None => ref[b] = 0

\* SF3: on the free list <=> ref_count = 0; no duplicates, none lost.
SF3 == /\ \A b \in Bufs : b \in Range(freeq) <=> ref[b] = 0
       /\ Len(freeq) = Cardinality(Range(freeq))

\* SF3Lazy (DragonFly 2004, S8; brief 1.8): the queue may hold referenced
\* buffers (lazy removal), every unreferenced buffer is on it, once.
SF3Lazy == /\ \A b \in Bufs : ref[b] = 0 => b \in Range(freeq)
           /\ Len(freeq) = Cardinality(Range(freeq))

\* SF4: used counts the referenced buffers; peak >= used.
SF4 == /\ used = Cardinality({b \in Bufs : ref[b] > 0})
       /\ peak >= used

\* SF9 (WantCount): want = number of threads inside the msleep loop, which
\* are exactly the sleeping and the woken-but-not-yet-running ones.
SF9 == /\ want = Cardinality({t \in Threads : pc[t] = "msleep"})
       /\ sleepq \cup woken = {t \in Threads : pc[t] = "msleep"}
       /\ sleepq \cap woken = {}

\* ref_count = the references the holders own + those sf_buf_alloc has
\* taken and not yet returned.
RefMatchesHolds == \A b \in Bufs : ref[b] = HeldCount(b) + Cardinality(InFlight(b))

\* StablePTE (SF5 + SF10): a referenced buffer's PTE maps sf->m (once the
\* remap's store is done), and every holder still gets the page it asked
\* sf_buf_alloc for.
StablePTE == /\ \A b \in Bufs : ref[b] > 0 /\ ~Remapping(b) => pte[b] = bm[b]
             /\ \A t \in Threads, b \in Bufs :
                   holds[t][b] > 0 => (bm[b] = asked[t][b] /\ pte[b] = asked[t][b])

\* MaskSound (SF6): a CPU in sf->cpumask caches no translation of sf->kva
\* other than the current PTE (but for the CPUs the lock holder's SHOOTDOWN
\* still owes an invalidation, and while it decides on cpumask).
MaskSound == \A b \in Bufs : ~Deciding(b) =>
                \A c \in mask[b] \ Owed(b) : tlb[c][b] \in {None, pte[b]}

\* SF7: while a reference taken without SFB_CPUPRIVATE (by alloc or hit) is
\* held, cpumask = all CPUs; while only CPUPRIVATE references are held, the
\* CPU the holder was pinned to at allocation is in cpumask.  (SMP models;
\* UP models keep no mask.)  Whether the holder still runs on that CPU is
\* the caller's pinning discipline, checked end-to-end by NoStaleRead.
SF7 == SMP => \A t \in Threads, b \in Bufs :
          holds[t][b] > 0 =>
             IF privcpu[t][b] = None THEN mask[b] = CPUs
                                     ELSE privcpu[t][b] \in mask[b]

\* SF8 (the PG_A rule): while PG_A is clear, no CPU of cpumask (but those
\* still owed an invalidation; not while the lock holder decides on cpumask)
\* has loaded the current translation since it last invalidated.
SF8 == \A b \in Bufs : ~pteA[b] /\ ~Deciding(b) =>
                        \A c \in mask[b] \ Owed(b) : tlb[c][b] = None

\* NoStaleRead: every access observes the page its allocation asked for.
NoStaleRead == \A t \in Threads, b \in Bufs : seen[t][b] \in {None, asked[t][b]}

\* Wiring protocol of sendfile (brief 1.7 item 8): outstanding sendfile
\* references of p = iterations that wired p and have not released their
\* wiring path yet (between wire and alloc, inside or asleep in alloc,
\* about to unwire) + mbuf references held on buffers that map p.
SendfileRefs(p) ==
    Cardinality({t \in Threads : pc[t] \in {"wired", "msleep", "unwire"} \cup AllocPcs
                                 /\ req[t] = p})
    + SumOver([b \in Bufs |-> IF bm[b] = p THEN HeldCount(b) ELSE 0], Bufs)

\* WireBalance: every wiring taken by sendfile is matched by exactly one
\* pending unwire: wire count = outstanding sendfile references.
WireBalance == Wiring /= "None" => \A p \in Pages : wire[p] = SendfileRefs(p)

\* NoUnwireWhileReferenced: a page with an outstanding sendfile reference
\* is wired (the VM cannot free it under the mapping).
NoUnwireWhileReferenced ==
    Wiring /= "None" => \A p \in Pages : SendfileRefs(p) > 0 => wire[p] > 0

\* WakeupNotLost, the state form of NoLostWakeup (added for the FreeBSD i386
\* 2005-09 models, S2 @010e6820 / S3 rev 1.269: wakeup_one + SFB_CATCH):
\* outside sf_buf_lock, a buffer on the free list while allocators wait
\* means a waiter is runnable.  (Inside a critical section the wakeup may
\* still be to come: rev 1.219 wakes in FreeInval.)  A state violating it,
\* followed by stuttering, violates NoLostWakeup; BFS finds the shortest.
WakeupNotLost == lock = None /\ want > 0 /\ freeq /= <<>> => woken /= {}

\* SignalOnlyCatching (msleep, S1 sf_buf_alloc: PCATCH iff SFB_CATCH; S6
\* v1.21 tsleep: always PCATCH): a signal interrupts only a sleep with
\* PCATCH; msleep without it does not look at signals.  Signal's guard keeps
\* it here; the explorer checks that its sf_buf code asks for PCATCH exactly
\* then (a thread that slept without it is never interrupted).
SignalOnlyCatching == \A t \in Threads : sigpend[t] => Catches(fl[t])

\* IdleUnmapped (rev 1.219, what the revision is for): sf_buf_free at
\* refcount 0 unhashes the buffer and removes its mapping (pmap_qremove), so
\* an unreferenced buffer maps no page.  Kept by Free; rev 1.220 on keep it.
IdleUnmapped == Variant = "Rev1219" => \A b \in Bufs : ref[b] = 0 => bm[b] = None

-----------------------------------------------------------------------------
(* SF11 (LRU order), an action property: every step changes the free list *)
(* only by (a) a miss taking the HEAD (least recently freed) buffer,       *)
(* (b) a free appending the buffer whose ref_count dropped to 0 at the     *)
(* TAIL, or (c) a hit reviving an idle buffer that still maps the page:   *)
(* removed from anywhere, the others keep their relative order.  It cannot *)
(* be a state predicate without a history variable: the order records the  *)
(* time of the last free.                                                 *)
LRUStep ==
    \/ freeq' = freeq
    \/ /\ freeq /= <<>>
       /\ freeq' = Tail(freeq)
       /\ ref[Head(freeq)] = 0 /\ ref'[Head(freeq)] = 1
    \/ \E b \in Bufs : ref[b] = 1 /\ ref'[b] = 0 /\ freeq' = Append(freeq, b)
    \/ \E i \in 1..Len(freeq) :
          /\ ref[freeq[i]] = 0 /\ ref'[freeq[i]] = 1
          /\ bm[freeq[i]] /= None /\ bm'[freeq[i]] = bm[freeq[i]]
          /\ freeq' = RemoveAt(freeq, i)
SF11 == [][LRUStep]_freeq

(* Liveness *)
\* NoLostWakeup: a buffer on the free list while allocators wait leads to
\* a runnable waiter (or no waiter).  Needs no fairness when it holds.
NoLostWakeup == [](want > 0 /\ freeq /= <<>> => <>(woken /= {} \/ want = 0))

\* NoLostWakeupLazy (DragonFly 2004): with lazy removal the queue may hold
\* only referenced buffers while allocators rightly sleep; the premise is an
\* unreferenced buffer (SF3Lazy: on the queue, allocatable).
NoLostWakeupLazy ==
    [](want > 0 /\ (\E b \in Bufs : ref[b] = 0) => <>(woken /= {} \/ want = 0))

\* AllocProgress: every thread that sleeps in sf_buf_alloc eventually
\* returns (with an sf_buf or NULL), under Fairness.
AllocProgress == \A t \in Threads : [](pc[t] = "msleep" => <>(pc[t] /= "msleep"))

=============================================================================
