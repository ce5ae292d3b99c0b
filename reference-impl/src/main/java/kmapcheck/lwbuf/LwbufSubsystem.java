package kmapcheck.lwbuf;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Panic;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Word;

/**
 * DragonFly lwbuf(9) for i386 (kernel-brief §2.3; L2 sys/cpu/i386/misc/lwbuf.c @1f3936d6, L1
 * @c07315c4 for the atomic OR), running on the simulated machine. Variants are the one-line
 * changes of the TLA+ spec (spec/lwbuf/Lwbuf.tla).
 *
 * <p>Thread safety on real threads: each lwbuf is used by one thread at a time (callers refcount
 * externally, lwbuf(9)); objcache is lock-protected; the cpumask is updated with atomics.
 */
public final class LwbufSubsystem {

    public enum Variant {
        /** L1/L2: cpumask = mine in alloc, cpumask = 0 in free. */
        FIXED,
        /** The 2009 patch per Dillon's review: cpumask |= mine in alloc, no reset in free. */
        OR_BUG_2009,
        /** L3-L5: |= in alloc but free resets the mask (the bug is latent). */
        OR_LATENT,
        /** alloc claims every CPU but only invalidates locally (pmap_kenter_quick). */
        MASK_ALL_QUICK,
        /** _lwbuf_kva adds this CPU's bit without the invlpg. */
        SLOW_NO_INVLPG,
        /** Reordering: pmap_kenter_quick's invlpg before its PTE store. */
        ALLOC_INVLPG_FIRST,
        /** Reordering: set_global stores cpumask = ALL after sending the IPIs, before their acknowledgements. */
        SET_GLOBAL_NO_WAIT,
        /** Reordering: _lwbuf_kva joins cpumask before its invlpg. */
        KVA_OR_FIRST
    }

    private final Variant variant;
    private final int ncpus;
    private final Lwbuf[] objs;
    private final ObjCache cache;
    /** lwbuf_count statistic (atomic). */
    private final Word lwbufCount;

    public LwbufSubsystem(Layout layout, int objects, Variant variant) { this(layout, objects, variant, ObjCache.SleepVariant.INTERLOCKED); }

    public LwbufSubsystem(Layout layout, int objects, Variant variant, ObjCache.SleepVariant sleepVariant) {
        this.variant = variant;
        this.ncpus = layout.cpus();
        this.objs = new Lwbuf[objects];
        for (int i = 0; i < objects; i++) objs[i] = new Lwbuf(layout, i);
        this.cache = new ObjCache(layout, "lwbuf_cache", objects, sleepVariant);
        this.lwbufCount = layout.word("lwbuf_count", 0);
    }

    public Lwbuf obj(int id) { return objs[id]; }
    public Variant variant() { return variant; }
    public int objects() { return objs.length; }
    public ObjCache cache() { return cache; }
    private long allCpus() { return (1L << ncpus) - 1; }

    /** lwbuf_alloc's loop carry (the first entry of its replay log): the ghost "has slept" for LwbufSleep's getting (TEST_THEN_SLEEP only: INTERLOCKED never reaches waitForPut). */
    public static final long CARRY_SLEPT = 1;
    /**
     * lwbuf_alloc's loop carry (INTERLOCKED): the last attempt found the objcache empty and kept its
     * lock; this iteration first sleeps (ObjCache.sleepLocked) and retries under the same hold. The
     * first and every later sleep of a getter are then one state (log [CARRY_SLEEP]).
     */
    public static final long CARRY_SLEEP = 2;

    /**
     * lwbuf_alloc(m) (L1 lwbuf.c 123-137): take an object, point it at m, make this CPU the only one
     * in sync, pmap_kenter_quick (a PTE store, then invlpg on this CPU: two hardware-visible steps).
     * Reduction: objcache_get hands out a private object, so the m/cpumask stores fold into the PTE
     * store (the spec's Alloc); the invlpg and the counter are the spec's AllocInvlpg.
     * {@code search.atomic=false} explores the software steps one by one. An empty objcache:
     * INTERLOCKED, the failed attempt keeps the lock, the next iteration sleeps (ObjCache.sleepLocked)
     * and retries under the same hold; TEST_THEN_SLEEP, ObjCache.waitForPut, then a retry from the top.
     */
    public Lwbuf alloc(Ctx ctx, int page) {
        long id = ctx.loop(0, carry -> {
            int[] got = {-1};
            boolean held = (carry & CARRY_SLEEP) != 0;
            if (held) cache.sleepLocked(ctx);
            ctx.atomic(() -> {
                int o = cache.tryGet(ctx, held);
                if (o < 0) return;
                Lwbuf lwb = objs[o];
                Panic.kassert(ctx.load(lwb.m) == 0, "KASSERT(lwb->m == NULL)", "lwbuf_alloc got an object still mapping a page");
                long mine = 1L << ctx.cpu();
                ctx.store(lwb.m, page);
                switch (variant) {
                    case OR_BUG_2009, OR_LATENT -> ctx.store(lwb.cpumask, ctx.load(lwb.cpumask) | mine);
                    case MASK_ALL_QUICK -> ctx.store(lwb.cpumask, allCpus());
                    default -> ctx.store(lwb.cpumask, mine);               // the fix: ASSIGN
                }
                if (variant == Variant.ALLOC_INVLPG_FIRST) {
                    ctx.invlpg(lwb.kva);                                   // reordered: a walk may refill the old PTE
                    ctx.pteStore(lwb.kva, Pte.make(page));
                } else {
                    ctx.kenterQuick(lwb.kva, Pte.make(page));
                }
                ctx.fetchAdd(lwbufCount, 1);
                got[0] = o;
            });
            if (got[0] >= 0) return Ctx.Loop.done(got[0]);
            if (cache.sleepsLocked()) return Ctx.Loop.again(CARRY_SLEEP);   // empty, lock held: sleep, then retry
            boolean slept = cache.waitForPut(ctx);          // objcache_get(M_WAITOK) blocks until a put
            return Ctx.Loop.again(slept ? CARRY_SLEPT : carry);
        });
        return objs[(int) id];
    }

    /**
     * lwbuf_kva(lwb) (L1 168-176): the fast path if this CPU is in sync, else _lwbuf_kva (L1 157-165):
     * invlpg here (pmap_kenter_sync_quick), then atomically join the mask (in that order: a CPU in
     * the mask must have no stale entry, LW1). Returns the KVA index.
     */
    public int kva(Ctx ctx, Lwbuf lwb) {
        long mine = 1L << ctx.cpu();
        if ((ctx.load(lwb.cpumask) & mine) != 0) return lwb.kva.index();
        switch (variant) {
            case SLOW_NO_INVLPG -> ctx.fetchOr(lwb.cpumask, mine);
            case KVA_OR_FIRST -> { ctx.fetchOr(lwb.cpumask, mine); ctx.invlpg(lwb.kva); }
            default -> { ctx.invlpg(lwb.kva); ctx.fetchOr(lwb.cpumask, mine); }
        }
        return lwb.kva.index();
    }

    /**
     * lwbuf_set_global(lwb) (L1 148-155): make the KVA valid on every CPU. pmap_kenter_sync (L9:
     * pmap_inval_interlock/deinterlock) runs in a critical section: pinned, a local invlpg, an IPI to
     * the other CPUs, and a wait until each has handled it; only then cpumask = ALL.
     */
    public void setGlobal(Ctx ctx, Lwbuf lwb) {
        long all = allCpus();
        if (ctx.load(lwb.cpumask) == all) return;
        ctx.pin();
        if (variant == Variant.SET_GLOBAL_NO_WAIT) {
            long others = all & ~(1L << ctx.cpu());
            ctx.invlpg(lwb.kva);
            if (others != 0) ctx.ipiSend(others, lwb.kva);
            ctx.store(lwb.cpumask, all);                // reordered: published before the acknowledgements
            if (others != 0) ctx.ipiWait(others, lwb.kva);
            ctx.unpin();
        } else {
            ctx.invlpgCpus(all, lwb.kva);
            ctx.unpin();
            ctx.store(lwb.cpumask, all);
        }
    }

    /**
     * lwbuf_free(lwb): forget the page, reset the mask (not in OR_BUG_2009), return the object.
     * The PTE is left as it is. One step by the same reduction as alloc (the spec's Free).
     */
    public void free(Ctx ctx, Lwbuf lwb) {
        ctx.atomic(() -> {
            // L1 @c07315c4 / L2 @1f3936d6 KKASSERT: a double free panics (spec LwbufMisuse.tla's Panic)
            Panic.kassert(ctx.load(lwb.m) != 0, "NoAssertionFailure", "KASSERT(lwb->m != NULL)");
            ctx.store(lwb.m, 0);
            if (variant != Variant.OR_BUG_2009) ctx.store(lwb.cpumask, 0);
            cache.put(ctx, lwb.id);
            ctx.fetchAdd(lwbufCount, -1);
        });
    }

    /** lwbuf_page(lwb). */
    public int page(Ctx ctx, Lwbuf lwb) { return (int) ctx.load(lwb.m); }
}
