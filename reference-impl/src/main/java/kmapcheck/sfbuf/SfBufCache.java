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
 *       from the commit messages as the spec does.</li>
 * </ul>
 *
 * <p>Shared state: every sf_buf field, the free list, {@code want}, {@code used}, {@code peak} are
 * words guarded by {@code sf_buf_lock}. The free list (TAILQ) is one word: 4 bits per entry
 * (sf_buf id + 1), head (least recently freed) in the low bits. The sleep channel is the free
 * list ({@code msleep(&sf_buf_freelist, &sf_buf_lock, ...)}).
 *
 * <p>Atomicity: each critical section under sf_buf_lock is one {@link Ctx#atomic} body. The spec
 * (SfBuf.tla header, CONVENTIONS.md) treats every critical section as ONE action, including the
 * PTE rewrite and the synchronous invlpg / IPI shootdown done while holding the lock
 * ({@code RemapWindow = FALSE}): no TLB fill may fall between the PTE load and store. Guarded
 * words are both-movers anyway; the atomic block only covers the PTE/TLB primitives and the
 * signal check that the explorer otherwise treats as scheduling points.
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
        FREEBSD_LATER;

        public static Variant parse(String s) {
            return switch (s) {
                case "Rev1219" -> REV1219;
                case "Rev1220" -> REV1220;
                case "DragonFly2003" -> DRAGONFLY2003;
                case "FreeBSDLater" -> FREEBSD_LATER;
                default -> throw new IllegalArgumentException("unknown sf_buf variant '" + s
                        + "' (known: Rev1219, Rev1220, DragonFly2003, FreeBSDLater)");
            };
        }
    }

    /** The spec's seeded mutations (Bug constant). PrivateUnpinned is a caller bug: see the client. */
    public enum Bug {
        NONE, HIT_KEEPS_ON_FREE_LIST, REMAP_KEEPS_MASK, HIT_SKIPS_SHOOTDOWN, PGA_INVERTED, PRIVATE_UNPINNED;

        public static Bug parse(String s) {
            for (Bug b : values()) if (b.name().replace("_", "").equalsIgnoreCase(s.replace("_", ""))) return b;
            throw new IllegalArgumentException("unknown sf_buf bug '" + s + "' (known: None, HitKeepsOnFreeList, "
                    + "RemapKeepsMask, HitSkipsShootdown, PGAInverted, PrivateUnpinned)");
        }
    }

    /** Who unwires the page a sendfile iteration wired (spec constant Wiring). */
    public enum Wiring {
        /** not modelled */
        NONE,
        /** DragonFly 2003 (S6): sf_buf_free unwires once when the count drops to 0 */
        UNWIRE_AT_ZERO,
        /** FreeBSD 2004 sf_buf_mext: the caller unwires after every sf_buf_free */
        UNWIRE_PER_FREE;

        public static Wiring parse(String s) {
            return switch (s) {
                case "None" -> NONE;
                case "UnwireAtZero" -> UNWIRE_AT_ZERO;
                case "UnwirePerFree" -> UNWIRE_PER_FREE;
                default -> throw new IllegalArgumentException("unknown wiring '" + s + "' (known: None, UnwireAtZero, UnwirePerFree)");
            };
        }
    }

    /** sf_buf_alloc flags (S1): SFB_CATCH, SFB_NOWAIT, SFB_CPUPRIVATE. */
    public static final int SFB_CATCH = 1, SFB_NOWAIT = 2, SFB_CPUPRIVATE = 4;

    /**
     * @param wakeOne            Rev1219/Rev1220: wakeup_one (true) or wakeup; forced by the other variants
     * @param smp                the SMP code (#ifdef SMP: cpumask, SHOOTDOWN); FreeBSDLater only
     * @param relookupAfterSleep hypothetical fix: search the hash again after every msleep
     */
    public record Config(Variant variant, boolean wakeOne, boolean smp, Wiring wiring, Bug bug, boolean relookupAfterSleep) {
        public Config {
            if (smp && variant != Variant.FREEBSD_LATER) throw new IllegalArgumentException("the SMP sf_buf code is FreeBSDLater only");
        }

        public boolean keepMapping() { return variant != Variant.REV1219; }

        public boolean wakeOneEffective() {
            return switch (variant) {
                case DRAGONFLY2003 -> true;
                case FREEBSD_LATER -> false;
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

    public SfBufCache(Layout layout, int nbufs, int pages, Config cfg) {
        if (nbufs < 1 || nbufs > 15) throw new IllegalArgumentException("1..15 sf_bufs, got " + nbufs);
        if (pages < 1 || pages > 14) throw new IllegalArgumentException("1..14 pages, got " + pages);
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
        for (int p = 1; p <= pages; p++) wireCount[p] = layout.word("page" + p + ".wire_count", 0);
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
        if (ctx.load(freelist) != 0) return takeHead(ctx, page, flags) + 1;   // AllocMiss
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
        if (ctx.load(freelist) == 0) {                   // SleepExitRetry: the while condition holds again
            ctx.store(want, ctx.load(want) + 1);
            return SLEEP;
        }
        // SleepExitTake. NOTE (S1, S6): the shipped code does not search the hash again here.
        return takeHead(ctx, page, flags) + 1;
    }

    /** The hash chain of m: the first sf_buf (in table order) whose m is the page, or -1. */
    private int lookup(Ctx ctx, int page) {
        for (SfBuf sf : bufs) if (ctx.load(sf.m) == page) return sf.id;
        return -1;
    }

    /** Hash hit: ref_count++; revive an idle buffer (TAILQ_REMOVE, used++); [SMP] goto shootdown. */
    private void hitBody(Ctx ctx, int id, int flags) {
        SfBuf sf = bufs[id];
        long ref = ctx.load(sf.refCount);
        ctx.store(sf.refCount, ref + 1);
        if (ref == 0) {
            if (cfg.bug() != Bug.HIT_KEEPS_ON_FREE_LIST) ctx.store(freelist, remove(ctx.load(freelist), id));
            bumpUsed(ctx);
        }
        if (cfg.smp() && cfg.bug() != Bug.HIT_SKIPS_SHOOTDOWN) shootdown(ctx, sf, flags);
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
        // recycled under its user, as the spec's TakeHead does (ref_count := 1)
        ctx.store(sf.m, page);
        ctx.store(sf.refCount, 1);
        bumpUsed(ctx);
        map(ctx, sf, page, flags);
        return id;
    }

    /**
     * sf_buf_map (S4/S5): opte = *ptep; *ptep = new PTE (PG_V, PG_A clear). SMP: if the old PTE was
     * valid and accessed, some CPU may have cached it whatever the mask says: cpumask = 0 (the PG_A
     * rule); then SHOOTDOWN. UP: pmap_qenter-style local invalidation.
     */
    private void map(Ctx ctx, SfBuf sf, int page, int flags) {
        long opte = ctx.pteLoad(sf.kva);
        ctx.pteStore(sf.kva, Pte.make(page));
        if (!cfg.smp()) {
            if (Pte.valid(opte)) ctx.invlpg(sf.kva);
            return;
        }
        boolean reset = switch (cfg.bug()) {
            case REMAP_KEEPS_MASK -> false;
            case PGA_INVERTED -> Pte.valid(opte) && !Pte.accessed(opte);
            default -> Pte.valid(opte) && Pte.accessed(opte);
        };
        if (reset) ctx.store(sf.cpumask, 0);
        shootdown(ctx, sf, flags);
    }

    /**
     * SHOOTDOWN (S4 inline, S5 sf_buf_shootdown): the current CPU invalidates locally if it is not in
     * cpumask; without SFB_CPUPRIVATE every other CPU not in the mask gets a synchronous IPI
     * (smp_masked_invlpg), and all of them join the mask.
     */
    private void shootdown(Ctx ctx, SfBuf sf, int flags) {
        long mine = 1L << ctx.cpu();
        long m0 = ctx.load(sf.cpumask);
        long mask = m0;
        if ((m0 & mine) == 0) {
            ctx.invlpg(sf.kva);
            mask |= mine;
        }
        if ((flags & SFB_CPUPRIVATE) == 0) {
            long other = allCpus() & ~m0 & ~mine;
            if (other != 0) {
                ctx.invlpgCpus(other, sf.kva);
                mask |= other;
            }
        }
        if (mask != m0) ctx.store(sf.cpumask, mask);
    }

    // ---- sf_buf_free / sf_buf_ref --------------------------------------------------------------

    /**
     * sf_buf_free(sf) (S1 @07a217d2; rev 1.219/1.220; S6 v1.21): ref_count--; at 0: append at the
     * tail of the free list, used--, [rev 1.219: unmap and unhash], [S6: vm_page_unwire], and wake
     * the allocators if want > 0 (wakeup_one in rev 1.219/1.220-with-WakeOne and DragonFly 2003,
     * wakeup broadcast in later FreeBSD). One critical section (spec Free).
     */
    public void free(Ctx ctx, int id) {
        SfBuf sf = bufs[id];
        ctx.lock(lock);
        ctx.atomic(() -> {
            long ref = ctx.load(sf.refCount);
            Panic.kassert(ref > 0, "KernelAssert", "sf_buf_free: sf_buf " + id + " not referenced");
            ctx.store(sf.refCount, ref - 1);
            if (ref - 1 == 0) {
                ctx.store(freelist, append(ctx.load(freelist), id));
                ctx.store(used, ctx.load(used) - 1);
                int page = (int) ctx.load(sf.m);
                if (!cfg.keepMapping()) {                  // rev 1.219: pmap_qremove + unhash
                    ctx.store(sf.m, 0);
                    ctx.pteStore(sf.kva, 0);
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

    /** sf_buf_page(sf). */
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
