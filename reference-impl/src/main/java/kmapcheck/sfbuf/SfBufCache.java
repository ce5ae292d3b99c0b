package kmapcheck.sfbuf;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Panic;
import kmapcheck.machine.Pte;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

/**
 * The sf_buf cache on the simulated machine (kernel-brief §1; spec/sfbuf/SfBuf.tla). Paraphrased
 * from the sources named in the spec header, never copied:
 * <ul>
 *   <li>S1 FreeBSD sys/kern/subr_sfbuf.c @07a217d2 (generic: hash, LRU, wakeup broadcast, flags);</li>
 *   <li>S2-S5 FreeBSD i386 vm_machdep.c (cpumask, the PG_A rule at remap, SHOOTDOWN, CPUPRIVATE);</li>
 *   <li>S6 DragonFly uipc_syscalls.c v1.21 (2003: wakeup_one, unconditional PCATCH, no flags,
 *       sf_buf_free unwires at refcnt 0);</li>
 *   <li>rev 1.219 (unmap and unhash at refcount 0) / rev 1.220 (keep the mapping), reconstructed
 *       from the commit messages as the spec does;</li>
 *   <li>S8 DragonFly sys/kern/kern_sfbuf.c v1.10 @013a4c0e (2004; alloc/free as v1.6): lazy
 *       free-queue removal (SFBA_ONFREEQ = on the queue), no wakeup for a buffer still queued,
 *       SFBA_QUICK/SFBA_PCATCH, cpumask with pmap_kenter(_quick)/pmap_kenter_sync(_quick) as in
 *       i386 pmap.c v1.40, no hash re-lookup after tsleep.</li>
 * </ul>
 *
 * <p>Shared state: every sf_buf field, the free list, the hash chains (one word per page: the
 * sf_bufs mapping it, newest first), {@code want}, {@code used}, {@code peak} are words guarded by
 * {@code sf_buf_lock}. The free list (TAILQ) is one word: 4 bits per entry
 * (sf_buf id + 1), head (least recently freed) in the low bits. The sleep channel is the free
 * list ({@code msleep(&sf_buf_freelist, &sf_buf_lock, ...)}).
 *
 * <p>Atomicity (spec/CONVENTIONS.md, explorer/README.md "Granularity"): locks exclude software,
 * never hardware. Each critical section under sf_buf_lock is one {@link Ctx#atomic} body (so that
 * its software steps, including the signal check, form one step with the hardware step they
 * precede); the explorer still ends a step before every hardware-visible primitive inside it (PTE
 * load, store or exchange, invlpg, IPI send, the wait for the acknowledgements), where TLB fills,
 * evictions and each CPU's IPI handling may happen. Before each such primitive the code announces
 * its spec pc ({@link SfBufProbe}). Under {@code search.granularity = lock-atomic} the body is one
 * step (the spec's LockAtomic view).
 */
public final class SfBufCache {

    public enum Variant {
        /** rev 1.219: at refcount 0 the buffer is unmapped and unhashed. */
        REV1219,
        /** rev 1.220: the mapping (and hash entry) is kept at refcount 0: later hits revive it. */
        REV1220,
        /** DragonFly 2003 (S6): keeps mappings, wakeup_one, tsleep always PCATCH, no flags. */
        DRAGONFLY2003,
        /** later FreeBSD (S1, S4): keeps mappings, wakeup broadcast, flags, SMP cpumask. */
        FREEBSD_LATER,
        /** DragonFly 2004 (S8 kern_sfbuf.c v1.10): lazy free queue, SFBA_QUICK cpumask, wakeup_one. */
        DRAGONFLY2004
    }

    /**
     * The spec's seeded mutations (Bug constant). PrivateUnpinned is a caller bug: see the client.
     * PGATestNew and InvalBeforeStore reorder sf_buf_map inside its critical section: the PTE is
     * loaded for the PG_A test after the new one was stored; the PG_A rule and SHOOTDOWN run before
     * the store.
     */
    public enum Bug {
        NONE, HIT_KEEPS_ON_FREE_LIST, REMAP_KEEPS_MASK, HIT_SKIPS_SHOOTDOWN, PGA_INVERTED, PRIVATE_UNPINNED,
        PGA_TEST_NEW, INVAL_BEFORE_STORE,
        /** caller bug (DragonFly 2004): a thread migrates while holding a SFBA_QUICK buffer (no LWKT guarantee) */
        QUICK_MIGRATE
    }

    /** Who unwires the page a sendfile iteration wired (spec constant Wiring). */
    public enum Wiring {
        /** not modelled */
        NONE,
        /** DragonFly 2003 (S6): sf_buf_free unwires once when the count drops to 0 */
        UNWIRE_AT_ZERO,
        /** FreeBSD 2004 sf_buf_mext: the caller unwires after every sf_buf_free */
        UNWIRE_PER_FREE
    }

    /** sf_buf_alloc flags (S1): SFB_CATCH, SFB_NOWAIT, SFB_CPUPRIVATE. */
    public static final int SFB_CATCH = 1, SFB_NOWAIT = 2, SFB_CPUPRIVATE = 4;
    /** DragonFly 2004 (S8): SFBA_QUICK (a mapping for curcpu only); its SFBA_PCATCH is {@link #SFB_CATCH}. */
    public static final int SFBA_QUICK = 8;

    /**
     * Requires SfBuf.tla's ASSUMEs on the combination (checked by SfBufMechanism): SMP only for
     * FreeBSDLater and DragonFly2004, DragonFly2004 without wiring, QuickMigrate only for DragonFly2004,
     * pteXchg and the PTE mutations only for FreeBSDLater.
     *
     * @param wakeOne            Rev1219/Rev1220/FreeBSDLater: wakeup_one (true) or wakeup; forced for DragonFly 2003
     * @param smp                the SMP code (#ifdef SMP: cpumask, SHOOTDOWN); FreeBSDLater only
     * @param relookupAfterSleep hypothetical fix: search the hash again after every msleep
     * @param pteXchg            fix of sf_buf_map: exchange the PTE atomically (pte_load_store) instead of
     *                           the shipped plain load and plain store
     */
    public record Config(Variant variant, boolean wakeOne, boolean smp, Wiring wiring, Bug bug, boolean relookupAfterSleep,
                         boolean pteXchg) {

        /** rev 1.219/1.220 and DragonFly 2003 remap with pmap_qenter (a PTE store, then an invalidation). */
        public boolean qenter() { return variant != Variant.FREEBSD_LATER && variant != Variant.DRAGONFLY2004; }

        /** DragonFly 2004 (S8): lazy free queue, SFBA_QUICK, pmap_kenter*, no nsfbufsused counters. */
        public boolean dfly2004() { return variant == Variant.DRAGONFLY2004; }

        public boolean keepMapping() { return variant != Variant.REV1219; }

        public boolean wakeOneEffective() {
            return switch (variant) {
                case DRAGONFLY2003 -> true;
                // FreeBSDLater: S2 @010e6820 / S3 rev 1.269 (2005-09) wakeup_one, S1/S4 wakeup;
                // DragonFly2004: S8 ships wakeup_one (true), false = the broadcast fix
                default -> wakeOne;
            };
        }

        /** msleep with PCATCH: DragonFly 2003 always (S6), FreeBSD iff SFB_CATCH. */
        public boolean catches(int flags) { return variant == Variant.DRAGONFLY2003 || (flags & SFB_CATCH) != 0; }
    }

    /** Result of sf_buf_alloc when it returns NULL. Otherwise the result is the sf_buf id + 1. */
    public static final long NULL = 0;
    private static final long SLEEP = 1L << 40;        // internal: go to sleep (not a return value)
    private static final long FIRST = 0, RESLEEP = 1;  // loop carries

    private final Config cfg;
    private final int ncpus;
    private final int pages;
    private final Lock lock;
    private final SfBuf[] bufs;
    private final Word freelist;
    private final Word want;
    private final Word used;
    private final Word peak;
    private final WaitQueue freeWait;
    private final Word[] wireCount;   // index: page number (1-based); [0] unused
    /**
     * The hash chain restricted to one page: {@code chain[p]} lists the sf_bufs whose m is p, in the
     * kernel's chain order (newest hashed first), as a packed list like the free list (4 bits per
     * entry, sf_buf id + 1, head in the low bits). Index: page number (1-based); [0] unused.
     *
     * <p>The kernel (S1-S4 sf_buf_alloc, S6, S8) keeps LIST chains indexed by SF_BUF_HASH(m): a miss
     * or take LIST_REMOVEs the recycled buffer from its old chain (if sf->m was set) and
     * LIST_INSERT_HEADs it on m's chain; rev 1.219 and S1 with sf_buf_unmap LIST_REMOVE at refcount
     * 0 (sf->m = NULL); a lookup walks the chain from the head and returns the first sf with
     * sf->m == m. Which buffer it returns depends only on the order among the chain's entries whose m
     * is the page, and that order is the same whatever the hash function (insertion at the head and
     * removal keep the relative order of any sublist): so the chain of page p restricted to m == p
     * is modelled, not the buckets. Invariant (under sf_buf_lock): chain[p] holds exactly the
     * sf_bufs with m == p, each once; when two hold one page (the variants without a hash
     * re-lookup after msleep), the newer mapping is nearer the head.
     */
    private final Word[] chain;

    /** Requires 1..15 sf_bufs and 1..14 pages (checked by SfBufMechanism). */
    public SfBufCache(Layout layout, int nbufs, int pages, Config cfg) {
        this.cfg = cfg;
        this.ncpus = layout.cpus();
        this.pages = pages;
        this.lock = layout.lock("sf_buf_lock");
        this.bufs = new SfBuf[nbufs];
        for (int i = 0; i < nbufs; i++) bufs[i] = new SfBuf(layout, lock, i);
        long fl = 0;   // sf_buf_init: TAILQ_INSERT_TAIL in index order
        for (int i = nbufs - 1; i >= 0; i--) fl = (fl << 4) | (i + 1);
        this.freelist = layout.guarded("sf_buf_freelist", fl, lock);
        this.want = layout.guarded("sf_buf_alloc_want", 0, lock);
        this.used = layout.guarded("nsfbufsused", 0, lock);
        this.peak = layout.guarded("nsfbufspeak", 0, lock);
        this.freeWait = layout.waitQueue("&sf_buf_freelist", lock);
        this.wireCount = new Word[pages + 1];
        this.chain = new Word[pages + 1];
        for (int p = 1; p <= pages; p++) {
            // symmetry: page p's wire count and hash chain move with p; the chain's entries name
            // sf_bufs, which are not a symmetric set (SfBufProgram.symmetricSets), so they are plain
            layout.beginOwner(kmapcheck.machine.Sort.PAGES, p - 1);
            wireCount[p] = layout.word("page" + p + ".wire_count", 0);
            chain[p] = layout.guarded("page" + p + ".sf_chain", 0, lock);
            layout.endOwner();
        }
    }

    public Config config() { return cfg; }
    public int nbufs() { return bufs.length; }
    public int pages() { return pages; }
    public SfBuf buf(int id) { return bufs[id]; }
    public Word freelistWord() { return freelist; }
    public Word wantWord() { return want; }
    public Word usedWord() { return used; }
    public Word peakWord() { return peak; }
    public Word wireWord(int page) { return wireCount[page]; }
    /** The hash chain of {@code page} restricted to the sf_bufs mapping it, newest first (see {@link #chain}). */
    public Word chainWord(int page) { return chain[page]; }
    public WaitQueue waitQueue() { return freeWait; }
    public Lock lock() { return lock; }
    private long allCpus() { return (1L << ncpus) - 1; }

    // ---- the free-list word ----------------------------------------------------------------------

    /** The free list encoded in {@code word}, head first. */
    public static java.util.List<Integer> freeList(long word) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (long s = word; s != 0; s >>>= 4) out.add((int) (s & 0xF) - 1);
        return out;
    }

    private static int size(long fl) { int n = 0; for (; fl != 0; fl >>>= 4) n++; return n; }

    /** LIST_INSERT_HEAD. */
    private static long push(long list, int id) { return (list << 4) | (id + 1); }

    /** TAILQ_INSERT_TAIL. */
    private static long append(long fl, int id) { return fl | ((long) (id + 1) << (4 * size(fl))); }

    /** TAILQ_REMOVE (from anywhere; the others keep their order). */
    private static long remove(long fl, int id) {
        long out = 0;
        int n = 0;
        for (; fl != 0; fl >>>= 4) {
            long e = fl & 0xF;
            if (e != id + 1) out |= e << (4 * n++);
        }
        return out;
    }

    // ---- sf_buf_alloc --------------------------------------------------------------------------

    /**
     * sf_buf_alloc(m, flags) (S1 @07a217d2; S2-S4 inline; S6 v1.21 without flags; rev 1.219/1.220).
     * Returns the sf_buf id + 1, or {@link #NULL}. The caller must be pinned for SFB_CPUPRIVATE.
     *
     * <p>Steps (spec actions): the first critical section is AllocHit / AllocMiss / AllocNoWait /
     * SleepEnter (want++ and msleep's atomic release-and-sleep); each return from msleep is one
     * critical section: SleepExitSignal / SleepExitRetry (sleep again) / SleepExitTake (or
     * SleepExitHit with the relookup fix).
     */
    public long alloc(Ctx ctx, int page, int flags) {
        if (page < 1 || page > pages) throw new IllegalArgumentException("page " + page);
        boolean pcatch = cfg.catches(flags);
        ctx.lock(lock);
        long r = ctx.loop(FIRST, carry -> {
            if (carry == FIRST) {
                long d = critical(ctx, () -> firstPass(ctx, page, flags));
                // going to sleep: the next iteration (same step) sleeps; the lookup's history is
                // forgotten, so a sleeping thread's state does not depend on what it looked at
                return d == SLEEP ? Ctx.Loop.again(RESLEEP) : Ctx.Loop.done(d);
            }
            // msleep(&sf_buf_freelist, &sf_buf_lock, PVM | (pcatch ? PCATCH : 0), "sfbufa", 0): releases
            // the lock and sleeps atomically; returns with the lock held again. This is Ctx.msleep
            // with its signal check moved into the critical section that follows (see afterSleep).
            boolean interrupted = ctx.sleep(freeWait, pcatch);
            long d = critical(ctx, () -> afterSleep(ctx, page, flags, pcatch, interrupted));
            return d == SLEEP ? Ctx.Loop.again(RESLEEP) : Ctx.Loop.done(d);
        });
        ctx.unlock(lock);
        return r;
    }

    /** Runs a critical-section body (lock held) as one step; see the class comment. */
    private static long critical(Ctx ctx, java.util.function.LongSupplier body) {
        long[] out = new long[1];
        ctx.atomic(() -> out[0] = body.getAsLong());
        return out[0];
    }

    /** Lock held: the lookup and what follows it up to the first unlock or sleep. */
    private long firstPass(Ctx ctx, int page, int flags) {
        // A signal that arrived while the thread was not asleep in here is handled at the syscall
        // boundary (ast), not by sf_buf: the spec delivers signals only to msleep (Signal(t)).
        // Consume it so it cannot be mistaken for one that interrupted the coming msleep.
        ctx.signalPending();
        int hit = lookup(ctx, page);
        if (hit >= 0) {                                  // AllocHit
            hitBody(ctx, hit, flags);
            return hit + 1;
        }
        if (cfg.dfly2004() ? dropReferenced(ctx) : ctx.load(freelist) != 0) return takeHead(ctx, page, flags) + 1;   // AllocMiss
        if ((flags & SFB_NOWAIT) != 0) return NULL;      // AllocNoWait
        ctx.store(want, ctx.load(want) + 1);             // SleepEnter: sf_buf_alloc_want++
        return SLEEP;
    }

    /** Lock re-acquired after msleep returned. */
    private long afterSleep(Ctx ctx, int page, int flags, boolean pcatch, boolean interrupted) {
        // msleep(PCATCH) returns EINTR/ERESTART if a signal interrupted the sleep or is pending when
        // the thread resumes, even if a wakeup chose it (Ctx.msleep semantics).
        boolean error = interrupted || (pcatch && ctx.signalPending());
        ctx.store(want, ctx.load(want) - 1);             // sf_buf_alloc_want--
        if (error) return NULL;                          // SleepExitSignal: don't risk sleeping again
        if (cfg.relookupAfterSleep()) {                  // hypothetical fix: search the hash again
            int hit = lookup(ctx, page);
            if (hit >= 0) { hitBody(ctx, hit, flags); return hit + 1; }       // SleepExitHit
        }
        if (cfg.dfly2004() ? !dropReferenced(ctx) : ctx.load(freelist) == 0) {   // SleepExitRetry: the while condition holds again
            ctx.store(want, ctx.load(want) + 1);
            return SLEEP;
        }
        // SleepExitTake. NOTE (S1, S6): the shipped code does not search the hash again here.
        return takeHead(ctx, page, flags) + 1;
    }

    /**
     * LIST_FOREACH over m's hash chain from the head: the first sf_buf whose m is the page (the most
     * recently hashed of those mapping it), or -1.
     */
    private int lookup(Ctx ctx, int page) {
        for (long s = ctx.load(chain[page]); s != 0; s >>>= 4) {
            SfBuf sf = bufs[(int) (s & 0xF) - 1];
            if (ctx.load(sf.m) == page) return sf.id;
        }
        return -1;
    }

    /** LIST_REMOVE of sf from the chain of its page (if sf->m is set); the others keep their order. */
    private void unhash(Ctx ctx, SfBuf sf) {
        int old = (int) ctx.load(sf.m);
        if (old != 0) ctx.store(chain[old], remove(ctx.load(chain[old]), sf.id));
    }

    /** Hash hit: ref_count++; revive an idle buffer (TAILQ_REMOVE, used++); [SMP] goto shootdown. */
    private void hitBody(Ctx ctx, int id, int flags) {
        SfBuf sf = bufs[id];
        long ref = ctx.load(sf.refCount);
        ctx.store(sf.refCount, ref + 1);
        if (cfg.dfly2004()) { dflyHitSync(ctx, sf, flags); return; }   // S8: stays on the queue, uncounted
        if (ref == 0) {
            if (cfg.bug() != Bug.HIT_KEEPS_ON_FREE_LIST) ctx.store(freelist, remove(ctx.load(freelist), id));
            bumpUsed(ctx);
        }
        if (cfg.smp() && cfg.bug() != Bug.HIT_SKIPS_SHOOTDOWN) shootdown(ctx, sf, flags, false);
    }

    /**
     * S8 hash hit after ++refcnt (the buffer stays on the free queue: lazy removal): SFBA_QUICK: if
     * curcpu is not in cpumask, pmap_kenter_sync_quick (invlpg here) and cpumask |= curcpu; else if
     * cpumask is not all ones, pmap_kenter_sync (invlpg on every CPU) and cpumask = all. Written as
     * SHOOTDOWN from an empty mask (cpumask grows with the invalidations; only software under the
     * lock reads it). All ones = the CPUs present (see the spec's DflyHitSync).
     */
    private void dflyHitSync(Ctx ctx, SfBuf sf, int flags) {
        if ((flags & SFBA_QUICK) != 0) shootdown(ctx, sf, flags, false);
        else if (ctx.load(sf.cpumask) != allCpus()) {
            ctx.store(sf.cpumask, 0);
            shootdown(ctx, sf, flags, false);
        }
    }

    /**
     * S8 miss loop: pop and drop the referenced entries at the head of the free queue (lazy removal:
     * hits left them there; their SFBA_ONFREEQ is cleared with the removal). True if an unreferenced
     * buffer is now at the head; false if the queue ran empty (the caller sleeps).
     */
    private boolean dropReferenced(Ctx ctx) {
        long fl = ctx.load(freelist), left = fl;
        while (left != 0 && ctx.load(bufs[(int) (left & 0xF) - 1].refCount) != 0) left >>>= 4;
        if (left != fl) ctx.store(freelist, left);
        return left != 0;
    }

    /** SFBA_ONFREEQ: the buffer is on the free queue (the flag is set and cleared with the queue operations). */
    private static boolean queued(long fl, int id) {
        for (long s = fl; s != 0; s >>>= 4) if ((s & 0xF) == id + 1) return true;
        return false;
    }

    private void bumpUsed(Ctx ctx) {
        long u = ctx.load(used) + 1;
        ctx.store(used, u);
        if (u > ctx.load(peak)) ctx.store(peak, u);      // nsfbufspeak = imax(peak, used)
    }

    /**
     * Miss: take the head (least recently freed) of the free list, unhash its old page, hash it under
     * page (both implied by sf->m), ref_count = 1, used++, and sf_buf_map.
     */
    private int takeHead(Ctx ctx, int page, int flags) {
        long fl = ctx.load(freelist);
        int id = (int) (fl & 0xF) - 1;
        ctx.store(freelist, fl >>> 4);
        SfBuf sf = bufs[id];
        // no check of ref_count here (as in the sources): with HitKeepsOnFreeList a referenced buffer is
        // recycled under its user, as the spec's MissBody does (ref_count := 1)
        unhash(ctx, sf);                                 // if (sf->m != NULL) LIST_REMOVE
        ctx.store(chain[page], push(ctx.load(chain[page]), sf.id));   // LIST_INSERT_HEAD(m's chain)
        ctx.store(sf.m, page);
        ctx.store(sf.refCount, 1);
        if (!cfg.dfly2004()) bumpUsed(ctx);              // S8 keeps no counters
        map(ctx, sf, page, flags);
        return id;
    }

    /** Announces the spec pc of the next step (see {@link SfBufProbe}). */
    private static void at(Ctx ctx, String pc, SfBuf sf, long opte, boolean pend, long tgt) {
        SfBufProbe.at(ctx, pc, sf.id, opte, pend, tgt);
    }

    /**
     * sf_buf_map. FreeBSD i386 (S2 @010e6820 sf_buf_alloc, same logic in S4 and S5 pmap_sf_buf_map):
     * {@code opte = *ptep; *ptep = VM_PAGE_TO_PHYS(m) | pgeflag | PG_RW | PG_V} (two plain accesses:
     * "no need to exchange the old and new PTEs atomically" since no software uses the old mapping),
     * then SMP: {@code if ((opte & (PG_V | PG_A)) == (PG_V | PG_A)) sf->cpumask = 0} and SHOOTDOWN; UP
     * (#else): pmap_invalidate_page if the old PTE was valid and accessed. The hardware does use the
     * old mapping: a page walk between the load and the store caches the old translation and its
     * PG_A is lost by the store (spec model FreeBSDSMP). {@code pteXchg}: pte_load_store instead.
     * Rev 1.219/1.220 and DragonFly 2003 (brief §1.2, inferred): pmap_qenter = a PTE store, then an
     * unconditional invalidation (UP: invlpg).
     */
    private void map(Ctx ctx, SfBuf sf, int page, int flags) {
        long npte = Pte.make(page);
        if (cfg.dfly2004()) {
            // S8: SFBA_QUICK: pmap_kenter_quick (PTE store, invlpg here), cpumask = curcpu; else
            // pmap_kenter (PTE store, invlpg on every CPU), cpumask = all. The invalidations as
            // SHOOTDOWN from an empty mask (spec DflyKenter).
            ctx.store(sf.cpumask, 0);
            ctx.pteStore(sf.kva, npte);
            shootdown(ctx, sf, flags, false);
            return;
        }
        if (cfg.qenter()) {
            ctx.pteStore(sf.kva, npte);
            at(ctx, "up_inval", sf, 0, false, 0);
            ctx.invlpg(sf.kva);
            return;
        }
        if (cfg.pteXchg() && cfg.bug() != Bug.INVAL_BEFORE_STORE) {
            afterStore(ctx, sf, flags, ctx.pteSwap(sf.kva, npte));
            return;
        }
        switch (cfg.bug()) {
            case PGA_TEST_NEW -> {             // mutation: "*ptep = new; opte = *ptep"
                ctx.pteStore(sf.kva, npte);
                at(ctx, "map_load", sf, 0, false, 0);
                afterStore(ctx, sf, flags, ctx.pteLoad(sf.kva));
            }
            case INVAL_BEFORE_STORE -> {       // mutation: PG_A rule and SHOOTDOWN before the store
                long opte = ctx.pteLoad(sf.kva);
                invalidate(ctx, sf, flags, opte, true);
                at(ctx, "map_store", sf, 0, true, 0);
                if (cfg.pteXchg()) ctx.pteSwap(sf.kva, npte);   // its result comes too late for the test
                else ctx.pteStore(sf.kva, npte);
            }
            default -> {                       // shipped: a plain load, then a plain store
                long opte = ctx.pteLoad(sf.kva);
                at(ctx, "map_store", sf, opte, true, 0);
                ctx.pteStore(sf.kva, npte);
                afterStore(ctx, sf, flags, opte);
            }
        }
    }

    /** The PG_A rule (S2: the old PTE was valid and accessed), as the mutations change it. */
    private boolean pgaRule(long opte) {
        return switch (cfg.bug()) {
            case REMAP_KEEPS_MASK -> false;
            case PGA_INVERTED -> Pte.valid(opte) && !Pte.accessed(opte);
            default -> Pte.valid(opte) && Pte.accessed(opte);
        };
    }

    private void afterStore(Ctx ctx, SfBuf sf, int flags, long opte) { invalidate(ctx, sf, flags, opte, false); }

    /**
     * sf_buf_map's invalidation given the PTE value tested: SMP: cpumask = 0 if the PG_A rule says so,
     * then SHOOTDOWN; UP: invlpg if the old PTE was valid and accessed. {@code pend}: the PTE store is
     * still to come (InvalBeforeStore).
     */
    private void invalidate(Ctx ctx, SfBuf sf, int flags, long opte, boolean pend) {
        if (cfg.smp()) {
            if (pgaRule(opte)) ctx.store(sf.cpumask, 0);
            shootdown(ctx, sf, flags, pend);
        } else if (pgaRule(opte)) {
            at(ctx, "up_inval", sf, 0, pend, 0);
            ctx.invlpg(sf.kva);
        }
    }

    /**
     * SHOOTDOWN (S2 label shootdown inline; S5 sf_buf_shootdown), in the kernel's order: if curcpu is
     * not in cpumask, {@code cpumask |= curcpu} and invlpg; without SFB_CPUPRIVATE, other_cpus = all
     * but curcpu and cpumask; if any, {@code cpumask |= other_cpus} and smp_masked_invlpg(other_cpus):
     * an IPI to each, then the wait until each has invalidated and acknowledged. cpumask is updated
     * before the CPUs it names invalidate: sound because only software under sf_buf_lock reads it,
     * and the lock is held until the acknowledgements are in. (The kernel's sched_pin around it: the
     * explorer never migrates a thread inside an operation.)
     */
    private void shootdown(Ctx ctx, SfBuf sf, int flags, boolean pend) {
        long mine = 1L << ctx.cpu();
        long mask = ctx.load(sf.cpumask);
        if ((mask & mine) == 0) {
            mask |= mine;
            ctx.store(sf.cpumask, mask);
            at(ctx, "sd_local", sf, 0, pend, 0);
            ctx.invlpg(sf.kva);
        }
        if ((flags & (SFB_CPUPRIVATE | SFBA_QUICK)) == 0) {
            long others = allCpus() & ~mine & ~mask;
            if (others != 0) {
                ctx.store(sf.cpumask, mask | others);
                at(ctx, "sd_ipi", sf, 0, pend, others);
                ctx.ipiSend(others, sf.kva);
                at(ctx, "sd_wait", sf, 0, pend, others);
                ctx.ipiWait(others, sf.kva);
            }
        }
    }

    // ---- sf_buf_free / sf_buf_ref --------------------------------------------------------------

    /**
     * sf_buf_free(sf) (S1 @07a217d2; S2; rev 1.219/1.220; S6 v1.21): ref_count--; at 0: append at the
     * tail of the free list, used--, [rev 1.219: unhash and pmap_qremove: the PTE store, then its
     * invalidation], [S6: vm_page_unwire], and wake the allocators if want > 0 (wakeup_one in rev
     * 1.219/1.220-with-WakeOne and DragonFly 2003, wakeup broadcast in later FreeBSD). One critical
     * section (spec Free, and FreeInval after rev 1.219's PTE store).
     */
    public void free(Ctx ctx, int id) {
        SfBuf sf = bufs[id];
        ctx.lock(lock);
        ctx.atomic(() -> {
            long ref = ctx.load(sf.refCount);
            Panic.kassert(ref > 0, "KernelAssert", "sf_buf_free: sf_buf " + id + " not referenced");
            ctx.store(sf.refCount, ref - 1);
            // S8: a buffer still on the queue (SFBA_ONFREEQ: a lazily revived one) is not queued
            // again and wakes nobody
            if (ref - 1 == 0 && !(cfg.dfly2004() && queued(ctx.load(freelist), id))) {
                ctx.store(freelist, append(ctx.load(freelist), id));
                if (!cfg.dfly2004()) ctx.store(used, ctx.load(used) - 1);
                int page = (int) ctx.load(sf.m);
                if (!cfg.keepMapping()) {                  // rev 1.219: unhash, pmap_qremove
                    unhash(ctx, sf);
                    ctx.store(sf.m, 0);
                    ctx.pteStore(sf.kva, 0);
                    at(ctx, "free_inval", sf, 0, false, 0);
                    ctx.invlpg(sf.kva);
                }
                if (cfg.wiring() == Wiring.UNWIRE_AT_ZERO)   // S6: vm_page_unwire(m) under splvm
                    ctx.fetchAdd(wireCount[page], -1);
                if (ctx.load(want) > 0) {
                    if (cfg.wakeOneEffective()) ctx.wakeupOne(freeWait);
                    else ctx.wakeupAll(freeWait);
                }
            }
        });
        ctx.unlock(lock);
    }

    /** sf_buf_ref(sf) (S1; S6 ext_ref): KASSERT(ref_count > 0); ref_count++ (no shootdown). */
    public void ref(Ctx ctx, int id) {
        SfBuf sf = bufs[id];
        ctx.lock(lock);
        long ref = ctx.load(sf.refCount);
        Panic.kassert(ref > 0, "KernelAssert", "sf_buf_ref: sf_buf " + id + " not referenced");
        ctx.store(sf.refCount, ref + 1);
        ctx.unlock(lock);
    }

    /** sf_buf_kva(sf) dereferenced on this CPU: returns the TLB entry used, 0 on a page fault. */
    public long access(Ctx ctx, int id) { return ctx.access(bufs[id].kva); }

    /**
     * sf_buf_page(sf): sf->m. The kernel reads it without sf_buf_lock (it cannot change while the
     * caller holds a reference); here it is read under the lock, which gives the same value and
     * satisfies the explorer's lock discipline for the guarded word.
     */
    public int page(Ctx ctx, int id) {
        ctx.lock(lock);
        int p = (int) ctx.load(bufs[id].m);
        ctx.unlock(lock);
        return p;
    }

    // ---- the sendfile caller's page wiring (kern_sendfile, S6; sf_buf_mext, FreeBSD 2004) -------

    /** vm_page_wire(m). */
    public void wire(Ctx ctx, int page) { ctx.fetchAdd(wireCount[page], 1); }

    /** vm_page_unwire(m). */
    public void unwire(Ctx ctx, int page) {
        long old = ctx.fetchAdd(wireCount[page], -1);
        Panic.kassert(old > 0, "KernelAssert", "vm_page_unwire: page " + page + " not wired");
    }
}
