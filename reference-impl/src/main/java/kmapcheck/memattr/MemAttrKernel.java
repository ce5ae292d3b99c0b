package kmapcheck.memattr;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Panic;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Word;

import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * i386 page memory attributes and their interaction with sf_bufs, on the simulated machine
 * (spec/memattr/MemAttr.tla). Paraphrased from (spec/memattr/README.md tags):
 * [S4p] FreeBSD 9.3 sys/i386/i386/pmap.c (pmap_page_set_memattr, pmap_flush_page,
 * pmap_invalidate_cache_range, pmap_invalidate_cache, pmap_qenter); [S4v] same tree,
 * vm_machdep.c (sf_buf_alloc, sf_buf_free, sf_buf_invalidate_cache); [S1] subr_sfbuf.c
 * sf_buf_process_page; [S5] sf_buf_invalidate callback.
 *
 * <p>The TLB side of sf_buf (cpumask / lazy shootdown, spec/sfbuf) is replaced by its net effect,
 * as in the spec: a remap shoots the KVA down on every CPU.
 *
 * <p>Atomicity: each sf_buf_lock / sysmaps-lock critical section is a {@link Ctx#atomic} block
 * against software; the explorer's fine granularity splits it at every hardware-visible primitive
 * (PTE load/store, invlpg, IPI send, IPI wait, access through a KVA, wbinvd), as Spec does, and
 * the lock-atomic granularity keeps it one step (SpecLockAtomic). Each cache operation of
 * {@link X86Caches} (a load/store, a clflush loop, wbinvd) is one hardware step of the spec's
 * cache model; its words are plain words touched only inside such a step.
 */
public final class MemAttrKernel {

    /** The spec's Variant constant (one-line changes). */
    public enum Variant {
        /** [S4p]/[S4v] as shipped. */
        FIXED,
        /** the hash lookup of sf_buf_invalidate_cache ignores sf_bufs with ref_count 0. */
        SKIP_IDLE_SF_BUFS,
        /** clflush through the found sf_buf, but no pmap_qenter: its PTE keeps the old PAT bits. */
        FLUSH_WITHOUT_REENTER,
        /** the kernel skips every flush although the CPU lacks self-snoop. */
        NO_FLUSH_NO_SELF_SNOOP,
        /** PTE re-entered with the new PAT bits, TLBs not invalidated. */
        REENTER_NO_INVLPG,
        /** no pmap_flush_page when no sf_buf maps the page. */
        NO_FALLBACK,
        /** reordering: pmap_qenter invalidates (invlpg + IPIs) before its pte_store. */
        INVLPG_BEFORE_REENTER,
        /** reordering: sf_buf_invalidate_cache flushes through the sf_buf before pmap_qenter. */
        FLUSH_BEFORE_REENTER,
        /** reordering: pmap_flush_page's clflush loop before invlcaddr(CADDR2). */
        CLFLUSH_BEFORE_INVLCADDR,
        /** as shipped, with sf_buf_alloc callers that sleep: no hash re-lookup after msleep. */
        DUP_AFTER_SLEEP,
        /** fix of DupAfterSleep: after msleep the hash is searched again ("goto retry"). */
        DUP_AFTER_SLEEP_RELOOKUP
    }

    /** Hook for ghost instrumentation run in the same step as the pat_mode store. */
    public interface Ghost { void patModeStored(Ctx ctx, int page); }

    private final Variant variant;
    private final X86Caches hw;
    private final int cpus, bufs;
    /** cpu_feature & CPUID_SS as the kernel tests it; cpu_feature & CPUID_CLFSH. */
    private final boolean kernelSeesSelfSnoop, hasClflush;

    public final Lock sfBufLock;
    /** sf->m (page number, 0 = NULL) and sf->ref_count, under sf_buf_lock. */
    public final Word[] sfM, sfRef;
    /** sf->kva. */
    public final Kva[] sfKva;
    /**
     * The hash chains sf_buf_active[SF_BUF_HASH(m)] (head: sf_buf index + 1, 0 = empty) and each
     * sf_buf's list_entry (le_next: next index + 1, 0 = end; le_prev: the previous sf_buf's index +
     * 1, 0 = the chain head), under sf_buf_lock. One chain per tracked page; an untracked page
     * shares a tracked page's chain (a hash collision, so lookups pass sf_bufs of other pages).
     */
    public final Word[] chainHead, sfNext, sfPrev;
    /** m->md.pat_mode per page (Pte.WB/UC/WC); written without sf_buf_lock. */
    public final Word[] patMode;
    /** per-CPU sysmaps: the lock and the transient mapping CMAP2/CADDR2. */
    public final Lock[] sysmapsLock;
    public final Kva[] cmap2;

    public MemAttrKernel(Layout layout, X86Caches hw, int bufs, Variant variant, boolean cpuSelfSnoop, boolean hasClflush) {
        this.variant = variant;
        this.hw = hw;
        this.cpus = layout.cpus();
        this.bufs = bufs;
        this.kernelSeesSelfSnoop = cpuSelfSnoop || variant == Variant.NO_FLUSH_NO_SELF_SNOOP;
        this.hasClflush = hasClflush;
        sfBufLock = layout.lock("sf_buf_lock");
        sfM = new Word[bufs];
        sfRef = new Word[bufs];
        sfKva = new Kva[bufs];
        sfNext = new Word[bufs];
        sfPrev = new Word[bufs];
        for (int b = 0; b < bufs; b++) {
            sfM[b] = layout.guarded("sf" + (b + 1) + ".m", 0, sfBufLock);
            sfRef[b] = layout.guarded("sf" + (b + 1) + ".ref_count", 0, sfBufLock);
            sfKva[b] = layout.kva("sf" + (b + 1) + ".kva");
            sfNext[b] = layout.guarded("sf" + (b + 1) + ".list_entry.le_next", 0, sfBufLock);
            sfPrev[b] = layout.guarded("sf" + (b + 1) + ".list_entry.le_prev", 0, sfBufLock);
        }
        chainHead = new Word[hw.pages()];
        for (int i = 0; i < chainHead.length; i++) chainHead[i] = layout.guarded("sf_buf_active[" + i + "]", 0, sfBufLock);
        patMode = new Word[hw.pages()];
        for (int p = 1; p <= hw.pages(); p++) patMode[p - 1] = layout.word("p" + p + ".md.pat_mode", Pte.WB);
        sysmapsLock = new Lock[cpus];
        cmap2 = new Kva[cpus];
        for (int c = 0; c < cpus; c++) {
            sysmapsLock[c] = layout.lock("sysmaps_pcpu[" + c + "].lock");
            cmap2[c] = layout.kva("CADDR2[" + c + "]");
        }
    }

    public Variant variant() { return variant; }
    public int bufs() { return bufs; }
    public X86Caches hw() { return hw; }
    private long allCpus() { return (1L << cpus) - 1; }

    /** pmap_cache_bits(m->md.pat_mode) + frame: the PTE of a kernel mapping of page p. */
    private long kernelPte(Ctx ctx, int p) { return Pte.make(p, patModeOf(ctx, p)); }

    /** m->md.pat_mode; pages the model does not track keep PAT_WRITE_BACK (pmap_page_init). */
    private int patModeOf(Ctx ctx, int p) { return p <= patMode.length ? (int) ctx.load(patMode[p - 1]) : Pte.WB; }

    // ---- sf_buf ------------------------------------------------------------------------------

    /** SF_BUF_HASH(m) = page index & sf_buf_hashmask, here modulo the number of tracked pages. */
    public int bucket(long page) { return (int) ((page - 1) % hw.pages()); }

    /** LIST_FIRST of m's chain, -1 if empty. */
    private int listFirst(Ctx ctx, long page) { return (int) ctx.load(chainHead[bucket(page)]) - 1; }

    /** LIST_NEXT(sf, list_entry), -1 at the end. */
    private int listNext(Ctx ctx, int b) { return (int) ctx.load(sfNext[b]) - 1; }

    /** LIST_INSERT_HEAD(chain of page, sf). */
    private void listInsertHead(Ctx ctx, int b, long page) {
        Word head = chainHead[bucket(page)];
        int first = (int) ctx.load(head) - 1;
        ctx.store(sfNext[b], first + 1);
        if (first >= 0) ctx.store(sfPrev[first], b + 1);
        ctx.store(head, b + 1);
        ctx.store(sfPrev[b], 0);
    }

    /** LIST_REMOVE(sf, list_entry) from the chain of sf->m (the others keep their order). */
    private void listRemove(Ctx ctx, int b) {
        long next = ctx.load(sfNext[b]), prev = ctx.load(sfPrev[b]);
        if (next != 0) ctx.store(sfPrev[(int) next - 1], prev);
        if (prev == 0) ctx.store(chainHead[bucket(ctx.load(sfM[b]))], next);   // *le_prev = le_next
        else ctx.store(sfNext[(int) prev - 1], next);
        ctx.store(sfNext[b], 0);
        ctx.store(sfPrev[b], 0);
    }

    /**
     * sf_buf_alloc(m) [S4v]: hash hit -> ref_count++ (revives an idle sf_buf; the PTE is NOT
     * rewritten); miss -> take the free sf_buf {@code freeBuf} (the LRU order is the client's
     * choice, as in the spec), rehash it to m, ref_count = 1, PTE := frame | pmap_cache_bits
     * (pat_mode), shoot the KVA down everywhere. Returns the sf_buf index. The caller ensures a
     * free sf_buf exists on a miss (the spec has no sleeping; the kernel would msleep).
     */
    public int sfBufAlloc(Ctx ctx, int page, int freeBuf) {
        int[] got = {-1};
        ctx.lock(sfBufLock);
        // one sf_buf_lock section (see class comment)
        ctx.atomic(() -> got[0] = lookupOrTake(ctx, page, freeBuf));
        ctx.unlock(sfBufLock);
        return got[0];
    }

    /**
     * sf_buf_alloc(m) after msleep(&sf_buf_freelist) returned [S4v @808719858c6e, FreeBSD 9.3
     * i386 vm_machdep.c; [S1] subr_sfbuf.c the same]: the hash lookup missed before the sleep;
     * the while loop ends with a free sf_buf and takes it WITHOUT searching the hash again, so a
     * page another thread mapped meanwhile gets a second sf_buf (spec/sfbuf DupAfterSleep).
     * DupAfterSleepRelookup (the fix): search again, as a fresh call would.
     */
    public int sfBufAllocAfterSleep(Ctx ctx, int page, int freeBuf) {
        int[] got = {-1};
        ctx.lock(sfBufLock);
        // msleep re-took sf_buf_lock; the rest is one sf_buf_lock section (see class comment)
        ctx.atomic(() -> got[0] = variant == Variant.DUP_AFTER_SLEEP_RELOOKUP
                ? lookupOrTake(ctx, page, freeBuf) : take(ctx, page, freeBuf));
        ctx.unlock(sfBufLock);
        return got[0];
    }

    /** LIST_FOREACH over m's chain: the first sf_buf of m gets a reference; none: take freeBuf. */
    private int lookupOrTake(Ctx ctx, int page, int freeBuf) {
        for (int b = listFirst(ctx, page); b >= 0; b = listNext(ctx, b)) {
            if (ctx.load(sfM[b]) == page) {
                ctx.store(sfRef[b], ctx.load(sfRef[b]) + 1);            // off the free list if it was 0
                return b;
            }
        }
        return take(ctx, page, freeBuf);
    }

    /** The miss: TAILQ_REMOVE the free sf_buf, rehash it to m, ref_count = 1, map it. */
    private int take(Ctx ctx, int page, int b) {
        Panic.kassert(b >= 0 && ctx.load(sfRef[b]) == 0, "KernelAssert", "sf_buf_alloc: no free sf_buf");
        if (ctx.load(sfM[b]) != 0) listRemove(ctx, b);                  // a recycle: off the old page's chain
        listInsertHead(ctx, b, page);
        ctx.store(sfM[b], page);
        ctx.store(sfRef[b], 1);
        ctx.pteStore(sfKva[b], kernelPte(ctx, page));
        ctx.invlpgCpus(allCpus(), sfKva[b]);                            // net effect of SF6 (spec/sfbuf)
        return b;
    }

    /** sf_buf_free(sf) [S4v]/[S1]: ref_count--; at 0 onto the free list, mapping and hash entry kept. */
    public void sfBufFree(Ctx ctx, int b) {
        ctx.lock(sfBufLock);
        long r = ctx.load(sfRef[b]);
        Panic.kassert(r > 0, "KernelAssert", "sf_buf_free: ref_count 0");
        ctx.store(sfRef[b], r - 1);
        ctx.unlock(sfBufLock);
    }

    /**
     * A load through sf_buf_kva(sf) on this CPU, with the memory type its TLB entry holds. A UC
     * access through an sf_buf is started only once this CPU's WC buffer is empty (MemAttrProgram):
     * the spec's ReadSfBuf/WriteSfBuf translate at the access step and keep no in-flight
     * translation, which the drains of {@link #pageRead}'s flush would need.
     */
    public long sfBufRead(Ctx ctx, int b) {
        long[] v = {0};
        // one load instruction: translation + data access (the spec's ReadSfBuf)
        ctx.atomic(() -> {
            long e = ctx.access(sfKva[b]);
            Panic.kassert(Pte.valid(e), "KernelAssert", "page fault on sf_buf kva");
            v[0] = hw.read(ctx, ctx.cpu(), Pte.page(e), Pte.attr(e));
        });
        return v[0];
    }

    /** A store through sf_buf_kva(sf) on this CPU. */
    public void sfBufWrite(Ctx ctx, int b, long val) {
        ctx.atomic(() -> {
            long e = ctx.access(sfKva[b]);
            Panic.kassert(Pte.valid(e), "KernelAssert", "page fault on sf_buf kva");
            hw.write(ctx, ctx.cpu(), Pte.page(e), Pte.attr(e), val);
        });
    }

    /**
     * A load through another kernel mapping of p (pmap_enter / pmap_qenter / pmap_mapdev_attr),
     * entered with pmap_cache_bits(m->md.pat_mode): its memory type is the page's pat_mode. A UC
     * load first waits for the flush of this CPU's WC buffer it forces, one drain per step (the
     * hardware's WcDrain steps, X86Caches.flushWcForUc; no lock is held, anything may fall between);
     * the load itself and {@code then} (the client's end-to-end record of the value) are one step.
     */
    public long pageRead(Ctx ctx, int p, LongConsumer then) {
        long[] v = {0};
        afterUcFlush(ctx, p, a -> {
            v[0] = hw.read(ctx, ctx.cpu(), p, a);
            then.accept(v[0]);
        });
        return v[0];
    }

    /** A store through p's other kernel mappings, as {@link #pageRead} ({@code then} in the store's step). */
    public void pageWrite(Ctx ctx, int p, long val, Runnable then) {
        afterUcFlush(ctx, p, a -> {
            hw.write(ctx, ctx.cpu(), p, a, val);
            then.run();
        });
    }

    /**
     * An access through p's kernel mappings: while p is UC and this CPU's WC buffer holds a store,
     * one drain per step (X86Caches.flushWcForUc); then {@code access}, given p's memory type, in one step.
     */
    private void afterUcFlush(Ctx ctx, int p, IntConsumer access) {
        boolean[] done = {false};
        while (!done[0]) {
            ctx.atomic(() -> {
                int a = (int) ctx.load(patMode[p - 1]);
                if (a == Pte.UC && hw.flushWcForUc(ctx, ctx.cpu())) return;   // a drain: the access waits
                access.accept(a);
                done[0] = true;
            });
        }
    }

    // ---- the attribute change ----------------------------------------------------------------

    /**
     * pmap_page_set_memattr(m, ma) [S4p]: store the new pat_mode (not under sf_buf_lock); flush the
     * page through an sf_buf mapping of it if there is one; otherwise, unless the CPU self-snoops,
     * through the transient per-CPU mapping.
     */
    public void pmapPageSetMemattr(Ctx ctx, int p, int ma, Ghost ghost) {
        ctx.atomic(() -> {                       // the store; the ghost marks lines of the old type
            ctx.store(patMode[p - 1], ma);
            ghost.patModeStored(ctx, p);
        });
        if (sfBufInvalidateCache(ctx, p)) return;
        if (!kernelSeesSelfSnoop && variant != Variant.NO_FALLBACK) pmapFlushPage(ctx, p);
    }

    /**
     * sf_buf_invalidate_cache(m) [S4v] = sf_buf_process_page(m, sf_buf_invalidate) [S1]/[S5]: under
     * sf_buf_lock find the sf_buf with sf->m == m (ref_count may be 0) -- the first in the chain:
     * LIST_FOREACH stops there ("break"), another sf_buf of m (DupAfterSleep) is not visited;
     * re-enter its mapping with the new attribute (pmap_qenter) and flush the page through it.
     * Returns whether one was found.
     */
    public boolean sfBufInvalidateCache(Ctx ctx, int p) {
        boolean[] found = {false};
        ctx.lock(sfBufLock);
        ctx.atomic(() -> {                       // one sf_buf_lock section (class comment)
            for (int b = listFirst(ctx, p); b >= 0; b = listNext(ctx, b)) {
                if (ctx.load(sfM[b]) != p) continue;
                if (variant == Variant.SKIP_IDLE_SF_BUFS && ctx.load(sfRef[b]) == 0) continue;
                switch (variant) {
                    case FLUSH_WITHOUT_REENTER -> pmapInvalidateCacheRange(ctx, sfKva[b]);
                    case FLUSH_BEFORE_REENTER -> {
                        pmapInvalidateCacheRange(ctx, sfKva[b]);
                        pmapQenter(ctx, sfKva[b], p);
                    }
                    default -> {
                        pmapQenter(ctx, sfKva[b], p);
                        pmapInvalidateCacheRange(ctx, sfKva[b]);
                    }
                }
                found[0] = true;
                return;
            }
        });
        ctx.unlock(sfBufLock);
        return found[0];
    }

    /**
     * pmap_qenter(va, &m, 1) [S4p] for one page: rewrite the PTE if frame or cache bits differ from
     * pmap_cache_bits(pat_mode); if the old PTE was valid, pmap_invalidate_range on all CPUs
     * (local invlpg, IPIs, wait for every acknowledgement). Variants: no invalidation
     * (ReenterNoInvlpg), the invalidation before the store (InvlpgBeforeReenter).
     */
    private void pmapQenter(Ctx ctx, Kva k, int p) {
        long want = kernelPte(ctx, p);
        long oldPte = ctx.pteLoad(k);
        if (Pte.tlbEntry(oldPte) == Pte.tlbEntry(want)) return;
        boolean invalidate = Pte.valid(oldPte) && variant != Variant.REENTER_NO_INVLPG;
        if (variant == Variant.INVLPG_BEFORE_REENTER) {
            if (invalidate) ctx.invlpgCpus(allCpus(), k);
            ctx.pteStore(k, want);
            return;
        }
        ctx.pteStore(k, want);
        if (invalidate) ctx.invlpgCpus(allCpus(), k);
    }

    /**
     * pmap_invalidate_cache_range(sva, eva) [S4p] for one page: nothing with CPUID_SS; with
     * CPUID_CLFSH mfence, clflush of every line of the page, mfence; otherwise wbinvd everywhere.
     * The clflush loop translates the range through this CPU's TLB (a miss walks the PTE) and
     * flushes the frame of that translation.
     */
    private void pmapInvalidateCacheRange(Ctx ctx, Kva k) {
        if (kernelSeesSelfSnoop) return;
        if (hasClflush) clflushThrough(ctx, k);
        else hw.wbinvdAll(ctx);                  // pmap_invalidate_cache(): smp_cache_flush
    }

    /** mfence; clflush of every line of va's page; mfence: one access through va (translation). */
    private void clflushThrough(Ctx ctx, Kva k) {
        long e = ctx.access(k);
        Panic.kassert(Pte.valid(e), "KernelAssert", "clflush through an unmapped va");
        if (Pte.page(e) <= hw.pages()) hw.clflushPage(ctx, Pte.page(e));   // untracked frames: no tracked line
    }

    /**
     * pmap_flush_page(m) [S4p]: with CPUID_CLFSH, under this CPU's sysmaps lock (pinned): CMAP2 :=
     * frame | pmap_cache_bits(pat_mode), invlpg(CADDR2), mfence, clflush every line through
     * CADDR2, mfence, CMAP2 := 0 (KCpu's TLB keeps the translation: no invlpg after the clear).
     * Without CLFSH: pmap_invalidate_cache(). Variant ClflushBeforeInvlcaddr: the clflush loop
     * before invlcaddr, through whatever translation of CADDR2 the TLB still holds.
     */
    public void pmapFlushPage(Ctx ctx, int p) {
        if (hasClflush) {
            ctx.pin();
            int c = ctx.cpu();
            ctx.lock(sysmapsLock[c]);
            ctx.atomic(() -> {                   // one sysmaps-lock section (class comment)
                Panic.kassert(!Pte.valid(ctx.pteLoad(cmap2[c])), "KernelAssert", "pmap_flush_page: CMAP2 busy");
                ctx.pteStore(cmap2[c], kernelPte(ctx, p));
                if (variant == Variant.CLFLUSH_BEFORE_INVLCADDR) {
                    clflushThrough(ctx, cmap2[c]);
                    ctx.invlpg(cmap2[c]);
                } else {
                    ctx.invlpg(cmap2[c]);                                       // invlcaddr
                    clflushThrough(ctx, cmap2[c]);
                }
                ctx.pteStore(cmap2[c], 0);
            });
            ctx.unlock(sysmapsLock[c]);
            ctx.unpin();
        } else {
            ctx.atomic(() -> hw.wbinvdAll(ctx));
        }
    }
}
