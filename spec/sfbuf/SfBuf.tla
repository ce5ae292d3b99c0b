------------------------------- MODULE SfBuf -------------------------------
(***************************************************************************)
(* sf_buf: the cache of single-page kernel mappings (FreeBSD i386 rev      *)
(* 1.219 / 1.220, the DragonFly 2003 port, later FreeBSD incl. the         *)
(* generic subr_sfbuf.c) and its SMP lazy TLB shootdown (cpumask, PG_A,    *)
(* SFB_CPUPRIVATE).  Brief: shared/design/kernel-brief.md section 1.       *)
(* Issues: 3 (hash, refcount, LRU, sleep/wakeup, DragonFly wiring) and the *)
(* TLB part of 4.                                                          *)
(*                                                                         *)
(* Sources (paraphrased, never copied):                                    *)
(*  S1  freebsd/freebsd-src sys/kern/subr_sfbuf.c @07a217d2 (alloc, free,  *)
(*      ref; wakeup broadcast; no hash re-lookup after msleep)             *)
(*  S2-S5 FreeBSD i386 vm_machdep.c (cpumask, PG_A rule, SHOOTDOWN)        *)
(*  S6  DragonFlyBSD sys/kern/uipc_syscalls.c @dfbcf5a3 (v1.21, hsu 2003): *)
(*      hash+refcnt+TAILQ, wakeup_one, unconditional PCATCH, kern_sendfile *)
(*      wires every iteration, sf_buf_free unwires at refcnt 0)            *)
(*  1.219/1.220: reconstructed from commit messages (brief 1.2, inferred). *)
(*                                                                         *)
(* Atomicity (spec/CONVENTIONS.md): every critical section under          *)
(* sf_buf_lock (splimp in DragonFly) is ONE action, including synchronous  *)
(* invlpg / IPI shootdowns done while holding it, and the wakeup done by   *)
(* the freer.  msleep is split into SleepEnter (inside the alloc critical  *)
(* section: want++, release lock, join sleep queue), the wakeup inside     *)
(* Free, Signal (environment) and SleepExit (re-acquire the lock and run   *)
(* to the next release/blocking point).  The lock itself is therefore not  *)
(* a variable.  Hardware TLB fill/evict, migration and page (un)wiring are *)
(* their own steps.                                                        *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Threads,      \* model values: kernel threads (most general clients)
    Pages,        \* model values: vm_pages that may be mapped
    BufList,      \* sequence of distinct model values: sf_bufs[0..nsfbufs-1]
    CPUs,         \* model values: CPUs (a single CPU for UP models)
    None,         \* model value: NULL
    Variant,      \* "Rev1219" | "Rev1220" | "DragonFly2003" | "FreeBSDLater"
    WakeOne,      \* Rev1219/Rev1220 only: wakeup_one (TRUE) or wakeup (FALSE)
    UseSignals,   \* environment may deliver signals to sleepers
    SMP,          \* model per-CPU TLBs, PTE accessed bit, cpumask, pinning
    FlagChoices,  \* set of flag sets a client may pass: subsets of
                  \* {"CATCH","NOWAIT","PRIV"} (SFB_CATCH/NOWAIT/CPUPRIVATE)
    MaxHeld,      \* client bound: references one thread holds at a time
    Wiring,       \* caller wiring protocol: "None" (not modelled),
                  \* "UnwireAtZero" (DragonFly 2003 S6: kern_sendfile wires
                  \* per iteration, sf_buf_free unwires once at refcnt 0),
                  \* "UnwirePerFree" (FreeBSD 2004 sf_buf_mext: every mbuf
                  \* free does sf_buf_free and then unwires once)
    Bug,          \* "None" or one seeded mutation, see BugNames
    RelookupAfterSleep, \* FALSE = shipped code (S1, S6): after msleep the
                  \* hash is not searched again; TRUE = hypothetical fix
                  \* (search the hash again after every wakeup)
    RemapWindow   \* SMP: let a hardware page walk fall between the plain
                  \* load of the old PTE and the plain store of the new one
                  \* in sf_buf_map (S4/S5); FALSE = PTE rewrite indivisible

BugNames == {"None", "HitKeepsOnFreeList", "RemapKeepsMask",
             "HitSkipsShootdown", "PGAInverted", "PrivateUnpinned"}
AllFlags == {"CATCH", "NOWAIT", "PRIV"}
Bufs == {BufList[i] : i \in DOMAIN BufList}

ASSUME Variant \in {"Rev1219", "Rev1220", "DragonFly2003", "FreeBSDLater"}
ASSUME WakeOne \in BOOLEAN /\ UseSignals \in BOOLEAN /\ SMP \in BOOLEAN
ASSUME RelookupAfterSleep \in BOOLEAN /\ RemapWindow \in BOOLEAN
ASSUME RemapWindow => SMP
ASSUME Bug \in BugNames
ASSUME Wiring \in {"None", "UnwireAtZero", "UnwirePerFree"}
ASSUME MaxHeld \in Nat \ {0}
ASSUME Cardinality(Bufs) = Len(BufList) /\ Len(BufList) > 0
ASSUME FlagChoices /= {} /\ FlagChoices \subseteq SUBSET AllFlags
\* The cpumask/PG_A/CPUPRIVATE code is FreeBSD >= 2005 only (S2-S5).
ASSUME SMP => Variant = "FreeBSDLater"
ASSUME (\E f \in FlagChoices : "PRIV" \in f) => SMP
\* DragonFly 2003 sf_buf_alloc(m) has no flags argument (S6).
ASSUME Variant = "DragonFly2003" => FlagChoices = {{}}
ASSUME ~SMP => Cardinality(CPUs) = 1

-----------------------------------------------------------------------------
(* Variant switches *)
KeepMapping == Variant /= "Rev1219"          \* rev 1.220: mapping kept at free
WakeOneEff  == CASE Variant = "DragonFly2003" -> TRUE   \* S6 wakeup_one
                 [] Variant = "FreeBSDLater"  -> FALSE  \* S1/S4 wakeup
                 [] OTHER                     -> WakeOne
\* msleep with PCATCH: DragonFly 2003 always (S6), FreeBSD iff SFB_CATCH.
Catches(f)  == Variant = "DragonFly2003" \/ "CATCH" \in f
PinDiscipline == Bug /= "PrivateUnpinned"

Max(a, b) == IF a >= b THEN a ELSE b
RECURSIVE SumOver(_, _)
SumOver(g, S) == IF S = {} THEN 0
                 ELSE LET x == CHOOSE x \in S : TRUE IN g[x] + SumOver(g, S \ {x})
Range(s) == {s[i] : i \in DOMAIN s}
Remove(s, b) == SelectSeq(s, LAMBDA x : x /= b)
RemoveAt(s, i) == SubSeq(s, 1, i - 1) \o SubSeq(s, i + 1, Len(s))

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
    (* threads *)
    pc,       \* "idle" | "msleep" | "wired" | "unwire"
    req,      \* page argument of t's current sf_buf_alloc (or wiring), None
    fl,       \* flags of t's current sf_buf_alloc while it sleeps
    holds,    \* holds[t][b]: references to b that t owns
    cpu,      \* curcpu of t
    pinned,   \* td_pinned > 0
    (* hardware (SMP models; constant in UP models) *)
    pte,      \* pte[b]: page the PTE of sf->kva maps (None = not valid)
    pteA,     \* pteA[b]: PG_A of that PTE
    tlb,      \* tlb[c][b]: translation of sf->kva cached by CPU c, or None
    mask,     \* mask[b]: sf->cpumask
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
thrVars  == <<pc, req, fl, holds, cpu, pinned>>
hwVars   == <<pte, pteA, tlb, mask>>
ghostVars == <<asked, privcpu, seen>>
vars == <<sfVars, sleepVars, thrVars, hwVars, wire, ghostVars>>

-----------------------------------------------------------------------------
Init ==
    /\ bm = [b \in Bufs |-> None]
    /\ ref = [b \in Bufs |-> 0]
    /\ freeq = BufList                 \* sf_buf_init: TAILQ_INSERT_TAIL in order
    /\ want = 0 /\ used = 0 /\ peak = 0
    /\ sleepq = {} /\ woken = {}
    /\ sigpend = [t \in Threads |-> FALSE]
    /\ pc = [t \in Threads |-> "idle"]
    /\ req = [t \in Threads |-> None]
    /\ fl = [t \in Threads |-> {}]
    /\ holds = [t \in Threads |-> [b \in Bufs |-> 0]]
    /\ cpu \in [Threads -> CPUs]
    /\ pinned = [t \in Threads |-> FALSE]
    /\ pte = [b \in Bufs |-> None]     \* kva_alloc: no backing
    /\ pteA = [b \in Bufs |-> FALSE]
    /\ tlb = [c \in CPUs |-> [b \in Bufs |-> None]]
    /\ mask = [b \in Bufs |-> {}]      \* M_ZERO
    /\ wire = [p \in Pages |-> 0]
    /\ asked = [t \in Threads |-> [b \in Bufs |-> None]]
    /\ privcpu = [t \in Threads |-> [b \in Bufs |-> None]]
    /\ seen = [t \in Threads |-> [b \in Bufs |-> None]]

-----------------------------------------------------------------------------
(* Helpers *)
TotalHeld(t) == SumOver(holds[t], Bufs)
HeldCount(b) == SumOver([t \in Threads |-> holds[t][b]], Threads)
Mapped(p) == \E b \in Bufs : bm[b] = p           \* hash lookup hits

\* t may call sf_buf_alloc(p, f) now.  Without a wiring protocol an idle
\* thread calls it with any page; with one, only after wiring req[t].
CanAlloc(t, p, f) ==
    /\ IF Wiring = "None" THEN pc[t] = "idle"
                          ELSE pc[t] = "wired" /\ req[t] = p
    /\ TotalHeld(t) < MaxHeld
    /\ f \in FlagChoices
    \* KASSERT(td_pinned > 0 || !(flags & SFB_CPUPRIVATE)) (S1/S2)
    /\ ("PRIV" \in f /\ PinDiscipline) => pinned[t]

\* where t goes after sf_buf_alloc returned NULL
AfterNull(t) == IF Wiring = "None" THEN "idle" ELSE "unwire"

\* CPUs that SHOOTDOWN(sf, flags) invalidates, given the mask m0 it starts
\* from and the current CPU c (S5 sf_buf_shootdown; inline in S2-S4):
\* c invalidates locally if c \notin m0; without SFB_CPUPRIVATE every other
\* CPU not in m0 gets a synchronous IPI (smp_masked_invlpg).
Inval(m0, c, f) == IF "PRIV" \in f THEN {c} \ m0 ELSE CPUs \ m0
InvalTLB(b, S) == [cc \in CPUs |-> IF cc \in S THEN [tlb[cc] EXCEPT ![b] = None]
                                               ELSE tlb[cc]]

\* t obtains one more reference to b, asked for page p with flags f
GrantRef(t, b, p, f) ==
    /\ holds' = [holds EXCEPT ![t][b] = @ + 1]
    /\ asked' = [asked EXCEPT ![t][b] = IF holds[t][b] = 0 THEN p ELSE @]
    /\ privcpu' = [privcpu EXCEPT ![t][b] =
                      IF "PRIV" \notin f THEN None
                      ELSE IF holds[t][b] = 0 THEN cpu[t] ELSE @]

\* Miss path body, sf_buf_alloc after the while loop (S1; S2-S4 inline):
\* take the head of the free list, unhash the old page, hash under p,
\* ref_count := 1, and sf_buf_map: opte := *ptep; *ptep := new PTE with A
\* clear; if opte was valid AND accessed, cpumask := {} (PG_A rule); then
\* SHOOTDOWN.  UP (no TLB modelled): pmap_qenter / local invalidation, not
\* observable.
\* RemapWindow: the load of opte and the store of the new PTE are two plain
\* accesses; a page walk by CPU x between them loads the OLD translation
\* into x's TLB and sets A in the old PTE, which the store then overwrites:
\* opte (read before) shows A clear.  Modelled inside the same step as an
\* optional fill W (a set of at most one CPU without an entry for b).
TakeHead(t, p, f) ==
    LET b     == Head(freeq)
        c     == cpu[t]
        reset == CASE Bug = "RemapKeepsMask" -> FALSE
                   [] Bug = "PGAInverted"    -> pte[b] /= None /\ ~pteA[b]
                   [] OTHER                  -> pte[b] /= None /\ pteA[b]
        m0    == IF reset THEN {} ELSE mask[b]
        S     == IF SMP THEN Inval(m0, c, f) ELSE {}
        Ws    == IF RemapWindow /\ pte[b] /= None
                 THEN {{}} \cup {{x} : x \in {y \in CPUs : tlb[y][b] = None}}
                 ELSE {{}}
    IN /\ freeq' = Tail(freeq)
       /\ bm' = [bm EXCEPT ![b] = p]
       /\ ref' = [ref EXCEPT ![b] = 1]
       /\ used' = used + 1
       /\ peak' = Max(peak, used + 1)
       /\ pte' = [pte EXCEPT ![b] = p]
       /\ pteA' = [pteA EXCEPT ![b] = FALSE]
       /\ mask' = IF SMP THEN [mask EXCEPT ![b] = m0 \cup S] ELSE mask
       /\ \E W \in Ws :
             tlb' = [cc \in CPUs |->
                       IF cc \in S THEN [tlb[cc] EXCEPT ![b] = None]
                       ELSE IF cc \in W THEN [tlb[cc] EXCEPT ![b] = pte[b]]
                       ELSE tlb[cc]]
       /\ GrantRef(t, b, p, f)

-----------------------------------------------------------------------------
(* Actions *)

\* Hash-hit body (S1 subr_sfbuf.c @07a217d2; S2-S4 i386 inline; S6
\* DragonFly v1.21; rev 1.220): ref_count++; if it was idle (0 -> 1)
\* TAILQ_REMOVE from the free list, used++, peak; [SMP] goto shootdown.
HitBody(t, b, p, f) ==
    LET revive == ref[b] = 0
        S == IF SMP /\ Bug /= "HitSkipsShootdown"
             THEN Inval(mask[b], cpu[t], f) ELSE {}
    IN /\ ref' = [ref EXCEPT ![b] = @ + 1]
       /\ freeq' = IF revive /\ Bug /= "HitKeepsOnFreeList"
                   THEN Remove(freeq, b) ELSE freeq
       /\ used' = IF revive THEN used + 1 ELSE used
       /\ peak' = Max(peak, used')
       /\ mask' = [mask EXCEPT ![b] = @ \cup S]
       /\ tlb' = InvalTLB(b, S)
       /\ GrantRef(t, b, p, f)

\* sf_buf_alloc(m, flags), hash hit: HitBody.  Never sleeps.  One critical
\* section under sf_buf_lock (S1 @07a217d2, S2-S4, S6, rev 1.219/1.220).
\* (Several buffers can map m after DupAfterSleep; LIST_FOREACH finds one
\* of them: modelled as a nondeterministic choice.)
AllocHit(t, p, f) ==
    /\ CanAlloc(t, p, f)
    /\ \E b \in Bufs : bm[b] = p /\ HitBody(t, b, p, f)
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ req' = [req EXCEPT ![t] = None]
    /\ UNCHANGED <<bm, want, sleepVars, fl, cpu, pinned, pte, pteA, wire, seen>>

\* sf_buf_alloc(m, flags), miss with a non-empty free list (S1 @07a217d2;
\* rev 1.219/1.220; S6): TakeHead (remap + PG_A rule + SHOOTDOWN).
AllocMiss(t, p, f) ==
    /\ CanAlloc(t, p, f)
    /\ ~Mapped(p)
    /\ freeq /= <<>>
    /\ TakeHead(t, p, f)
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ req' = [req EXCEPT ![t] = None]
    /\ UNCHANGED <<want, sleepVars, fl, cpu, pinned, wire, seen>>

\* sf_buf_alloc(m, SFB_NOWAIT), miss, empty free list: return NULL
\* (S1 @07a217d2, S2-S4; FreeBSD >= 2004).
AllocNoWait(t, p, f) ==
    /\ CanAlloc(t, p, f)
    /\ "NOWAIT" \in f
    /\ ~Mapped(p)
    /\ freeq = <<>>
    /\ pc' = [pc EXCEPT ![t] = AfterNull(t)]
    /\ req' = [req EXCEPT ![t] = IF AfterNull(t) = "idle" THEN None ELSE @]
    /\ UNCHANGED <<sfVars, sleepVars, fl, holds, cpu, pinned, hwVars, wire,
                   ghostVars>>

\* sf_buf_alloc(m, flags), miss, empty free list, first sleep: want++,
\* (sf_allocwait++), msleep(&sf_buf_freelist, &sf_buf_lock, PVM [|PCATCH])
\* releases the lock and joins the sleep queue atomically
\* (S1 @07a217d2; S6 tsleep(PCATCH) under splimp).
SleepEnter(t, p, f) ==
    /\ CanAlloc(t, p, f)
    /\ "NOWAIT" \notin f
    /\ ~Mapped(p)
    /\ freeq = <<>>
    /\ want' = want + 1
    /\ sleepq' = sleepq \cup {t}
    /\ pc' = [pc EXCEPT ![t] = "msleep"]
    /\ req' = [req EXCEPT ![t] = p]
    /\ fl' = [fl EXCEPT ![t] = f]
    /\ UNCHANGED <<bm, ref, freeq, used, peak, woken, sigpend, holds, cpu,
                   pinned, hwVars, wire, ghostVars>>

\* Return from msleep with EINTR/ERESTART (PCATCH and a signal, possibly
\* racing with a wakeup that chose t): want--, "if we got a signal, don't
\* risk going back to sleep": return NULL (S1 @07a217d2; S6).
SleepExitSignal(t) ==
    /\ t \in woken
    /\ sigpend[t]
    /\ want' = want - 1
    /\ woken' = woken \ {t}
    /\ sigpend' = [sigpend EXCEPT ![t] = FALSE]
    /\ pc' = [pc EXCEPT ![t] = AfterNull(t)]
    /\ req' = [req EXCEPT ![t] = IF AfterNull(t) = "idle" THEN None ELSE @]
    /\ fl' = [fl EXCEPT ![t] = {}]
    /\ UNCHANGED <<bm, ref, freeq, used, peak, sleepq, holds, cpu, pinned,
                   hwVars, wire, ghostVars>>

\* Return from msleep without error, free list still empty: want--, the
\* while condition holds again, want++, msleep again (S1 @07a217d2; S6).
SleepExitRetry(t) ==
    /\ t \in woken
    /\ ~sigpend[t]
    /\ freeq = <<>>
    /\ RelookupAfterSleep => ~Mapped(req[t])
    /\ woken' = woken \ {t}
    /\ sleepq' = sleepq \cup {t}
    /\ UNCHANGED <<sfVars, sigpend, thrVars, hwVars, wire, ghostVars>>

\* Return from msleep without error, free list non-empty: want--, leave the
\* loop and take the head (TakeHead).  NOTE (read in S1 and S6): the hash is
\* NOT searched again after sleeping, so a buffer may be taken for a page
\* another thread mapped meanwhile (see SF1 / model DupAfterSleep).
SleepExitTake(t) ==
    /\ t \in woken
    /\ ~sigpend[t]
    /\ freeq /= <<>>
    /\ RelookupAfterSleep => ~Mapped(req[t])
    /\ want' = want - 1
    /\ woken' = woken \ {t}
    /\ TakeHead(t, req[t], fl[t])
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ req' = [req EXCEPT ![t] = None]
    /\ fl' = [fl EXCEPT ![t] = {}]
    /\ UNCHANGED <<sleepq, sigpend, cpu, pinned, wire, seen>>

\* Hypothetical fix (RelookupAfterSleep): after a wakeup without error,
\* search the hash again ("goto retry"); on a hit take it (HitBody).
SleepExitHit(t) ==
    /\ RelookupAfterSleep
    /\ t \in woken
    /\ ~sigpend[t]
    /\ \E b \in Bufs : bm[b] = req[t] /\ HitBody(t, b, req[t], fl[t])
    /\ want' = want - 1
    /\ woken' = woken \ {t}
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ req' = [req EXCEPT ![t] = None]
    /\ fl' = [fl EXCEPT ![t] = {}]
    /\ UNCHANGED <<bm, sleepq, sigpend, cpu, pinned, pte, pteA, wire, seen>>

\* the msleep return that obtains an sf_buf
SleepExitGet(t) == SleepExitTake(t) \/ SleepExitHit(t)

SleepExit(t) == SleepExitSignal(t) \/ SleepExitRetry(t) \/ SleepExitGet(t)

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
    /\ UNCHANGED <<sfVars, thrVars, hwVars, wire, ghostVars>>

\* Possible wakeup sets of a free that dropped ref_count to 0.
WakeChoices(last) ==
    IF ~last \/ want = 0 \/ sleepq = {} THEN {{}}
    ELSE IF WakeOneEff THEN {{s} : s \in sleepq}   \* wakeup_one (S2,S3,S6)
    ELSE {sleepq}                                  \* wakeup (S1,S4)

\* sf_buf_free(sf) (S1 @07a217d2; rev 1.219/1.220; S6 v1.21): ref_count--;
\* at 0: TAILQ_INSERT_TAIL, used--, [rev 1.219: unmap, m := NULL, unhash]
\* [S6 UnwireAtZero: vm_page_unwire(m) under splvm], and if want > 0
\* wakeup / wakeup_one(&sf_buf_freelist) -- all one critical section.
\* With UnwirePerFree (FreeBSD 2004 sf_buf_mext) the caller unwires after
\* sf_buf_free returns (step Unwire).
Free(t, b) ==
    /\ pc[t] = "idle"
    /\ holds[t][b] > 0
    /\ LET last == ref[b] = 1
           p    == bm[b]
           gone == holds[t][b] = 1
       IN /\ ref' = [ref EXCEPT ![b] = @ - 1]
          /\ holds' = [holds EXCEPT ![t][b] = @ - 1]
          /\ asked' = IF gone THEN [asked EXCEPT ![t][b] = None] ELSE asked
          /\ privcpu' = IF gone THEN [privcpu EXCEPT ![t][b] = None] ELSE privcpu
          /\ seen' = IF gone THEN [seen EXCEPT ![t][b] = None] ELSE seen
          /\ freeq' = IF last THEN Append(freeq, b) ELSE freeq
          /\ used' = IF last THEN used - 1 ELSE used
          /\ bm' = IF last /\ ~KeepMapping THEN [bm EXCEPT ![b] = None] ELSE bm
          /\ pte' = IF last /\ ~KeepMapping THEN [pte EXCEPT ![b] = None] ELSE pte
          /\ pteA' = IF last /\ ~KeepMapping THEN [pteA EXCEPT ![b] = FALSE] ELSE pteA
          /\ wire' = IF last /\ Wiring = "UnwireAtZero"
                     THEN [wire EXCEPT ![p] = @ - 1] ELSE wire
          /\ \E W \in WakeChoices(last) :
                /\ sleepq' = sleepq \ W
                /\ woken' = woken \cup W
          /\ pc' = [pc EXCEPT ![t] = IF Wiring = "UnwirePerFree" THEN "unwire" ELSE "idle"]
          /\ req' = [req EXCEPT ![t] = IF Wiring = "UnwirePerFree" THEN p ELSE None]
    /\ UNCHANGED <<want, peak, sigpend, fl, cpu, pinned, tlb, mask>>

FreeAny(t) == \E b \in Bufs : Free(t, b)

\* sf_buf_ref(sf) (S1 @07a217d2; S6 ext_ref on mbuf copy): assert
\* ref_count > 0; ref_count++ (no shootdown).  Not used with a wiring
\* protocol (the wiring balance counts sendfile iterations only).
Ref(t, b) ==
    /\ Wiring = "None"
    /\ pc[t] = "idle"
    /\ holds[t][b] > 0
    /\ TotalHeld(t) < MaxHeld
    /\ ref' = [ref EXCEPT ![b] = @ + 1]
    /\ holds' = [holds EXCEPT ![t][b] = @ + 1]
    /\ UNCHANGED <<bm, freeq, want, used, peak, sleepVars, pc, req, fl, cpu,
                   pinned, hwVars, wire, ghostVars>>

\* A holder reads through sf->kva on its current CPU: hit in the TLB, else a
\* page-table walk that fills the TLB and sets PG_A (x86).  The observed
\* page goes to the ghost seen[t][b].  SMP models only: without TLBs a read
\* returns pte[b], so NoStaleRead is implied by StablePTE and Access would
\* only multiply the state space.
Access(t, b) ==
    /\ SMP
    /\ pc[t] = "idle"
    /\ holds[t][b] > 0
    /\ LET c    == cpu[t]
           hitT == SMP /\ tlb[c][b] /= None
           got  == IF hitT THEN tlb[c][b]
                   ELSE IF pte[b] /= None THEN pte[b] ELSE "fault"
           fill == SMP /\ ~hitT /\ pte[b] /= None
       IN /\ seen' = [seen EXCEPT ![t][b] = got]
          /\ tlb' = IF fill THEN [tlb EXCEPT ![c][b] = pte[b]] ELSE tlb
          /\ pteA' = IF fill THEN [pteA EXCEPT ![b] = TRUE] ELSE pteA
    /\ UNCHANGED <<sfVars, sleepVars, thrVars, pte, mask, wire, asked, privcpu>>

\* Hardware: a (possibly speculative) page walk on a TLB miss for
\* sf->kva, any time the PTE is valid; sets PG_A.
TLBFill(c, b) ==
    /\ SMP
    /\ pte[b] /= None
    /\ tlb[c][b] = None
    /\ tlb' = [tlb EXCEPT ![c][b] = pte[b]]
    /\ pteA' = [pteA EXCEPT ![b] = TRUE]
    /\ UNCHANGED <<sfVars, sleepVars, thrVars, pte, mask, wire, ghostVars>>

\* Hardware: TLB entry replaced.
TLBEvict(c, b) ==
    /\ SMP
    /\ tlb[c][b] /= None
    /\ tlb' = [tlb EXCEPT ![c][b] = None]
    /\ UNCHANGED <<sfVars, sleepVars, thrVars, pte, pteA, mask, wire, ghostVars>>

\* sched_pin() by an idle thread (callers of SFB_CPUPRIVATE, e.g. exec args).
Pin(t) ==
    /\ SMP
    /\ pc[t] = "idle"
    /\ ~pinned[t]
    /\ pinned' = [pinned EXCEPT ![t] = TRUE]
    /\ UNCHANGED <<sfVars, sleepVars, pc, req, fl, holds, cpu, hwVars, wire,
                   ghostVars>>

\* sched_unpin().  Caller discipline (sf_buf(9)): a thread keeps itself
\* pinned while it holds sf_bufs (simplification: all references, not only
\* CPUPRIVATE ones).  Bug PrivateUnpinned drops the discipline.
Unpin(t) ==
    /\ SMP
    /\ pc[t] = "idle"
    /\ pinned[t]
    /\ PinDiscipline => TotalHeld(t) = 0
    /\ pinned' = [pinned EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<sfVars, sleepVars, pc, req, fl, holds, cpu, hwVars, wire,
                   ghostVars>>

\* Environment: the scheduler moves an unpinned thread to another CPU
\* (between operations; critical sections are atomic).
Migrate(t) ==
    /\ SMP
    /\ pc[t] = "idle"
    /\ ~pinned[t]
    /\ \E c \in CPUs \ {cpu[t]} : cpu' = [cpu EXCEPT ![t] = c]
    /\ UNCHANGED <<sfVars, sleepVars, pc, req, fl, holds, pinned, hwVars,
                   wire, ghostVars>>

\* kern_sendfile (S6 v1.21): vm_page_wire(pg) on every iteration before
\* sf_buf_alloc(pg).  (FreeBSD 2004: same, before sf_buf_alloc.)
SendfileWire(t, p) ==
    /\ Wiring /= "None"
    /\ pc[t] = "idle"
    /\ TotalHeld(t) < MaxHeld
    /\ wire' = [wire EXCEPT ![p] = @ + 1]
    /\ pc' = [pc EXCEPT ![t] = "wired"]
    /\ req' = [req EXCEPT ![t] = p]
    /\ UNCHANGED <<sfVars, sleepVars, fl, holds, cpu, pinned, hwVars, ghostVars>>

\* vm_page_unwire(pg) by the caller: kern_sendfile after sf_buf_alloc
\* returned NULL (S6), or sf_buf_mext after sf_buf_free (FreeBSD 2004).
Unwire(t) ==
    /\ pc[t] = "unwire"
    /\ wire' = [wire EXCEPT ![req[t]] = @ - 1]
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ req' = [req EXCEPT ![t] = None]
    /\ UNCHANGED <<sfVars, sleepVars, fl, holds, cpu, pinned, hwVars, ghostVars>>

-----------------------------------------------------------------------------
ThreadStep(t) ==
    \/ \E p \in Pages, f \in FlagChoices :
          \/ AllocHit(t, p, f) \/ AllocMiss(t, p, f)
          \/ AllocNoWait(t, p, f) \/ SleepEnter(t, p, f)
    \/ SleepExitSignal(t) \/ SleepExitRetry(t) \/ SleepExitTake(t)
    \/ SleepExitHit(t)
    \/ \E b \in Bufs : Free(t, b) \/ Ref(t, b) \/ Access(t, b)
    \/ Pin(t) \/ Unpin(t)
    \/ \E p \in Pages : SendfileWire(t, p)
    \/ Unwire(t)

EnvStep ==
    \/ \E t \in Threads : Signal(t) \/ Migrate(t)
    \/ \E c \in CPUs, b \in Bufs : TLBFill(c, b) \/ TLBEvict(c, b)

Next == (\E t \in Threads : ThreadStep(t)) \/ EnvStep

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Fairness (used by LiveSpec, i.e. by NoLostWakeup and AllocProgress):    *)
(*  - WF on SleepExit(t): a runnable (woken) thread eventually runs.       *)
(*  - WF on FreeAny(t) and Unwire(t): a holder eventually releases         *)
(*    (sendfile: the network eventually acknowledges; brief 1.7 item 7).   *)
(*  - SF on SleepExitGet(t): a woken thread that infinitely often could    *)
(*    take a free buffer eventually does (the scheduler does not always   *)
(*    let a competing allocator run first).  Without it AllocProgress      *)
(*    fails by plain starvation, a property of the code, not a lost        *)
(*    wakeup.                                                              *)
(*  - SF on WakeUp(t): wakeup_one does not skip a sleeper forever (FreeBSD *)
(*    sleepq_signal picks the longest sleeper among equal priorities).     *)
(*  - NO fairness on starting operations (an idle client may stay idle),   *)
(*    on Signal, Migrate, Pin/Unpin, Access, TLBFill/TLBEvict.             *)
(***************************************************************************)
WakeUp(t) == t \in sleepq /\ (\E u \in Threads : FreeAny(u)) /\ t \in woken'

Fairness ==
    \A t \in Threads :
        /\ WF_vars(SleepExit(t))
        /\ SF_vars(SleepExitGet(t))
        /\ WF_vars(FreeAny(t))
        /\ WF_vars(Unwire(t))
        /\ SF_vars(WakeUp(t))

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
    /\ pc \in [Threads -> {"idle", "msleep", "wired", "unwire"}]
    /\ req \in [Threads -> Pages \cup {None}]
    /\ fl \in [Threads -> SUBSET AllFlags]
    /\ holds \in [Threads -> [Bufs -> 0..MaxHeld]]
    /\ cpu \in [Threads -> CPUs]
    /\ pinned \in [Threads -> BOOLEAN]
    /\ pte \in [Bufs -> Pages \cup {None}]
    /\ pteA \in [Bufs -> BOOLEAN]
    /\ tlb \in [CPUs -> [Bufs -> Pages \cup {None}]]
    /\ mask \in [Bufs -> SUBSET CPUs]
    /\ wire \in [Pages -> Nat]
    /\ asked \in [Threads -> [Bufs -> Pages \cup {None}]]
    /\ privcpu \in [Threads -> [Bufs -> CPUs \cup {None}]]
    /\ seen \in [Threads -> [Bufs -> Pages \cup {None, "fault"}]]

\* SF1 (brief 1.6, purpose of rev 1.219): at most one sf_buf maps a page.
SF1 == \A b1, b2 \in Bufs : (b1 /= b2 /\ bm[b1] = bm[b2]) => bm[b1] = None

\* SF2: the hash.  Bucket(p) is derived from bm, so "sf is on the chain of
\* sf->m and on no other; m = NULL on none" holds by construction here (the
\* Java side has a real table and checks it); the checked content is that
\* hash membership and the PTE agree: hashed <=> KVA mapped, and an
\* unhashed buffer is unreferenced.
Bucket(p) == {b \in Bufs : bm[b] = p}
SF2 == \A b \in Bufs :
          /\ \A p \in Pages : b \in Bucket(p) <=> bm[b] = p
          /\ (bm[b] = None) <=> (pte[b] = None)
          /\ bm[b] = None => ref[b] = 0

\* SF3: on the free list <=> ref_count = 0; no duplicates, none lost.
SF3 == /\ \A b \in Bufs : b \in Range(freeq) <=> ref[b] = 0
       /\ Len(freeq) = Cardinality(Range(freeq))

\* SF4: used counts the referenced buffers; peak >= used.
SF4 == /\ used = Cardinality({b \in Bufs : ref[b] > 0})
       /\ peak >= used

\* SF9 (WantCount): want = number of threads inside the msleep loop, which
\* are exactly the sleeping and the woken-but-not-yet-running ones.
SF9 == /\ want = Cardinality({t \in Threads : pc[t] = "msleep"})
       /\ sleepq \cup woken = {t \in Threads : pc[t] = "msleep"}
       /\ sleepq \cap woken = {}

RefMatchesHolds == \A b \in Bufs : ref[b] = HeldCount(b)

\* StablePTE (SF5 + SF10): a referenced buffer's PTE maps sf->m, and every
\* holder still gets the page it asked sf_buf_alloc for.
StablePTE == /\ \A b \in Bufs : ref[b] > 0 => pte[b] = bm[b]
             /\ \A t \in Threads, b \in Bufs :
                   holds[t][b] > 0 => (bm[b] = asked[t][b] /\ pte[b] = asked[t][b])

\* MaskSound (SF6): a CPU in sf->cpumask caches no translation of sf->kva
\* other than the current PTE.
MaskSound == \A b \in Bufs : \A c \in mask[b] : tlb[c][b] \in {None, pte[b]}

\* SF7: while a reference taken without SFB_CPUPRIVATE (by alloc or hit) is
\* held, cpumask = all CPUs; while only CPUPRIVATE references are held, the
\* CPU the holder was pinned to at allocation is in cpumask.  (SMP models;
\* UP models keep no mask.)  Whether the holder still runs on that CPU is
\* the caller's pinning discipline, checked end-to-end by NoStaleRead.
SF7 == SMP => \A t \in Threads, b \in Bufs :
          holds[t][b] > 0 =>
             IF privcpu[t][b] = None THEN mask[b] = CPUs
                                     ELSE privcpu[t][b] \in mask[b]

\* SF8 (the PG_A rule): while PG_A is clear, no CPU of cpumask has loaded
\* the current translation since it last invalidated.
SF8 == \A b \in Bufs : ~pteA[b] => \A c \in mask[b] : tlb[c][b] = None

\* NoStaleRead: every access observes the page its allocation asked for.
NoStaleRead == \A t \in Threads, b \in Bufs : seen[t][b] \in {None, asked[t][b]}

\* Wiring protocol of sendfile (brief 1.7 item 8): outstanding sendfile
\* references of p = iterations that wired p and have not released their
\* wiring path yet (between wire and alloc, asleep in alloc, about to
\* unwire) + mbuf references held on buffers that map p.
SendfileRefs(p) ==
    Cardinality({t \in Threads : pc[t] \in {"wired", "msleep", "unwire"}
                                 /\ req[t] = p})
    + SumOver([b \in Bufs |-> IF bm[b] = p THEN HeldCount(b) ELSE 0], Bufs)

\* WireBalance: every wiring taken by sendfile is matched by exactly one
\* pending unwire: wire count = outstanding sendfile references.
WireBalance == Wiring /= "None" => \A p \in Pages : wire[p] = SendfileRefs(p)

\* NoUnwireWhileReferenced: a page with an outstanding sendfile reference
\* is wired (the VM cannot free it under the mapping).
NoUnwireWhileReferenced ==
    Wiring /= "None" => \A p \in Pages : SendfileRefs(p) > 0 => wire[p] > 0

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

\* AllocProgress: every thread that sleeps in sf_buf_alloc eventually
\* returns (with an sf_buf or NULL), under Fairness.
AllocProgress == \A t \in Threads : [](pc[t] = "msleep" => <>(pc[t] /= "msleep"))

=============================================================================
