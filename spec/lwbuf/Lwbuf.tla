------------------------------- MODULE Lwbuf -------------------------------
(***************************************************************************)
(* DragonFly BSD lwbuf(9): lightweight per-CPU kernel mappings of one page. *)
(* Sources (kernel-brief §2): L1 sys/cpu/i386/misc/lwbuf.c @c07315c4,      *)
(* L2 same file @1f3936d6, L3-L5 older copies with `cpumask |=`, L8 the    *)
(* 2009 review (Dillon, submit@ msg 116695), L9 pmap_kenter_quick/_sync.   *)
(*                                                                         *)
(* An lwbuf object owns one KVA page for life.  `mask[o]` is the set of    *)
(* CPUs whose TLB is known to be in sync with the current PTE of that KVA. *)
(* Atomicity (matches the Java explorer, spec/CONVENTIONS.md): Alloc and   *)
(* Free run on an object the thread owns exclusively and end in one shared *)
(* step (pmap_kenter_quick / objcache_put), so each is one action; the     *)
(* lwbuf_kva slow path and lwbuf_set_global are split at every shared      *)
(* access.  The lwbuf_count statistics are not modelled (Java: stutter).   *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    CPUs, Pages, Objs, Threads,   \* model values
    NoPage, NoObj, NoCpu,         \* "NULL" (PTE invalid / no object / not in _lwbuf_kva)
    Variant                       \* see VariantOK

VariantOK == Variant \in
    { "Fixed",          \* L1/L2: cpumask = mine in alloc, cpumask = 0 in free
      "OrBug2009",      \* the 2009 patch per Dillon's review: |= in alloc, no reset in free
      "OrLatent",       \* L3-L5: |= in alloc, but free resets the mask (bug latent)
      "MaskAllQuick",   \* alloc sets mask := all CPUs but only invalidates locally
      "SlowNoInvlpg",   \* _lwbuf_kva adds this CPU's bit without invlpg
      "NoAccessContract", \* callers dereference kva without lwbuf_kva on this CPU
      "MigrateInKva"  \* no LWKT guarantee: a thread may migrate between the invlpg and the OR of _lwbuf_kva
    }
ASSUME VariantOK
ASSUME NoPage \notin Pages /\ NoObj \notin Objs /\ NoCpu \notin CPUs

VARIABLES
    cache,   \* objcache: lwbuf objects free for lwbuf_alloc
    lm,      \* lm[o]   = lwb->m (NoPage after free)
    mask,    \* mask[o] = lwb->cpumask
    pte,     \* pte[o]  = page the PTE of o's KVA maps (NoPage: never mapped / invalid)
    tlb,     \* tlb[c][o] = translation CPU c's TLB holds for o's KVA
    tcpu,    \* tcpu[t] = CPU thread t runs on
    pc,      \* pc[t]: "idle" | "holding" | "kva_check" | "kva_invlpg" | "kva_or" | "sg_sync" | "sg_store"
    obj,     \* obj[t]  = lwbuf thread t uses (allocated by it or handed to it)
    want,    \* want[t] = page the allocation of obj[t] asked for (ghost)
    synced,  \* synced[t]: t called lwbuf_kva on its current CPU since it got obj / migrated
    glob,    \* glob[t]: lwbuf_set_global completed for obj[t] (ghost, contract)
    seen,    \* seen[t] = page observed by t's last access through the KVA (ghost)
    kcpu     \* kcpu[t] = CPU lwbuf_kva captured at entry (gd = mdcpu), NoCpu outside _lwbuf_kva

vars == <<cache, lm, mask, pte, tlb, tcpu, pc, obj, want, synced, glob, seen, kcpu>>

MaskOr   == Variant \in {"OrBug2009", "OrLatent"}
InOp(t)  == pc[t] \in {"kva_check", "kva_invlpg", "kva_or", "sg_sync", "sg_store"}

TypeOK ==
    /\ cache \subseteq Objs
    /\ lm   \in [Objs -> Pages \cup {NoPage}]
    /\ mask \in [Objs -> SUBSET CPUs]
    /\ pte  \in [Objs -> Pages \cup {NoPage}]
    /\ tlb  \in [CPUs -> [Objs -> Pages \cup {NoPage}]]
    /\ tcpu \in [Threads -> CPUs]
    /\ pc   \in [Threads -> {"idle", "holding", "kva_check", "kva_invlpg", "kva_or", "sg_sync", "sg_store"}]
    /\ obj  \in [Threads -> Objs \cup {NoObj}]
    /\ want \in [Threads -> Pages \cup {NoPage}]
    /\ synced \in [Threads -> BOOLEAN]
    /\ glob \in [Threads -> BOOLEAN]
    /\ seen \in [Threads -> Pages \cup {NoPage}]
    /\ kcpu \in [Threads -> CPUs \cup {NoCpu}]

Init ==
    /\ cache = Objs
    /\ lm = [o \in Objs |-> NoPage]
    /\ mask = [o \in Objs |-> {}]            \* lwbuf_cache_ctor: cpumask = 0
    /\ pte = [o \in Objs |-> NoPage]
    /\ tlb = [c \in CPUs |-> [o \in Objs |-> NoPage]]
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

\* lwbuf_alloc(m): objcache_get; lwb->m = m; lwb->cpumask = gd_cpumask (L1/L2)
\* or |= gd_cpumask (2009 patch, L3-L5); pmap_kenter_quick(kva, m): PTE store
\* plus invlpg on this CPU only (L9).
Alloc(t, o, p) ==
    /\ pc[t] = "idle" /\ obj[t] = NoObj /\ o \in cache
    /\ LET c == tcpu[t] IN
       /\ cache' = cache \ {o}
       /\ lm' = [lm EXCEPT ![o] = p]
       /\ mask' = [mask EXCEPT ![o] = CASE MaskOr -> @ \cup {c}
                                        [] Variant = "MaskAllQuick" -> CPUs
                                        [] OTHER -> {c}]
       /\ pte' = [pte EXCEPT ![o] = p]
       /\ tlb' = [tlb EXCEPT ![c][o] = NoPage]
    /\ pc' = [pc EXCEPT ![t] = "holding"]
    /\ obj' = [obj EXCEPT ![t] = o]
    /\ want' = [want EXCEPT ![t] = p]
    /\ synced' = [synced EXCEPT ![t] = FALSE]
    /\ glob' = [glob EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<tcpu, seen, kcpu>>

\* lwbuf_kva(lwb): gd = mdcpu; fast path if gd's bit is in lwb->cpumask -> return kva,
\* otherwise _lwbuf_kva(lwb, gd) (slow path) with the captured gd.  Under LWKT no
\* migration can fall between reading mdcpu and the mask, so both reads are one step;
\* MigrateInKva splits them (KvaCheck), as the Java explorer does when migration can interleave.
KvaTest(t, c) ==
    IF c \in mask[obj[t]]
    THEN /\ synced' = [synced EXCEPT ![t] = TRUE]
         /\ pc' = [pc EXCEPT ![t] = "holding"]
         /\ kcpu' = [kcpu EXCEPT ![t] = NoCpu]
    ELSE /\ pc' = [pc EXCEPT ![t] = IF Variant = "SlowNoInvlpg" THEN "kva_or" ELSE "kva_invlpg"]
         /\ kcpu' = [kcpu EXCEPT ![t] = c]
         /\ UNCHANGED synced

Kva(t) ==
    /\ pc[t] = "holding"
    /\ IF Variant = "MigrateInKva"
       THEN /\ kcpu' = [kcpu EXCEPT ![t] = tcpu[t]]
            /\ pc' = [pc EXCEPT ![t] = "kva_check"]
            /\ UNCHANGED synced
       ELSE KvaTest(t, tcpu[t])
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, tcpu, obj, want, glob, seen>>

\* lwbuf_kva, second read (only when migration may interleave): test gd's bit.
KvaCheck(t) ==
    /\ pc[t] = "kva_check"
    /\ KvaTest(t, kcpu[t])
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, tcpu, obj, want, glob, seen>>

\* _lwbuf_kva: pmap_kenter_sync_quick(kva) = invlpg on the CPU it runs on now (L9).
\* (SlowNoInvlpg skips this step.)
KvaSlowInvlpg(t) ==
    /\ pc[t] = "kva_invlpg"
    /\ tlb' = [tlb EXCEPT ![tcpu[t]][obj[t]] = NoPage]
    /\ pc' = [pc EXCEPT ![t] = "kva_or"]
    /\ UNCHANGED <<cache, lm, mask, pte, tcpu, obj, want, synced, glob, seen, kcpu>>

\* _lwbuf_kva: atomically add gd's CPU to lwb->cpumask (L1 ATOMIC_CPUMASK_ORBIT;
\* L2's cmpset loop is equivalent).  gd was captured at lwbuf_kva entry.
KvaSlowOr(t) ==
    /\ pc[t] = "kva_or"
    /\ mask' = [mask EXCEPT ![obj[t]] = @ \cup {kcpu[t]}]
    /\ pc' = [pc EXCEPT ![t] = "holding"]
    /\ synced' = [synced EXCEPT ![t] = TRUE]
    /\ kcpu' = [kcpu EXCEPT ![t] = NoCpu]
    /\ UNCHANGED <<cache, lm, pte, tlb, tcpu, obj, want, glob, seen>>

\* lwbuf_set_global: if (lwb->cpumask != ALL) -- a plain load --
SetGlobal(t) ==
    /\ pc[t] = "holding"
    /\ IF mask[obj[t]] = CPUs
       THEN /\ glob' = [glob EXCEPT ![t] = TRUE]
            /\ UNCHANGED pc
       ELSE /\ pc' = [pc EXCEPT ![t] = "sg_sync"]
            /\ UNCHANGED glob
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, tcpu, obj, want, synced, seen, kcpu>>

\* lwbuf_set_global: pmap_kenter_sync(kva) = invalidate kva on all CPUs (L9).
SetGlobalSync(t) ==
    /\ pc[t] = "sg_sync"
    /\ tlb' = [c \in CPUs |-> [tlb[c] EXCEPT ![obj[t]] = NoPage]]
    /\ pc' = [pc EXCEPT ![t] = "sg_store"]
    /\ UNCHANGED <<cache, lm, mask, pte, tcpu, obj, want, synced, glob, seen, kcpu>>

\* lwbuf_set_global: lwb->cpumask = ALL -- a plain store.
SetGlobalStore(t) ==
    /\ pc[t] = "sg_store"
    /\ mask' = [mask EXCEPT ![obj[t]] = CPUs]
    /\ pc' = [pc EXCEPT ![t] = "holding"]
    /\ glob' = [glob EXCEPT ![t] = TRUE]
    /\ UNCHANGED <<cache, lm, pte, tlb, tcpu, obj, want, synced, seen, kcpu>>

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
    /\ UNCHANGED <<cache, lm, mask, pte, tcpu, pc, obj, want, synced, glob, kcpu>>

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
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, tcpu, kcpu>>

\* lwbuf_free: lwb->m = NULL; lwb->cpumask = 0 (not in OrBug2009); objcache_put.
\* The PTE is left as it is.
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
    /\ UNCHANGED <<pte, tlb, tcpu, kcpu>>

\* LWKT threads do not migrate involuntarily: only between lwbuf calls
\* (kernel-brief §2.5.4).  MigrateInKva drops that guarantee for _lwbuf_kva.
Migrate(t, c) ==
    /\ c # tcpu[t]
    /\ ~InOp(t) \/ Variant = "MigrateInKva"
    /\ tcpu' = [tcpu EXCEPT ![t] = c]
    /\ synced' = [synced EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<cache, lm, mask, pte, tlb, pc, obj, want, glob, seen, kcpu>>

-----------------------------------------------------------------------------
(* Hardware steps *)

\* x86 walks the page table only on a TLB miss: a present entry, even a stale one, is used until
\* invlpg or an eviction removes it (an eviction then a walk refill it: the same reachable states).

\* Speculative page walk on a TLB miss: any CPU may load a valid PTE into an empty entry at any time.
TLBFill(c, o) ==
    /\ pte[o] # NoPage /\ tlb[c][o] = NoPage
    /\ tlb' = [tlb EXCEPT ![c][o] = pte[o]]
    /\ UNCHANGED <<cache, lm, mask, pte, tcpu, pc, obj, want, synced, glob, seen, kcpu>>

\* The TLB drops an entry (capacity eviction).
TLBEvict(c, o) ==
    /\ tlb[c][o] # NoPage
    /\ tlb' = [tlb EXCEPT ![c][o] = NoPage]
    /\ UNCHANGED <<cache, lm, mask, pte, tcpu, pc, obj, want, synced, glob, seen, kcpu>>

Next ==
    \/ \E t \in Threads, o \in Objs, p \in Pages : Alloc(t, o, p)
    \/ \E t \in Threads :
          \/ Kva(t) \/ KvaCheck(t) \/ KvaSlowInvlpg(t) \/ KvaSlowOr(t)
          \/ SetGlobal(t) \/ SetGlobalSync(t) \/ SetGlobalStore(t)
          \/ Access(t) \/ Free(t)
    \/ \E t, u \in Threads : HandOff(t, u)
    \/ \E t \in Threads, c \in CPUs : Migrate(t, c)
    \/ \E c \in CPUs, o \in Objs : TLBFill(c, o) \/ TLBEvict(c, o)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Invariants, each checkable on its own *)

\* LW1 (kernel-brief §2.4): every CPU in an lwbuf's mask has no TLB entry for
\* its KVA other than the current PTE.
LW1 == \A o \in Objs, c \in CPUs : c \in mask[o] => tlb[c][o] \in {NoPage, pte[o]}

\* Every access through an lwbuf observes the page its allocation asked for.
NoStaleAccess == \A t \in Threads : seen[t] \in {NoPage, want[t]}

\* An lwbuf in use maps the page it was allocated for.
OwnedImpliesMapped ==
    \A t \in Threads : obj[t] # NoObj =>
        /\ lm[obj[t]] = want[t]
        /\ pte[obj[t]] = want[t]

\* objcache exclusivity: an object is in the cache or used by exactly one thread.
NoDoubleOwner ==
    /\ \A t \in Threads : obj[t] # NoObj => obj[t] \notin cache
    /\ \A t, u \in Threads : t # u /\ obj[t] # NoObj => obj[t] # obj[u]

Inv == TypeOK /\ LW1 /\ NoStaleAccess /\ OwnedImpliesMapped /\ NoDoubleOwner

\* An inductive strengthening of LW1 for Variant = "Fixed" (the per-action argument
\* is in proofs/lwbuf.md).  What a thread knows must be backed by the mask, and the
\* two-step paths keep the CPU they started on.
InFlight == {"kva_check", "kva_invlpg", "kva_or", "sg_sync", "sg_store"}
LW1Ind ==
    /\ TypeOK /\ LW1 /\ NoStaleAccess /\ OwnedImpliesMapped /\ NoDoubleOwner
    /\ \A t \in Threads :
        /\ (pc[t] = "idle") <=> (obj[t] = NoObj)
        /\ obj[t] # NoObj /\ synced[t] => tcpu[t] \in mask[obj[t]]
        /\ obj[t] # NoObj /\ glob[t] => mask[obj[t]] = CPUs
        /\ (kcpu[t] # NoCpu) <=> (pc[t] \in {"kva_check", "kva_invlpg", "kva_or"})
        /\ pc[t] \in {"kva_invlpg", "kva_or"} => kcpu[t] = tcpu[t]
        /\ pc[t] = "kva_or" => tlb[kcpu[t]][obj[t]] \in {NoPage, pte[obj[t]]}
        /\ pc[t] = "sg_store" => \A c \in CPUs : tlb[c][obj[t]] \in {NoPage, pte[obj[t]]}
        /\ seen[t] # NoPage => obj[t] # NoObj
    /\ \A o \in cache : lm[o] = NoPage
=============================================================================
