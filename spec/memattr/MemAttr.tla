------------------------------ MODULE MemAttr ------------------------------
(***************************************************************************)
(* Changing the cache attribute (PAT memory type) of a physical page on    *)
(* i386 and flushing it through an sf_buf mapping of the page.             *)
(* Seed shared/seeds/000; kernel-brief §1.2 item 9, §1.4                   *)
(* (sf_buf_process_page / sf_buf_invalidate_cache), §1.7 item 6.           *)
(*                                                                         *)
(* Sources (paraphrased, never copied):                                    *)
(*  [S4p] dcui/FreeBSD-9.3_kernel sys/i386/i386/pmap.c @808719858c6e:      *)
(*        pmap_page_set_memattr, pmap_flush_page, pmap_invalidate_cache_   *)
(*        range, pmap_invalidate_cache, pmap_qenter.                       *)
(*  [S4v] same commit, sys/i386/i386/vm_machdep.c: sf_buf_alloc,           *)
(*        sf_buf_free, sf_buf_invalidate_cache (inline lookup).            *)
(*  [S1]  freebsd/freebsd-src sys/kern/subr_sfbuf.c @07a217d2:             *)
(*        sf_buf_process_page; [S5] fel1x-developer/freebsd-src            *)
(*        sys/i386/i386/vm_machdep.c @2c17d335: sf_buf_invalidate (cb).    *)
(*                                                                         *)
(* The x86 cache model (what is modelled and what is abstracted) is        *)
(* written down in README.md, section "Hardware model".  In short: one     *)
(* cache line per page per CPU (I/C/D + value), MESI-style single-writer   *)
(* coherence among the CPUs' caches for write-back (WB) accesses; UC and   *)
(* WC accesses are bus transactions that every OTHER cache snoops and the  *)
(* issuing CPU's own cache snoops only with self-snoop (CPUID.SS); a WC    *)
(* write sits in a per-CPU write-combining buffer until drained; TLB       *)
(* entries cache the memory type they were loaded with; clflush acts on    *)
(* the physical line in every cache whatever the mapping's memory type.    *)
(*                                                                         *)
(* Atomicity (spec/CONVENTIONS.md): each critical section is one step --   *)
(* sf_buf_alloc / sf_buf_free / sf_buf_invalidate_cache under sf_buf_lock, *)
(* pmap_flush_page under the per-CPU sysmaps lock; the store of the new    *)
(* pat_mode in pmap_page_set_memattr is not under sf_buf_lock, so it is a  *)
(* step of its own.  Every data access and every hardware event (TLB fill, *)
(* TLB evict, line eviction, speculative line fill, WC-buffer drain) is    *)
(* one step.                                                               *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS
    CPUs,        \* processors (model values)
    Pages,       \* tracked physical pages (model values), one or two
    Bufs,        \* sf_bufs (model values)
    NoPage,      \* model value: sf->m is NULL or a page the model does not track
    Vals,        \* values a write may store (naturals, must contain 0)
    NewAttrs,    \* memory types pmap_page_set_memattr may install (subset of Attrs)
    MaxRef,      \* bound on sf->ref_count
    SelfSnoop,   \* CPUID.1:EDX.SS: bus transactions also snoop the issuing CPU's cache
    HasClflush,  \* CPUID.1:EDX.CLFSH: clflush exists (else the kernel uses wbinvd)
    Variant      \* see VariantOK

VariantOK == Variant \in
    { "Fixed",               \* [S4p]/[S4v] as shipped
      "SkipIdleSfBufs",      \* the hash lookup ignores sf_bufs with ref_count 0
      "FlushWithoutReenter", \* clflush through the sf_buf, but its PTE keeps the old PAT bits
      "NoFlushNoSelfSnoop",  \* the kernel skips every flush although the CPU lacks self-snoop
      "ReenterNoInvlpg",     \* PTE re-entered with the new PAT bits, TLBs not invalidated
      "NoFallback"           \* no transient-mapping flush when no sf_buf maps the page
    }

Attrs      == {"WB", "UC", "WC"}   \* PAT_WRITE_BACK, PAT_UNCACHEABLE, PAT_WRITE_COMBINING
NoAttr     == "none"               \* PTE / TLB entry not valid
NoVal      == -1                   \* empty WC buffer entry / no read recorded yet
LineStates == {"I", "C", "D"}      \* invalid, clean (E/S of MESI), dirty (M of MESI)
ChgStates  == {"idle", "lookup", "fallback"}

ASSUME VariantOK
ASSUME 0 \in Vals /\ Vals \subseteq Nat
ASSUME NewAttrs \subseteq Attrs /\ MaxRef \in Nat \ {0}
ASSUME SelfSnoop \in BOOLEAN /\ HasClflush \in BOOLEAN
ASSUME NoPage \notin Pages

VARIABLES
    mem,          \* mem[p]      : value of page p in RAM
    cst,          \* cst[c][p]   : state of CPU c's cache line of page p ("I","C","D")
    cval,         \* cval[c][p]  : value held by that line (0 when "I")
    old,          \* old[c][p]   : ghost: the line was cached before/while p's attribute changed
    wcb,          \* wcb[c][p]   : CPU c's write-combining buffer entry for p (NoVal: empty)
    pat,          \* pat[p]      : m->md.pat_mode
    chg,          \* chg[p]      : progress of pmap_page_set_memattr(p): "idle" | "lookup" | "fallback"
    bm,           \* bm[b]       : sf->m (hash membership is derived: b is in p's chain iff bm[b] = p)
    ref,          \* ref[b]      : sf->ref_count
    pte,          \* pte[b]      : PAT memory type in the PTE of sf->kva (NoAttr iff no tracked page)
    tlb,          \* tlb[c][b]   : memory type of CPU c's TLB entry for sf->kva (NoAttr: none)
    lastWritten,  \* lastWritten[p] : ghost: last value written to p that is globally performed
    rdVal,        \* rdVal[p]    : ghost: value returned by the last read of p
    rdExp         \* rdExp[p]    : ghost: value that read should have returned

vars == <<mem, cst, cval, old, wcb, pat, chg, bm, ref, pte, tlb, lastWritten, rdVal, rdExp>>
cacheVars == <<mem, cst, cval, old>>
sfVars    == <<bm, ref, pte, tlb>>
ghostVars == <<lastWritten, rdVal, rdExp>>

(***************************************************************************)
(* Helpers                                                                 *)
(***************************************************************************)
Others(c)      == CPUs \ {c}
DirtyHolders(p) == {c \in CPUs : cst[c][p] = "D"}
HasDirty(p)    == DirtyHolders(p) # {}
DirtyVal(p)    == cval[CHOOSE c \in DirtyHolders(p) : TRUE][p]
NoPendingWC(c) == \A q \in Pages : wcb[c][q] = NoVal
\* What a read by CPU c must return: its own not yet drained WC write
\* (a CPU sees its own writes), otherwise the last globally performed write.
Expected(c, p) == IF wcb[c][p] # NoVal THEN wcb[c][p] ELSE lastWritten[p]
\* The kernel's view of CPUID_SS (the bug variant gets it wrong).
KernelSkipsFlush == SelfSnoop \/ Variant = "NoFlushNoSelfSnoop"
\* Caches that observe a bus transaction issued by CPU c.
Snoopers(c) == {d \in CPUs : d # c \/ SelfSnoop}

(***************************************************************************)
(* Cache building blocks (parts of steps, not steps)                       *)
(***************************************************************************)
\* Line fill for a cacheable (WB) access that misses in c's cache, or for a
\* speculative fill: a dirty copy in another cache is written back and both
\* keep a clean copy (MESI M -> S).
LoadVal(c, p) == IF \E d \in Others(c) : cst[d][p] = "D" THEN DirtyVal(p) ELSE mem[p]
WBLoad(c, p) ==
    /\ mem'  = [mem EXCEPT ![p] = LoadVal(c, p)]
    /\ cst'  = [d \in CPUs |-> IF d = c \/ cst[d][p] = "D"
                                THEN [cst[d] EXCEPT ![p] = "C"] ELSE cst[d]]
    /\ cval' = [cval EXCEPT ![c][p] = LoadVal(c, p)]
    /\ old'  = [old EXCEPT ![c][p] = (chg[p] # "idle")]

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

\* clflush of every line of p (mfence; clflush loop; mfence): the line is
\* written back if dirty and invalidated in every cache of the coherence
\* domain; the memory type of the linear address used does not matter.
ClflushPage(p) ==
    /\ mem'  = [mem EXCEPT ![p] = IF HasDirty(p) THEN DirtyVal(p) ELSE mem[p]]
    /\ cst'  = [d \in CPUs |-> [cst[d] EXCEPT ![p] = "I"]]
    /\ cval' = [d \in CPUs |-> [cval[d] EXCEPT ![p] = 0]]
    /\ old'  = [d \in CPUs |-> [old[d] EXCEPT ![p] = FALSE]]

\* pmap_invalidate_cache(): wbinvd here and on every other CPU (smp_cache_flush).
WbinvdAll ==
    /\ mem'  = [q \in Pages |-> IF HasDirty(q) THEN DirtyVal(q) ELSE mem[q]]
    /\ cst'  = [d \in CPUs |-> [q \in Pages |-> "I"]]
    /\ cval' = [d \in CPUs |-> [q \in Pages |-> 0]]
    /\ old'  = [d \in CPUs |-> [q \in Pages |-> FALSE]]

\* The cache part of pmap_invalidate_cache_range() once the kernel has
\* decided to flush (no self-snoop): clflush loop if CLFSH, else wbinvd.
CacheFlush(p) == IF HasClflush THEN ClflushPage(p) ELSE WbinvdAll

\* A data read by CPU c of page p through a mapping whose effective memory
\* type is a; records the returned and the expected value.
DoRead(c, p, a) ==
    LET e == Expected(c, p)
        Rec(v) == /\ rdVal' = [rdVal EXCEPT ![p] = v]
                  /\ rdExp' = [rdExp EXCEPT ![p] = e]
    IN  \/ /\ a = "WB" /\ cst[c][p] # "I"                  \* cache hit
           /\ Rec(cval[c][p])
           /\ UNCHANGED cacheVars
        \/ /\ a = "WB" /\ cst[c][p] = "I"                  \* miss: allocate
           /\ Rec(LoadVal(c, p))
           /\ WBLoad(c, p)
        \/ /\ a = "WC" /\ wcb[c][p] # NoVal                \* own WC buffer forwards
           /\ Rec(wcb[c][p])
           /\ UNCHANGED cacheVars
        \/ /\ \/ a = "UC" /\ NoPendingWC(c)                \* UC access drains WC first
              \/ a = "WC" /\ wcb[c][p] = NoVal
           /\ Rec(BusReadVal(c, p))
           /\ BusRead(c, p)

\* A data write of v by CPU c to page p through a mapping of memory type a.
DoWrite(c, p, a, v) ==
    \/ /\ a = "WB"                                         \* RFO: others invalidated
       /\ cst'  = [d \in CPUs |-> [cst[d] EXCEPT ![p] = IF d = c THEN "D" ELSE "I"]]
       /\ cval' = [d \in CPUs |-> [cval[d] EXCEPT ![p] = IF d = c THEN v ELSE 0]]
       /\ old'  = [d \in CPUs |-> [old[d] EXCEPT ![p] = IF d = c THEN old[c][p] ELSE FALSE]]
       /\ lastWritten' = [lastWritten EXCEPT ![p] = v]
       /\ UNCHANGED <<mem, wcb>>
    \/ /\ a = "UC" /\ NoPendingWC(c)                       \* straight to memory
       /\ BusWrite(c, p, v)
       /\ lastWritten' = [lastWritten EXCEPT ![p] = v]
       /\ UNCHANGED wcb
    \/ /\ a = "WC"                                         \* buffered, cache not looked at
       /\ wcb' = [wcb EXCEPT ![c][p] = v]
       /\ UNCHANGED <<mem, cst, cval, old, lastWritten>>

(***************************************************************************)
(* Initial state: every page write-back (pmap_page_init sets               *)
(* PAT_WRITE_BACK), caches empty, no sf_buf mapped yet.                    *)
(***************************************************************************)
Init ==
    /\ mem  = [p \in Pages |-> 0]
    /\ cst  = [c \in CPUs |-> [p \in Pages |-> "I"]]
    /\ cval = [c \in CPUs |-> [p \in Pages |-> 0]]
    /\ old  = [c \in CPUs |-> [p \in Pages |-> FALSE]]
    /\ wcb  = [c \in CPUs |-> [p \in Pages |-> NoVal]]
    /\ pat  = [p \in Pages |-> "WB"]
    /\ chg  = [p \in Pages |-> "idle"]
    /\ bm   = [b \in Bufs |-> NoPage]
    /\ ref  = [b \in Bufs |-> 0]
    /\ pte  = [b \in Bufs |-> NoAttr]
    /\ tlb  = [c \in CPUs |-> [b \in Bufs |-> NoAttr]]
    /\ lastWritten = [p \in Pages |-> 0]
    /\ rdVal = [p \in Pages |-> NoVal]
    /\ rdExp = [p \in Pages |-> NoVal]

(***************************************************************************)
(* sf_buf operations (most general clients: any thread may allocate or     *)
(* free at any time; which thread holds a reference is not tracked).  The  *)
(* TLB side of sf_buf (cpumask, lazy shootdown, PG_A) is spec/sfbuf's; here *)
(* its net effect per SF6 is assumed: after the MAP/SHOOTDOWN of a remap no *)
(* CPU's TLB entry for the KVA differs from the new PTE.                   *)
(***************************************************************************)

\* sf_buf_alloc(m) hash hit, [S4v] sf_buf_alloc / [S1] sf_buf_alloc: the
\* lookup finds b with sf->m == m (ref may be 0: revival from the free list);
\* ref_count++; the PTE is NOT rewritten on this path, it keeps whatever
\* PAT bits it was entered with.
SfBufAllocHit(b) ==
    /\ bm[b] \in Pages
    /\ ref[b] < MaxRef
    /\ ref' = [ref EXCEPT ![b] = @ + 1]
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, bm, pte, tlb, ghostVars>>

\* sf_buf_alloc(m) miss, [S4v] sf_buf_alloc: take a free sf_buf (LRU order
\* abstracted), rehash it to m, ref_count := 1, and store the PTE
\*   VM_PAGE_TO_PHYS(m) | PG_RW | PG_V | pmap_cache_bits(m->md.pat_mode)
\* i.e. with the page's CURRENT attribute; stale TLB entries are shot down.
SfBufAllocMiss(b, p) ==
    /\ ref[b] = 0
    /\ \A b2 \in Bufs : bm[b2] # p
    /\ bm'  = [bm EXCEPT ![b] = p]
    /\ ref' = [ref EXCEPT ![b] = 1]
    /\ pte' = [pte EXCEPT ![b] = pat[p]]
    /\ tlb' = [c \in CPUs |-> [tlb[c] EXCEPT ![b] = NoAttr]]
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, ghostVars>>

\* sf_buf_alloc(q) miss for a page q the model does not track, followed by
\* its sf_buf_free: b leaves p's hash chain, its PTE maps q (not tracked).
SfBufRecycle(b) ==
    /\ ref[b] = 0
    /\ bm[b] \in Pages
    /\ bm'  = [bm EXCEPT ![b] = NoPage]
    /\ pte' = [pte EXCEPT ![b] = NoAttr]
    /\ tlb' = [c \in CPUs |-> [tlb[c] EXCEPT ![b] = NoAttr]]
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, ref, ghostVars>>

\* sf_buf_free(sf), [S4v]/[S1]: ref_count--; at 0 the sf_buf goes to the free
\* list but KEEPS its mapping and stays in the hash (brief §1.7 item 6).
SfBufFree(b) ==
    /\ ref[b] > 0
    /\ ref' = [ref EXCEPT ![b] = @ - 1]
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, bm, pte, tlb, ghostVars>>

(***************************************************************************)
(* Data accesses.  The caller of pmap_page_set_memattr owns the page while *)
(* its attribute changes, so no data access to p happens while chg[p] #    *)
(* "idle" (hardware events still do).                                      *)
(***************************************************************************)

\* Load / store through sf_buf_kva(sf) by a thread holding a reference, on
\* CPU c, with the memory type of c's TLB entry (TlbFill loads it first).
ReadSfBuf(c, b) ==
    /\ bm[b] \in Pages /\ ref[b] > 0 /\ chg[bm[b]] = "idle"
    /\ tlb[c][b] # NoAttr
    /\ DoRead(c, bm[b], tlb[c][b])
    /\ UNCHANGED <<wcb, pat, chg, sfVars, lastWritten>>

WriteSfBuf(c, b, v) ==
    /\ bm[b] \in Pages /\ ref[b] > 0 /\ chg[bm[b]] = "idle"
    /\ tlb[c][b] # NoAttr
    /\ DoWrite(c, bm[b], tlb[c][b], v)
    /\ UNCHANGED <<pat, chg, sfVars, rdVal, rdExp>>

\* Load / store through any other mapping of p (pmap_enter / pmap_qenter /
\* pmap_mapdev_attr), which is entered with pmap_cache_bits(m->md.pat_mode).
\* pmap_page_set_memattr's callers set the attribute of pages with no such
\* mapping, and mappings made later use the new pat_mode; so these accesses
\* always use pat[p] and need no PTE/TLB state of their own.
ReadPageMap(c, p) ==
    /\ chg[p] = "idle"
    /\ DoRead(c, p, pat[p])
    /\ UNCHANGED <<wcb, pat, chg, sfVars, lastWritten>>

WritePageMap(c, p, v) ==
    /\ chg[p] = "idle"
    /\ DoWrite(c, p, pat[p], v)
    /\ UNCHANGED <<pat, chg, sfVars, rdVal, rdExp>>

(***************************************************************************)
(* Hardware events (may happen at any time).                               *)
(***************************************************************************)

\* Page walk: the TLB caches the translation together with its memory type.
TlbFill(c, b) ==
    /\ bm[b] \in Pages
    /\ tlb[c][b] = NoAttr
    /\ tlb' = [tlb EXCEPT ![c][b] = pte[b]]
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, bm, ref, pte, ghostVars>>

TlbEvict(c, b) ==
    /\ tlb[c][b] # NoAttr
    /\ tlb' = [tlb EXCEPT ![c][b] = NoAttr]
    /\ UNCHANGED <<cacheVars, wcb, pat, chg, bm, ref, pte, ghostVars>>

\* Speculative / prefetch line fill through any WB translation: through a
\* WB TLB entry of an sf_buf (held or idle) ...
SpecFillSfBuf(c, b) ==
    /\ bm[b] \in Pages
    /\ tlb[c][b] = "WB"
    /\ cst[c][bm[b]] = "I"
    /\ WBLoad(c, bm[b])
    /\ UNCHANGED <<wcb, pat, chg, sfVars, ghostVars>>

\* ... or through the page's other (WB) mappings.
SpecFillPageMap(c, p) ==
    /\ chg[p] = "idle" /\ pat[p] = "WB"
    /\ cst[c][p] = "I"
    /\ WBLoad(c, p)
    /\ UNCHANGED <<wcb, pat, chg, sfVars, ghostVars>>

\* Capacity / conflict eviction: a dirty line is written back.
Evict(c, p) ==
    /\ cst[c][p] # "I"
    /\ mem'  = IF cst[c][p] = "D" THEN [mem EXCEPT ![p] = cval[c][p]] ELSE mem
    /\ cst'  = [cst EXCEPT ![c][p] = "I"]
    /\ cval' = [cval EXCEPT ![c][p] = 0]
    /\ old'  = [old EXCEPT ![c][p] = FALSE]
    /\ UNCHANGED <<wcb, pat, chg, sfVars, ghostVars>>

\* The WC buffer is written to memory (at any time; forced by serializing
\* events, fences, locked instructions, interrupts, UC accesses): a bus
\* write, snooped like a UC write.  The write becomes globally performed.
WcDrain(c, p) ==
    /\ wcb[c][p] # NoVal
    /\ BusWrite(c, p, wcb[c][p])
    /\ wcb' = [wcb EXCEPT ![c][p] = NoVal]
    /\ lastWritten' = [lastWritten EXCEPT ![p] = wcb[c][p]]
    /\ UNCHANGED <<pat, chg, sfVars, rdVal, rdExp>>

(***************************************************************************)
(* The attribute change.                                                   *)
(***************************************************************************)

\* pmap_page_set_memattr(m, ma), [S4p], first statement: m->md.pat_mode = ma
\* (not under sf_buf_lock).  Caller contract: the caller owns the page (no
\* data access until the call returns) and took it over through a lock, so
\* no CPU has a WC-buffered write to it pending.  (PG_FICTITIOUS pages
\* return here; they are not modelled.)
PmapPageSetMemattr(p, a) ==
    /\ chg[p] = "idle"
    /\ a \in NewAttrs /\ a # pat[p]
    /\ \A c \in CPUs : wcb[c][p] = NoVal
    /\ pat' = [pat EXCEPT ![p] = a]
    /\ chg' = [chg EXCEPT ![p] = "lookup"]
    /\ old' = [c \in CPUs |-> [old[c] EXCEPT ![p] = (cst[c][p] # "I")]]
    /\ UNCHANGED <<mem, cst, cval, wcb, sfVars, ghostVars>>

\* pmap_page_set_memattr -> sf_buf_invalidate_cache(m), [S4v] (= [S1]
\* sf_buf_process_page(m, sf_buf_invalidate) with [S5] sf_buf_invalidate),
\* one critical section under sf_buf_lock:
\*   find sf in m's hash chain with sf->m == m -- ref_count may be 0;
\*   pmap_qenter(sf->kva, &m, 1): rewrite the PTE if its frame or PAT bits
\*     differ from pmap_cache_bits(m->md.pat_mode), then (old PTE valid)
\*     pmap_invalidate_range(kernel_pmap, ...) = invlpg here + IPI everywhere;
\*   pmap_invalidate_cache_range(kva, kva + PAGE_SIZE): nothing if CPUID_SS,
\*     else mfence/clflush loop/mfence if CPUID_CLFSH, else wbinvd on all CPUs.
\* Returns TRUE (pmap_page_set_memattr returns) iff an sf_buf was found.
\* If none was found: return to pmap_page_set_memattr, which calls
\* pmap_flush_page(m) iff the CPU lacks CPUID_SS.
SfBufFinds(b, p) == bm[b] = p /\ (Variant = "SkipIdleSfBufs" => ref[b] > 0)

SfBufInvalidateCache(p) ==
    /\ chg[p] = "lookup"
    /\ IF \E b \in Bufs : SfBufFinds(b, p)
       THEN LET b == CHOOSE x \in Bufs : SfBufFinds(x, p) IN
            /\ IF Variant = "FlushWithoutReenter" \/ pte[b] = pat[p]
               THEN UNCHANGED <<pte, tlb>>
               ELSE /\ pte' = [pte EXCEPT ![b] = pat[p]]
                    /\ tlb' = IF Variant = "ReenterNoInvlpg" THEN tlb
                              ELSE [c \in CPUs |-> [tlb[c] EXCEPT ![b] = NoAttr]]
            /\ IF KernelSkipsFlush THEN UNCHANGED cacheVars ELSE CacheFlush(p)
            /\ chg' = [chg EXCEPT ![p] = "idle"]
       ELSE /\ chg' = [chg EXCEPT ![p] = IF KernelSkipsFlush THEN "idle" ELSE "fallback"]
            /\ UNCHANGED <<cacheVars, pte, tlb>>
    /\ UNCHANGED <<wcb, pat, bm, ref, ghostVars>>

\* pmap_flush_page(m), [S4p], one critical section under the per-CPU sysmaps
\* lock, pinned: if CPUID_CLFSH, the transient mapping CMAP2 :=
\* PG_V|PG_RW|pa|PG_A|PG_M|pmap_cache_bits(pat_mode), invlpg(CADDR2), mfence,
\* clflush every line through CADDR2, mfence, CMAP2 := 0; else
\* pmap_invalidate_cache() (wbinvd on all CPUs).  The transient mapping lives
\* only inside this step (its leftover TLB entry is discussed in README.md).
PmapFlushPage(p) ==
    /\ chg[p] = "fallback"
    /\ IF Variant = "NoFallback" THEN UNCHANGED cacheVars ELSE CacheFlush(p)
    /\ chg' = [chg EXCEPT ![p] = "idle"]
    /\ UNCHANGED <<wcb, pat, sfVars, ghostVars>>

(***************************************************************************)
Next ==
    \/ \E b \in Bufs : SfBufAllocHit(b) \/ SfBufRecycle(b) \/ SfBufFree(b)
    \/ \E b \in Bufs, p \in Pages : SfBufAllocMiss(b, p)
    \/ \E c \in CPUs, b \in Bufs :
          \/ ReadSfBuf(c, b) \/ TlbFill(c, b) \/ TlbEvict(c, b) \/ SpecFillSfBuf(c, b)
          \/ \E v \in Vals : WriteSfBuf(c, b, v)
    \/ \E c \in CPUs, p \in Pages :
          \/ ReadPageMap(c, p) \/ SpecFillPageMap(c, p) \/ Evict(c, p) \/ WcDrain(c, p)
          \/ \E v \in Vals : WritePageMap(c, p, v)
    \/ \E p \in Pages :
          \/ \E a \in NewAttrs : PmapPageSetMemattr(p, a)
          \/ SfBufInvalidateCache(p)
          \/ PmapFlushPage(p)

Spec == Init /\ [][Next]_vars

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
    /\ bm   \in [Bufs -> Pages \cup {NoPage}]
    /\ ref  \in [Bufs -> 0..MaxRef]
    /\ pte  \in [Bufs -> Attrs \cup {NoAttr}]
    /\ tlb  \in [CPUs -> [Bufs -> Attrs \cup {NoAttr}]]
    /\ lastWritten \in [Pages -> Vals]
    /\ rdVal \in [Pages -> Vals \cup {NoVal}]
    /\ rdExp \in [Pages -> Vals \cup {NoVal}]

\* Coherence: a read through any mapping of a page returns the last value
\* written to it (the last globally performed write, or the reading CPU's
\* own WC-buffered write).  rdVal/rdExp are recorded by every read step.
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
=============================================================================
