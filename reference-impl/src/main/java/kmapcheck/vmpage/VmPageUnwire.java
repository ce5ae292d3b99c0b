package kmapcheck.vmpage;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Panic;
import kmapcheck.machine.Sort;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

import java.util.List;

/**
 * The unwire side of FreeBSD's vm_page at 0012f373e43d, sys/vm/vm_page.c read at that commit
 * (spec/vmpage/VmPageUnwire.tla; paraphrased, not copied): vm_page_unwire's managed CAS loop with
 * the page lock and vm_page_mvqueue, its unmanaged branch (vm_page_unwire_noq, then an unlocked
 * {@code ref_count == 0} test), vm_wire_count, the page daemon's dequeue of wired pages,
 * vm_object_terminate_pages' drop of the object reference, and vm_page_busy_downgrade /
 * vm_page_busy_tryupgrade with busy sleepers. One page in one object.
 *
 * <p>Words: {@code ref_count} ({@link VmPage#VPRC_OBJREF} | wires), {@code busy_lock} (the VPB bits of
 * {@link VmPage}), {@code m->object} (guarded by the object lock), {@code m->queue} (guarded by the page
 * lock: 0 = PQ_NONE, 1 = PQ_INACTIVE), {@code vm_wire_count}, the freed flag; the object lock, the page
 * lock and the sleepqueue chain lock are machine {@link Lock}s. Ghost words as in {@link VmPage}.
 * Every spec step is one explorer transition: lock acquires fold into the next step, guarded words
 * are movers, unlocks fold into the preceding step; {@code ctx.atomic} only where the spec folds
 * assertion-only loads or ghost updates.
 */
public final class VmPageUnwire {

    public enum Variant {
        FIXED("Fixed"),
        /** vm_page_unwire releases the page lock after vm_page_mvqueue and before the CAS. */
        UNWIRE_UNLOCK_BEFORE_CAS("UnwireUnlockBeforeCas"),
        /** the unmanaged branch frees iff vm_page_drop's old value was 1 (the fix). */
        UNWIRE_NOQ_OLD_IS_LAST("UnwireNoqOldIsLast"),
        /** vm_page_busy_downgrade without wakeup(m). */
        DOWNGRADE_NO_WAKEUP("DowngradeNoWakeup"),
        /** vm_page_busy_tryupgrade drops the WAITERS bit. */
        UPGRADE_DROPS_WAITERS("UpgradeDropsWaiters");

        public final String specName;

        Variant(String s) { specName = s; }
    }

    static final long U32 = VmPage.U32, OBJREF = VmPage.VPRC_OBJREF;
    static final long UNBUSIED = VmPage.VPB_UNBUSIED, SINGLE_EXCL = VmPage.VPB_SINGLE_EXCLUSIVER;
    static final long SHARED = VmPage.VPB_BIT_SHARED, EXCL = VmPage.VPB_BIT_EXCLUSIVE, WAITERS = VmPage.VPB_BIT_WAITERS;
    static final long ONE_SHARER = VmPage.VPB_ONE_SHARER, SHARERS_WORD_1 = ONE_SHARER | SHARED;
    public static final long PQ_NONE = 0, PQ_INACTIVE = 1;

    /** KASSERT / panic messages, exactly the spec's strings; bit i of the ghost word for message i. */
    public static final List<String> KASSERTS = List.of(
            "free_prep: shared busy page",                  // 0
            "free_prep: page has references",               // 1
            "vm_page_unwire: wire count underflow",         // 2
            "vm_page_unwire_noq: counter underflow",        // 3
            "terminate_pages: page busied",                 // 4
            "vm_page_assert_xbusied",                       // 5
            "vm_page_assert_sbusied",                       // 6
            "vm_page_busy_tryupgrade: invalid lock state"); // 7

    private final Variant variant;
    private final boolean managed, strict;
    public final Word refCount, busyLock, object, queue, pstate, wireCount;
    public final Lock objectLock, pageLock, sq;
    public final WaitQueue sqWait;
    private final Word[] localStepWord;
    public final Word[] wiredBy;
    public final Word xowners, sowners, kassert, frees;

    /**
     * Requires 1..8 threads (checked by VmPageUnwireMechanism).
     *
     * @param holders bit t: thread t holds one wiring at the start (the spec's Holders)
     * @param strict  a failed KASSERT throws {@link Panic} instead of being recorded
     */
    public VmPageUnwire(Layout layout, Variant variant, boolean managed, int threads, long holders, boolean strict) {
        this.variant = variant;
        this.managed = managed;
        this.strict = strict;
        int nh = Long.bitCount(holders);
        refCount = layout.word("m.ref_count", OBJREF | nh);
        busyLock = layout.word("m.busy_lock", UNBUSIED);
        objectLock = layout.lock("object.lock");
        object = layout.guarded("m.object", 1, objectLock);
        pageLock = layout.lock("vm_page_lock(m)");
        queue = layout.guarded("m.queue", managed && nh == 0 ? PQ_INACTIVE : PQ_NONE, pageLock);
        pstate = layout.word("m.freed(vm_phys)", 0);
        wireCount = layout.word("vm_wire_count", nh > 0 ? 1 : 0);
        sq = layout.lock("sleepq_chain(m)");
        sqWait = layout.waitQueue("wchan(m)", sq);
        localStepWord = new Word[threads];
        wiredBy = new Word[threads];
        for (int t = 0; t < threads; t++) {
            layout.beginOwner(Sort.THREADS, t);         // renaming thread t moves its words
            localStepWord[t] = layout.word("td" + t + ".local", 0);
            wiredBy[t] = layout.word("ghost.wiredBy[" + t + "]", (holders & (1L << t)) != 0 ? 1 : 0);
            layout.endOwner();
        }
        xowners = layout.word("ghost.xowners", 0, Sort.mask(Sort.THREADS));     // bit t: thread t (me)
        sowners = layout.word("ghost.sowners", 0, Sort.mask(Sort.THREADS));
        kassert = layout.word("ghost.kassert", 0);
        frees = layout.word("ghost.frees", 0);
    }

    public Variant variant() { return variant; }
    public boolean managed() { return managed; }

    public static long wires(long rc) { return rc & VmPage.VPRC_WIRE_MASK; }
    public static long sharers(long b) { return b >>> VmPage.VPB_SHARERS_SHIFT; }
    static boolean sbusied(long b) { return (b & SHARED) != 0 && b != UNBUSIED; }

    private void at(Ctx c, String pc) { VmProbe.at(c, pc); }
    private void old(Ctx c, long v) { VmProbe.local(c, VmProbe.OLD, v); }
    private void bx(Ctx c, long v) { VmProbe.local(c, VmProbe.BX, v); }
    private long me(Ctx c) { return 1L << c.thread(); }

    /** A spec step without a shared access: a load of the thread's private word. */
    private void localStep(Ctx c) { c.load(localStepWord[c.thread()]); }

    private void ka(Ctx c, boolean fire, int msg) {
        if (!fire) return;
        if (strict) throw new Panic("NoAssertionFailure", KASSERTS.get(msg));
        c.fetchOr(kassert, 1L << msg);
    }

    // ---- vm_page_free -> vm_page_free_toq -> vm_page_free_prep (spec FpFree) -----------------------

    private void free(Ctx c, String P, boolean unlockObject) {
        at(c, P + "_free");
        // the sbusied and ref_count loads are assertion-only: they fold into the free
        c.atomic(() -> {
            ka(c, sbusied(c.load(busyLock)), 0);
            ka(c, (c.load(refCount) & U32) != 0, 1);
            c.store(pstate, 1);
            c.fetchAdd(frees, 1);
        });
        if (unlockObject) c.unlock(objectLock);                                // VM_OBJECT_WUNLOCK (left mover)
    }

    /**
     * The buggy client StrayFreer (spec FpFree from StrayFrom): vm_page_free of a page that left its object,
     * by a thread that holds no reference on it.
     */
    public void strayFree(Ctx c) { free(c, "sf", false); }

    // ---- vm_page_unwire(m, PQ_INACTIVE) ----------------------------------------------------------------

    /** Drops the calling thread's wiring (spec UwLd, UwCas, UwMvqUnlock, UwSub / UnqDrop, UnqSub, UnqTest). */
    public void unwire(Ctx c) {
        if (!managed) { unwireUnmanaged(c); return; }
        long first = c.load(refCount) & U32;                                   // UwLd
        // carry: old | mode << 32; mode 0: not locked ("uw_cas"), 1: locked, page lock held
        // ("uw_casl"), 2: locked, page lock already released (UnwireUnlockBeforeCas, "uw_casu")
        long o = c.loop(first, carry -> {
            long ov = carry & U32;
            int mode = (int) (carry >>> 32);
            old(c, ov);
            at(c, mode == 0 ? "uw_cas" : mode == 1 ? "uw_casl" : "uw_casu");
            boolean lockNow = mode == 0 && wires(ov) == 1;
            if (lockNow && variant == Variant.UNWIRE_UNLOCK_BEFORE_CAS) {
                // UwMvqUnlock: vm_page_lock; vm_page_mvqueue; vm_page_unlock, before the CAS
                c.lock(pageLock);
                c.store(queue, PQ_INACTIVE);
                c.unlock(pageLock);
                return Ctx.Loop.again(ov | 2L << 32);
            }
            if (lockNow) {
                c.lock(pageLock);                                             // vm_page_lock (right mover)
                c.store(queue, PQ_INACTIVE);                                  // vm_page_mvqueue (guarded)
            }
            long[] cur = {-1};
            // fcmpset_rel(&ref_count, &old, old - 1); the KASSERT folds in
            c.atomic(() -> {
                ka(c, wires(ov) == 0, 2);
                if (c.cas(refCount, ov, (ov - 1) & U32)) c.fetchAdd(wiredBy[c.thread()], -1);
                else cur[0] = c.load(refCount) & U32;
            });
            if (cur[0] >= 0) return Ctx.Loop.again(cur[0] | (long) (lockNow ? 1 : mode) << 32);
            if (lockNow || mode == 1) c.unlock(pageLock);                     // after the CAS (left mover)
            return Ctx.Loop.done(ov);
        });
        if (wires(o) != 1) return;
        at(c, "uw_sub");
        c.fetchAdd(wireCount, -1);                                             // vm_wire_sub(1)
        if (o == 1) free(c, "uw", false);                                      // the last reference
    }

    /** if (vm_page_unwire_noq(m) && m->ref_count == 0) vm_page_free(m) (UnwireNoqOldIsLast: old == 1). */
    private void unwireUnmanaged(Ctx c) {
        long[] o = {0};
        // UnqDrop: vm_page_drop(m, 1) (fetchadd) with its KASSERT
        c.atomic(() -> {
            o[0] = c.fetchAdd(refCount, -1) & U32;
            c.fetchAdd(wiredBy[c.thread()], -1);
            ka(c, wires(o[0]) == 0, 3);
        });
        if (wires(o[0]) > 1) return;
        old(c, o[0]);
        at(c, "unq_sub");
        c.fetchAdd(wireCount, -1);                                             // vm_wire_sub(1)
        if (variant == Variant.UNWIRE_NOQ_OLD_IS_LAST) {
            if (o[0] == 1) free(c, "uw", false);
            return;
        }
        at(c, "unq_test");
        if ((c.load(refCount) & U32) == 0) free(c, "uw", false);               // the unlocked test
    }

    // ---- Faulter: VM_OBJECT_WLOCK; vm_page_lookup; vm_page_wire; VM_OBJECT_WUNLOCK; vm_wire_add ---------

    /** Returns 1 if the page was wired (the thread then holds a wiring), 0 if it had left the object. */
    public long fault(Ctx c) {
        c.lock(objectLock);                                                    // right mover
        if (c.load(object) == 0) { c.unlock(objectLock); return 0; }           // lookup (guarded)
        long[] ov = {0};
        c.atomic(() -> {                                                       // vm_page_wire: fetchadd (+ ghost)
            ov[0] = c.fetchAdd(refCount, 1) & U32;
            c.fetchAdd(wiredBy[c.thread()], 1);
        });
        long o = ov[0];
        c.unlock(objectLock);
        if (wires(o) == 0) {
            old(c, o);
            at(c, "fa_add");
            c.fetchAdd(wireCount, 1);                                          // vm_wire_add(1)
        }
        return 1;
    }

    // ---- page daemon: finds the page queued, dequeues it if wired (page lock held) ------------------

    public void pageoutScan(Ctx c) {
        c.lock(pageLock);
        if (c.load(queue) != PQ_NONE && wires(c.load(refCount)) > 0) c.store(queue, PQ_NONE);
        c.unlock(pageLock);
    }

    // ---- vm_object_terminate_pages: p->object = NULL; drop(OBJREF) == OBJREF -> free ---------------------

    /** Returns 1 (the object is dead), 0 if the page had already left it. */
    public long terminate(Ctx c) {
        c.lock(objectLock);
        if (c.load(object) == 0) { c.unlock(objectLock); return 1; }
        c.store(object, 0);
        long[] o = {0};
        // vm_page_drop(p, OBJREF) (fetchadd); vm_page_assert_unbusied's load folds in
        c.atomic(() -> {
            o[0] = c.fetchAdd(refCount, -OBJREF) & U32;
            ka(c, c.load(busyLock) != UNBUSIED, 4);
        });
        if (o[0] == OBJREF) free(c, "tm", true);
        else c.unlock(objectLock);
        return 1;
    }

    // ---- busy lock ------------------------------------------------------------------------------------

    /**
     * vm_page_xunbusy (spec XuCas, XuStore, Wake; prefix P). Public, as are sunbusy,
     * downgradeThenSunbusy and tryupgradeThenUnbusy: the buggy client StrayBusier (spec StrayFrom)
     * calls them without the busy lock they require (prefixes "sx", "ss").
     */
    public void xunbusy(Ctx c, String P) {
        at(c, P + "_xu");
        boolean[] ok = {false};
        c.atomic(() -> {
            ok[0] = c.cas(busyLock, SINGLE_EXCL, UNBUSIED);
            if (ok[0]) c.fetchAndNot(xowners, me(c));
        });
        if (ok[0]) return;
        at(c, P + "_xus");
        c.atomic(() -> {                                                       // vm_page_xunbusy_hard
            ka(c, (c.load(busyLock) & EXCL) == 0, 5);
            c.store(busyLock, UNBUSIED);
            c.fetchAndNot(xowners, me(c));
        });
        at(c, P + "_xuw");
        wakeupAll(c);
    }

    /** wakeup(m): sleepq_lock; wake every sleeper; sleepq_release (one step). */
    private void wakeupAll(Ctx c) {
        c.lock(sq);
        c.wakeupAll(sqWait);
        c.unlock(sq);
    }

    /** vm_page_sunbusy (spec SuLd, SuCas, Wake; prefix P). */
    public void sunbusy(Ctx c, String P) {
        at(c, P + "_su");
        long x0 = c.load(busyLock);                                           // SuLd
        long wake = c.loop(x0, x -> {
            bx(c, x);
            at(c, P + "_sucas");
            long[] cur = {-1};
            boolean last = sharers(x) <= 1;
            c.atomic(() -> {
                ka(c, !((x & SHARED) != 0 && sharers(x) > 0), 6);
                if (c.cas(busyLock, x, last ? UNBUSIED : x - ONE_SHARER)) c.fetchAndNot(sowners, me(c));
                else cur[0] = c.load(busyLock);
            });
            if (cur[0] >= 0) return Ctx.Loop.again(cur[0]);
            return Ctx.Loop.done(last && (x & WAITERS) != 0 ? 1 : 0);
        });
        if (wake == 1) {
            at(c, P + "_suw");
            wakeupAll(c);
        }
    }

    /** _vm_page_busy_sleep without the object (spec BsSq, BsChk, BsWait; prefix P); the caller retries at {@code ret}. */
    private void busySleep(Ctx c, String P, boolean nonshared, String ret) {
        at(c, P + "_sq");
        c.lock(sq);                                                            // BsSq: sleepq_lock(m);
        long x = c.load(busyLock);                                             // x = m->busy_lock
        bx(c, x);
        at(c, P + "_chk");
        if (x == UNBUSIED || (nonshared && (x & SHARED) != 0)) {               // BsChk: return
            localStep(c);
            c.unlock(sq);
            bx(c, UNBUSIED);
            at(c, ret);
            return;
        }
        if ((x & WAITERS) == 0) {
            boolean ok = c.cas(busyLock, x, x | WAITERS);                      // BsChk: cmpset
            if (!ok) {
                c.unlock(sq);
                bx(c, UNBUSIED);
                at(c, ret);
                return;
            }
        } else localStep(c);        // WAITERS already set: BsChk is the sleep entry alone (else it would fold into BsSq)
        bx(c, UNBUSIED);                                                       // sleepq_add; sleepq_wait (left mover)
        at(c, ret);
        c.sleep(sqWait, false);
        c.unlock(sq);                                                          // woken: a stutter
    }

    /**
     * vm_page_tryxbusy, sleeping and retrying while busy (spec BxTry and the sleep; prefix P = "x" or
     * "xd"). Returns with the page exclusive busied.
     */
    private void xbusy(Ctx c, String P) {
        c.loop(0, again -> {
            if (again != 0) at(c, P + "_try");
            boolean[] ok = {false};
            c.atomic(() -> {
                ok[0] = c.cas(busyLock, UNBUSIED, SINGLE_EXCL);
                if (ok[0]) c.fetchOr(xowners, me(c));
            });
            if (ok[0]) return Ctx.Loop.done(0);
            busySleep(c, P + "_bs", false, P + "_try");
            return Ctx.Loop.again(1);
        });
    }

    /** Busier "x": xbusy, then vm_page_xunbusy. */
    public void busyX(Ctx c) {
        xbusy(c, "x");
        xunbusy(c, "x");
    }

    /** Busier "xd": xbusy, vm_page_busy_downgrade, vm_page_sunbusy. */
    public void busyDowngrade(Ctx c) {
        xbusy(c, "xd");
        at(c, "xd_dg");
        downgradeThenSunbusy(c);
    }

    /** vm_page_busy_downgrade (spec DgLd, DgCas, Wake), then vm_page_sunbusy. */
    public void downgradeThenSunbusy(Ctx c) {
        long[] x0 = {0};
        c.atomic(() -> {                                                       // DgLd (the assert folds in)
            x0[0] = c.load(busyLock);
            ka(c, (x0[0] & EXCL) == 0, 5);
        });
        long x = c.loop(x0[0], xv -> {
            bx(c, xv);
            at(c, "xd_dgcas");
            long[] cur = {-1};
            // fcmpset_rel(&busy_lock, &x, VPB_SHARERS_WORD(1))
            c.atomic(() -> {
                if (c.cas(busyLock, xv, SHARERS_WORD_1)) { c.fetchAndNot(xowners, me(c)); c.fetchOr(sowners, me(c)); }
                else cur[0] = c.load(busyLock);
            });
            return cur[0] >= 0 ? Ctx.Loop.again(cur[0]) : Ctx.Loop.done(xv);
        });
        if ((x & WAITERS) != 0 && variant != Variant.DOWNGRADE_NO_WAKEUP) {
            at(c, "xd_dgw");
            wakeupAll(c);                                                      // wakeup(m)
        }
        sunbusy(c, "xd");
    }

    /** Busier "su": vm_page_trysbusy (sleeping while xbusied), vm_page_busy_tryupgrade, then unbusy. */
    public void busyUpgrade(Ctx c) {
        c.loop(0, again -> {
            if (again != 0) at(c, "su_try");
            long x0 = c.load(busyLock);                                        // BsLd
            long r = c.loop(x0, x -> {
                bx(c, x);
                at(c, "su_cas");
                if ((x & SHARED) == 0) { localStep(c); return Ctx.Loop.done(0); }
                long[] cur = {-1};
                c.atomic(() -> {                                               // fcmpset_acq(x, x + ONE_SHARER)
                    if (c.cas(busyLock, x, x + ONE_SHARER)) c.fetchOr(sowners, me(c));
                    else cur[0] = c.load(busyLock);
                });
                return cur[0] >= 0 ? Ctx.Loop.again(cur[0]) : Ctx.Loop.done(1);
            });
            if (r == 1) return Ctx.Loop.done(0);
            busySleep(c, "su_bs", true, "su_try");
            return Ctx.Loop.again(1);
        });
        at(c, "su_up");
        tryupgradeThenUnbusy(c);
    }

    /** vm_page_busy_tryupgrade (spec UpLd, UpCas), then vm_page_xunbusy or vm_page_sunbusy. */
    public void tryupgradeThenUnbusy(Ctx c) {
        long[] x0 = {0};
        c.atomic(() -> {                                                       // UpLd (the assert folds in)
            x0[0] = c.load(busyLock);
            ka(c, !sbusied(x0[0]), 6);
        });
        long up = c.loop(x0[0], x -> {
            bx(c, x);
            at(c, "su_upcas");
            if (sharers(x) > 1) { localStep(c); return Ctx.Loop.done(0); }    // another sharer: fail
            long nw = SINGLE_EXCL | (variant == Variant.UPGRADE_DROPS_WAITERS ? 0 : x & WAITERS);
            long[] cur = {-1};
            c.atomic(() -> {                                                   // fcmpset_acq (the KASSERT folds in)
                ka(c, (x & ~WAITERS) != SHARERS_WORD_1, 7);
                if (c.cas(busyLock, x, nw)) { c.fetchAndNot(sowners, me(c)); c.fetchOr(xowners, me(c)); }
                else cur[0] = c.load(busyLock);
            });
            return cur[0] >= 0 ? Ctx.Loop.again(cur[0]) : Ctx.Loop.done(1);
        });
        if (up == 1) xunbusy(c, "su");
        else sunbusy(c, "su");
    }
}
