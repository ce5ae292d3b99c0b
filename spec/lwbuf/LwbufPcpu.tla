------------------------------ MODULE LwbufPcpu ------------------------------
(***************************************************************************)
(* DragonFly lwbuf with per-CPU free lists (issue 15 item 4): the L4 copy  *)
(* of sys/cpu/i386/misc/lwbuf.c (kernel-brief L3-L5: copies not pinned to *)
(* a commit; the search index holds 15 versions of that path and names    *)
(* only c07315c4, so "@L4" below means the version with lwbuf_initpages,  *)
(* LWBUF_BOOT_PAGES / LWBUF_ALLOC_PAGES, lwbuf_free_remote and the        *)
(* kmem_free of surplus lwbufs).  kmem_free's path read in DragonFly      *)
(* vm_map.c (vm_map_delete: an entry without an object -> pmap_remove)    *)
(* and i386 pmap.c (pmap_remove_pte: pmap_inval_interlock, loadandclear,  *)
(* pmap_inval_deinterlock), the 2010 versions of the index ("@2010").     *)
(*                                                                         *)
(* In L4 an lwbuf is created per KVA page (lwbuf_initpages) and belongs    *)
(* to a home CPU (lwb->gd); it lives on its home's free list               *)
(* gd_lwbuf_fpages (LIFO), is held by a caller, or is on its way home in   *)
(* a passive IPI (lwkt_send_ipiq_passive -> lwbuf_free_remote).  A free on *)
(* the home CPU while that CPU already has more than LWBUF_BOOT_PAGES free *)
(* lwbufs returns the KVA to kernel_map (kmem_free) and frees the object.  *)
(* So an lwbuf is identified by its KVA page k.                            *)
(*                                                                         *)
(* Granularity as Lwbuf.tla's "Fine": at most one hardware-visible step    *)
(* per action; TLB fills, evictions and each CPU's shootdown-IPI handling  *)
(* fall between any two.  The passive-IPI queue is software (no interrupt: *)
(* the home CPU drains it when it next polls), modelled as a per-CPU       *)
(* handler agent that runs lwbuf_free_remote at any time.                  *)
(* Not modelled: lwbuf_set_global (unchanged from Lwbuf.tla), the tsleep   *)
(* when neither a free lwbuf nor KVA is left (the allocation is then not   *)
(* enabled: the thread waits), LWBUF_ALLOC_PAGES > 1 (one page per grow),  *)
(* the gd_lwbuf_count statistic (it equals Len(fpages[c])).                *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    CPUs, Pages, Threads,      \* model values
    LwbufPages, KmemPages,     \* the pages lwbuf_alloc / kmem_alloc callers may ask for
    NKva,                      \* kernel_map's KVA pages are 1..NKva (first fit: lowest)
    Reserve,                   \* LWBUF_BOOT_PAGES: boot lwbufs per CPU, and the surplus threshold
    NoPage, NoKva, NoCpu,
    Variant

Kvas == 1..NKva
VariantOK == Variant \in
    { "Shipped",          \* L4: kmem_free -> pmap_remove: PTE clear and invalidation on every CPU
      "KremoveQuickFree"  \* surplus KVA unmapped with pmap_kremove_quick (clear + local invlpg)
                          \* before kmem_free, whose pmap_remove then finds no valid PTE: no shootdown
    }
ASSUME VariantOK
ASSUME Reserve \in Nat /\ Reserve * Cardinality(CPUs) <= NKva
ASSUME NoPage \notin Pages /\ NoKva \notin Kvas /\ NoCpu \notin CPUs
ASSUME CPUs \cap Threads = {}
ASSUME LwbufPages \subseteq Pages /\ KmemPages \subseteq Pages

\* The agents that run kernel code: the client threads and, per CPU, its passive-IPI handler
\* (named by the CPU).
Agents == Threads \cup CPUs

VARIABLES
    kfree,   \* KVA pages free in kernel_map
    home,    \* home[k] = lwb->gd of the lwbuf owning KVA k (NoCpu: k is no lwbuf's)
    fpages,  \* fpages[c] = gd_lwbuf_fpages of CPU c (head first)
    ipiq,    \* ipiq[c] = lwbufs sent to CPU c by lwkt_send_ipiq_passive, not yet processed
    lm,      \* lm[k] = lwb->m
    mask,    \* mask[k] = lwb->cpumask
    pte,     \* pte[k] = page the PTE of KVA k maps (NoPage: invalid)
    tlb,     \* tlb[c][k] = translation CPU c's TLB holds for k
    sdipi,   \* sdipi[c] = KVAs CPU c has been sent a shootdown IPI for (pmap_inval) and not handled
    tcpu,    \* tcpu[t] = CPU thread t runs on (a handler runs on its own CPU)
    pc,      \* pc[a]
    kv,      \* kv[a] = KVA agent a works on / holds (NoKva: none)
    want,    \* want[t] = page t's allocation asked for (ghost)
    synced,  \* synced[t]: lwbuf_kva ran on t's current CPU since it got the lwbuf
    seen     \* seen[t] = page t's last access observed (ghost)

vars == <<kfree, home, fpages, ipiq, lm, mask, pte, tlb, sdipi, tcpu, pc, kv, want, synced, seen>>

\* kf_*: inside kmem_free of a surplus lwbuf (lwbuf_free on its home CPU).
KfPcs == {"kf_clear", "kf_invlpg", "kf_ipi", "kf_wait", "kf_release"}
Pcs == {"idle", "holding", "kmem", "al_invlpg", "kv_invlpg", "kv_or"} \cup KfPcs

CpuOf(a) == IF a \in CPUs THEN a ELSE tcpu[a]
Others(c) == CPUs \ {c}
MinFree == CHOOSE k \in kfree : \A j \in kfree : k <= j
Shipped == Variant = "Shipped"

TypeOK ==
    /\ kfree \subseteq Kvas
    /\ home \in [Kvas -> CPUs \cup {NoCpu}]
    /\ fpages \in [CPUs -> Seq(Kvas)]
    /\ ipiq \in [CPUs -> SUBSET Kvas]
    /\ lm \in [Kvas -> Pages \cup {NoPage}]
    /\ mask \in [Kvas -> SUBSET CPUs]
    /\ pte \in [Kvas -> Pages \cup {NoPage}]
    /\ tlb \in [CPUs -> [Kvas -> Pages \cup {NoPage}]]
    /\ sdipi \in [CPUs -> SUBSET Kvas]
    /\ tcpu \in [Threads -> CPUs]
    /\ pc \in [Agents -> Pcs]
    /\ kv \in [Agents -> Kvas \cup {NoKva}]
    /\ want \in [Threads -> Pages \cup {NoPage}]
    /\ synced \in [Threads -> BOOLEAN]
    /\ seen \in [Threads -> Pages \cup {NoPage}]

\* The boot reserve: lwbuf_init gives CPU number i (in the order of a sequence of CPUs) the KVA
\* pages of its kmem_alloc_nofault, lowest first; lwbuf_initpages pushes them, so the head is the
\* highest.  BootOrder is fixed by the model (MC*: <<c0, c1>>).
CONSTANT BootOrder
ASSUME BootOrder \in Seq(CPUs) /\ Len(BootOrder) = Cardinality(CPUs)
BootIdx(c) == CHOOSE i \in 1..Len(BootOrder) : BootOrder[i] = c
BootPages(c) == [j \in 1..Reserve |-> (BootIdx(c) - 1) * Reserve + Reserve + 1 - j]

Init ==
    /\ kfree = Kvas \ {(i - 1) * Reserve + j : i \in 1..Len(BootOrder), j \in 1..Reserve}
    /\ home = [k \in Kvas |-> IF k > Reserve * Len(BootOrder) THEN NoCpu
                              ELSE BootOrder[((k - 1) \div (IF Reserve = 0 THEN 1 ELSE Reserve)) + 1]]
    /\ fpages = [c \in CPUs |-> BootPages(c)]
    /\ ipiq = [c \in CPUs |-> {}]
    /\ lm = [k \in Kvas |-> NoPage]
    /\ mask = [k \in Kvas |-> {}]                  \* kmalloc(M_ZERO)
    /\ pte = [k \in Kvas |-> NoPage]
    /\ tlb = [c \in CPUs |-> [k \in Kvas |-> NoPage]]
    /\ sdipi = [c \in CPUs |-> {}]
    /\ tcpu \in [Threads -> CPUs]
    /\ pc = [a \in Agents |-> "idle"]
    /\ kv = [a \in Agents |-> NoKva]
    /\ want = [t \in Threads |-> NoPage]
    /\ synced = [t \in Threads |-> FALSE]
    /\ seen = [t \in Threads |-> NoPage]

-----------------------------------------------------------------------------
(* Kernel steps *)

\* lwbuf_alloc(m) @L4: crit_enter_gd; while the own list is empty, lwbuf_initpages(gd, 1)
\* (kmem_alloc_nofault under the MP lock: the lowest free KVA; a zeroed lwbuf with gd = this CPU,
\* pushed on the list); pop the head; lwb->m = m; crit_exit; then pmap_kenter_quick's PTE store.
\* The list and the new object are this CPU's private software state (critical section), so they
\* fold into the PTE store.  No free lwbuf and no KVA: the thread would tsleep; not enabled.
Alloc(t, p) ==
    /\ pc[t] = "idle"
    /\ LET c == tcpu[t]
           grow == fpages[c] = <<>>
       IN /\ ~grow \/ kfree # {}
          /\ LET k == IF grow THEN MinFree ELSE Head(fpages[c]) IN
             /\ kfree' = IF grow THEN kfree \ {k} ELSE kfree
             /\ home' = IF grow THEN [home EXCEPT ![k] = c] ELSE home
             /\ fpages' = IF grow THEN fpages ELSE [fpages EXCEPT ![c] = Tail(@)]
             /\ lm' = [lm EXCEPT ![k] = p]
             /\ pte' = [pte EXCEPT ![k] = p]
             /\ kv' = [kv EXCEPT ![t] = k]
    /\ pc' = [pc EXCEPT ![t] = "al_invlpg"]
    /\ want' = [want EXCEPT ![t] = p]
    /\ synced' = [synced EXCEPT ![t] = FALSE]
    /\ seen' = [seen EXCEPT ![t] = NoPage]
    /\ UNCHANGED <<ipiq, mask, tlb, sdipi, tcpu>>

\* lwbuf_alloc @L4: pmap_kenter_quick's cpu_invlpg on this CPU, then lwb->cpumask |= gd_cpumask
\* (the mask is 0 here: zeroed at creation, reset by every free; the object is private until
\* lwbuf_alloc returns, so the store folds into the invlpg).
AllocInvlpgOr(t) ==
    /\ pc[t] = "al_invlpg"
    /\ tlb' = [tlb EXCEPT ![tcpu[t]][kv[t]] = NoPage]
    /\ mask' = [mask EXCEPT ![kv[t]] = @ \cup {tcpu[t]}]
    /\ pc' = [pc EXCEPT ![t] = "holding"]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, pte, sdipi, tcpu, kv, want, synced, seen>>

\* lwbuf_kva @L4: fast path if this CPU's bit is set, else _lwbuf_kva.
Kva(t) ==
    /\ pc[t] = "holding"
    /\ IF tcpu[t] \in mask[kv[t]]
       THEN /\ synced' = [synced EXCEPT ![t] = TRUE]
            /\ UNCHANGED pc
       ELSE /\ pc' = [pc EXCEPT ![t] = "kv_invlpg"]
            /\ UNCHANGED synced
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, tlb, sdipi, tcpu, kv, want, seen>>

\* _lwbuf_kva @L4: pmap_kenter_sync_quick = cpu_invlpg on this CPU.
KvaInvlpg(t) ==
    /\ pc[t] = "kv_invlpg"
    /\ tlb' = [tlb EXCEPT ![tcpu[t]][kv[t]] = NoPage]
    /\ pc' = [pc EXCEPT ![t] = "kv_or"]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, sdipi, tcpu, kv, want, synced, seen>>

\* _lwbuf_kva @L4: the atomic_cmpset_int loop adding this CPU's bit.
KvaOr(t) ==
    /\ pc[t] = "kv_or"
    /\ mask' = [mask EXCEPT ![kv[t]] = @ \cup {tcpu[t]}]
    /\ pc' = [pc EXCEPT ![t] = "holding"]
    /\ synced' = [synced EXCEPT ![t] = TRUE]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, pte, tlb, sdipi, tcpu, kv, want, seen>>

\* A dereference on the thread's CPU: an lwbuf only after lwbuf_kva on this CPU (lwbuf(9)); kernel
\* memory from kmem_alloc anywhere.  TLB hit, or a walk that fills the TLB.
Access(t) ==
    /\ \/ pc[t] = "holding" /\ synced[t]
       \/ pc[t] = "kmem"
    /\ LET c == tcpu[t]
           k == kv[t]
       IN IF tlb[c][k] # NoPage
          THEN /\ seen' = [seen EXCEPT ![t] = tlb[c][k]]
               /\ UNCHANGED tlb
          ELSE /\ pte[k] # NoPage
               /\ seen' = [seen EXCEPT ![t] = pte[k]]
               /\ tlb' = [tlb EXCEPT ![c][k] = pte[k]]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, sdipi, tcpu, pc, kv, want, synced>>

\* lwbuf_free @L4 on the home CPU c, after m = NULL and cpumask = 0: with more than
\* LWBUF_BOOT_PAGES free lwbufs on the list, kmem_free the KVA (KfClear..KfRelease); else
\* crit_enter_gd, push on the list (and wakeup_one if it was empty: no sleeper is modelled).
HomeFree(a, c, k) ==
    IF Len(fpages[c]) > Reserve
    THEN /\ pc' = [pc EXCEPT ![a] = "kf_clear"]
         /\ kv' = [kv EXCEPT ![a] = k]
         /\ UNCHANGED fpages
    ELSE /\ fpages' = [fpages EXCEPT ![c] = <<k>> \o @]
         /\ pc' = [pc EXCEPT ![a] = "idle"]
         /\ kv' = [kv EXCEPT ![a] = NoKva]

\* lwbuf_free(lwb) @L4: lwb->m = NULL; lwb->cpumask = 0; then on the home CPU HomeFree, elsewhere
\* lwkt_send_ipiq_passive(lwb->gd, lwbuf_free_remote, lwb): the lwbuf is pending on its home's
\* queue.  Software only (the PTE is left as it is): one step.
Free(t) ==
    /\ pc[t] = "holding"
    /\ LET k == kv[t]
           c == tcpu[t]
       IN /\ lm' = [lm EXCEPT ![k] = NoPage]
          /\ mask' = [mask EXCEPT ![k] = {}]
          /\ IF c = home[k]
             THEN /\ HomeFree(t, c, k)
                  /\ UNCHANGED ipiq
             ELSE /\ ipiq' = [ipiq EXCEPT ![home[k]] = @ \cup {k}]
                  /\ pc' = [pc EXCEPT ![t] = "idle"]
                  /\ kv' = [kv EXCEPT ![t] = NoKva]
                  /\ UNCHANGED fpages
    /\ want' = [want EXCEPT ![t] = NoPage]
    /\ synced' = [synced EXCEPT ![t] = FALSE]
    /\ seen' = [seen EXCEPT ![t] = NoPage]
    /\ UNCHANGED <<kfree, home, pte, tlb, sdipi, tcpu>>

\* lwbuf_free_remote @L4: CPU c drains one passive IPI and runs lwbuf_free(lwb) on the home CPU
\* (m and cpumask are already NULL/0); HomeFree as above, now in the handler.
IpiqProcess(c, k) ==
    /\ pc[c] = "idle" /\ k \in ipiq[c]
    /\ ipiq' = [ipiq EXCEPT ![c] = @ \ {k}]
    /\ HomeFree(c, c, k)
    /\ UNCHANGED <<kfree, home, lm, mask, pte, tlb, sdipi, tcpu, want, synced, seen>>

\* kmem_free(&kernel_map, kva, PAGE_SIZE) @L4 -> vm_map_remove -> vm_map_delete (no object:
\* pmap_remove) -> pmap_remove_pte @2010: loadandclear of the PTE between pmap_inval_interlock and
\* pmap_inval_deinterlock (every CPU of kernel_pmap invalidates).  Modelled as the clear, the
\* local invlpg, the IPI to the others, their acknowledgements, the wait (the interlock's IPI
\* comes before the clear in the kernel; the invalidations all follow the clear in both orders).
\* KremoveQuickFree: pmap_kremove_quick first (clear + local invlpg), pmap_remove then sees an
\* invalid PTE and invalidates nowhere.
KfClear(a) ==
    /\ pc[a] = "kf_clear"
    /\ pte' = [pte EXCEPT ![kv[a]] = NoPage]
    /\ pc' = [pc EXCEPT ![a] = "kf_invlpg"]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, tlb, sdipi, tcpu, kv, want, synced, seen>>

KfInvlpg(a) ==
    /\ pc[a] = "kf_invlpg"
    /\ tlb' = [tlb EXCEPT ![CpuOf(a)][kv[a]] = NoPage]
    /\ pc' = [pc EXCEPT ![a] = IF Shipped /\ Others(CpuOf(a)) # {} THEN "kf_ipi" ELSE "kf_release"]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, sdipi, tcpu, kv, want, synced, seen>>

KfIpi(a) ==
    /\ pc[a] = "kf_ipi"
    /\ sdipi' = [d \in CPUs |-> IF d \in Others(CpuOf(a)) THEN sdipi[d] \cup {kv[a]} ELSE sdipi[d]]
    /\ pc' = [pc EXCEPT ![a] = "kf_wait"]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, tlb, tcpu, kv, want, synced, seen>>

KfWait(a) ==
    /\ pc[a] = "kf_wait"
    /\ \A d \in Others(CpuOf(a)) : kv[a] \notin sdipi[d]
    /\ pc' = [pc EXCEPT ![a] = "kf_release"]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, tlb, sdipi, tcpu, kv, want, synced, seen>>

\* vm_map_delete's vm_map_entry_delete: the KVA is free in kernel_map; lwbuf_free then bzero and
\* kfree the object (software, one step).
KfRelease(a) ==
    /\ pc[a] = "kf_release"
    /\ kfree' = kfree \cup {kv[a]}
    /\ home' = [home EXCEPT ![kv[a]] = NoCpu]
    /\ pc' = [pc EXCEPT ![a] = "idle"]
    /\ kv' = [kv EXCEPT ![a] = NoKva]
    /\ UNCHANGED <<fpages, ipiq, lm, mask, pte, tlb, sdipi, tcpu, want, synced, seen>>

\* Another kernel user reuses KVA: kmem_alloc (vm_map_findspace, lowest free page, then
\* vm_map_wire -> pmap_enter, whose old PTE is invalid, so it stores without any invalidation).
\* The memory is kernel memory, used from any CPU; the model's user keeps it.
KmemAlloc(t, p) ==
    /\ pc[t] = "idle" /\ kfree # {}
    /\ kfree' = kfree \ {MinFree}
    /\ pte' = [pte EXCEPT ![MinFree] = p]
    /\ pc' = [pc EXCEPT ![t] = "kmem"]
    /\ kv' = [kv EXCEPT ![t] = MinFree]
    /\ want' = [want EXCEPT ![t] = p]
    /\ seen' = [seen EXCEPT ![t] = NoPage]
    /\ UNCHANGED <<home, fpages, ipiq, lm, mask, tlb, sdipi, tcpu, synced>>

\* kmem_alloc with kernel_map full: kmem_alloc3 (sys/vm/vm_kern.c @0adbcbd6) unlocks the map and
\* returns 0 when vm_map_findspace fails; the user keeps nothing (a stutter).
KmemAllocFail(t) ==
    /\ pc[t] = "idle" /\ kfree = {}
    /\ UNCHANGED vars

\* LWKT threads migrate only between calls.
Migrate(t, c) ==
    /\ c # tcpu[t] /\ pc[t] \in {"idle", "holding", "kmem"}
    /\ tcpu' = [tcpu EXCEPT ![t] = c]
    /\ synced' = [synced EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, tlb, sdipi, pc, kv, want, seen>>

-----------------------------------------------------------------------------
(* Hardware steps (as in Lwbuf.tla) *)

TLBFill(c, k) ==
    /\ pte[k] # NoPage /\ tlb[c][k] = NoPage
    /\ tlb' = [tlb EXCEPT ![c][k] = pte[k]]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, sdipi, tcpu, pc, kv, want, synced, seen>>

TLBEvict(c, k) ==
    /\ tlb[c][k] # NoPage
    /\ tlb' = [tlb EXCEPT ![c][k] = NoPage]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, sdipi, tcpu, pc, kv, want, synced, seen>>

\* CPU c handles the shootdown IPI for k (pmap_inval's handler): invlpg, acknowledge.
IPIAck(c, k) ==
    /\ k \in sdipi[c]
    /\ tlb' = [tlb EXCEPT ![c][k] = NoPage]
    /\ sdipi' = [sdipi EXCEPT ![c] = @ \ {k}]
    /\ UNCHANGED <<kfree, home, fpages, ipiq, lm, mask, pte, tcpu, pc, kv, want, synced, seen>>

Next ==
    \/ \E t \in Threads, p \in LwbufPages : Alloc(t, p)
    \/ \E t \in Threads, p \in KmemPages : KmemAlloc(t, p) \/ KmemAllocFail(t)
    \/ \E t \in Threads : AllocInvlpgOr(t) \/ Kva(t) \/ KvaInvlpg(t) \/ KvaOr(t) \/ Access(t) \/ Free(t)
    \/ \E a \in Agents : KfClear(a) \/ KfInvlpg(a) \/ KfIpi(a) \/ KfWait(a) \/ KfRelease(a)
    \/ \E c \in CPUs, k \in Kvas : IpiqProcess(c, k)
    \/ \E t \in Threads, c \in CPUs : Migrate(t, c)
    \/ \E c \in CPUs, k \in Kvas : TLBFill(c, k) \/ TLBEvict(c, k) \/ IPIAck(c, k)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Invariants *)

\* LW1 (kernel-brief §2.4): a CPU in an lwbuf's mask caches no translation of its KVA but the PTE's.
LW1 == \A k \in Kvas, c \in CPUs : c \in mask[k] => tlb[c][k] \in {NoPage, pte[k]}

\* Every access observes the page its allocation (lwbuf_alloc or kmem_alloc) asked for.
NoStaleAccess == \A t \in Threads : seen[t] \in {NoPage, want[t]}

\* kmem_alloc returns mapped memory: vm_map_wire -> pmap_enter stores the PTE before kmem_alloc
\* returns, so its user's KVA translates to the page it asked for.  NoStaleAccess alone would accept
\* a kmem_alloc without the PTE store: the user's access then faults and observes nothing.
KmemMapped == \A t \in Threads : pc[t] = "kmem" => pte[kv[t]] = want[t]

\* The key question: a KVA kmem_free has returned to kernel_map is cached by no CPU, so the next
\* kmem_alloc (whose pmap_enter invalidates nowhere) cannot meet a stale translation.
FreedKvaNotCached == \A k \in kfree, c \in CPUs : tlb[c][k] = NoPage

\* Per-CPU lists hold only their own CPU's lwbufs; a remote free travels to the lwbuf's home.
HomeListsOnly ==
    /\ \A c \in CPUs : \A i \in 1..Len(fpages[c]) : home[fpages[c][i]] = c
    /\ \A c \in CPUs : \A k \in ipiq[c] : home[k] = c

\* Every KVA page is in exactly one place: kernel_map, one CPU's free list (once), one passive-IPI
\* queue, or one agent (held, or being allocated / kmem_freed); an lwbuf's KVA is never free.
Places(k) ==
    (IF k \in kfree THEN 1 ELSE 0)
    + Cardinality({a \in Agents : kv[a] = k})
    + Cardinality({c \in CPUs : k \in ipiq[c]})
    + Cardinality({<<c, i>> \in CPUs \X (1..NKva) : i <= Len(fpages[c]) /\ fpages[c][i] = k})
KvaAccounted ==
    /\ \A k \in Kvas : Places(k) = 1
    /\ \A k \in kfree : home[k] = NoCpu

\* SurplusOnly (the LWBUF_BOOT_PAGES policy, an action property): lwbuf_free starts kmem_free of a
\* KVA (pc enters kf_clear) only when the home CPU, where it runs, already has more than Reserve free
\* lwbufs on its list; at or below that the lwbuf is kept for reuse (KvaAccounted: it must then be on
\* the list).  A performance property, not safety: freeing every KVA is safe under Shipped (its
\* shootdown), it only pays a kmem_free and a shootdown per lwbuf_free, which the per-CPU reserve
\* exists to avoid.  A step predicate over the pre-state: the list may shrink while kmem_free runs.
SurplusStep ==
    \A a \in Agents : (pc[a] # "kf_clear" /\ pc'[a] = "kf_clear") => Len(fpages[CpuOf(a)]) > Reserve
SurplusOnly == [][SurplusStep]_vars

Inv == TypeOK /\ LW1 /\ NoStaleAccess /\ FreedKvaNotCached /\ HomeListsOnly /\ KvaAccounted
=============================================================================
