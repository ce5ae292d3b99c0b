------------------------------ MODULE MemAttr ------------------------------
(***************************************************************************)
(* Changing the cache attribute (PAT memory type) of a physical page on    *)
(* i386 and flushing it through an sf_buf mapping of the page.             *)
(* Seed shared/seeds/000; kernel-brief §1.2 item 9, §1.4                   *)
(* (sf_buf_process_page / sf_buf_invalidate_cache), §1.7 item 6.           *)
(*                                                                         *)
(* Sources (paraphrased, never copied):                                    *)
(*  [S4p] dcui/FreeBSD-9.3_kernel sys/i386/i386/pmap.c @808719858c6e       *)
(*        ($FreeBSD: releng/9.3 pmap.c r265554): pmap_page_set_memattr,    *)
(*        pmap_flush_page, pmap_invalidate_cache_range, pmap_invalidate_   *)
(*        cache, pmap_invalidate_range, pmap_qenter.                       *)
(*  [S4v] same commit, sys/i386/i386/vm_machdep.c: sf_buf_alloc,           *)
(*        sf_buf_free, sf_buf_invalidate_cache (inline lookup).            *)
(*  [S1]  freebsd/freebsd-src sys/kern/subr_sfbuf.c @07a217d2:             *)
(*        sf_buf_process_page; [S5] fel1x-developer/freebsd-src            *)
(*        sys/i386/i386/vm_machdep.c @2c17d335: sf_buf_invalidate (cb).    *)
(* Kernel statements are named by their text (the sources were read        *)
(* through an index without line numbers).                                 *)
(*                                                                         *)
(* The x86 cache model (what is modelled and what is abstracted) is        *)
(* written down in README.md, section "Hardware model".  In short: one     *)
(* cache line per page per CPU (I/C/D + value), MESI-style single-writer   *)
(* coherence among the CPUs' caches for write-back (WB) accesses; UC and   *)
(* WC accesses are bus transactions that every OTHER cache snoops and the  *)
(* issuing CPU's own cache snoops only with self-snoop (CPUID.SS); a WC    *)
(* write sits in a per-CPU write-combining buffer until drained; TLB       *)
(* entries cache the frame and memory type they were loaded with; clflush  *)
(* acts on the physical line in every cache whatever the memory type of    *)
(* the linear address used, which it translates through this CPU's TLB.    *)
(*                                                                         *)
(* Atomicity (spec/CONVENTIONS.md, "locks exclude software, never          *)
(* hardware"): Spec splits every critical section at its hardware-visible  *)
(* steps -- a PTE load, a PTE store, an invlpg, the shootdown IPI send,    *)
(* the wait for the IPI acknowledgements, a clflush loop or wbinvd, a      *)
(* data access -- with a program counter per kernel thread (chg[p] for     *)
(* the caller of pmap_page_set_memattr(p), apc for the sf_buf client), the *)
(* locals later steps need (fb, ab, arec) and the lock holders (lk:        *)
(* sf_buf_lock, slk: the sysmaps lock of KCpu).  Every TLB fill/evict,     *)
(* per-CPU shootdown acknowledgement and cache event may happen between    *)
(* them.  SpecLockAtomic keeps the coarse view (each critical section one  *)
(* step, a shootdown instantaneous) to show what it hides.                 *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, Sequences

CONSTANTS
    CPUs,        \* processors (model values)
    Pages,       \* tracked physical pages (model values)
    Bufs,        \* sf_bufs (model values)
    NoPage,      \* model value: sf->m is NULL or a page the model does not track
    Vals,        \* values a write may store (naturals, must contain 0)
    NewAttrs,    \* memory types pmap_page_set_memattr may install (subset of Attrs)
    MaxRef,      \* bound on sf->ref_count
    SelfSnoop,   \* CPUID.1:EDX.SS: bus transactions also snoop the issuing CPU's cache
    HasClflush,  \* CPUID.1:EDX.CLFSH: clflush exists (else the kernel uses wbinvd)
    Variant,     \* see VariantOK
    KCpu,        \* the CPU the kernel threads (sf_buf client, pmap_page_set_memattr callers) run on
    Granularity, \* "fine" (Spec) or "lock-atomic" (SpecLockAtomic): which Init the model uses
    StillPages   \* pages only mapped by sf_bufs (sendfile pages): no data access, no attribute change

VariantOK == Variant \in
    { "Fixed",                  \* [S4p]/[S4v] as shipped
      "SkipIdleSfBufs",         \* the hash lookup ignores sf_bufs with ref_count 0
      "FlushWithoutReenter",    \* clflush through the sf_buf, but no pmap_qenter: its PTE keeps the old PAT bits
      "NoFlushNoSelfSnoop",     \* the kernel skips every flush although the CPU lacks self-snoop
      "ReenterNoInvlpg",        \* PTE re-entered with the new PAT bits, TLBs not invalidated
      "NoFallback",             \* no pmap_flush_page when no sf_buf maps the page
      "InvlpgBeforeReenter",    \* reordering: pmap_qenter invalidates (invlpg + IPIs) before its pte_store
      "FlushBeforeReenter",     \* reordering: sf_buf_invalidate_cache flushes before pmap_qenter
      "ClflushBeforeInvlcaddr", \* reordering: pmap_flush_page's clflush loop before invlcaddr(CADDR2)
      "DupAfterSleep",          \* as shipped, with sf_buf_alloc callers that sleep: no hash re-lookup after msleep
      "DupAfterSleepRelookup",  \* fix: the hash is searched again after msleep ("goto retry")
      "DupAfterSleepProcessAll" \* fix: sf_buf_invalidate_cache processes every sf_buf of the page (no break)
    }
\* The variants whose sf_buf_alloc callers may sleep for a free sf_buf (SfBufAllocAfterSleep).
SleepVariants == {"DupAfterSleep", "DupAfterSleepRelookup", "DupAfterSleepProcessAll"}

Attrs      == {"WB", "UC", "WC"}   \* PAT_WRITE_BACK, PAT_UNCACHEABLE, PAT_WRITE_COMBINING
NoAttr     == "none"
NoVal      == -1                   \* empty WC buffer entry / no read recorded yet
NoBuf      == "none"
LineStates == {"I", "C", "D"}      \* invalid, clean (E/S of MESI), dirty (M of MESI)
\* A PTE or TLB entry of a tracked page: its frame and memory type.  A PTE
\* or TLB entry mapping a page the model does not track (after a recycle)
\* is NoEntry, like an invalid one: nothing the model tracks goes through it.
Entry(pg, at) == [pg |-> pg, at |-> at]
NoEntry    == Entry(NoPage, NoAttr)
Entries    == {NoEntry} \cup [pg : Pages, at : Attrs]
\* Program counter of the caller of pmap_page_set_memattr(p) (the step it takes next).
ChgStates  == {"idle", "lookup", "reload", "store", "invl", "ipi", "wait", "flush",
               "fallback", "fpEnter", "fpInvl", "fpFlush", "fpClear"}
AllocStates == {"idle", "invl", "ipi", "wait"}
Remote     == CPUs \ {KCpu}          \* targets of a shootdown IPI sent from KCpu

ASSUME VariantOK
ASSUME 0 \in Vals /\ Vals \subseteq Nat
ASSUME NewAttrs \subseteq Attrs /\ MaxRef \in Nat \ {0}
ASSUME SelfSnoop \in BOOLEAN /\ HasClflush \in BOOLEAN
ASSUME NoPage \notin Pages /\ KCpu \in CPUs
ASSUME Granularity \in {"fine", "lock-atomic"}
ASSUME StillPages \subseteq Pages
\* DupAfterSleepProcessAll continues after the flush step, which a self-snooping kernel skips;
\* the sleeping path is modelled at the fine granularity only.
ASSUME Variant \in SleepVariants => Granularity = "fine" /\ ~SelfSnoop

VARIABLES
    mem,          \* mem[p]      : value of page p in RAM
    cst,          \* cst[c][p]   : state of CPU c's cache line of page p ("I","C","D")
    cval,         \* cval[c][p]  : value held by that line (0 when "I")
    old,          \* old[c][p]   : ghost: the line was cached before/while p's attribute changed
    wcb,          \* wcb[c][p]   : CPU c's write-combining buffer entry for p (NoVal: empty)
    pat,          \* pat[p]      : m->md.pat_mode
    chg,          \* chg[p]      : pc of the caller of pmap_page_set_memattr(p) (ChgStates)
    fb,           \* fb[p]       : the sf_buf sf_buf_invalidate_cache found for p (NoBuf: none)
    lk,           \* holder of sf_buf_lock: "none", "alloc" (the sf_buf client) or a page's caller
    apc,          \* pc of the sf_buf client (AllocStates)
    ab,           \* the sf_buf that client is entering (NoBuf: none)
    arec,         \* that entry is a recycle (its sf_buf_free follows)
    bm,           \* bm[b]       : sf->m (hash membership is derived: b is in p's chain iff bm[b] = p)
    chain,        \* chain[p]    : p's sf_bufs in hash-chain order, head first (LIST_INSERT_HEAD)
    ref,          \* ref[b]      : sf->ref_count
    pte,          \* pte[b]      : the PTE of sf->kva (an Entry)
    tlb,          \* tlb[c][b]   : CPU c's TLB entry for sf->kva (an Entry)
    ipi,          \* ipi[c]      : sf_bufs whose invalidation IPI CPU c has not yet handled
    slk,          \* holder of KCpu's sysmaps lock: "none" or a page's caller
    cpte,         \* KCpu's CMAP2 (the PTE of CADDR2, an Entry)
    ctlb,         \* KCpu's TLB entry for its CADDR2 (an Entry)
    lastWritten,  \* lastWritten[p] : ghost: last value written to p that is globally performed
    rdVal,        \* rdVal[p]    : ghost: value returned by the last read of p
    rdExp,        \* rdExp[p]    : ghost: value that read should have returned
    ucPassedWc    \* ucPassedWc[c] : ghost: a UC access by c was performed while c's WC buffer held a store

vars == <<mem, cst, cval, old, wcb, pat, chg, fb, lk, apc, ab, arec, bm, chain, ref, pte, tlb, ipi,
          slk, cpte, ctlb, lastWritten, rdVal, rdExp, ucPassedWc>>
cacheVars == <<mem, cst, cval, old>>
chgVars   == <<chg, fb, lk>>
allocVars == <<apc, ab, arec>>
sfVars    == <<bm, chain, ref, pte, tlb, ipi>>
mapVars   == <<slk, cpte, ctlb>>
ghostVars == <<lastWritten, rdVal, rdExp, ucPassedWc>>

(***************************************************************************)
(* Helpers                                                                 *)
(***************************************************************************)
Others(c)      == CPUs \ {c}
DirtyHolders(p) == {c \in CPUs : cst[c][p] = "D"}
HasDirty(p)    == DirtyHolders(p) # {}
DirtyVal(p)    == cval[CHOOSE c \in DirtyHolders(p) : TRUE][p]
NoPendingWC(c) == \A q \in Pages : wcb[c][q] = NoVal
\* The ghost of UcFlushesWC, recorded by every data access of c with memory
\* type a: set when a UC access is performed while c's WC buffer holds a store.
RecordUcOrder(c, a) ==
    ucPassedWc' = [ucPassedWc EXCEPT ![c] = @ \/ (a = "UC" /\ ~NoPendingWC(c))]
\* What a read by CPU c must return: its own not yet drained WC write
\* (a CPU sees its own writes), otherwise the last globally performed write.
Expected(c, p) == IF wcb[c][p] # NoVal THEN wcb[c][p] ELSE lastWritten[p]
\* The kernel's view of CPUID_SS (the bug variant gets it wrong).
KernelSkipsFlush == SelfSnoop \/ Variant = "NoFlushNoSelfSnoop"
\* Caches that observe a bus transaction issued by CPU c.
Snoopers(c) == {d \in CPUs : d # c \/ SelfSnoop}
\* The PTE pmap_cache_bits(m->md.pat_mode) gives a kernel mapping of p.
Want(p) == Entry(p, pat[p])
\* The hash chain sf_buf_active[SF_BUF_HASH(m)] [S4v] restricted to p's sf_bufs:
\* LIST_REMOVE takes b out keeping the others' order, LIST_INSERT_HEAD puts it first.
Unchain(b)   == [p \in Pages |-> SelectSeq(chain[p], LAMBDA x : x # b)]
Rehash(b, p) == [Unchain(b) EXCEPT ![p] = <<b>> \o @]
FirstOf(s)   == IF s = <<>> THEN NoBuf ELSE Head(s)

(***************************************************************************)
(* Cache building blocks (parts of steps, not steps)                       *)
(***************************************************************************)
\* Line fill for a cacheable (WB) access that misses in c's cache, or for a
\* speculative fill: a dirty copy in another cache is written back and both
\* keep a clean copy (MESI M -> S).  Ghost: a line filled while p's
\* attribute changes to UC/WC carries the old (WB) type; a fill during a
\* change to WB (e.g. through the new CADDR2 translation) does not.
LoadVal(c, p) == IF \E d \in Others(c) : cst[d][p] = "D" THEN DirtyVal(p) ELSE mem[p]
WBLoad(c, p) ==
    /\ mem'  = [mem EXCEPT ![p] = LoadVal(c, p)]
    /\ cst'  = [d \in CPUs |-> IF d = c \/ cst[d][p] = "D"
                                THEN [cst[d] EXCEPT ![p] = "C"] ELSE cst[d]]
    /\ cval' = [cval EXCEPT ![c][p] = LoadVal(c, p)]
    /\ old'  = [old EXCEPT ![c][p] = (chg[p] # "idle" /\ pat[p] # "WB")]

\* Uncached read on the bus (UC read, or WC read not served by c's own WC
\* buffer): a snooping cache holding the line dirty writes it back and keeps
\* it clean; without self-snoop c's own cache is NOT looked at.
ReadSnooped(c, p) == {d \in Snoopers(c) : cst[d][p] = "D"}
BusReadVal(c, p)  == IF ReadSnooped(c, p) # {} THEN DirtyVal(p) ELSE mem[p]
BusRead(c, p) ==
    /\ mem' = [mem EXCEPT ![p] = BusReadVal(c, p)]
    /\ cst' = [d \in CPUs |-> IF d \in ReadSnooped(c, p)
                               THEN [cst[d] EXCEPT ![p] = "C"] ELSE cst[d]]
    /\ UNCHANGED <<cval, old>>

\* Uncached write on the bus (UC write, or a WC buffer drain): memory gets v,
\* every snooping cache invalidates its line (a dirty line is superseded: a
\* write covers the whole modelled line); without self-snoop c's own line is
\* left as it is.
BusWrite(c, p, v) ==
    /\ mem'  = [mem EXCEPT ![p] = v]
    /\ cst'  = [d \in CPUs |-> IF d \in Snoopers(c) THEN [cst[d] EXCEPT ![p] = "I"] ELSE cst[d]]
    /\ cval' = [d \in CPUs |-> IF d \in Snoopers(c) THEN [cval[d] EXCEPT ![p] = 0] ELSE cval[d]]
    /\ old'  = [d \in CPUs |-> IF d \in Snoopers(c) THEN [old[d] EXCEPT ![p] = FALSE] ELSE old[d]]

\* clflush of every line of frame q (mfence; clflush loop; mfence): the line
\* is written back if dirty and invalidated in every cache of the coherence
\* domain; the memory type of the linear address used does not matter.  A
\* frame the model does not track: no tracked line changes.
ClflushFrame(q) ==
    IF q \notin Pages THEN UNCHANGED cacheVars
    ELSE /\ mem'  = [mem EXCEPT ![q] = IF HasDirty(q) THEN DirtyVal(q) ELSE mem[q]]
         /\ cst'  = [d \in CPUs |-> [cst[d] EXCEPT ![q] = "I"]]
         /\ cval' = [d \in CPUs |-> [cval[d] EXCEPT ![q] = 0]]
         /\ old'  = [d \in CPUs |-> [old[d] EXCEPT ![q] = FALSE]]

\* pmap_invalidate_cache() [S4p]: sched_pin; wbinvd; smp_cache_flush (wbinvd
\* on every other CPU); sched_unpin.  One step (README: the per-CPU wbinvd of
\* smp_cache_flush is not split; under the caller contract no dirty line can
\* appear between them).
WbinvdAll ==
    /\ mem'  = [q \in Pages |-> IF HasDirty(q) THEN DirtyVal(q) ELSE mem[q]]
    /\ cst'  = [d \in CPUs |-> [q \in Pages |-> "I"]]
    /\ cval' = [d \in CPUs |-> [q \in Pages |-> 0]]
    /\ old'  = [d \in CPUs |-> [q \in Pages |-> FALSE]]

\* A data read by CPU c through a mapping whose effective memory type is a
\* and whose translation names frame q, made by a client that addresses page
\* p (the page it holds the sf_buf for, or the page of its own mapping).
\* End-to-end ghosts (issue 11): the client records, for ITS page p, the
\* value the load returned to it and the value it should have returned; the
\* hardware's effects fall on frame q.  With a sound TLB q = p; a stale
\* translation to another frame makes rdVal[p] # rdExp[p] as soon as the two
\* pages hold different values.
DoRead(c, p, q, a) ==
    LET e == Expected(c, p)
        Rec(v) == /\ rdVal' = [rdVal EXCEPT ![p] = v]
                  /\ rdExp' = [rdExp EXCEPT ![p] = e]
    IN  /\ RecordUcOrder(c, a)
        /\ \/ /\ a = "WB" /\ cst[c][q] # "I"                  \* cache hit
              /\ Rec(cval[c][q])
              /\ UNCHANGED cacheVars
           \/ /\ a = "WB" /\ cst[c][q] = "I"                  \* miss: allocate
              /\ Rec(LoadVal(c, q))
              /\ WBLoad(c, q)
           \/ /\ a = "WC" /\ wcb[c][q] # NoVal                \* own WC buffer forwards
              /\ Rec(wcb[c][q])
              /\ UNCHANGED cacheVars
           \/ /\ \/ a = "UC" /\ NoPendingWC(c)                \* after the WC flush
                 \/ a = "WC" /\ wcb[c][q] = NoVal
              /\ Rec(BusReadVal(c, q))
              /\ BusRead(c, q)

\* The UC flush: a UC read or write by c is performed only once c's WC buffer
\* is empty: the access itself forces the flush (Intel SDM vol. 3A 11.3.1,
\* "Buffering of Write Combining Memory Locations": a read or write to
\* uncached memory empties a partially filled WC buffer), not a rule its
\* client must keep.  The flush is the hardware's WcDrain steps (one entry
\* each, other steps may fall between them); the access is the step after
\* them, hence the guard NoPendingWC(c), which keeps UcFlushesWC.
\* A data write of v by CPU c through a mapping of memory type a whose
\* translation names frame q, by a client addressing page p (as DoRead).
\* End-to-end ghost: a WB or UC store is globally performed when it retires,
\* so the client records v as p's last written value; a WC store is
\* performed when its buffer drains (WcDrain records it for the frame).
DoWrite(c, p, q, a, v) ==
    /\ RecordUcOrder(c, a)
    /\ \/ /\ a = "WB"                                      \* RFO: others invalidated
          /\ cst'  = [d \in CPUs |-> [cst[d] EXCEPT ![q] = IF d = c THEN "D" ELSE "I"]]
          /\ cval' = [d \in CPUs |-> [cval[d] EXCEPT ![q] = IF d = c THEN v ELSE 0]]
          /\ old'  = [d \in CPUs |-> [old[d] EXCEPT ![q] = IF d = c THEN old[c][q] ELSE FALSE]]
          /\ lastWritten' = [lastWritten EXCEPT ![p] = v]
          /\ UNCHANGED <<mem, wcb>>
       \/ /\ a = "UC" /\ NoPendingWC(c)                    \* straight to memory, after the WC flush
          /\ BusWrite(c, q, v)
          /\ lastWritten' = [lastWritten EXCEPT ![p] = v]
          /\ UNCHANGED wcb
       \/ /\ a = "WC"                                      \* buffered, cache not looked at
          /\ wcb' = [wcb EXCEPT ![c][q] = v]
          /\ UNCHANGED <<mem, cst, cval, old, lastWritten>>

(***************************************************************************)
(* Initial state: every page write-back (pmap_page_init sets               *)
(* PAT_WRITE_BACK), caches empty, no sf_buf mapped yet (sf_buf_init:       *)
(* sf->m NULL, the KVA unmapped), CMAP2 clear, nobody inside an operation. *)
(***************************************************************************)
InitVars ==
    /\ mem  = [p \in Pages |-> 0]
    /\ cst  = [c \in CPUs |-> [p \in Pages |-> "I"]]
    /\ cval = [c \in CPUs |-> [p \in Pages |-> 0]]
    /\ old  = [c \in CPUs |-> [p \in Pages |-> FALSE]]
    /\ wcb  = [c \in CPUs |-> [p \in Pages |-> NoVal]]
    /\ pat  = [p \in Pages |-> "WB"]
    /\ chg  = [p \in Pages |-> "idle"]
    /\ fb   = [p \in Pages |-> NoBuf]
    /\ lk   = "none"
    /\ apc  = "idle"
    /\ ab   = NoBuf
    /\ arec = FALSE
    /\ bm   = [b \in Bufs |-> NoPage]
    /\ chain = [p \in Pages |-> <<>>]
    /\ ref  = [b \in Bufs |-> 0]
    /\ pte  = [b \in Bufs |-> NoEntry]
    /\ tlb  = [c \in CPUs |-> [b \in Bufs |-> NoEntry]]
    /\ ipi  = [c \in CPUs |-> {}]
    /\ slk  = "none"
    /\ cpte = NoEntry
    /\ ctlb = NoEntry
    /\ lastWritten = [p \in Pages |-> 0]
    /\ rdVal = [p \in Pages |-> NoVal]
    /\ rdExp = [p \in Pages |-> NoVal]
    /\ ucPassedWc = [c \in CPUs |-> FALSE]

Init == Granularity = "fine" /\ InitVars

(***************************************************************************)
(* The sf_buf client: one kernel thread on KCpu allocating and freeing     *)
(* sf_bufs (most general: any page, any free sf_buf, any held sf_buf; who  *)
(* holds a reference is not tracked).  The TLB side of sf_buf (cpumask,    *)
(* lazy shootdown, PG_A) is spec/sfbuf's; here a remap shoots the KVA down *)
(* on every CPU, and the hit path, whose shootdown only invalidates        *)
(* entries equal to the PTE, does no TLB work.                             *)
(***************************************************************************)
AIdle == apc = "idle" /\ lk = "none"

\* sf_buf_alloc(m) hash hit [S4v]: mtx_lock(&sf_buf_lock); LIST_FOREACH finds
\* sf->m == m (ref may be 0: revival from the free list); sf->ref_count++
\* (TAILQ_REMOVE at 0 -> 1); mtx_unlock.  The PTE is NOT rewritten on this
\* path, it keeps whatever PAT bits it was entered with.  Software only.
\* LIST_FOREACH stops at the first sf_buf of m in the chain (DupAfterSleep: two may map m).
SfBufAllocHit(b) ==
    /\ AIdle
    /\ bm[b] \in Pages
    /\ b = Head(chain[bm[b]])
    /\ ref[b] < MaxRef
    /\ ref' = [ref EXCEPT ![b] = @ + 1]
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, bm, chain, pte, tlb, ipi, mapVars, ghostVars>>

\* sf_buf_free(sf) [S4v]: mtx_lock; sf->ref_count--; at 0 TAILQ_INSERT_TAIL
\* onto the free list, KEEPING the mapping and the hash entry (brief §1.7
\* item 6); mtx_unlock.  Software only.
SfBufFree(b) ==
    /\ AIdle
    /\ ref[b] > 0
    /\ ref' = [ref EXCEPT ![b] = @ - 1]
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, bm, chain, pte, tlb, ipi, mapVars, ghostVars>>

\* The end of an sf_buf_alloc miss: mtx_unlock(&sf_buf_lock); for a recycle
\* also its sf_buf_free (software only: the untracked page's sf_buf goes back
\* to the free list).
AllocDone ==
    /\ apc' = "idle" /\ ab' = NoBuf /\ arec' = FALSE /\ lk' = "none"
    /\ ref' = IF arec THEN [ref EXCEPT ![ab] = 0] ELSE ref

\* --- fine steps of an sf_buf_alloc miss [S4v] ---
\* 1. mtx_lock; LIST_FOREACH misses; sf = TAILQ_FIRST(&sf_buf_freelist) (any
\* free sf_buf: LRU order abstracted); TAILQ_REMOVE; LIST_REMOVE/
\* LIST_INSERT_HEAD (rehash); sf->ref_count = 1; sf->m = m; then the store
\* "*ptep = VM_PAGE_TO_PHYS(m) | ... | pmap_cache_bits(m->md.pat_mode, 0)"
\* (hardware-visible; the software steps before it fold into it).  The
\* "opte = *ptep" load before the store only feeds the cpumask test of
\* spec/sfbuf and is not modelled.
MissStore(b, p) ==
    /\ bm'  = [bm EXCEPT ![b] = p]
    /\ chain' = Rehash(b, p)
    /\ ref' = [ref EXCEPT ![b] = 1]
    /\ pte' = [pte EXCEPT ![b] = Want(p)]
    /\ apc' = "invl" /\ ab' = b /\ arec' = FALSE /\ lk' = "alloc"
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, fb, tlb, ipi, mapVars, ghostVars>>

SfBufAllocMiss(b, p) ==
    /\ AIdle /\ ref[b] = 0
    /\ \A b2 \in Bufs : bm[b2] # p
    /\ MissStore(b, p)

\* sf_buf_alloc(m) [S4v @808719858c6e, FreeBSD 9.3 i386 vm_machdep.c; also [S1]
\* subr_sfbuf.c @07a217d2] after msleep(&sf_buf_freelist) returned: the hash
\* lookup missed BEFORE the sleep (every sf_buf was then held for other
\* pages); "while ((sf = TAILQ_FIRST(&sf_buf_freelist)) == NULL)" ends and
\* the head is taken WITHOUT searching the hash again, so p may meanwhile have
\* been mapped by another sf_buf: a second sf_buf of p, put first in the
\* chain (spec/sfbuf's DupAfterSleep, SF1).  The sleeper's history is not
\* tracked: its lookup and sleep can precede Init (sf_bufs held for untracked
\* pages, then freed), so the step is enabled whenever p is mapped by another
\* sf_buf (otherwise it is SfBufAllocMiss).  DupAfterSleepRelookup (the fix,
\* spec/sfbuf's RelookupFix): the hash is searched again and the first sf_buf
\* of p is taken as by a hit.
SfBufAllocAfterSleep(b, p) ==
    /\ Variant \in SleepVariants
    /\ AIdle /\ ref[b] = 0
    /\ \E b2 \in Bufs \ {b} : bm[b2] = p
    /\ IF Variant = "DupAfterSleepRelookup"
       THEN /\ ref[Head(chain[p])] < MaxRef
            /\ ref' = [ref EXCEPT ![Head(chain[p])] = @ + 1]
            /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, bm, chain, pte, tlb, ipi, mapVars, ghostVars>>
       ELSE MissStore(b, p)

\* sf_buf_alloc(q) miss for a page q the model does not track, taking idle
\* b, followed by its sf_buf_free: b leaves p's hash chain and maps q.
SfBufRecycle(b) ==
    /\ AIdle /\ ref[b] = 0
    /\ bm[b] \in Pages
    /\ bm'  = [bm EXCEPT ![b] = NoPage]
    /\ chain' = Unchain(b)
    /\ ref' = [ref EXCEPT ![b] = 1]
    /\ pte' = [pte EXCEPT ![b] = NoEntry]
    /\ apc' = "invl" /\ ab' = b /\ arec' = TRUE /\ lk' = "alloc"
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, fb, tlb, ipi, mapVars, ghostVars>>

\* 2. shootdown: invlpg(sf->kva) on this CPU (KCpu).  Without other CPUs the
\* miss ends here (mtx_unlock).
SfBufAllocInvlpg ==
    /\ apc = "invl"
    /\ tlb' = [tlb EXCEPT ![KCpu][ab] = NoEntry]
    /\ IF Remote = {} THEN AllocDone
       ELSE /\ apc' = "ipi" /\ UNCHANGED <<ab, arec, lk, ref>>
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, fb, bm, chain, pte, ipi, mapVars, ghostVars>>

\* 3. smp_masked_invlpg(other_cpus, sf->kva): the IPIs are sent.
SfBufAllocIpi ==
    /\ apc = "ipi"
    /\ ipi' = [c \in CPUs |-> IF c \in Remote THEN ipi[c] \cup {ab} ELSE ipi[c]]
    /\ apc' = "wait"
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, ab, arec, bm, chain, ref, pte, tlb, mapVars, ghostVars>>

\* 4. smp_tlb_shootdown waits until every target acknowledged; mtx_unlock.
SfBufAllocWait ==
    /\ apc = "wait"
    /\ \A c \in CPUs : ab \notin ipi[c]
    /\ AllocDone
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, fb, bm, chain, pte, tlb, ipi, mapVars, ghostVars>>

(***************************************************************************)
(* Data accesses.  The caller of pmap_page_set_memattr owns the page while *)
(* its attribute changes, so no data access to p happens while chg[p] #    *)
(* "idle" (hardware events still do).  An sf_buf is used only by a holder, *)
(* once sf_buf_alloc has returned it.                                      *)
(***************************************************************************)
SfUsable(b) ==
    /\ bm[b] \in Pages /\ ref[b] > 0 /\ chg[bm[b]] = "idle"
    /\ bm[b] \notin StillPages
    /\ ~(apc # "idle" /\ ab = b)

\* Load / store through sf_buf_kva(sf) on CPU c, translated by c's TLB entry
\* (its frame and memory type; TlbFill loads it first).
ReadSfBuf(c, b) ==
    /\ SfUsable(b)
    /\ tlb[c][b].pg \in Pages
    /\ DoRead(c, bm[b], tlb[c][b].pg, tlb[c][b].at)
    /\ UNCHANGED <<wcb, pat, chgVars, allocVars, sfVars, mapVars, lastWritten>>

WriteSfBuf(c, b, v) ==
    /\ SfUsable(b)
    /\ tlb[c][b].pg \in Pages
    /\ DoWrite(c, bm[b], tlb[c][b].pg, tlb[c][b].at, v)
    /\ UNCHANGED <<pat, chgVars, allocVars, sfVars, mapVars, rdVal, rdExp>>

\* Load / store through any other mapping of p (pmap_enter / pmap_qenter /
\* pmap_mapdev_attr), which is entered with pmap_cache_bits(m->md.pat_mode).
\* pmap_page_set_memattr's callers set the attribute of pages with no such
\* mapping, and mappings made later use the new pat_mode; so these accesses
\* always use pat[p] and need no PTE/TLB state of their own.
ReadPageMap(c, p) ==
    /\ chg[p] = "idle" /\ p \notin StillPages
    /\ DoRead(c, p, p, pat[p])
    /\ UNCHANGED <<wcb, pat, chgVars, allocVars, sfVars, mapVars, lastWritten>>

WritePageMap(c, p, v) ==
    /\ chg[p] = "idle" /\ p \notin StillPages
    /\ DoWrite(c, p, p, pat[p], v)
    /\ UNCHANGED <<pat, chgVars, allocVars, sfVars, mapVars, rdVal, rdExp>>

(***************************************************************************)
(* Hardware events (may happen at any time, whatever locks are held).      *)
(***************************************************************************)

\* Page walk on a TLB miss: the entry caches the frame and memory type.
TlbFill(c, b) ==
    /\ tlb[c][b] = NoEntry /\ pte[b] # NoEntry
    /\ tlb' = [tlb EXCEPT ![c][b] = pte[b]]
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, bm, chain, ref, pte, ipi, mapVars, ghostVars>>

TlbEvict(c, b) ==
    /\ tlb[c][b] # NoEntry
    /\ tlb' = [tlb EXCEPT ![c][b] = NoEntry]
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, bm, chain, ref, pte, ipi, mapVars, ghostVars>>

\* The same for KCpu's transient mapping CADDR2 in KCpu's TLB.  (Other CPUs'
\* walkers may cache it too; the kernel never uses it there, and through
\* such an entry only a speculative clean fill could happen, which is not
\* modelled: README, "Abstractions".)
TlbFillCaddr ==
    /\ ctlb = NoEntry /\ cpte # NoEntry
    /\ ctlb' = cpte
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, sfVars, slk, cpte, ghostVars>>

TlbEvictCaddr ==
    /\ ctlb # NoEntry
    /\ ctlb' = NoEntry
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, sfVars, slk, cpte, ghostVars>>

\* CPU c handles the invalidation IPI for sf_buf b (smp_masked_invlpg's
\* handler): invlpg, then it acknowledges.
ShootdownAck(c, b) ==
    /\ b \in ipi[c]
    /\ tlb' = [tlb EXCEPT ![c][b] = NoEntry]
    /\ ipi' = [ipi EXCEPT ![c] = @ \ {b}]
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, bm, chain, ref, pte, mapVars, ghostVars>>

\* Speculative / prefetch line fill through any WB translation: through a WB
\* TLB entry of an sf_buf (held, idle or stale) ...
SpecFillSfBuf(c, b) ==
    /\ tlb[c][b].at = "WB"
    /\ cst[c][tlb[c][b].pg] = "I"
    /\ WBLoad(c, tlb[c][b].pg)
    /\ UNCHANGED <<wcb, pat, chgVars, allocVars, sfVars, mapVars, ghostVars>>

\* ... or of CADDR2 on KCpu ...
SpecFillCaddr ==
    /\ ctlb.at = "WB"
    /\ cst[KCpu][ctlb.pg] = "I"
    /\ WBLoad(KCpu, ctlb.pg)
    /\ UNCHANGED <<wcb, pat, chgVars, allocVars, sfVars, mapVars, ghostVars>>

\* ... or through the page's other (WB) mappings.
SpecFillPageMap(c, p) ==
    /\ chg[p] = "idle" /\ pat[p] = "WB"
    /\ cst[c][p] = "I"
    /\ WBLoad(c, p)
    /\ UNCHANGED <<wcb, pat, chgVars, allocVars, sfVars, mapVars, ghostVars>>

\* Capacity / conflict eviction: a dirty line is written back.
Evict(c, p) ==
    /\ cst[c][p] # "I"
    /\ mem'  = IF cst[c][p] = "D" THEN [mem EXCEPT ![p] = cval[c][p]] ELSE mem
    /\ cst'  = [cst EXCEPT ![c][p] = "I"]
    /\ cval' = [cval EXCEPT ![c][p] = 0]
    /\ old'  = [old EXCEPT ![c][p] = FALSE]
    /\ UNCHANGED <<wcb, pat, chgVars, allocVars, sfVars, mapVars, ghostVars>>

\* The WC buffer is written to memory (at any time; forced by serializing
\* events, fences, locked instructions, interrupts, UC accesses): a bus
\* write, snooped like a UC write.  The write becomes globally performed.
WcDrain(c, p) ==
    /\ wcb[c][p] # NoVal
    /\ BusWrite(c, p, wcb[c][p])
    /\ wcb' = [wcb EXCEPT ![c][p] = NoVal]
    /\ lastWritten' = [lastWritten EXCEPT ![p] = wcb[c][p]]
    /\ UNCHANGED <<pat, chgVars, allocVars, sfVars, mapVars, rdVal, rdExp, ucPassedWc>>

(***************************************************************************)
(* The attribute change: pmap_page_set_memattr(p, a) [S4p], run by a       *)
(* kernel thread on KCpu.  Caller contract: the caller owns the page (no   *)
(* data access until the call returns) and took it over through a lock,   *)
(* so no CPU has a WC-buffered write to it pending.  (PG_FICTITIOUS pages  *)
(* return after the store; they are not modelled.)                         *)
(***************************************************************************)

\* "m->md.pat_mode = ma;" (not under sf_buf_lock).  The ghost old marks the
\* lines present now: they carry the old attribute.
PmapPageSetMemattr(p, a) ==
    /\ chg[p] = "idle" /\ p \notin StillPages
    /\ a \in NewAttrs /\ a # pat[p]
    /\ \A c \in CPUs : wcb[c][p] = NoVal
    /\ pat' = [pat EXCEPT ![p] = a]
    /\ chg' = [chg EXCEPT ![p] = "lookup"]
    /\ old' = [c \in CPUs |-> [old[c] EXCEPT ![p] = (cst[c][p] # "I")]]
    /\ UNCHANGED <<mem, cst, cval, wcb, fb, lk, allocVars, sfVars, mapVars, ghostVars>>

\* sf_buf_invalidate_cache(m) [S4v] (= [S1] sf_buf_process_page(m,
\* sf_buf_invalidate), [S5]): under sf_buf_lock, LIST_FOREACH finds sf with
\* sf->m == m -- ref_count may be 0 -- and stops at the first ("break");
\* pmap_qenter(sf->kva, &m, 1); pmap_invalidate_cache_range(sf->kva, ...).
SfBufFinds(b, p) == bm[b] = p /\ (Variant = "SkipIdleSfBufs" => ref[b] > 0)
\* The sf_buf the walk stops at (NoBuf: none).  DupAfterSleepProcessAll walks
\* on from b (the chain cannot change meanwhile: sf_buf_lock is held).
FirstMatch(p) == FirstOf(SelectSeq(chain[p], LAMBDA b : SfBufFinds(b, p)))
NextMatch(p, b) ==
    LET i == CHOOSE i \in 1..Len(chain[p]) : chain[p][i] = b
    IN  FirstOf(SelectSeq(SubSeq(chain[p], i + 1, Len(chain[p])), LAMBDA x : SfBufFinds(x, p)))

\* The pc after a step of the caller of p ends in state nx with found sf_buf
\* nb: it holds sf_buf_lock until it leaves sf_buf_invalidate_cache ("idle",
\* or "fallback" for pmap_flush_page).
Goto(p, nx, nb) ==
    /\ chg' = [chg EXCEPT ![p] = nx]
    /\ fb'  = [fb EXCEPT ![p] = IF nx \in {"idle", "fallback"} THEN NoBuf ELSE nb]
    /\ lk'  = IF nx \in {"idle", "fallback"} THEN "none" ELSE p

\* Where the caller goes after the qenter part: pmap_invalidate_cache_range
\* does nothing with CPUID_SS (return TRUE), else the flush.
AfterQenter == IF KernelSkipsFlush \/ Variant = "FlushBeforeReenter" THEN "idle" ELSE "flush"

\* pmap_qenter computes pa = VM_PAGE_TO_PHYS(m) | pmap_cache_bits(
\* m->md.pat_mode, 0) and loads *pte: if the frame or the cache bits differ,
\* the store follows (or, reordered, the invalidation).
QenterLoaded(p, b) ==
    IF pte[b] = Want(p) THEN AfterQenter
    ELSE IF Variant = "InvlpgBeforeReenter" THEN "invl" ELSE "store"

\* The flush through sf_buf b's KVA on KCpu: with CLFSH, the clflush loop
\* translates sf->kva through KCpu's TLB (a miss walks the PTE and fills the
\* entry) and flushes that frame; without CLFSH, pmap_invalidate_cache().
FlushThrough(b) ==
    IF HasClflush
    THEN LET e == IF tlb[KCpu][b] = NoEntry THEN pte[b] ELSE tlb[KCpu][b]
         IN  /\ tlb' = [tlb EXCEPT ![KCpu][b] = e]
             /\ ClflushFrame(e.pg)
    ELSE /\ WbinvdAll
         /\ UNCHANGED tlb

\* 1. mtx_lock(&sf_buf_lock); the hash lookup; then the first
\* hardware-visible step: pmap_qenter's load of *pte (found), or the flush
\* (variants FlushWithoutReenter, which has no pmap_qenter, and
\* FlushBeforeReenter); not found: mtx_unlock, back in pmap_page_set_memattr:
\* return (CPUID_SS; NoFallback) or on to pmap_flush_page.
SfBufInvalidateLookup(p) ==
    /\ chg[p] = "lookup" /\ lk = "none"
    /\ IF FirstMatch(p) # NoBuf
       THEN LET b == FirstMatch(p) IN
                 CASE Variant = "FlushWithoutReenter" ->
                        /\ Goto(p, "idle", NoBuf)
                        /\ IF KernelSkipsFlush THEN UNCHANGED <<cacheVars, tlb>>
                           ELSE FlushThrough(b)
                   [] Variant = "FlushBeforeReenter" /\ ~KernelSkipsFlush ->
                        /\ Goto(p, "reload", b)
                        /\ FlushThrough(b)
                   [] OTHER ->
                        /\ Goto(p, QenterLoaded(p, b), b)
                        /\ UNCHANGED <<cacheVars, tlb>>
       ELSE /\ Goto(p, IF KernelSkipsFlush \/ Variant = "NoFallback" THEN "idle" ELSE "fallback", NoBuf)
            /\ UNCHANGED <<cacheVars, tlb>>
    /\ UNCHANGED <<wcb, pat, allocVars, bm, chain, ref, pte, ipi, mapVars, ghostVars>>

\* Variant FlushBeforeReenter, after the flush: pmap_qenter's load of *pte.
SfBufInvalidateReload(p) ==
    /\ chg[p] = "reload"
    /\ Goto(p, IF pte[fb[p]] = Want(p) THEN "idle" ELSE "store", fb[p])
    /\ UNCHANGED <<cacheVars, wcb, pat, allocVars, sfVars, mapVars, ghostVars>>

\* 2. pmap_qenter: "pte_store(pte, pa | pgeflag | PG_RW | PG_V)".  Then
\* "if ((oldpte & PG_V) != 0) pmap_invalidate_range(...)" (the old PTE of a
\* hashed sf_buf is always valid); ReenterNoInvlpg skips it; reordered
\* (InvlpgBeforeReenter) the invalidation came first.
QenterStore(p) ==
    /\ chg[p] = "store"
    /\ pte' = [pte EXCEPT ![fb[p]] = Want(p)]
    /\ Goto(p, IF Variant \in {"ReenterNoInvlpg", "InvlpgBeforeReenter"} THEN AfterQenter ELSE "invl", fb[p])
    /\ UNCHANGED <<cacheVars, wcb, pat, allocVars, bm, chain, ref, tlb, ipi, mapVars, ghostVars>>

\* After pmap_invalidate_range: the store (reordered) or the cache flush.
AfterShootdown == IF Variant = "InvlpgBeforeReenter" THEN "store" ELSE AfterQenter

\* 3. pmap_invalidate_range(kernel_pmap, ...) [S4p, SMP]: sched_pin; invlpg
\* on this CPU (KCpu) ...
QenterInvlpg(p) ==
    /\ chg[p] = "invl"
    /\ tlb' = [tlb EXCEPT ![KCpu][fb[p]] = NoEntry]
    /\ Goto(p, IF Remote = {} THEN AfterShootdown ELSE "ipi", fb[p])
    /\ UNCHANGED <<cacheVars, wcb, pat, allocVars, bm, chain, ref, pte, ipi, mapVars, ghostVars>>

\* 4. ... smp_invlpg_range: the IPIs to every other CPU are sent ...
QenterIpi(p) ==
    /\ chg[p] = "ipi"
    /\ ipi' = [c \in CPUs |-> IF c \in Remote THEN ipi[c] \cup {fb[p]} ELSE ipi[c]]
    /\ Goto(p, "wait", fb[p])
    /\ UNCHANGED <<cacheVars, wcb, pat, allocVars, bm, chain, ref, pte, tlb, mapVars, ghostVars>>

\* 5. ... and smp_tlb_shootdown waits for every acknowledgement.
QenterWait(p) ==
    /\ chg[p] = "wait"
    /\ \A c \in CPUs : fb[p] \notin ipi[c]
    /\ Goto(p, AfterShootdown, fb[p])
    /\ UNCHANGED <<cacheVars, wcb, pat, allocVars, sfVars, mapVars, ghostVars>>

\* 6. pmap_invalidate_cache_range(sf->kva, sf->kva + PAGE_SIZE) (no CPUID_SS):
\* mfence; clflush of every line of sf->kva; mfence (CLFSH), or
\* pmap_invalidate_cache(); ret = TRUE; break; mtx_unlock; return TRUE and
\* pmap_page_set_memattr returns.
SfBufInvalidateFlush(p) ==
    /\ chg[p] = "flush"
    /\ FlushThrough(fb[p])
    /\ LET nb == IF Variant = "DupAfterSleepProcessAll" THEN NextMatch(p, fb[p]) ELSE NoBuf
       IN  IF nb = NoBuf THEN Goto(p, "idle", NoBuf) ELSE Goto(p, QenterLoaded(p, nb), nb)
    /\ UNCHANGED <<wcb, pat, allocVars, bm, chain, ref, pte, ipi, mapVars, ghostVars>>

\* pmap_flush_page(m) [S4p], with CPUID_CLFSH, on KCpu:
\* 1. "sysmaps = &sysmaps_pcpu[PCPU_GET(cpuid)]; mtx_lock(&sysmaps->lock);
\* if (*sysmaps->CMAP2) panic(...)": the load of CMAP2 (always clear here:
\* every user clears it before unlocking); sched_pin.
PmapFlushPageLock(p) ==
    /\ chg[p] = "fallback" /\ HasClflush /\ slk = "none"
    /\ chg' = [chg EXCEPT ![p] = "fpEnter"]
    /\ slk' = p
    /\ UNCHANGED <<cacheVars, wcb, pat, fb, lk, allocVars, sfVars, cpte, ctlb, ghostVars>>

\* 2. "*sysmaps->CMAP2 = PG_V | PG_RW | VM_PAGE_TO_PHYS(m) | PG_A | PG_M |
\* pmap_cache_bits(m->md.pat_mode, 0)".
PmapFlushPageEnter(p) ==
    /\ chg[p] = "fpEnter"
    /\ cpte' = Want(p)
    /\ chg' = [chg EXCEPT ![p] = IF Variant = "ClflushBeforeInvlcaddr" THEN "fpFlush" ELSE "fpInvl"]
    /\ UNCHANGED <<cacheVars, wcb, pat, fb, lk, allocVars, sfVars, slk, ctlb, ghostVars>>

\* 3. "invlcaddr(sysmaps->CADDR2)": invlpg on KCpu only (the previous user
\* left its translation in KCpu's TLB: it stores 0 without invlpg).
PmapFlushPageInvl(p) ==
    /\ chg[p] = "fpInvl"
    /\ ctlb' = NoEntry
    /\ chg' = [chg EXCEPT ![p] = IF Variant = "ClflushBeforeInvlcaddr" THEN "fpClear" ELSE "fpFlush"]
    /\ UNCHANGED <<cacheVars, wcb, pat, fb, lk, allocVars, sfVars, slk, cpte, ghostVars>>

\* 4. "mfence(); for (...) clflush(sva); mfence();" through CADDR2, translated
\* by KCpu's TLB (a miss walks CMAP2).
PmapFlushPageClflush(p) ==
    /\ chg[p] = "fpFlush"
    /\ LET e == IF ctlb = NoEntry THEN cpte ELSE ctlb
       IN  /\ ctlb' = e
           /\ ClflushFrame(e.pg)
    /\ chg' = [chg EXCEPT ![p] = IF Variant = "ClflushBeforeInvlcaddr" THEN "fpInvl" ELSE "fpClear"]
    /\ UNCHANGED <<wcb, pat, fb, lk, allocVars, sfVars, slk, cpte, ghostVars>>

\* 5. "*sysmaps->CMAP2 = 0; sched_unpin(); mtx_unlock(&sysmaps->lock);"
PmapFlushPageClear(p) ==
    /\ chg[p] = "fpClear"
    /\ cpte' = NoEntry
    /\ slk' = "none"
    /\ chg' = [chg EXCEPT ![p] = "idle"]
    /\ UNCHANGED <<cacheVars, wcb, pat, fb, lk, allocVars, sfVars, ctlb, ghostVars>>

\* pmap_flush_page(m) without CPUID_CLFSH: pmap_invalidate_cache().
PmapFlushPageWbinvd(p) ==
    /\ chg[p] = "fallback" /\ ~HasClflush
    /\ WbinvdAll
    /\ chg' = [chg EXCEPT ![p] = "idle"]
    /\ UNCHANGED <<wcb, pat, fb, lk, allocVars, sfVars, mapVars, ghostVars>>

(***************************************************************************)
Next ==
    \/ SfBufAllocInvlpg \/ SfBufAllocIpi \/ SfBufAllocWait
    \/ \E b \in Bufs : SfBufAllocHit(b) \/ SfBufRecycle(b) \/ SfBufFree(b)
    \/ \E b \in Bufs, p \in Pages : SfBufAllocMiss(b, p) \/ SfBufAllocAfterSleep(b, p)
    \/ \E c \in CPUs, b \in Bufs :
          \/ ReadSfBuf(c, b) \/ TlbFill(c, b) \/ TlbEvict(c, b) \/ SpecFillSfBuf(c, b)
          \/ ShootdownAck(c, b)
          \/ \E v \in Vals : WriteSfBuf(c, b, v)
    \/ TlbFillCaddr \/ TlbEvictCaddr \/ SpecFillCaddr
    \/ \E c \in CPUs, p \in Pages :
          \/ ReadPageMap(c, p) \/ SpecFillPageMap(c, p) \/ Evict(c, p) \/ WcDrain(c, p)
          \/ \E v \in Vals : WritePageMap(c, p, v)
    \/ \E p \in Pages :
          \/ \E a \in NewAttrs : PmapPageSetMemattr(p, a)
          \/ SfBufInvalidateLookup(p) \/ SfBufInvalidateReload(p)
          \/ QenterStore(p) \/ QenterInvlpg(p) \/ QenterIpi(p) \/ QenterWait(p)
          \/ SfBufInvalidateFlush(p)
          \/ PmapFlushPageLock(p) \/ PmapFlushPageEnter(p) \/ PmapFlushPageInvl(p)
          \/ PmapFlushPageClflush(p) \/ PmapFlushPageClear(p) \/ PmapFlushPageWbinvd(p)

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* The coarse view (Granularity = "lock-atomic"): every critical section   *)
(* is one step including its PTE/TLB and cache work, and a shootdown       *)
(* invalidates every CPU at once.  The pcs, lock holders, IPIs and CMAP2   *)
(* stay at their idle values between steps; chg[p] is "lookup" between the *)
(* pat_mode store and sf_buf_invalidate_cache, "fallback" before           *)
(* pmap_flush_page.  The reorderings inside a critical section are         *)
(* invisible here except where a stale TLB entry from an earlier step is   *)
(* used (ClflushBeforeInvlcaddr, FlushBeforeReenter's walk).                *)
(***************************************************************************)
InitLockAtomic == Granularity = "lock-atomic" /\ InitVars

AllTlbsDropped(b) == [c \in CPUs |-> [tlb[c] EXCEPT ![b] = NoEntry]]

\* sf_buf_alloc miss: mtx_lock; lookup; rehash; PTE store; shootdown; unlock.
SfBufAllocMissLockAtomic(b, p) ==
    /\ ref[b] = 0
    /\ \A b2 \in Bufs : bm[b2] # p
    /\ bm'  = [bm EXCEPT ![b] = p]
    /\ chain' = Rehash(b, p)
    /\ ref' = [ref EXCEPT ![b] = 1]
    /\ pte' = [pte EXCEPT ![b] = Want(p)]
    /\ tlb' = AllTlbsDropped(b)
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, ipi, mapVars, ghostVars>>

SfBufRecycleLockAtomic(b) ==
    /\ ref[b] = 0
    /\ bm[b] \in Pages
    /\ bm'  = [bm EXCEPT ![b] = NoPage]
    /\ chain' = Unchain(b)
    /\ pte' = [pte EXCEPT ![b] = NoEntry]
    /\ tlb' = AllTlbsDropped(b)
    /\ UNCHANGED <<cacheVars, wcb, pat, chgVars, allocVars, ref, ipi, mapVars, ghostVars>>

\* sf_buf_invalidate_cache as one sf_buf_lock section: pmap_qenter (store +
\* invalidation, in either order: the same effect in one step), then the
\* flush through KCpu's TLB (which then holds the new translation); or the
\* flush first (FlushBeforeReenter: through the old translation, dropped by
\* the invalidation that follows).
Reentered(b, p) ==
    /\ pte' = [pte EXCEPT ![b] = IF Variant = "FlushWithoutReenter" THEN pte[b] ELSE Want(p)]
    /\ LET changed == Variant # "FlushWithoutReenter" /\ pte[b] # Want(p)
           t1 == IF changed /\ Variant # "ReenterNoInvlpg" THEN AllTlbsDropped(b) ELSE tlb
           np == IF Variant = "FlushWithoutReenter" THEN pte[b] ELSE Want(p)
           e0 == IF tlb[KCpu][b] = NoEntry THEN pte[b] ELSE tlb[KCpu][b]     \* flush before
           e1 == IF t1[KCpu][b] = NoEntry THEN np ELSE t1[KCpu][b]           \* flush after
       IN  IF KernelSkipsFlush THEN /\ tlb' = t1 /\ UNCHANGED cacheVars
           ELSE IF ~HasClflush THEN /\ tlb' = t1 /\ WbinvdAll
           ELSE IF Variant = "FlushBeforeReenter"
                THEN /\ tlb' = IF changed THEN t1 ELSE [tlb EXCEPT ![KCpu][b] = e0]
                     /\ ClflushFrame(e0.pg)
                ELSE /\ tlb' = [t1 EXCEPT ![KCpu][b] = e1]
                     /\ ClflushFrame(e1.pg)

SfBufInvalidateCache(p) ==
    /\ chg[p] = "lookup"
    /\ IF FirstMatch(p) # NoBuf
       THEN /\ Reentered(FirstMatch(p), p)
            /\ chg' = [chg EXCEPT ![p] = "idle"]
       ELSE /\ chg' = [chg EXCEPT ![p] = IF KernelSkipsFlush \/ Variant = "NoFallback" THEN "idle" ELSE "fallback"]
            /\ UNCHANGED <<cacheVars, pte, tlb>>
    /\ UNCHANGED <<wcb, pat, fb, lk, allocVars, bm, chain, ref, ipi, mapVars, ghostVars>>

\* pmap_flush_page as one sysmaps-lock section: CMAP2 entered, invlcaddr,
\* clflush through KCpu's TLB, CMAP2 cleared (KCpu keeps the translation);
\* or, reordered, the clflush through KCpu's previous translation first.
PmapFlushPage(p) ==
    /\ chg[p] = "fallback"
    /\ IF ~HasClflush THEN /\ WbinvdAll /\ UNCHANGED ctlb
       ELSE IF Variant = "ClflushBeforeInvlcaddr"
            THEN LET e == IF ctlb = NoEntry THEN Want(p) ELSE ctlb
                 IN  /\ ctlb' = NoEntry
                     /\ ClflushFrame(e.pg)
            ELSE /\ ctlb' = Want(p)
                 /\ ClflushFrame(p)
    /\ chg' = [chg EXCEPT ![p] = "idle"]
    /\ UNCHANGED <<wcb, pat, fb, lk, allocVars, sfVars, slk, cpte, ghostVars>>

NextLockAtomic ==
    \/ \E b \in Bufs : SfBufAllocHit(b) \/ SfBufRecycleLockAtomic(b) \/ SfBufFree(b)
    \/ \E b \in Bufs, p \in Pages : SfBufAllocMissLockAtomic(b, p)
    \/ \E c \in CPUs, b \in Bufs :
          \/ ReadSfBuf(c, b) \/ TlbFill(c, b) \/ TlbEvict(c, b) \/ SpecFillSfBuf(c, b)
          \/ \E v \in Vals : WriteSfBuf(c, b, v)
    \/ TlbFillCaddr \/ TlbEvictCaddr \/ SpecFillCaddr
    \/ \E c \in CPUs, p \in Pages :
          \/ ReadPageMap(c, p) \/ SpecFillPageMap(c, p) \/ Evict(c, p) \/ WcDrain(c, p)
          \/ \E v \in Vals : WritePageMap(c, p, v)
    \/ \E p \in Pages :
          \/ \E a \in NewAttrs : PmapPageSetMemattr(p, a)
          \/ SfBufInvalidateCache(p)
          \/ PmapFlushPage(p)

SpecLockAtomic == InitLockAtomic /\ [][NextLockAtomic]_vars

(***************************************************************************)
(* Properties                                                              *)
(***************************************************************************)
TypeOK ==
    /\ mem  \in [Pages -> Vals]
    /\ cst  \in [CPUs -> [Pages -> LineStates]]
    /\ cval \in [CPUs -> [Pages -> Vals]]
    /\ old  \in [CPUs -> [Pages -> BOOLEAN]]
    /\ wcb  \in [CPUs -> [Pages -> Vals \cup {NoVal}]]
    /\ pat  \in [Pages -> Attrs]
    /\ chg  \in [Pages -> ChgStates]
    /\ fb   \in [Pages -> Bufs \cup {NoBuf}]
    /\ lk   \in {"none", "alloc"} \cup Pages
    /\ apc  \in AllocStates
    /\ ab   \in Bufs \cup {NoBuf}
    /\ arec \in BOOLEAN
    /\ bm   \in [Bufs -> Pages \cup {NoPage}]
    /\ chain \in [Pages -> Seq(Bufs)]
    /\ \A p \in Pages : {chain[p][i] : i \in 1..Len(chain[p])} = {b \in Bufs : bm[b] = p}
    /\ ref  \in [Bufs -> 0..MaxRef]
    /\ pte  \in [Bufs -> Entries]
    /\ tlb  \in [CPUs -> [Bufs -> Entries]]
    /\ ipi  \in [CPUs -> SUBSET Bufs]
    /\ slk  \in {"none"} \cup Pages
    /\ cpte \in Entries
    /\ ctlb \in Entries
    /\ lastWritten \in [Pages -> Vals]
    /\ rdVal \in [Pages -> Vals \cup {NoVal}]
    /\ rdExp \in [Pages -> Vals \cup {NoVal}]
    /\ ucPassedWc \in [CPUs -> BOOLEAN]

\* Coherence: a read through any mapping of a page returns the last value
\* written to it (the last globally performed write, or the reading CPU's
\* own WC-buffered write).  rdVal/rdExp are recorded by every read step, for
\* the page the client addresses (end to end: DoRead, DoWrite).
Coherence == \A p \in Pages : rdVal[p] = rdExp[p]

\* NoStaleDirtyLine: on a CPU without self-snoop, once pmap_page_set_memattr
\* has returned, no dirty line cached under the page's old attribute (i.e.
\* present when the new pat_mode was stored, or filled while the change was
\* in progress) survives.  Self-snoop CPUs keep such lines by design (the
\* kernel does not flush): their UC/WC bus accesses snoop them.
NoStaleDirtyLine ==
    ~SelfSnoop =>
        \A p \in Pages : chg[p] = "idle" =>
            \A c \in CPUs : ~(old[c][p] /\ cst[c][p] = "D")

\* Hardware sanity (MESI single writer): a dirty line is the only copy.
SingleWriter ==
    \A p \in Pages, c \in CPUs :
        cst[c][p] = "D" => \A d \in Others(c) : cst[d][p] = "I"

\* UcFlushesWC (hardware sanity, SDM vol. 3A 11.3.1): no UC read or write by
\* c was performed while c's WC buffer still held a store, so a UC access
\* (a device doorbell, say) is never globally visible before the CPU's
\* earlier write-combined stores.  Per-page Coherence cannot see such an
\* access when the pending store is to another page.  DoRead and DoWrite
\* keep it by their guard NoPendingWC(c); it judges implementations of the
\* flush (the reference implementation's X86Caches.flushWcForUc) and spec
\* variants that drop the guard.
UcFlushesWC == \A c \in CPUs : ~ucPassedWc[c]
=============================================================================
