------------------------------ MODULE SfBufInd ------------------------------
(***************************************************************************)
(* Inductive invariant of SfBuf (issue 13): IndInv == TypeOK /\ the safety *)
(* invariants of SfBuf.tla /\ strengthening conjuncts, each its own        *)
(* definition.  One IndInv for every variant, parametrised by the          *)
(* constants (Variant, SMP, TLB, PteXchg, Bug, ...): conjuncts that only   *)
(* concern one configuration are guarded by its constants.  It is claimed  *)
(* inductive for the FIXED fine-granularity configurations with            *)
(* Wiring = "None" and LockAtomic = FALSE (FreeBSDSMPXchg, UPTLBXchg,      *)
(* Rev1220, Rev1219, RelookupFix, ...); the buggy variants run the same    *)
(* IndInv with their own Next and each breaks one conjunct (proofs/sfbuf.md).*)
(* The wiring protocols (WireBalance) are not covered: WireIdle pins the   *)
(* wire counts to 0, true only without a wiring protocol.                  *)
(*                                                                         *)
(* IndUniverse enumerates TypeOK /\ IndInv for TLC (see IndDraw below);   *)
(* IndSampled(k) draws random states of it for the sampled models.        *)
(***************************************************************************)
EXTENDS SfBuf, Randomization

-----------------------------------------------------------------------------
(* Helpers *)

\* The pcs this configuration can reach (the fine-granularity steps of
\* sf_buf_map and SHOOTDOWN the constants enable).
PcDomainOf ==
    {"idle", "msleep"}
    \cup (IF Wiring = "None" THEN {} ELSE {"wired", "unwire"})
    \cup (IF Wiring = "UnwirePerFree" THEN {"mext"} ELSE {})
    \cup (IF LockAtomic THEN {} ELSE IF Dfly2004 THEN {"sd_local", "sd_ipi", "sd_wait"} ELSE
            (IF ~SMP THEN {"up_inval"} ELSE {})
            \cup (IF SMP THEN {"sd_local", "sd_ipi", "sd_wait"} ELSE {})
            \cup (IF ~Qenter /\ (~PteXchg \/ Bug = "InvalBeforeStore") /\ Bug /= "PGATestNew"
                  THEN {"map_store"} ELSE {})
            \cup (IF Bug = "PGATestNew" /\ ~Qenter THEN {"map_load"} ELSE {})
            \cup (IF ~KeepMapping THEN {"free_inval"} ELSE {}))

IdleLocals == [cur |-> None, req |-> None, fl |-> {}, opte |-> NoPte, pend |-> FALSE, tgt |-> {}]
LocalsOf(t) == [cur |-> cur[t], req |-> req[t], fl |-> fl[t], opte |-> opte[t],
                pend |-> pend[t], tgt |-> tgt[t]]
\* may a thread in a critical section at pc q still owe the PTE store?
PendAllowed(q) == q = "map_store" \/ (Bug = "InvalBeforeStore" /\ q \in AllocPcs)
PrivPossible == \E f \in FlagChoices : Private(f)   \* SFB_CPUPRIVATE or SFBA_QUICK
\* the buffers whose CPU c an invalidation IPI is sent to and not yet acknowledged
SentTo(c) == {b \in Bufs : \E t \in Threads : pc[t] = "sd_wait" /\ cur[t] = b /\ c \in tgt[t]}
\* UP: a local invalidation of b is still to come (the lock holder at up_inval)
UpOwed(b) == \E t \in Threads : cur[t] = b /\ pc[t] = "up_inval"

-----------------------------------------------------------------------------
(* Strengthening conjuncts *)

PcDomain == \A t \in Threads : pc[t] \in PcDomainOf
\* Every pc the constants make reachable; no action needs it for
\* preservation (it bounds the universe: Next never leaves PcDomainOf).

LockHeld == \A t \in Threads : (lock = t) <=> (pc[t] \in CSPcs)
\* sf_buf_lock is held exactly by the thread inside a critical section.
\* Without it a thread at sd_local/up_inval/... with lock = None would let
\* AllocMiss/AllocHit start a second critical section on the same buffer,
\* and the steps of the first (ShootWait, UpInval's Finish) would break
\* RefMatchesHolds, MaskSound and StablePTE.

LocalsShape ==
    \A t \in Threads :
        CASE pc[t] = "msleep" ->
                /\ cur[t] = None /\ req[t] \in Pages
                /\ fl[t] \in FlagChoices /\ "NOWAIT" \notin fl[t]
                /\ opte[t] = NoPte /\ ~pend[t] /\ tgt[t] = {}
          [] pc[t] \in AllocPcs ->
                /\ cur[t] \in Bufs /\ req[t] = bm[cur[t]] /\ fl[t] \in FlagChoices
                /\ (pend[t] => PendAllowed(pc[t])) /\ (pc[t] = "map_store" => pend[t])
                /\ (pc[t] \in {"sd_ipi", "sd_wait"}
                       => tgt[t] /= {} /\ tgt[t] \subseteq mask[cur[t]] \ {cpu[t]})
                /\ (pc[t] \notin {"sd_ipi", "sd_wait"} => tgt[t] = {})
                /\ (pc[t] = "sd_local" => cpu[t] \in mask[cur[t]])
                /\ (pc[t] \in {"sd_ipi", "sd_wait"}
                       => ~Private(fl[t]) /\ mask[cur[t]] = CPUs)
                /\ (SMP /\ pc[t] = "map_store" /\ Bug = "InvalBeforeStore")
                       => IF "PRIV" \in fl[t] THEN cpu[t] \in mask[cur[t]]
                                               ELSE mask[cur[t]] = CPUs
                /\ (pc[t] /= "map_store" \/ Bug = "InvalBeforeStore") => opte[t] = NoPte
          [] pc[t] = "free_inval" ->
                /\ cur[t] \in Bufs /\ req[t] = None /\ fl[t] = {}
                /\ opte[t] = NoPte /\ ~pend[t] /\ tgt[t] = {}
          [] OTHER -> LocalsOf(t) = IdleLocals
\* The critical-section locals agree with pc: the buffer it works on maps
\* the requested page (Finish grants req[t]: without req = bm[cur] the grant
\* breaks StablePTE), the SHOOTDOWN targets are in cpumask and exclude
\* curcpu (else ShootIPI/IPIAck leave a CPU of cpumask \ Owed stale:
\* MaskSound), sd_local's curcpu is already in cpumask (else Finish after
\* ShootLocal breaks SF7 for a CPUPRIVATE grant), and a non-private
\* SHOOTDOWN that sends IPIs has already set cpumask to all CPUs (else
\* ShootWait's Finish breaks SF7; the same for InvalBeforeStore's PTE store,
\* which comes after SHOOTDOWN).  A sleeper sleeps for a page with flags it may pass (SleepExitTake
\* runs MissBody with them); an idle thread carries no locals (AllocMiss
\* etc. overwrite them, but Free/Unpin/Access read pc only).

LoadedPte ==
    \A t \in Threads :
        (pc[t] = "map_store" /\ Bug /= "InvalBeforeStore") =>
            /\ opte[t].pg = pte[cur[t]]
            /\ opte[t].a => pteA[cur[t]]
\* The shipped load/store (S2): between sf_buf_map's load and store the PTE
\* is still the one loaded, and PG_A can only have been SET since (by a page
\* walk).  Vacuous for the fixed variants (no map_store); it keeps the
\* buggy FreeBSDSMP / UPTLB CTIs to states the code reaches.

DecidingFresh ==
    \A b \in Bufs : Deciding(b) /\ ~pteA[b] => \A c \in mask[b] : tlb[c][b] /= pte[b]
\* PGATestNew between its store and its reload: a CPU of cpumask that
\* caches the NEW translation got it by a walk, which set PG_A.  Vacuous
\* for the fixed variants (no map_load); without it the PGATestNew CTI is an
\* unreachable state (new page cached with PG_A clear) breaking SF8.

PteTracksHash == \A b \in Bufs : ~Remapping(b) => pte[b] = bm[b]
\* The PTE maps sf->m, except while the remap's store is still to come.
\* SF2 only says both are NULL together; Finish after a hit grants bm[b]
\* and StablePTE needs the PTE to map that very page.  (While the store is
\* pending the old PTE may map the same page: SleepExitTake does not search
\* the hash again, so a woken thread may remap the head buffer to the page
\* it already maps.)

HeldBound ==
    \A t \in Threads :
        TotalHeld(t) + (IF pc[t] \in AllocPcs \cup {"msleep"} THEN 1 ELSE 0) <= MaxHeld
\* A thread inside sf_buf_alloc holds fewer than MaxHeld references
\* (CanAlloc); without it Finish's GrantRef pushes holds past MaxHeld (TypeOK).

HeldGhosts ==
    \A t \in Threads, b \in Bufs :
        holds[t][b] = 0 => asked[t][b] = None /\ privcpu[t][b] = None /\ seen[t][b] = None
\* The ghosts of a reference are cleared with it (Free when gone).  Without
\* it GrantRef on holds = 0 sets asked to the new page while seen keeps an
\* older read: NoStaleRead breaks after Finish.

\* FreeBSD: sched_pin keeps a CPUPRIVATE holder on its CPU (but PrivateUnpinned);
\* DragonFly 2004 (S8): LWKT threads are not migrated while they hold a SFBA_QUICK
\* buffer (Migrate's guard; but QuickMigrate), and nothing pins.
PrivCpuOK(t, c) ==
    IF Dfly2004 THEN Bug /= "QuickMigrate" => cpu[t] = c
    ELSE PinDiscipline => pinned[t] /\ cpu[t] = c
PrivOnItsCpu(t, b) == PrivCpuOK(t, privcpu[t][b])

PrivPinned ==
    \A t \in Threads, b \in Bufs :
        privcpu[t][b] /= None =>
            /\ holds[t][b] > 0 /\ SMP /\ PrivPossible
            /\ PrivOnItsCpu(t, b)
\* A CPUPRIVATE holder is pinned to the CPU it allocated on (sf_buf(9)
\* discipline: Unpin needs TotalHeld = 0, Migrate needs ~pinned).  Needed by
\* Access: with SF7 it puts the reader's CPU in cpumask (NoStaleRead).

CSPinned ==
    \A t \in Threads :
        /\ (pc[t] \in AllocPcs \cup {"msleep"} /\ "PRIV" \in fl[t] /\ PinDiscipline) => pinned[t]
        /\ ~SMP \/ Dfly2004 => ~pinned[t]
\* An SFB_CPUPRIVATE allocation in progress is pinned (KASSERT in CanAlloc,
\* Unpin/Migrate need pc = idle); Finish then establishes PrivPinned.
\* (UP: no sched_pin; bounds the universe.)

HolderNotOwed ==
    \A t \in Threads, b \in Bufs :
        holds[t][b] > 0 =>
            IF privcpu[t][b] = None \/ ~PinDiscipline THEN Owed(b) = {}
                                                      ELSE cpu[t] \notin Owed(b)
\* A SHOOTDOWN only owes invalidations to CPUs it has just added to cpumask:
\* never to a holder's CPU (in cpumask before, SF7 + PrivPinned), and none
\* at all while a non-private reference is held (cpumask = all CPUs).
\* Without it Access by a holder on an owed CPU reads a stale TLB entry
\* (NoStaleRead), and Migrate of a non-private holder onto an owed CPU.

RemapUnheld ==
    \A b \in Bufs :
        (\E t \in Threads : cur[t] = b /\ pc[t] \in {"map_store", "map_load", "up_inval"})
            => HeldCount(b) = 0
\* sf_buf_map's steps before the invalidation (the PTE store, the PG_A
\* reload, the UP invalidation) only run on a buffer the miss took from
\* the free list (ref_count was 0): no holder.  Without it a holder of b
\* reads, by Access, the stale TLB entry the pending invalidation is about
\* to drop (NoStaleRead after Access while the lock holder is at up_inval).

IpiPending == \A c \in CPUs : ipi[c] \subseteq SentTo(c)
\* An unacknowledged IPI for b belongs to the SHOOTDOWN in progress on b
\* (ShootWait waits for all its targets).  Without it sd_ipi could meet an
\* old IPI still in flight; no conjunct's preservation needs it beyond
\* that: it bounds the universe.

UPTlbSound ==
    (~SMP /\ TLB) =>
        \A c \in CPUs, b \in Bufs : ~UpOwed(b) /\ ~Deciding(b) => tlb[c][b] \in {None, pte[b]}
\* UP analogue of MaskSound (UP keeps no cpumask): the only CPU caches no
\* translation of sf->kva but the PTE's, except before the invalidation of
\* a remap.  Needed by Access (NoStaleRead) and preserved by the remap via
\* UPPgaRule.

UPPgaRule ==
    (~SMP /\ TLB) =>
        \A c \in CPUs, b \in Bufs : ~pteA[b] /\ ~UpOwed(b) /\ ~Deciding(b) => tlb[c][b] = None
\* UP analogue of SF8: PG_A clear => no cached translation.  Needed when
\* the remap (MapFirst with pte_load_store) skips the invalidation because
\* the old PTE was not accessed: UPTlbSound holds after it only because the
\* TLB was empty.

NoTlb == ~TLB => /\ \A c \in CPUs, b \in Bufs : tlb[c][b] = None
                 /\ \A b \in Bufs : ~pteA[b]
                 /\ \A t \in Threads, b \in Bufs : seen[t][b] = None
\* Without TLB modelling tlb, PG_A and seen stay at their initial values.
\* Bounds the universe (no action reads them when TLB = FALSE).

UPMask == ~SMP /\ ~Dfly2004 => \A b \in Bufs : mask[b] = {}
\* UP keeps no cpumask (it stays M_ZERO; DragonFly 2004's cpumask code is not
\* #ifdef SMP and keeps one on one CPU too).  Bounds the universe.

SigShape == \A t \in Threads :
               sigpend[t] => t \in woken /\ UseSignals /\ Catches(fl[t])
\* A pending signal marks a sleeper made runnable by it (Signal), consumed
\* by SleepExitSignal.  Bounds the universe (safety does not depend on it).

WireIdle == Wiring = "None" => \A p \in Pages : wire[p] = 0
\* No wiring protocol: wire counts are never touched.  Bounds TypeOK's Nat.

-----------------------------------------------------------------------------
(* The inductive invariant *)

IndInv ==
    /\ TypeOK
    \* the safety invariants of SfBuf.tla (the passing models' cfgs)
    /\ SF1 /\ SF2 /\ SF3 /\ SF4 /\ SF9 /\ RefMatchesHolds /\ StablePTE
    /\ MaskSound /\ SF7 /\ SF8 /\ NoStaleRead
    /\ WireBalance /\ NoUnwireWhileReferenced
    \* strengthening
    /\ PcDomain /\ LockHeld /\ LocalsShape /\ LoadedPte /\ DecidingFresh /\ PteTracksHash
    /\ HeldBound /\ HeldGhosts /\ PrivPinned /\ CSPinned /\ HolderNotOwed /\ RemapUnheld
    /\ IpiPending /\ UPTlbSound /\ UPPgaRule /\ NoTlb /\ UPMask /\ SigShape
    /\ WireIdle

-----------------------------------------------------------------------------
(* Enumeration of TypeOK /\ IndInv for TLC (bounded universe = the model's *)
(* constants).                                                             *)

\* All functions f with DOMAIN f = D and f[x] \in Opts[x] for every x.
RECURSIVE Choices(_, _)
Choices(D, Opts) ==
    IF D = {} THEN {[x \in {} |-> None]}
    ELSE LET x == CHOOSE x \in D : TRUE
         IN {[y \in D |-> IF y = x THEN v ELSE f[y]] : f \in Choices(D \ {x}, Opts),
                                                       v \in Opts[x]}

\* Sequences listing each element of S once (SF3: the free list).
Perms(S) == {s \in [1..Cardinality(S) -> S] : Range(s) = S}

\* The free lists SF3 allows; DragonFly 2004 (S8, SF3Lazy): every unreferenced
\* buffer once, and any referenced ones (lazy removal), in any order.
FreeqOpts ==
    IF Dfly2004
    THEN UNION {Perms(S) : S \in {S \in SUBSET Bufs : \A b \in Bufs : ref[b] = 0 => b \in S}}
    ELSE Perms({b \in Bufs : ref[b] = 0})

\* Per pc, a superset of the locals LocalsShape allows (it is checked after).
LocalOpts(t) ==
    CASE pc[t] = "msleep" ->
            {[cur |-> None, req |-> p, fl |-> f, opte |-> NoPte, pend |-> FALSE, tgt |-> {}] :
                p \in Pages, f \in {g \in FlagChoices : "NOWAIT" \notin g}}
      [] pc[t] \in AllocPcs ->
            UNION {{[cur |-> b, req |-> bm[b], fl |-> f, opte |-> o, pend |-> d, tgt |-> T] :
                      f \in FlagChoices,
                      o \in IF pc[t] = "map_store" /\ Bug /= "InvalBeforeStore"
                            THEN [pg : Pages \cup {None}, a : BOOLEAN] ELSE {NoPte},
                      d \in IF PendAllowed(pc[t]) THEN BOOLEAN ELSE {FALSE},
                      T \in IF pc[t] \in {"sd_ipi", "sd_wait"}
                            THEN SUBSET (CPUs \ {cpu[t]}) \ {{}} ELSE {{}}} :
                   b \in {bb \in Bufs : bm[bb] /= None}}
      [] pc[t] = "free_inval" ->
            {[cur |-> b, req |-> None, fl |-> {}, opte |-> NoPte, pend |-> FALSE, tgt |-> {}] :
                b \in Bufs}
      [] OTHER -> {IdleLocals}

\* (bm[cur] /= None for a thread in sf_buf_alloc's critical section: req =
\* bm[cur] (LocalsShape) and req \in Pages there, as RefMatchesHolds gives
\* ref[cur] > 0 and SF2 bm = None => ref = 0.)
\* cpumask values SF7 and LocalsShape allow given the holders and the lock
\* holder's locals (UPMask: none on UP).
MaskOpts(b) ==
    IF ~SMP /\ ~Dfly2004 THEN {{}}
    ELSE {m \in SUBSET CPUs :
            /\ \A t \in Threads : holds[t][b] > 0 =>
                  IF privcpu[t][b] = None THEN m = CPUs ELSE privcpu[t][b] \in m
            /\ \A t \in Threads : cur[t] = b =>
                  /\ pc[t] \in {"sd_ipi", "sd_wait"} => m = CPUs
                  /\ pc[t] = "sd_local" => cpu[t] \in m
                  /\ (pc[t] = "map_store" /\ Bug = "InvalBeforeStore")
                        => IF "PRIV" \in fl[t] THEN cpu[t] \in m ELSE m = CPUs}

\* TLB entries of c for b that MaskSound, SF8 (SMP), UPTlbSound, UPPgaRule
\* (UP) and NoTlb allow given the other variables.
TlbOpts(c, b) ==
    IF ~TLB THEN {None}
    ELSE IF (IF SMP THEN c \in mask[b] \ Owed(b) ELSE ~UpOwed(b)) /\ ~Deciding(b)
    THEN {None} \cup (IF pteA[b] THEN {pte[b]} ELSE {})
    ELSE Pages \cup {None}

MsleepSet == {t \in Threads : pc[t] = "msleep"}

\* IndDraw(Pick) draws the state variable by variable; Pick(S) is the set
\* a draw ranges over: S itself (IndUniverse, exhaustive) or a random
\* subset of it (IndSampled).  With Pick = identity every draw ranges over
\* the variable's TypeOK domain, or over the only values the IndInv
\* conjuncts named on the line leave it given the variables drawn before
\* (a superset where the conjunct is checked right after); the
\* conjuncts that mention only drawn variables follow each draw.  So every
\* state of TypeOK /\ IndInv is drawn.  The converse is checked by TLC: the
\* cfg lists every conjunct as an INVARIANT and TLC checks the initial
\* states too, so a run that gets past the initial states (every CTI has
\* two states) shows IndUniverse = TypeOK /\ IndInv.  (Conjoining IndInv
\* here again would double the enumeration time.)
IndDraw(Pick(_)) ==
    /\ pc \in Pick({f \in [Threads -> PcDomainOf] :
                      Cardinality({t \in Threads : f[t] \in CSPcs}) <= 1})   \* PcDomain, LockHeld
    /\ lock = IF \E t \in Threads : pc[t] \in CSPcs
              THEN CHOOSE t \in Threads : pc[t] \in CSPcs ELSE None       \* LockHeld
    /\ LockHeld
    /\ cpu \in Pick([Threads -> CPUs])
    /\ holds \in Pick(Choices(Threads, [t \in Threads |->
                      {h \in [Bufs -> 0..MaxHeld] :
                         SumOver(h, Bufs) + (IF pc[t] \in AllocPcs \cup {"msleep"} THEN 1 ELSE 0)
                            <= MaxHeld}]))                            \* HeldBound
    /\ HeldBound
    /\ bm \in Pick([Bufs -> Pages \cup {None}])
    /\ SF1
    /\ \E L \in Pick(Choices(Threads, [t \in Threads |-> Pick(LocalOpts(t))])) :
          /\ cur = [t \in Threads |-> L[t].cur]
          /\ req = [t \in Threads |-> L[t].req]
          /\ fl = [t \in Threads |-> L[t].fl]
          /\ opte = [t \in Threads |-> L[t].opte]
          /\ pend = [t \in Threads |-> L[t].pend]
          /\ tgt = [t \in Threads |-> L[t].tgt]
    /\ RemapUnheld
    /\ pinned \in Pick(Choices(Threads, [t \in Threads |->
                      IF ~SMP \/ Dfly2004 THEN {FALSE}
                      ELSE IF pc[t] \in AllocPcs \cup {"msleep"} /\ "PRIV" \in fl[t] /\ PinDiscipline
                      THEN {TRUE} ELSE BOOLEAN]))                     \* CSPinned
    /\ privcpu \in Pick(Choices(Threads, [t \in Threads |->
                   Choices(Bufs, [b \in Bufs |->
                      IF holds[t][b] > 0 /\ SMP /\ PrivPossible
                      THEN {None} \cup {c \in CPUs : PrivCpuOK(t, c)}
                      ELSE {None}])]))                                \* HeldGhosts, PrivPinned
    /\ PrivPinned
    /\ mask \in Pick(Choices(Bufs, [b \in Bufs |-> MaskOpts(b)]))      \* UPMask, SF7, LocalsShape
    /\ SF7 /\ LocalsShape /\ CSPinned
    /\ ref = [b \in Bufs |-> HeldCount(b) + Cardinality(InFlight(b))]  \* RefMatchesHolds
    /\ \A b \in Bufs : bm[b] = None => ref[b] = 0                     \* SF2
    /\ used = IF Dfly2004 THEN 0 ELSE Cardinality({b \in Bufs : ref[b] > 0})  \* SF4
    /\ peak \in Pick(IF Dfly2004 THEN {0} ELSE used..Cardinality(Bufs))
    /\ freeq \in Pick(FreeqOpts)                                       \* SF3 (SF3Lazy)
    /\ want = Cardinality(MsleepSet)                                  \* SF9
    /\ sleepq \in Pick(SUBSET MsleepSet)
    /\ woken = MsleepSet \ sleepq                                     \* SF9
    /\ sigpend \in Pick(Choices(Threads, [t \in Threads |->
                      IF t \in woken /\ UseSignals /\ Catches(fl[t]) THEN BOOLEAN
                      ELSE {FALSE}]))                                 \* SigShape
    /\ asked = [t \in Threads |-> [b \in Bufs |->
                   IF holds[t][b] > 0 THEN bm[b] ELSE None]]          \* StablePTE, HeldGhosts
    /\ pte \in Pick(Choices(Bufs, [b \in Bufs |->
                      IF Remapping(b) THEN Pages \cup {None} ELSE {bm[b]}]))  \* PteTracksHash
    /\ pteA \in Pick([Bufs -> IF TLB THEN BOOLEAN ELSE {FALSE}])      \* NoTlb
    /\ SF2 /\ LoadedPte /\ StablePTE
    /\ ipi \in Pick(Choices(CPUs, [c \in CPUs |-> SUBSET SentTo(c)]))  \* IpiPending
    /\ Dfly2004 \/ HolderNotOwed      \* DragonFly 2004: OwedHolderSound (SfBufLazyInd)
    /\ tlb \in Pick(Choices(CPUs, [c \in CPUs |->
                   Pick(Choices(Bufs, [b \in Bufs |-> TlbOpts(c, b)]))]))  \* NoTlb, MaskSound, SF8, UP*
    /\ MaskSound /\ SF8 /\ UPTlbSound /\ UPPgaRule /\ DecidingFresh
    /\ wire = [p \in Pages |-> 0]                                     \* WireIdle
    /\ seen \in Pick(Choices(Threads, [t \in Threads |->
                   Choices(Bufs, [b \in Bufs |->
                      IF holds[t][b] > 0 /\ TLB THEN {None, asked[t][b]}
                      ELSE {None}])]))                                \* NoStaleRead, HeldGhosts, NoTlb

IndUniverse == IndDraw(LAMBDA S : S)

\* Sampled: each draw ranges over at most k random elements of
\* its set (TLC's Randomization; k is the model's width).
\* Bounded and random: never a pass.
PickRandom(k, S) == IF Cardinality(S) <= k THEN S ELSE RandomSubset(k, S)
IndSampled(k) == IndDraw(LAMBDA S : PickRandom(k, S))

=============================================================================
