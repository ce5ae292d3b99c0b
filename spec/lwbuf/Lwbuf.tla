------------------------------- MODULE Lwbuf -------------------------------
(***************************************************************************)
(* DragonFly BSD lwbuf(9): lightweight per-CPU kernel mappings of one page. *)
(* Sources (kernel-brief §2): L1 sys/cpu/i386/misc/lwbuf.c @c07315c4,      *)
(* L2 same file @1f3936d6, L3-L5 older copies with `cpumask |=`, L8 the    *)
(* 2009 review (Dillon, submit@ msg 116695), L9 pmap_kenter_quick/_sync    *)
(* (i386 pmap.c: kenter_quick = PTE store then cpu_invlpg; kenter_sync =   *)
(* pmap_inval_interlock/deinterlock, an invalidation on every CPU, run in  *)
(* a critical section).  Line numbers below are L1's (L2's in brackets).   *)
(*                                                                         *)
(* An lwbuf object owns one KVA page for life.  `mask[o]` is the set of    *)
(* CPUs whose TLB is known to be in sync with the current PTE of that KVA. *)
(*                                                                         *)
(* Atomicity (spec/CONVENTIONS.md; the Java explorer's transitions): locks *)
(* exclude software, never hardware.  An action holds at most one          *)
(* hardware-visible step (PTE store, invlpg, shootdown IPI send, the wait  *)
(* for the acknowledgements, an access through the KVA); TLB fills and     *)
(* evictions and each CPU's handling of a shootdown IPI (IPIAck) fall      *)
(* between them.  Stores to the object lwbuf_alloc has just taken from the *)
(* objcache are private and fold into its PTE store.  Granularity =        *)
(* "LockAtomic" keeps the first, coarse view (pmap_kenter_quick one step,  *)
(* the shootdown instantaneous on every CPU) to show what it hides.  The   *)
(* lwbuf_count statistics are not modelled (Java: folded, no spec effect). *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    CPUs, Pages, Objs, Threads,   \* model values
    NoPage, NoObj, NoCpu,         \* "NULL" (PTE invalid / no object / not in _lwbuf_kva)
    Variant,                      \* see VariantOK
    Granularity                   \* "Fine" (one hardware-visible step per action) | "LockAtomic"

VariantOK == Variant \in
    { "Fixed",          \* L1/L2: cpumask = mine in alloc, cpumask = 0 in free
      "OrBug2009",      \* the 2009 patch per Dillon's review: |= in alloc, no reset in free
      "OrLatent",       \* L3-L5: |= in alloc, but free resets the mask (bug latent)
      "MaskAllQuick",   \* alloc sets mask := all CPUs but only invalidates locally
      "SlowNoInvlpg",   \* _lwbuf_kva adds this CPU's bit without invlpg
      "NoAccessContract", \* callers dereference kva without lwbuf_kva on this CPU
      "MigrateInKva",   \* no LWKT guarantee: a thread may migrate inside lwbuf_kva
      "DoubleFree",     \* a client frees an lwbuf twice (LwbufMisuse.tla; the kernel code is Fixed's)
      \* reorderings of the shipped code (issue 10):
      "AllocInvlpgFirst", \* pmap_kenter_quick with its two steps swapped: invlpg, then the PTE store
      "SetGlobalNoWait",  \* lwbuf_set_global publishes cpumask = ALL before the IPIs are acknowledged
      "KvaOrFirst"        \* _lwbuf_kva joins cpumask before its invlpg
    }
ASSUME VariantOK
ASSUME Granularity \in {"Fine", "LockAtomic"}
ASSUME NoPage \notin Pages /\ NoObj \notin Objs /\ NoCpu \notin CPUs

VARIABLES
    cache,   \* objcache: lwbuf objects free for lwbuf_alloc
    lm,      \* lm[o]   = lwb->m (NoPage after free)
    mask,    \* mask[o] = lwb->cpumask
    pte,     \* pte[o]  = page the PTE of o's KVA maps (NoPage: never mapped / invalid)
    tlb,     \* tlb[c][o] = translation CPU c's TLB holds for o's KVA
    ipi,     \* ipi[c] = objects whose KVA CPU c has been sent a shootdown IPI for and not yet handled
    tcpu,    \* tcpu[t] = CPU thread t runs on
    pc,      \* pc[t]: where t is (Pcs)
    obj,     \* obj[t]  = lwbuf thread t uses (allocated by it or handed to it)
    want,    \* want[t] = page the allocation of obj[t] asked for (ghost)
    synced,  \* synced[t]: t called lwbuf_kva on its current CPU since it got obj / migrated
    glob,    \* glob[t]: lwbuf_set_global completed for obj[t] (ghost, contract)
    seen,    \* seen[t] = page observed by t's last access through the KVA (ghost)
    kcpu     \* kcpu[t] = CPU lwbuf_kva captured at entry (gd = mdcpu), NoCpu outside _lwbuf_kva

vars == <<cache, lm, mask, pte, tlb, ipi, tcpu, pc, obj, want, synced, glob, seen, kcpu>>

Fine     == Granularity = "Fine"
MaskOr   == Variant \in {"OrBug2009", "OrLatent"}
NoWait   == Fine /\ Variant = "SetGlobalNoWait"
OrFirst  == Variant = "KvaOrFirst"

\* Program counters.  "alloc_*": inside lwbuf_alloc after its objcache_get; "kva_*": inside
\* _lwbuf_kva; "sg_*": inside lwbuf_set_global.
AllocPcs == {"alloc_invlpg", "alloc_pte"}
KvaPcs   == {"kva_check", "kva_invlpg", "kva_or"}
SgPcs    == {"sg_sync", "sg_invlpg", "sg_ipi", "sg_wait", "sg_store"}
Pcs      == {"idle", "holding"} \cup AllocPcs \cup KvaPcs \cup SgPcs
InOp(t)  == pc[t] \notin {"idle", "holding"}

\* The CPUs a shootdown from CPU c must interrupt.
Others(c) == CPUs \ {c}

TypeOK ==
    /\ cache \subseteq Objs
    /\ lm   \in [Objs -> Pages \cup {NoPage}]
    /\ mask \in [Objs -> SUBSET CPUs]
    /\ pte  \in [Objs -> Pages \cup {NoPage}]
    /\ tlb  \in [CPUs -> [Objs -> Pages \cup {NoPage}]]
    /\ ipi  \in [CPUs -> SUBSET Objs]
    /\ tcpu \in [Threads -> CPUs]
    /\ pc   \in [Threads -> Pcs]
    /\ obj  \in [Threads -> Objs \cup {NoObj}]
    /\ want \in [Threads -> Pages \cup {NoPage}]
    /\ synced \in [Threads -> BOOLEAN]
    /\ glob \in [Threads -> BOOLEAN]
    /\ seen \in [Threads -> Pages \cup {NoPage}]
    /\ kcpu \in [Threads -> CPUs \cup {NoCpu}]

Init ==
    /\ cache = Objs
    /\ lm = [o \in Objs |-> NoPage]
    /\ mask = [o \in Objs |-> {}]            \* lwbuf_cache_ctor: cpumask = 0 (L1 86)
    /\ pte = [o \in Objs |-> NoPage]
    /\ tlb = [c \in CPUs |-> [o \in Objs |-> NoPage]]
    /\ ipi = [c \in CPUs |-> {}]
    /\ tcpu \in [Threads -> CPUs]
    /\ pc = [t \in Threads |-> "idle"]
    /\ obj = [t \in Threads |-> NoObj]
    /\ want = [t \in Threads |-> NoPage]
    /\ synced = [t \in Threads |-> FALSE]
    /\ glob = [t \in Threads |-> FALSE]
    /\ seen = [t \in Threads |-> NoPage]
    /\ kcpu = [t \in Threads |-> NoCpu]

-----------------------------------------------------------------------------
(* Kernel steps *)

\* lwbuf_alloc(m): objcache_get (L1 128 [L2 126]); lwb->m = m; lwb->cpumask = gd_cpumask (L1 131,
\* or |= gd_cpumask in the 2009 patch and L3-L5); pmap_kenter_quick(kva, m) (L1 132), whose
\* first hardware step is the PTE store (Fine: the invlpg is AllocInvlpg; AllocInvlpgFirst
\* swaps them; LockAtomic: both here, as one step).
Alloc(t, o, p) ==
    /\ pc[t] = "idle" /\ obj[t] = NoObj /\ o \in cache
    /\ LET c == tcpu[t] IN
       /\ cache' = cache \ {o}
       /\ lm' = [lm EXCEPT ![o] = p]
       /\ mask' = [mask EXCEPT ![o] = CASE MaskOr -> @ \cup {c}
                                        [] Variant = "MaskAllQuick" -> CPUs
                                        [] OTHER -> {c}]
       /\ CASE ~Fine ->
                 /\ pte' = [pte EXCEPT ![o] = p]
                 /\ tlb' = [tlb EXCEPT ![c][o] = NoPage]
                 /\ pc' = [pc EXCEPT ![t] = "holding"]
            [] Variant = "AllocInvlpgFirst" ->
                 /\ tlb' = [tlb EXCEPT ![c][o] = NoPage]
                 /\ pc' = [pc EXCEPT ![t] = "alloc_pte"]
                 /\ UNCHANGED pte
            [] OTHER ->
                 /\ pte' = [pte EXCEPT ![o] = p]
                 /\ pc' = [pc EXCEPT ![t] = "alloc_invlpg"]
                 /\ UNCHANGED tlb
    /\ obj' = [obj EXCEPT ![t] = o]
    /\ want' = [want EXCEPT ![t] = p]
    /\ synced' = [synced EXCEPT ![t] = FALSE]
    /\ glob' = [glob EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<ipi, tcpu, seen, kcpu>>

\* lwbuf_alloc: pmap_kenter_quick's cpu_invlpg on the CPU the thread runs on (L9; L1 132), then
\* atomic_add_int(&lwbuf_count, 1) and return.
AllocInvlpg(t) ==
    /\ pc[t] = "alloc_invlpg"
    /\ tlb' = [tlb EXCEPT ![tcpu[t]][obj[t]] = NoPage]
    /\ pc' = [pc EXCEPT ![t] = "holding"]
    /\ UNCHANGED <<cache, lm, mask, pte, ipi, tcpu, obj, want, synced, glob, seen, kcpu>>

\* lwbuf_alloc, AllocInvlpgFirst only: the PTE store after the invlpg (L1 132 reordered).
AllocPte(t) ==
    /\ pc[t] = "alloc_pte"
    /\ pte' = [pte EXCEPT ![obj[t]] = want[t]]
    /\ pc' = [pc EXCEPT ![t] = "holding"]
    /\ UNCHANGED <<cache, lm, mask, tlb, ipi, tcpu, obj, want, synced, glob, seen, kcpu>>

\* lwbuf_kva(lwb): gd = mdcpu; fast path if gd's bit is in lwb->cpumask -> return kva (L1 172
\* [L2 176]), otherwise _lwbuf_kva(lwb, gd) (slow path) with the captured gd.  Under LWKT no
\* migration can fall between reading mdcpu and the mask, so both reads are one step;
\* MigrateInKva splits them (KvaCheck), as the Java explorer does when migration can interleave.
KvaTest(t, c) ==
    IF c \in mask[obj[t]]
    THEN /\ synced' = [synced EXCEPT ![t] = TRUE]
         /\ pc' = [pc EXCEPT ![t] = "holding"]
         /\ kcpu' = [kcpu EXCEPT ![t] = NoCpu]
    ELSE /\ pc' = [pc EXCEPT ![t] = IF Variant \in {"SlowNoInvlpg", "KvaOrFirst"} THEN "kva_or" ELSE "kva_invlpg"]
         /\ kcpu' = [kcpu EXCEPT ![t] = c]
         /\ UNCHANGED synced

Kva(t) ==
    /\ pc[t] = "holding"
    /\ IF Variant = "MigrateInKva"
       THEN /\ kcpu' = [kcpu EXCEPT ![t] = tcpu[t]]
            /\ pc' = [pc EXCEPT ![t] = "kva_check"]
            /\ UNCHANGED synced
       ELSE KvaTest(t, tcpu[t])
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, ipi, tcpu, obj, want, glob, seen>>

\* lwbuf_kva, second read (only when migration may interleave): test gd's bit.
KvaCheck(t) ==
    /\ pc[t] = "kva_check"
    /\ KvaTest(t, kcpu[t])
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, ipi, tcpu, obj, want, glob, seen>>

\* _lwbuf_kva: pmap_kenter_sync_quick(kva) = cpu_invlpg on the CPU it runs on now (L1 160
\* [L2 161]; L9).  (SlowNoInvlpg skips this step; KvaOrFirst takes it after KvaSlowOr.)
KvaSlowInvlpg(t) ==
    /\ pc[t] = "kva_invlpg"
    /\ tlb' = [tlb EXCEPT ![tcpu[t]][obj[t]] = NoPage]
    /\ IF OrFirst
       THEN /\ pc' = [pc EXCEPT ![t] = "holding"]
            /\ synced' = [synced EXCEPT ![t] = TRUE]
            /\ kcpu' = [kcpu EXCEPT ![t] = NoCpu]
       ELSE /\ pc' = [pc EXCEPT ![t] = "kva_or"]
            /\ UNCHANGED <<synced, kcpu>>
    /\ UNCHANGED <<cache, lm, mask, pte, ipi, tcpu, obj, want, glob, seen>>

\* _lwbuf_kva: atomically add gd's CPU to lwb->cpumask (L1 162 ATOMIC_CPUMASK_ORBIT; L2 163-166's
\* cmpset loop is equivalent).  gd was captured at lwbuf_kva entry.
KvaSlowOr(t) ==
    /\ pc[t] = "kva_or"
    /\ mask' = [mask EXCEPT ![obj[t]] = @ \cup {kcpu[t]}]
    /\ IF OrFirst
       THEN /\ pc' = [pc EXCEPT ![t] = "kva_invlpg"]
            /\ UNCHANGED <<synced, kcpu>>
       ELSE /\ pc' = [pc EXCEPT ![t] = "holding"]
            /\ synced' = [synced EXCEPT ![t] = TRUE]
            /\ kcpu' = [kcpu EXCEPT ![t] = NoCpu]
    /\ UNCHANGED <<cache, lm, pte, tlb, ipi, tcpu, obj, want, glob, seen>>

\* lwbuf_set_global: if (lwb->cpumask != ALL) -- a plain load (L1 151 [L2 150]).
SetGlobal(t) ==
    /\ pc[t] = "holding"
    /\ IF mask[obj[t]] = CPUs
       THEN /\ glob' = [glob EXCEPT ![t] = TRUE]
            /\ UNCHANGED pc
       ELSE /\ pc' = [pc EXCEPT ![t] = IF Fine THEN "sg_invlpg" ELSE "sg_sync"]
            /\ UNCHANGED glob
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, ipi, tcpu, obj, want, synced, seen, kcpu>>

\* LockAtomic only: pmap_kenter_sync(kva) (L1 152) as one step, every CPU invalidated at once.
SetGlobalSync(t) ==
    /\ pc[t] = "sg_sync"
    /\ tlb' = [c \in CPUs |-> [tlb[c] EXCEPT ![obj[t]] = NoPage]]
    /\ pc' = [pc EXCEPT ![t] = "sg_store"]
    /\ UNCHANGED <<cache, lm, mask, pte, ipi, tcpu, obj, want, synced, glob, seen, kcpu>>

\* pmap_kenter_sync(kva) (L1 152; L9 pmap_inval_interlock/deinterlock, in a critical section, so
\* the thread stays on its CPU): the local cpu_invlpg.
SetGlobalInvlpg(t) ==
    /\ pc[t] = "sg_invlpg"
    /\ tlb' = [tlb EXCEPT ![tcpu[t]][obj[t]] = NoPage]
    /\ pc' = [pc EXCEPT ![t] = IF Others(tcpu[t]) = {} THEN "sg_store" ELSE "sg_ipi"]
    /\ UNCHANGED <<cache, lm, mask, pte, ipi, tcpu, obj, want, synced, glob, seen, kcpu>>

\* pmap_kenter_sync: the invalidation IPI to every other CPU (one send; each CPU handles its
\* own in IPIAck, so it may refill its TLB in between).
SetGlobalIpi(t) ==
    /\ pc[t] = "sg_ipi"
    /\ ipi' = [c \in CPUs |-> IF c \in Others(tcpu[t]) THEN ipi[c] \cup {obj[t]} ELSE ipi[c]]
    /\ pc' = [pc EXCEPT ![t] = IF NoWait THEN "sg_store" ELSE "sg_wait"]
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, tcpu, obj, want, synced, glob, seen, kcpu>>

\* pmap_kenter_sync: spin until every other CPU has acknowledged (pmap_inval_done).
SetGlobalWait(t) ==
    /\ pc[t] = "sg_wait"
    /\ \A c \in Others(tcpu[t]) : obj[t] \notin ipi[c]
    /\ IF NoWait
       THEN /\ pc' = [pc EXCEPT ![t] = "holding"]
            /\ glob' = [glob EXCEPT ![t] = TRUE]
       ELSE /\ pc' = [pc EXCEPT ![t] = "sg_store"]
            /\ UNCHANGED glob
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, ipi, tcpu, obj, want, synced, seen, kcpu>>

\* lwbuf_set_global: lwb->cpumask = ALL -- a plain store (L1 153 [L2 152]); SetGlobalNoWait
\* stores it right after the IPI send, before SetGlobalWait.
SetGlobalStore(t) ==
    /\ pc[t] = "sg_store"
    /\ mask' = [mask EXCEPT ![obj[t]] = CPUs]
    /\ IF NoWait /\ Others(tcpu[t]) # {}
       THEN /\ pc' = [pc EXCEPT ![t] = "sg_wait"]
            /\ UNCHANGED glob
       ELSE /\ pc' = [pc EXCEPT ![t] = "holding"]
            /\ glob' = [glob EXCEPT ![t] = TRUE]
    /\ UNCHANGED <<cache, lm, pte, tlb, ipi, tcpu, obj, want, synced, seen, kcpu>>

\* A caller dereferences kva on its CPU.  Contract (lwbuf(9), LW3): only after
\* lwbuf_kva ran on this CPU, or after lwbuf_set_global.  The MMU uses the TLB
\* entry if present, else walks the PTE and fills the TLB.
Access(t) ==
    /\ pc[t] = "holding"
    /\ synced[t] \/ glob[t] \/ Variant = "NoAccessContract"
    /\ LET c == tcpu[t]
           o == obj[t]
       IN IF tlb[c][o] # NoPage
          THEN /\ seen' = [seen EXCEPT ![t] = tlb[c][o]]
               /\ UNCHANGED tlb
          ELSE /\ pte[o] # NoPage
               /\ seen' = [seen EXCEPT ![t] = pte[o]]
               /\ tlb' = [tlb EXCEPT ![c][o] = pte[o]]
    /\ UNCHANGED <<cache, lm, mask, pte, ipi, tcpu, pc, obj, want, synced, glob, kcpu>>

\* The owner hands the lwbuf to an idle thread (external refcounting by the
\* caller, lwbuf(9)); the receiver must call lwbuf_kva on its own CPU.
HandOff(t, u) ==
    /\ t # u /\ pc[t] = "holding" /\ pc[u] = "idle" /\ obj[u] = NoObj
    /\ obj' = [obj EXCEPT ![u] = obj[t], ![t] = NoObj]
    /\ want' = [want EXCEPT ![u] = want[t], ![t] = NoPage]
    /\ pc' = [pc EXCEPT ![u] = "holding", ![t] = "idle"]
    /\ synced' = [synced EXCEPT ![u] = FALSE, ![t] = FALSE]
    /\ glob' = [glob EXCEPT ![u] = glob[t], ![t] = FALSE]
    /\ seen' = [seen EXCEPT ![u] = NoPage, ![t] = NoPage]
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, ipi, tcpu, kcpu>>

\* lwbuf_free: lwb->m = NULL; lwb->cpumask = 0 (L1 143 [L2 142]; not in OrBug2009);
\* objcache_put (L1 144).  Software only: one step.  The PTE is left as it is.
Free(t) ==
    /\ pc[t] = "holding"
    /\ LET o == obj[t] IN
       /\ cache' = cache \cup {o}
       /\ lm' = [lm EXCEPT ![o] = NoPage]
       /\ mask' = IF Variant = "OrBug2009" THEN mask ELSE [mask EXCEPT ![o] = {}]
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ obj' = [obj EXCEPT ![t] = NoObj]
    /\ want' = [want EXCEPT ![t] = NoPage]
    /\ synced' = [synced EXCEPT ![t] = FALSE]
    /\ glob' = [glob EXCEPT ![t] = FALSE]
    /\ seen' = [seen EXCEPT ![t] = NoPage]
    /\ UNCHANGED <<pte, tlb, ipi, tcpu, kcpu>>

\* LWKT threads do not migrate involuntarily: only between lwbuf calls
\* (kernel-brief §2.5.4).  MigrateInKva drops that guarantee inside lwbuf_kva.
Migrate(t, c) ==
    /\ c # tcpu[t]
    /\ ~InOp(t) \/ (Variant = "MigrateInKva" /\ pc[t] \in KvaPcs)
    /\ tcpu' = [tcpu EXCEPT ![t] = c]
    /\ synced' = [synced EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, ipi, pc, obj, want, glob, seen, kcpu>>

-----------------------------------------------------------------------------
(* Hardware steps *)

\* x86 walks the page table only on a TLB miss: a present entry, even a stale one, is used until
\* invlpg or an eviction removes it (an eviction then a walk refill it: the same reachable states).

\* Speculative page walk on a TLB miss: any CPU may load a valid PTE into an empty entry at any time.
TLBFill(c, o) ==
    /\ pte[o] # NoPage /\ tlb[c][o] = NoPage
    /\ tlb' = [tlb EXCEPT ![c][o] = pte[o]]
    /\ UNCHANGED <<cache, lm, mask, pte, ipi, tcpu, pc, obj, want, synced, glob, seen, kcpu>>

\* The TLB drops an entry (capacity eviction).
TLBEvict(c, o) ==
    /\ tlb[c][o] # NoPage
    /\ tlb' = [tlb EXCEPT ![c][o] = NoPage]
    /\ UNCHANGED <<cache, lm, mask, pte, ipi, tcpu, pc, obj, want, synced, glob, seen, kcpu>>

\* CPU c handles the shootdown IPI for o's KVA (pmap_inval's IPI handler): cpu_invlpg, then the
\* acknowledgement the sender waits for.
IPIAck(c, o) ==
    /\ o \in ipi[c]
    /\ tlb' = [tlb EXCEPT ![c][o] = NoPage]
    /\ ipi' = [ipi EXCEPT ![c] = @ \ {o}]
    /\ UNCHANGED <<cache, lm, mask, pte, tcpu, pc, obj, want, synced, glob, seen, kcpu>>

Next ==
    \/ \E t \in Threads, o \in Objs, p \in Pages : Alloc(t, o, p)
    \/ \E t \in Threads :
          \/ AllocInvlpg(t) \/ AllocPte(t)
          \/ Kva(t) \/ KvaCheck(t) \/ KvaSlowInvlpg(t) \/ KvaSlowOr(t)
          \/ SetGlobal(t) \/ SetGlobalSync(t) \/ SetGlobalInvlpg(t) \/ SetGlobalIpi(t)
          \/ SetGlobalWait(t) \/ SetGlobalStore(t)
          \/ Access(t) \/ Free(t)
    \/ \E t, u \in Threads : HandOff(t, u)
    \/ \E t \in Threads, c \in CPUs : Migrate(t, c)
    \/ \E c \in CPUs, o \in Objs : TLBFill(c, o) \/ TLBEvict(c, o) \/ IPIAck(c, o)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Invariants, each checkable on its own *)

\* lwbuf_alloc sets the mask before pmap_kenter_quick; until its last step no one can read the
\* mask (the object is private), so LW1 is stated for objects not being set up.
Settling(o) == \E t \in Threads : obj[t] = o /\ pc[t] \in AllocPcs

\* LW1 (kernel-brief §2.4): every CPU in an lwbuf's mask has no TLB entry for
\* its KVA other than the current PTE.
LW1 == \A o \in Objs, c \in CPUs :
          c \in mask[o] /\ ~Settling(o) => tlb[c][o] \in {NoPage, pte[o]}

\* Every access through an lwbuf observes the page its allocation asked for.
NoStaleAccess == \A t \in Threads : seen[t] \in {NoPage, want[t]}

\* An lwbuf in use maps the page it was allocated for (once its PTE is stored).
OwnedImpliesMapped ==
    \A t \in Threads : obj[t] # NoObj /\ pc[t] # "alloc_pte" =>
        /\ lm[obj[t]] = want[t]
        /\ pte[obj[t]] = want[t]

\* objcache exclusivity: an object is in the cache or used by exactly one thread.
NoDoubleOwner ==
    /\ \A t \in Threads : obj[t] # NoObj => obj[t] \notin cache
    /\ \A t, u \in Threads : t # u /\ obj[t] # NoObj => obj[t] # obj[u]

Inv == TypeOK /\ LW1 /\ NoStaleAccess /\ OwnedImpliesMapped /\ NoDoubleOwner

\* Not a property of the kernel: a reachability witness.  With per-CPU acknowledgement a CPU
\* that has been sent the shootdown may hold the current translation before it handles its IPI
\* (it filled after the PTE store, before its own invalidation).  MCRemoteFillBeforeAck expects
\* TLC and the explorer to violate it, i.e. to reach that interleaving.
NoRemoteFillBeforeAck == \A c \in CPUs, o \in Objs : o \in ipi[c] => tlb[c][o] # pte[o]

\* An inductive strengthening of LW1 for Variant = "Fixed" (the per-action argument
\* is in proofs/lwbuf.md).  What a thread knows must be backed by the mask, and the
\* multi-step paths keep the CPU they started on.
InFlight == KvaPcs \cup SgPcs
LW1Ind ==
    /\ TypeOK /\ LW1 /\ NoStaleAccess /\ OwnedImpliesMapped /\ NoDoubleOwner
    /\ \A t \in Threads :
        /\ (pc[t] = "idle") <=> (obj[t] = NoObj)
        /\ obj[t] # NoObj /\ synced[t] => tcpu[t] \in mask[obj[t]]
        /\ obj[t] # NoObj /\ glob[t] => mask[obj[t]] = CPUs
        /\ (kcpu[t] # NoCpu) <=> (pc[t] \in KvaPcs)
        /\ pc[t] \in {"kva_invlpg", "kva_or"} => kcpu[t] = tcpu[t]
        /\ pc[t] = "kva_or" => tlb[kcpu[t]][obj[t]] \in {NoPage, pte[obj[t]]}
        /\ pc[t] = "alloc_invlpg" => mask[obj[t]] = {tcpu[t]}
        /\ pc[t] \in {"sg_ipi", "sg_wait", "sg_store"} => tlb[tcpu[t]][obj[t]] \in {NoPage, pte[obj[t]]}
        /\ pc[t] = "sg_wait" => \A c \in Others(tcpu[t]) :
                                  obj[t] \in ipi[c] \/ tlb[c][obj[t]] \in {NoPage, pte[obj[t]]}
        /\ pc[t] = "sg_store" => \A c \in CPUs : tlb[c][obj[t]] \in {NoPage, pte[obj[t]]}
        /\ pc[t] # "sg_wait" => \A c \in CPUs : obj[t] \notin ipi[c]
        /\ seen[t] # NoPage => obj[t] # NoObj
    /\ \A o \in cache : lm[o] = NoPage /\ \A c \in CPUs : o \notin ipi[c]
=============================================================================
