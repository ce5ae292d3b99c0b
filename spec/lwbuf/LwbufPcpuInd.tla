---------------------------- MODULE LwbufPcpuInd ----------------------------
(***************************************************************************)
(* Inductive invariant of LwbufPcpu.tla (issue 13 for issue 15 item 4: the *)
(* per-CPU lwbuf L4 with kmem_free of surplus lwbufs): IndInv == TypeOK /\ *)
(* LwbufPcpu's invariants /\ the strengthening conjuncts below, each with  *)
(* its reason underneath.  Claimed inductive for Variant "Shipped"; the    *)
(* KremoveQuickFree variant breaks FreedKvaNotCached (proofs/lwbuf.md).    *)
(* IndInit enumerates TypeOK /\ IndInv: each variable is drawn from its    *)
(* type (or the values the conjuncts on its line leave), the conjuncts     *)
(* that mention only drawn variables follow; every conjunct is also an     *)
(* INVARIANT of the models, so IndInit = TypeOK /\ IndInv.                 *)
(***************************************************************************)
EXTENDS LwbufPcpu

\* The program counters a thread holding an lwbuf can be at.
HeldPcs == {"al_invlpg", "holding", "kv_invlpg", "kv_or"}
\* The thread (or handler) holding KVA k between two steps.
HeldBy(k, S) == \E a \in Agents : kv[a] = k /\ pc[a] \in S

-----------------------------------------------------------------------------
(* Strengthening conjuncts *)

PcShape ==
    /\ \A a \in Agents : (kv[a] = NoKva) <=> (pc[a] = "idle")
    /\ \A c \in CPUs : pc[c] \in {"idle"} \cup KfPcs
    /\ ~Shipped => \A a \in Agents : pc[a] \notin {"kf_ipi", "kf_wait"}
\* An agent works on a KVA exactly when it is not idle; a passive-IPI handler
\* only runs lwbuf_free_remote (HomeFree, then kmem_free's steps); without
\* pmap_remove's shootdown (KremoveQuickFree) there is no IPI step.  Free and
\* the Kf* steps read kv[a]: without it Free of an idle thread's NoKva would
\* leave TypeOK.

HomeOfWork ==
    \A a \in Agents :
        /\ pc[a] \in HeldPcs => home[kv[a]] \in CPUs
        /\ pc[a] = "kmem" => home[kv[a]] = NoCpu
        /\ pc[a] \in KfPcs => home[kv[a]] = CpuOf(a)
\* An lwbuf in use has a home CPU; kmem_alloc's KVA is no lwbuf's; kmem_free
\* of a surplus lwbuf runs on its home CPU (HomeFree is only called there).
\* Without it Free of an lwbuf whose home is NoCpu sends the passive IPI to
\* NoCpu (TypeOK), and KfRelease could not return the home.

ObjectShape ==
    \A k \in Kvas :
        /\ lm[k] /= NoPage => HeldBy(k, HeldPcs)
        /\ mask[k] /= {} => HeldBy(k, HeldPcs \ {"al_invlpg"})
\* lwb->m and lwb->cpumask are set only while a thread holds the lwbuf (Free
\* resets both before the lwbuf goes to a list, a queue or kmem_free; a KVA
\* from kernel_map has none: the object is new and zeroed), and cpumask is
\* still 0 before AllocInvlpgOr.  Needed by Alloc: it changes the PTE of the
\* lwbuf it pops (or grows), and LW1 holds after it only because no CPU is
\* in that lwbuf's cpumask; AllocInvlpgOr then adds just curcpu.

HolderShape ==
    \A t \in Threads :
        CASE pc[t] \in HeldPcs ->
                /\ want[t] \in LwbufPages /\ lm[kv[t]] = want[t] /\ pte[kv[t]] = want[t]
          [] pc[t] = "kmem" -> want[t] \in KmemPages /\ pte[kv[t]] = want[t]
          [] OTHER -> want[t] = NoPage /\ seen[t] = NoPage
\* A holder's lwbuf maps the page it asked for (Alloc stores it; nothing
\* clears the PTE of a held lwbuf: kmem_free runs after Free); kmem_alloc's
\* user likewise.  Needed by Access: a TLB miss walks the PTE, which must be
\* the page asked for (NoStaleAccess).  Idle and kmem_free'ing threads keep
\* no ghost values (Free resets them).

SyncedShape ==
    \A t \in Threads :
        /\ synced[t] => pc[t] = "holding" /\ tcpu[t] \in mask[kv[t]]
        /\ pc[t] = "kv_or" => tlb[tcpu[t]][kv[t]] \in {NoPage, pte[kv[t]]}
\* lwbuf_kva's work: a synced holder's CPU is in cpumask (KvaOr adds it,
\* Migrate clears synced), and between _lwbuf_kva's invlpg and its cmpset
\* loop the CPU caches at most the current translation (a fill walks the
\* PTE).  Needed by Access (with LW1: NoStaleAccess) and by KvaOr (LW1).

KmemSound ==
    \A t \in Threads :
        pc[t] = "kmem" => \A c \in CPUs : tlb[c][kv[t]] \in {NoPage, pte[kv[t]]}
\* kmem_alloc's memory is used from any CPU: no CPU caches a translation of
\* it but the PTE's (KmemAlloc takes a KVA no CPU caches: FreedKvaNotCached).
\* Needed by Access on any CPU (NoStaleAccess).

KfProgress ==
    \A a \in Agents :
        LET k == kv[a] IN
        /\ pc[a] \in KfPcs \ {"kf_clear"} => pte[k] = NoPage
        /\ pc[a] \in {"kf_ipi", "kf_wait", "kf_release"} => tlb[CpuOf(a)][k] = NoPage
        /\ pc[a] = "kf_wait" => \A d \in Others(CpuOf(a)) : k \notin sdipi[d] => tlb[d][k] = NoPage
        /\ pc[a] = "kf_release" /\ Shipped => \A d \in CPUs : tlb[d][k] = NoPage
\* kmem_free's progress through pmap_remove: the PTE is clear after
\* KfClear (no walk fills it again), curcpu is clean after KfInvlpg, a target
\* is clean once it acknowledged the IPI, and before KfRelease every CPU is
\* clean (Shipped).  Needed by KfRelease: FreedKvaNotCached.  The
\* KremoveQuickFree variant invalidates curcpu only: its KfRelease breaks
\* FreedKvaNotCached.

FreedKvaUnmapped == \A k \in kfree : pte[k] = NoPage
\* A KVA page in kernel_map has no valid PTE: kmem_free returns it after
\* pmap_remove cleared the PTE (KfClear), kmem_alloc maps it only after taking
\* it.  Needed by TLBFill: a walk of a free KVA would break FreedKvaNotCached.

LwbufPagesOnly ==
    \A k \in Kvas : home[k] /= NoCpu =>
        /\ pte[k] \in LwbufPages \cup {NoPage}
        /\ \A c \in CPUs : tlb[c][k] \in LwbufPages \cup {NoPage}
\* An lwbuf's KVA only ever maps pages passed to lwbuf_alloc: it comes from
\* kernel_map unmapped and uncached (FreedKvaUnmapped, FreedKvaNotCached),
\* and kmem_alloc's user keeps its KVA for good.  Bounds the universe (the
\* stale entries of listed lwbufs are lwbuf pages).

SdipiPending ==
    \A d \in CPUs : \A k \in sdipi[d] :
        \E a \in Agents : pc[a] = "kf_wait" /\ kv[a] = k /\ d \in Others(CpuOf(a))
\* An unhandled shootdown IPI for k belongs to the kmem_free of k waiting
\* for it.  Bounds the universe; also keeps IPIAck from clearing an entry the
\* model did not intend (no conjunct's preservation needs more).

-----------------------------------------------------------------------------
IndInv ==
    /\ TypeOK /\ LW1 /\ NoStaleAccess /\ FreedKvaNotCached /\ HomeListsOnly /\ KvaAccounted
    /\ PcShape /\ HomeOfWork /\ ObjectShape /\ HolderShape /\ SyncedShape /\ KmemSound
    /\ KfProgress /\ FreedKvaUnmapped /\ LwbufPagesOnly /\ SdipiPending

-----------------------------------------------------------------------------
(* Enumeration of TypeOK /\ IndInv (the model's constants bound it).       *)

Range(s) == {s[i] : i \in DOMAIN s}
\* Sequences listing each element of S once (a free list, KvaAccounted).
DistinctSeqs == UNION {{s \in [1..n -> Kvas] : Cardinality(Range(s)) = n} : n \in 0..NKva}
EntryOpts == Pages \cup {NoPage}
\* Where an unworked KVA page is (KvaAccounted): kernel_map, CPU c's list, CPU c's queue.
PlaceOpts == {<<"kfree", NoCpu>>} \cup ({"list", "ipiq"} \X CPUs)
Worked == {kv[a] : a \in {b \in Agents : kv[b] /= NoKva}}
\* The home HomeOfWork / HomeListsOnly / KvaAccounted leave a page.
HomeOpts(k, place) ==
    IF k \notin Worked THEN {place[k][2]}
    ELSE LET a == CHOOSE a \in Agents : kv[a] = k
         IN CASE pc[a] \in HeldPcs -> CPUs
              [] pc[a] \in KfPcs   -> {CpuOf(a)}
              [] OTHER             -> {NoCpu}
\* TLB entries LW1, FreedKvaNotCached, KmemSound, KfProgress leave (a superset:
\* the conjuncts are tested after the draw).
TlbOpts(c, k) ==
    IF k \in kfree THEN {NoPage}
    ELSE IF home[k] /= NoCpu /\ c \notin mask[k] THEN LwbufPages \cup {NoPage}
    ELSE IF c \in mask[k] \/ HeldBy(k, {"kmem"}) THEN {NoPage, pte[k]}
    ELSE EntryOpts

IndInit ==
    /\ pc \in [Agents -> Pcs]
    /\ kv \in [Agents -> Kvas \cup {NoKva}]
    /\ PcShape
    /\ \A a, b \in Agents : a /= b /\ kv[a] /= NoKva => kv[a] /= kv[b]       \* KvaAccounted
    /\ tcpu \in [Threads -> CPUs]
    /\ \E place \in [Kvas \ Worked -> PlaceOpts] :
          /\ kfree = {k \in Kvas \ Worked : place[k][1] = "kfree"}
          /\ ipiq = [c \in CPUs |-> {k \in Kvas \ Worked : place[k] = <<"ipiq", c>>}]
          /\ fpages \in {f \in [CPUs -> DistinctSeqs] :
                         \A c \in CPUs : Range(f[c]) = {k \in Kvas \ Worked : place[k] = <<"list", c>>}}
          /\ home \in {h \in [Kvas -> CPUs \cup {NoCpu}] : \A k \in Kvas : h[k] \in HomeOpts(k, place)}
    /\ KvaAccounted /\ HomeListsOnly /\ HomeOfWork
    /\ lm \in {f \in [Kvas -> EntryOpts] : \A k \in Kvas : f[k] /= NoPage => HeldBy(k, HeldPcs)}
    /\ mask \in {f \in [Kvas -> SUBSET CPUs] :
                   \A k \in Kvas : f[k] /= {} => HeldBy(k, HeldPcs \ {"al_invlpg"})}
    /\ ObjectShape
    /\ pte \in {f \in [Kvas -> EntryOpts] :
                   \A k \in Kvas : home[k] /= NoCpu => f[k] \in LwbufPages \cup {NoPage}}
    /\ FreedKvaUnmapped
    /\ want = [t \in Threads |-> IF pc[t] \in HeldPcs \cup {"kmem"} THEN pte[kv[t]] ELSE NoPage]
    /\ seen \in {f \in [Threads -> EntryOpts] : \A t \in Threads : f[t] \in {NoPage, want[t]}}
    /\ HolderShape /\ NoStaleAccess
    /\ synced \in {f \in [Threads -> BOOLEAN] : \A t \in Threads : f[t] => pc[t] = "holding"}
    /\ sdipi \in {f \in [CPUs -> SUBSET Kvas] :
                    \A d \in CPUs : \A k \in f[d] :
                       \E a \in Agents : pc[a] = "kf_wait" /\ kv[a] = k /\ d \in Others(CpuOf(a))}
    /\ SdipiPending
    /\ tlb \in {f \in [CPUs -> [Kvas -> EntryOpts]] :
                  \A c \in CPUs, k \in Kvas : f[c][k] \in TlbOpts(c, k)}
    /\ TypeOK /\ LW1 /\ FreedKvaNotCached /\ SyncedShape /\ KmemSound /\ KfProgress
    /\ LwbufPagesOnly

=============================================================================
