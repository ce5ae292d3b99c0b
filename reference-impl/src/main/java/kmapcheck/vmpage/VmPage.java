package kmapcheck.vmpage;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Sort;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Panic;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

import java.util.List;

/**
 * FreeBSD vm_page reference counting after r352110 (markj, D20486) and the page busy lock, as read
 * in sys/vm/vm_page.c / vm_page.h @0012f373e43d (kernel-brief §3; spec/vmpage/VmPage.tla), for one
 * page in one VM object mapped by 1–2 pmaps, on the simulated machine. Paraphrased, not copied.
 *
 * <p>State, with the kernel's bit layouts:
 * <ul>
 * <li>{@code m->ref_count}: one word, {@link #VPRC_OBJREF} | {@link #VPRC_BLOCKED} | wire count. The
 *     machine word is 64-bit; the u_int lives in its low 32 bits and every RMW is exact 32-bit modular
 *     arithmetic ({@link #rcAdd}).</li>
 * <li>{@code m->busy_lock}: {@code sharers << 3 | WAITERS 0x4 | EXCLUSIVE 0x2 | SHARED 0x1}.</li>
 * <li>{@code m->object}: 1 = the object, 0 = NULL. Written only under the object write lock (except in
 *     the buggy variants that the spec also lets write it otherwise).</li>
 * <li>The object rwlock is FreeBSD's {@code rw_lock} word: bits 0..7 hold the writer's thread id + 1,
 *     bit 8 + t is set while thread t holds a read lock. Acquire = one compare-and-swap (the fast path
 *     of rw_wlock / rw_rlock / rw_try_wlock); a contended acquire retries instead of blocking on a
 *     turnstile (under the explorer a failed retry is a stutter). Release = one atomic on the word.
 *     On real threads this is {@code AtomicLongArray} CAS (RealMachine).</li>
 * <li>Per pmap: a machine {@link Lock} (PMAP_LOCK) and its PTE for the page's VA, a hardware-visible
 *     word ({@link Layout#hwWord}): {@link #PTE_V} | {@link #PTE_RW} | {@link #PTE_M} (PG_V, PG_RW, PG_M;
 *     PG_A is not modelled). Per CPU and pmap a TLB word ({@link #TLB_R}: a cached translation,
 *     {@link #TLB_W}: cached dirty), and one IPI word (bit {@code 8 * cpu + pmap}: an invalidation IPI
 *     not yet acknowledged). The MMU's events ({@link #hwFill}, {@link #hwWrite}, {@link #hwAck}) take no
 *     lock. The kernel threads run on CPU {@link #KCPU}. The page's pv list (which pmaps map it, and
 *     which writably: bit p and bit 8 + p) is a word guarded by the pv-list lock; a PTE change takes the
 *     pv-list lock and then the pmap lock (one lock order everywhere).</li>
 * <li>The sleepqueue chain lock for wchan m is a machine Lock; sleepers wait on its WaitQueue
 *     (java.util.concurrent Condition on real threads).</li>
 * <li>Ghost state (no kernel effect, the spec's ghost variables): wirings per thread, busy owners,
 *     fired KASSERTs (execution continues as on a kernel without INVARIANTS unless {@code strict}, then
 *     {@link Panic}), VP3a wirings under BLOCKED, underflow flag, frees. Ghost updates are folded into
 *     the kernel step they annotate.</li>
 * </ul>
 *
 * <p>Granularity: every step of spec/vmpage/VmPage.tla is exactly one explorer transition. Where a spec
 * step consists of several machine primitives the code runs them in {@code ctx.atomic}, each with its
 * reason from the spec's atomicity rules (README §1.3): a lock release is a left mover and folds into the
 * preceding step; reads of words protected by a held lock (m->object under the object lock) are movers;
 * fcmpset is one instruction (a failed CAS re-reads in the same step); assertion-only loads and ghost
 * updates fold. A spec step that touches no shared word (a purely local test) still is a step in the
 * spec: the code marks it with {@link #localStep} (a load of a private word) so the explorer has a
 * scheduling point there.
 */
public final class VmPage {

    /** The spec's variants (constant Variant): each is a one-line change of the code below. */
    public enum Variant {
        FIXED("Fixed"),
        /** bug 1: vm_page_wire_mapped without the BLOCKED test. */
        WIRE_MAPPED_IGNORES_BLOCKED("WireMappedIgnoresBlocked"),
        /** bug 2: try_blocked_op checks the wire count, then atomic_set_int(BLOCKED). */
        CHECK_THEN_SET_BLOCKED("CheckThenSetBlocked"),
        /** bug 3: vm_page_unwire frees when WIRE_COUNT(old) == 1. */
        UNWIRE_FREES_ON_WIRE_COUNT_ONE("UnwireFreesOnWireCountOne"),
        /** bug 4: terminate drops OBJREF with a plain load and store. */
        TERMINATE_PLAIN_STORE("TerminatePlainStore"),
        /** bug 5: busy_sleep reads without the sleepqueue lock and stores x|WAITERS plainly. */
        BUSY_SLEEP_PLAIN_STORE("BusySleepPlainStore"),
        /** bug 6: vm_object_page_remove under the object read lock. */
        REMOVER_READ_LOCK("RemoverReadLock"),
        /** extra: vm_fault's xunbusy after pmap_enter without re-taking the object lock. */
        MAPPER_UNBUSIES_UNLOCKED("MapperUnbusiesUnlocked"),
        /** extra: release_locked tryxbusies and re-checks vm_page_wired before freeing. */
        RELEASE_RECHECK("ReleaseRecheck"),
        /** pmap_remove_write: a plain load and a plain store of the PTE instead of cmpset. */
        REMOVE_WRITE_PLAIN_STORE("RemoveWritePlainStore"),
        /** pmap_remove_all: pmap_invalidate_page before pte_load_clear. */
        REMOVE_ALL_INVALIDATE_FIRST("RemoveAllInvalidateFirst"),
        /** pmap_remove_all / pmap_remove_write without pmap_delayed_invl_wait. */
        NO_DELAYED_INVL_WAIT("NoDelayedInvlWait");

        public final String specName;

        Variant(String s) { specName = s; }
    }

    // ---- vm_page.h constants --------------------------------------------------------------------
    public static final long VPRC_OBJREF = 0x80000000L;
    public static final long VPRC_BLOCKED = 0x40000000L;
    public static final long VPRC_WIRE_MASK = 0x3FFFFFFFL;
    public static final long U32 = 0xFFFFFFFFL;
    public static final long VPB_BIT_SHARED = 0x1, VPB_BIT_EXCLUSIVE = 0x2, VPB_BIT_WAITERS = 0x4;
    public static final int VPB_SHARERS_SHIFT = 3;
    public static final long VPB_ONE_SHARER = 1L << VPB_SHARERS_SHIFT;
    public static final long VPB_UNBUSIED = VPB_BIT_SHARED;
    public static final long VPB_SINGLE_EXCLUSIVER = VPB_BIT_EXCLUSIVE;
    public static final long PTE_V = 1, PTE_RW = 2, PTE_M = 4;
    /** TLB word: no translation, a cached translation, a cached translation with the dirty flag. */
    public static final long TLB_R = 1, TLB_W = 2;
    /** The CPU every kernel thread runs on (the spec's KCpu). */
    public static final int KCPU = 0;

    /** KASSERT / panic messages, exactly the spec's strings; the ghost word has bit i for message i. */
    public static final List<String> KASSERTS = List.of(
            "vm_page_assert_xbusied",                       // 0
            "vm_page_assert_sbusied",                       // 1
            "try_blocked_op: no references",                // 2
            "vm_page_drop: invalid refcount",               // 3
            "try_blocked_op: unexpected refcount",          // 4
            "free_prep: shared busy page",                  // 5
            "free_prep: freeing mapped page",               // 6
            "vm_page_object_remove: object not wlocked",    // 7
            "free_prep: unexpected ref_count",              // 8
            "free_prep: page has references",               // 9
            "wire_mapped: wiring unreferenced page",        // 10
            "vm_page_unwire: wire count underflow",         // 11
            "vm_page_unwire_noq: counter underflow",        // 12
            "terminate_pages: page busied",                 // 13
            "pmap_enter: page not xbusied");                // 14

    private final Variant variant;
    private final boolean strict;
    private final int npmaps, ncpus;
    private final boolean lockAtomic;

    public final Word refCount, busyLock, object, olock, pstate, pv, mdirty, di;
    public final Lock sq, pvLock;
    public final WaitQueue sqWait;
    public final Lock[] pmapLock;
    /** Hardware-visible: PTE per pmap, TLB per CPU and pmap, pending invalidation IPIs. */
    public final Word[] pte;
    public final Word[][] tlb;
    public final Word ipi;
    private final Word[] localStepWord;
    // ghost
    public final Word[] wiredBy;
    public final Word xowners, sowners, kassert, vp3a, uflow, frees, wrote;

    /** One CPU, the fine view (tests on real threads). */
    public VmPage(Layout layout, Variant variant, int threads, int pmaps, int initMapped, boolean strict) {
        this(layout, variant, threads, pmaps, initMapped, strict, layout.cpus(), false);
    }

    /**
     * Requires 1..4 pmaps, 1..8 threads, 1..4 cpus, at most the layout's (checked by VmPageMechanism).
     *
     * @param initMapped bit p: pmap p maps the page (writable) initially
     * @param strict     a failed KASSERT throws {@link Panic} (real threads) instead of being recorded
     * @param cpus       CPUs whose TLBs may cache the user mappings (CPU {@link #KCPU} runs the kernel threads)
     * @param lockAtomic the coarse view: a pmap critical section invalidates every CPU's TLB at once
     */
    public VmPage(Layout layout, Variant variant, int threads, int pmaps, int initMapped, boolean strict, int cpus,
                  boolean lockAtomic) {
        this.variant = variant;
        this.strict = strict;
        this.npmaps = pmaps;
        this.ncpus = cpus;
        this.lockAtomic = lockAtomic;
        refCount = layout.word("m.ref_count", VPRC_OBJREF);          // allocated, inserted: OBJREF
        busyLock = layout.word("m.busy_lock", VPB_UNBUSIED);
        object = layout.word("m.object", 1);
        // writer (thread + 1) in the low byte, a reader bit per thread from bit 8 (wbits, rbit)
        olock = layout.word("object.rw_lock", 0, Sort.packed(new Sort.Field(0, 8, Sort.elem(Sort.THREADS, 1)),
                new Sort.Field(8, 8, Sort.mask(Sort.THREADS))));
        pstate = layout.word("m.freed(vm_phys)", 0);
        sq = layout.lock("sleepq_chain(m)");
        sqWait = layout.waitQueue("wchan(m)", sq);
        pvLock = layout.lock("pv_list_lock(m)");
        pv = layout.guarded("m.md.pv_list", initMapped | ((long) initMapped << 8), pvLock);
        pmapLock = new Lock[pmaps];
        pte = new Word[pmaps];
        for (int p = 0; p < pmaps; p++) {
            pmapLock[p] = layout.lock("pmap" + (p + 1) + ".lock");
            pte[p] = layout.hwWord("pmap" + (p + 1) + ".pte(va)", (initMapped & (1 << p)) != 0 ? PTE_V | PTE_RW : 0);
        }
        tlb = new Word[cpus][pmaps];
        for (int c = 0; c < cpus; c++)
            for (int p = 0; p < pmaps; p++) tlb[c][p] = layout.hwWord("tlb" + c + "(pmap" + (p + 1) + ".va)", 0);
        ipi = layout.hwWord("ipi(pending invlpg)", 0);
        mdirty = layout.word("m.dirty", 0);
        di = layout.word("pmap_delayed_invl(m)", 0);
        localStepWord = new Word[threads];
        wiredBy = new Word[threads];
        for (int t = 0; t < threads; t++) {
            layout.beginOwner(Sort.THREADS, t);         // renaming thread t moves its words
            localStepWord[t] = layout.word("td" + t + ".local", 0);
            wiredBy[t] = layout.word("ghost.wiredBy[" + t + "]", 0);
            layout.endOwner();
        }
        xowners = layout.word("ghost.xowners", 0, Sort.mask(Sort.THREADS));     // bit t: thread t (me)
        sowners = layout.word("ghost.sowners", 0, Sort.mask(Sort.THREADS));
        kassert = layout.word("ghost.kassert", 0);
        vp3a = layout.word("ghost.vp3a", 0);
        uflow = layout.word("ghost.uflow", 0);
        frees = layout.word("ghost.frees", 0);
        wrote = layout.word("ghost.wrote", 0);
    }

    public Variant variant() { return variant; }
    public int pmaps() { return npmaps; }
    public int cpus() { return ncpus; }

    // ---- small helpers ---------------------------------------------------------------------------
    public static long wires(long rc) { return rc & VPRC_WIRE_MASK; }
    public static boolean blocked(long rc) { return (rc & VPRC_BLOCKED) != 0; }
    public static boolean objref(long rc) { return (rc & VPRC_OBJREF) != 0; }
    public static boolean busied(long b) { return b != VPB_UNBUSIED; }
    public static boolean sbusied(long b) { return (b & VPB_BIT_SHARED) != 0 && b != VPB_UNBUSIED; }
    public static long sharers(long b) { return b >>> VPB_SHARERS_SHIFT; }

    /** The subtraction takes away something that is not there (spec SubUnder). */
    static boolean subUnder(long r, long bits, long w) {
        return ((bits & VPRC_OBJREF) != 0 && !objref(r)) || ((bits & VPRC_BLOCKED) != 0 && !blocked(r)) || w > wires(r);
    }

    private void at(Ctx c, String pc) { VmProbe.at(c, pc); }
    private void old(Ctx c, long v) { VmProbe.local(c, VmProbe.OLD, v); }
    private void bx(Ctx c, long v) { VmProbe.local(c, VmProbe.BX, v); }
    private void pm(Ctx c, long p) { VmProbe.local(c, VmProbe.PM, p); }
    private void opte(Ctx c, long v) { VmProbe.local(c, VmProbe.OPTE, v); }

    /** A spec step without a shared access: a load of the thread's private word (no effect). */
    private void localStep(Ctx c) { c.load(localStepWord[c.thread()]); }

    /** KASSERT(!fire, msg) (call inside the step's atomic block). */
    private void ka(Ctx c, boolean fire, int msg) {
        if (!fire) return;
        if (strict) throw new Panic("NoAssertionFailure", KASSERTS.get(msg));
        c.fetchOr(kassert, 1L << msg);
    }

    /** atomic_add_int(&m->ref_count, delta) as exact u_int arithmetic; returns the old value. */
    private long rcAdd(Ctx c, long delta) {
        long o = c.fetchAdd(refCount, delta);
        long n = o + delta;
        if (n < 0) c.fetchAdd(refCount, 1L << 32);            // keep the u_int in the low 32 bits
        else if (n > U32) c.fetchAdd(refCount, -(1L << 32));
        return o & U32;
    }

    private void ghostWire(Ctx c, long d) { c.fetchAdd(wiredBy[c.thread()], d); }
    private void ghostFlow(Ctx c, boolean under) { if (under) c.fetchOr(uflow, 1); }
    private long me(Ctx c) { return 1L << c.thread(); }

    // ---- object rwlock (rw_lock word) ------------------------------------------------------------
    private long wbits(Ctx c) { return c.thread() + 1; }
    private long rbit(Ctx c) { return 1L << (8 + c.thread()); }

    /** VM_OBJECT_TRYWLOCK: one cmpset of the lock word. */
    private boolean tryWlock(Ctx c) { return c.cas(olock, 0, wbits(c)); }

    /** VM_OBJECT_TRYRLOCK: fcmpset(v, v + one reader) while no writer (one instruction). */
    private boolean tryRlock(Ctx c) {
        boolean[] ok = {false};
        c.atomic(() -> {
            long v = c.load(olock);
            if ((v & 0xFF) == 0) ok[0] = c.cas(olock, v, v | rbit(c));
        });
        return ok[0];
    }

    /** VM_OBJECT_WLOCK / RLOCK: retry the acquire until it succeeds (turnstile wait not modelled). */
    private void lockObj(Ctx c, boolean write) {
        c.loop(0, x -> (write ? tryWlock(c) : tryRlock(c)) ? Ctx.Loop.done(0) : Ctx.Loop.again(0));
    }

    /** VM_OBJECT_WUNLOCK / RUNLOCK / DROP: release whatever this thread holds. */
    private void unlockObj(Ctx c) { c.fetchAndNot(olock, wbits(c) | rbit(c)); }

    private boolean holdsW(Ctx c) { return (c.load(olock) & 0xFF) == wbits(c); }

    // ---- wiring: Faulter, PmapHolder -------------------------------------------------------------

    /**
     * vm_fault / vm_page_grab(VM_ALLOC_WIRED)-like (spec FaStart, FaWire): VM_OBJECT_RLOCK;
     * vm_page_lookup; vm_page_wire (atomic_add +1, VP3a: object locked); VM_OBJECT_RUNLOCK.
     * Returns 1 if the page was wired, 0 if not (-1: the read lock was not available, nothing done).
     */
    public long fault(Ctx c) {
        if (!tryRlock(c)) return -1;                                   // FaStart is not enabled
        at(c, "fa_wire");
        long[] r = {0};
        // FaWire: m->object read under the read lock (mover), fetchadd, RUNLOCK (left mover)
        c.atomic(() -> {
            if (c.load(object) != 0) {
                long o = rcAdd(c, 1);
                ghostWire(c, 1);
                if (blocked(o)) c.fetchAdd(vp3a, 1);
                r[0] = 1;
            }
            unlockObj(c);
        });
        return r[0];
    }

    /**
     * pmap_extract_and_hold(pmap p, va, prot) (amd64 shape) with vm_page_wire_mapped (spec PhStart,
     * PhCas): PMAP_LOCK; the PTE maps m (writable if asked); old = m->ref_count;
     * do { KASSERT(old > 0); if (old & BLOCKED) fail; } while (!fcmpset(&ref_count, &old, old + 1));
     * PMAP_UNLOCK. Returns 1 if wired.
     */
    public long extractAndHold(Ctx c, int p, boolean write) {
        c.lock(pmapLock[p]);
        long[] first = {-1};
        // PhStart: the PTE load and wire_mapped's load of ref_count are one step. The PTE load is
        // hardware-visible but a both-mover here: under the pmap lock only the MMU changes the PTE, and
        // it changes PG_A/PG_M only, never the PG_V/PG_RW bits read here. The KASSERT folds in.
        c.atomic(() -> {
            long e = c.load(pte[p]);
            if ((e & PTE_V) == 0 || (write && (e & PTE_RW) == 0)) {     // no such PTE: not modelled
                c.unlock(pmapLock[p]);
                return;
            }
            pm(c, p);
            first[0] = c.load(refCount) & U32;
            ka(c, first[0] == 0, 10);
        });
        if (first[0] < 0) return 0;
        return c.loop(first[0], o -> {
            old(c, o);
            at(c, "ph_cas");
            if (blocked(o) && variant != Variant.WIRE_MAPPED_IGNORES_BLOCKED) {
                localStep(c);                                            // the BLOCKED test (local)
                c.unlock(pmapLock[p]);
                return Ctx.Loop.done(0);
            }
            long[] cur = {-1};
            // fcmpset: one instruction; on failure it re-reads the word
            c.atomic(() -> {
                if (c.cas(refCount, o, (o + 1) & U32)) ghostWire(c, 1);
                else { cur[0] = c.load(refCount) & U32; ka(c, cur[0] == 0, 10); }
            });
            if (cur[0] >= 0) return Ctx.Loop.again(cur[0]);
            c.unlock(pmapLock[p]);
            return Ctx.Loop.done(1);
        });
    }

    // ---- unwiring ----------------------------------------------------------------------------------

    /** vm_page_unwire(m, queue), managed page (spec UwLd, UwCas, then the free path "uw_fp"). */
    public void unwire(Ctx c) {
        at(c, "uw_ld");
        long o = c.load(refCount) & U32;                                  // UwLd
        unwireLoop(c, o);
    }

    private void unwireLoop(Ctx c, long first) {
        long free = c.loop(first, o -> {
            old(c, o);
            at(c, "uw_cas");
            boolean freeIt = variant == Variant.UNWIRE_FREES_ON_WIRE_COUNT_ONE ? wires(o) == 1 : o == 1;
            long[] cur = {-1};
            // fcmpset_rel(&ref_count, &old, old - 1): one instruction (re-reads on failure)
            c.atomic(() -> {
                ka(c, wires(o) == 0, 11);
                if (c.cas(refCount, o, (o - 1) & U32)) { ghostFlow(c, subUnder(o, 0, 1)); ghostWire(c, -1); }
                else cur[0] = c.load(refCount) & U32;
            });
            if (cur[0] >= 0) return Ctx.Loop.again(cur[0]);
            return Ctx.Loop.done(freeIt ? 1 : 0);
        });
        if (free == 1) freePath(c, "uw_fp", "idle", false);
    }

    /**
     * vm_page_release(m, VPR_TRYFREE) (spec RlObj, RlBusy, RlTry, then release_locked or the plain
     * unwire).
     */
    public void releaseTryfree(Ctx c) {
        long how = c.loop(0, x -> {
            at(c, "rl_obj");
            if (c.load(object) == 0) return Ctx.Loop.done(0);          // RlObj: atomic_load_ptr
            at(c, "rl_busy");
            if (busied(c.load(busyLock))) return Ctx.Loop.done(0);     // RlBusy: vm_page_busied
            at(c, "rl_try");
            long[] r = {0};
            // RlTry: VM_OBJECT_TRYWLOCK + (protected) object == m->object recheck; unlock if not
            c.atomic(() -> {
                if (!tryWlock(c)) { r[0] = 0; return; }
                if (c.load(object) != 0) { r[0] = 1; return; }
                unlockObj(c);
                r[0] = 2;
            });
            return r[0] == 2 ? Ctx.Loop.again(0) : Ctx.Loop.done(r[0]);
        });
        if (how == 0) { unwire(c); return; }
        releaseLocked(c);
    }

    /** vm_page_release_locked(m, VPR_TRYFREE), object write-locked (spec Rlk*). */
    private void releaseLocked(Ctx c) {
        at(c, "rlk_drop");
        long[] o = {0};
        // RlkDrop: unwire_noq -> vm_page_drop(m, 1) (fetchadd); unlock if not the last wiring
        c.atomic(() -> {
            o[0] = rcAdd(c, -1);
            ghostFlow(c, subUnder(o[0], 0, 1));
            ghostWire(c, -1);
            ka(c, wires(o[0]) == 0, 12);
            ka(c, o[0] == VPRC_BLOCKED, 3);
            if (wires(o[0]) > 1) unlockObj(c);
        });
        if (wires(o[0]) > 1) return;
        at(c, "rlk_map");
        // RlkMap: !pmap_page_is_mapped(m) (pv list read under its lock) && m->dirty == 0; unlock if
        // not (the release is a left mover: it folds into the load of m->dirty)
        c.lock(pvLock);
        boolean mapped = (c.load(pv) & 0xFF) != 0;
        boolean[] keep = {mapped};
        c.atomic(() -> {
            if (!keep[0]) keep[0] = c.load(mdirty) != 0;
            if (keep[0]) unlockObj(c);
        });
        c.unlock(pvLock);
        if (keep[0]) return;
        at(c, "rlk_busy");
        if (variant == Variant.RELEASE_RECHECK) {
            boolean[] ok = {false};
            // RlkBusy: vm_page_tryxbusy; unlock if busy
            c.atomic(() -> {
                ok[0] = c.cas(busyLock, VPB_UNBUSIED, VPB_SINGLE_EXCLUSIVER);
                if (ok[0]) c.fetchOr(xowners, me(c)); else unlockObj(c);
            });
            if (!ok[0]) return;
            at(c, "rlk_wired");
            if (wires(c.load(refCount)) == 0) freePath(c, "rl_fp", "idle", true);   // RlkWired
            else xunbusy(c, "rlk", "idle", true);
            return;
        }
        boolean[] busy = {false};
        // RlkBusy: !vm_page_busied(m); unlock if busied
        c.atomic(() -> {
            busy[0] = busied(c.load(busyLock));
            if (busy[0]) unlockObj(c);
        });
        if (!busy[0]) freePath(c, "rl_fp", "idle", true);
    }

    // ---- busy lock ----------------------------------------------------------------------------------

    /**
     * vm_page_xunbusy (spec XuCas, XuStore, XuWake, prefix P): cmpset_rel(SINGLE_EXCLUSIVER,
     * UNBUSIED), else vm_page_xunbusy_hard: store UNBUSIED; wakeup(m). Ends at {@code donePc},
     * releasing the object lock in the final step if {@code rel}. Public: the buggy client
     * StrayXunbusier (spec StrayFirst) calls it without holding the page xbusied (prefix "sx").
     */
    public void xunbusy(Ctx c, String P, String donePc, boolean rel) {
        at(c, P + "_xu");
        boolean[] ok = {false};
        c.atomic(() -> {
            ok[0] = c.cas(busyLock, VPB_SINGLE_EXCLUSIVER, VPB_UNBUSIED);
            if (ok[0]) { c.fetchAndNot(xowners, me(c)); if (rel) unlockObj(c); }
        });
        if (ok[0]) { at(c, donePc); return; }
        at(c, P + "_xus");
        // XuStore: atomic_store_rel(UNBUSIED); the assertion's load folds in
        c.atomic(() -> {
            ka(c, (c.load(busyLock) & VPB_BIT_EXCLUSIVE) == 0, 0);
            c.store(busyLock, VPB_UNBUSIED);
            c.fetchAndNot(xowners, me(c));
        });
        at(c, P + "_xuw");
        wakeupAll(c, rel);
        at(c, donePc);
    }

    /** wakeup(m): sleepq_lock; wake every sleeper on m; sleepq_release (one step). */
    private void wakeupAll(Ctx c, boolean rel) {
        c.lock(sq);
        c.wakeupAll(sqWait);
        if (rel) unlockObj(c);
        c.unlock(sq);
    }

    /**
     * vm_page_sunbusy (spec SuLd, SuCas, SuWake, prefix P); the StraySunbusier calls it unsbusied ("ss").
     * Releases no object lock: the kernel's vm_page_sunbusy (0012f373e4) has no object-lock argument.
     */
    public void sunbusy(Ctx c, String P, String donePc) {
        at(c, P + "_su");
        long x0 = c.load(busyLock);                                       // SuLd
        long wake = c.loop(x0, x -> {
            bx(c, x);
            at(c, P + "_sucas");
            long[] cur = {-1};
            boolean last = sharers(x) <= 1;
            // fcmpset (re-reads on failure); the KASSERT folds in
            c.atomic(() -> {
                ka(c, !((x & VPB_BIT_SHARED) != 0 && sharers(x) > 0), 1);
                long nw = last ? VPB_UNBUSIED : x - VPB_ONE_SHARER;
                if (c.cas(busyLock, x, nw)) {
                    c.fetchAndNot(sowners, me(c));
                } else cur[0] = c.load(busyLock);
            });
            if (cur[0] >= 0) return Ctx.Loop.again(cur[0]);
            return Ctx.Loop.done(last && (x & VPB_BIT_WAITERS) != 0 ? 1 : 0);
        });
        if (wake == 1) {
            at(c, P + "_suw");
            wakeupAll(c, false);
        }
        at(c, donePc);
    }

    /**
     * _vm_page_busy_sleep(obj, m, wmesg, nonshared, locked) with the object lock held (spec BsSq, BsChk,
     * BsWait; bug 5: BsSqBug, BsChkBug, BsWaitBug). Returns with the object lock released, after
     * sleeping or not; the caller re-locks (pc {@code ret}).
     */
    private void busySleep(Ctx c, String P, boolean nonshared, String ret) {
        at(c, P + "_sq");
        if (variant == Variant.BUSY_SLEEP_PLAIN_STORE) {
            long x = c.load(busyLock);                                        // BsSqBug: unlocked load
            bx(c, x);
            at(c, P + "_chk");
            if (x == VPB_UNBUSIED || (nonshared && (x & VPB_BIT_SHARED) != 0)) {
                unlockObj(c);                                                   // BsChkBug: return
                bx(c, VPB_UNBUSIED);
                at(c, ret);
                return;
            }
            c.store(busyLock, x | VPB_BIT_WAITERS);                           // BsChkBug: plain store
            at(c, P + "_wait");
            c.lock(sq);                                                        // BsWaitBug: sleepq_lock,
            unlockObj(c);                                                      // VM_OBJECT_DROP,
            bx(c, VPB_UNBUSIED);
            at(c, ret);
            c.sleep(sqWait, false);                                            // sleepq_add + wait
            c.unlock(sq);
            return;
        }
        c.lock(sq);                                                            // BsSq: sleepq_lock(m);
        long x = c.load(busyLock);                                             // x = m->busy_lock
        bx(c, x);
        at(c, P + "_chk");
        if (x == VPB_UNBUSIED || (nonshared && (x & VPB_BIT_SHARED) != 0)) {   // BsChk: return
            unlockObj(c);
            c.unlock(sq);
            bx(c, VPB_UNBUSIED);
            at(c, ret);
            return;
        }
        if ((x & VPB_BIT_WAITERS) == 0) {
            boolean[] ok = {false};
            // BsChk: cmpset(x, x | WAITERS); on failure VM_OBJECT_DROP (left mover) and return
            c.atomic(() -> {
                ok[0] = c.cas(busyLock, x, x | VPB_BIT_WAITERS);
                if (!ok[0]) unlockObj(c);
            });
            if (!ok[0]) {
                c.unlock(sq);
                bx(c, VPB_UNBUSIED);
                at(c, ret);
                return;
            }
            at(c, P + "_wait");
        }
        // BsWait (or BsChk's WAITERS-already-set branch): VM_OBJECT_DROP; sleepq_add; sleepq_wait
        unlockObj(c);
        bx(c, VPB_UNBUSIED);
        at(c, ret);
        c.sleep(sqWait, false);
        c.unlock(sq);                                                          // woken: a stutter
    }

    // ---- pmap layer: amd64 pmap.c (read at freebsd-src 1f1b2286; spec/vmpage/README.md §1.9) --------
    // Locks exclude software, never the MMU: every access to a PTE, TLB or IPI word is its own
    // hardware-visible step, also inside the atomic blocks below (which hold one critical section each:
    // the coarse view, search.granularity = lock-atomic, runs each as one step).

    private static long opSet(long pvw, boolean all) { return all ? (pvw & 0xFF) : ((pvw >>> 8) & 0xFF); }

    /**
     * PMAP_LOCK(p) with the pv-list lock held (spec PvWait, Locks): a thread that finds p's lock busy
     * waits holding the pv-list lock, at pc P_pv.
     */
    private void pmapLockAfterPv(Ctx c, int p, String P) {
        pm(c, p);
        at(c, P + "_pv");
        c.lock(pmapLock[p]);
    }

    private static boolean dirt(long pte) { return (pte & (PTE_M | PTE_RW)) == (PTE_M | PTE_RW); }

    private long ipiBit(int cpu, int p) { return 1L << (8 * cpu + p); }

    /**
     * pmap_invalidate_page(pmap p, va) with the pmap active on every CPU (spec InvLocal, InvSend,
     * InvWait; prefix P): invlpg on this CPU, then smp_masked_invlpg: an IPI to every other CPU and a
     * spin until each has acknowledged. The coarse view: every CPU's TLB at once.
     */
    private void invalidatePage(Ctx c, int p, String P) {
        if (lockAtomic) {
            for (int cpu = 0; cpu < ncpus; cpu++) c.store(tlb[cpu][p], 0);
            return;
        }
        at(c, P + "_il");
        c.store(tlb[KCPU][p], 0);                                              // invlpg
        if (ncpus == 1) return;
        long bits = 0;
        for (int cpu = 0; cpu < ncpus; cpu++) if (cpu != KCPU) bits |= ipiBit(cpu, p);
        long b = bits;
        at(c, P + "_is");
        c.fetchOr(ipi, b);                                                     // the IPIs
        at(c, P + "_iw");
        c.loop(0, x -> (c.load(ipi) & b) == 0 ? Ctx.Loop.done(0) : Ctx.Loop.again(0));   // their acks
    }

    /**
     * The end of a pv-list walk (spec DiWait; prefix P): pmap_delayed_invl_wait(m), a spin until no
     * delayed-invalidation block that removed a mapping of m is open (none in NoDelayedInvlWait).
     */
    private void afterWalk(Ctx c, String P, String next) {
        if (variant != Variant.NO_DELAYED_INVL_WAIT) {
            at(c, P + "_diw");
            c.loop(0, x -> c.load(di) == 0 ? Ctx.Loop.done(0) : Ctx.Loop.again(0));
        }
        at(c, next);
    }

    /**
     * pmap_remove_all(m) (spec RaClear, Invalidate, RaClearLast; prefix P), then
     * pmap_delayed_invl_wait(m) and {@code next}. Per pv entry: pv-list lock, PMAP_LOCK;
     * tpte = pte_load_clear(pte); vm_page_dirty(m) if PG_M|PG_RW; pmap_invalidate_page;
     * TAILQ_REMOVE; PMAP_UNLOCK (the pv-list lock is released per entry).
     */
    private void pmapRemoveAll(Ctx c, String P, String next) {
        boolean more = true;
        while (more) {
            at(c, P + "_op");
            c.lock(pvLock);
            long v = c.load(pv);
            if ((v & 0xFF) == 0) { c.unlock(pvLock); break; }
            int p = Long.numberOfTrailingZeros(v & 0xFF);
            pmapLockAfterPv(c, p, P);
            c.atomic(() -> {
                if (variant == Variant.REMOVE_ALL_INVALIDATE_FIRST) {
                    invalidatePage(c, p, P);
                    at(c, P + "_cl");
                }
                long o = c.fetchAndNot(pte[p], -1L);                           // pte_load_clear
                // vm_page_dirty: m->dirty is only ever set in this model, so the store commutes
                if (dirt(o)) c.store(mdirty, 1);
                if (variant != Variant.REMOVE_ALL_INVALIDATE_FIRST) invalidatePage(c, p, P);
                c.store(pv, v & ~((1L << p) | (1L << (8 + p))));               // TAILQ_REMOVE
                c.unlock(pmapLock[p]);
                c.unlock(pvLock);
                pm(c, -1);
            });
            more = (v & 0xFF & ~(1L << p)) != 0;
        }
        afterWalk(c, P, next);
    }

    /**
     * pmap_remove_write(m) (spec RwLd, RwCas, RwReld, Invalidate; prefix P), 2019 shape, then
     * pmap_delayed_invl_wait(m) and {@code next}. Per writable pv entry: pv-list lock, PMAP_LOCK;
     * retry: oldpte = *pte; if (oldpte & PG_RW) { if (!atomic_cmpset(pte, oldpte, oldpte &
     * ~(PG_RW | PG_M))) goto retry; if (oldpte & PG_M) vm_page_dirty(m); pmap_invalidate_page; }
     * PMAP_UNLOCK. RemoveWritePlainStore stores instead of the cmpset.
     */
    private void pmapRemoveWrite(Ctx c, String P, String next) {
        boolean more = true;
        while (more) {
            at(c, P + "_op");
            c.lock(pvLock);
            long v = c.load(pv);
            long set = (v >>> 8) & 0xFF;
            if (set == 0) { c.unlock(pvLock); break; }
            int p = Long.numberOfTrailingZeros(set);
            pmapLockAfterPv(c, p, P);
            c.atomic(() -> {
                long r = c.loop(0, retry -> {
                    if (retry != 0) at(c, P + "_wld");
                    long o = c.load(pte[p]);                                   // oldpte = *pte
                    if ((o & PTE_RW) == 0) return Ctx.Loop.done(2);
                    opte(c, o);
                    at(c, P + "_wcas");
                    boolean ok;
                    if (variant == Variant.REMOVE_WRITE_PLAIN_STORE) { c.store(pte[p], o & ~(PTE_RW | PTE_M)); ok = true; }
                    else ok = c.cas(pte[p], o, o & ~(PTE_RW | PTE_M));
                    opte(c, 0);
                    if (!ok) return Ctx.Loop.again(1);                          // goto retry
                    if ((o & PTE_M) != 0) c.store(mdirty, 1);                   // vm_page_dirty (only set)
                    return Ctx.Loop.done(1);
                });
                if (r == 1) invalidatePage(c, p, P);
                c.store(pv, v & ~(1L << (8 + p)));                             // no longer writable
                c.unlock(pmapLock[p]);
                c.unlock(pvLock);
                pm(c, -1);
            });
            more = (set & ~(1L << p)) != 0;
        }
        afterWalk(c, P, next);
    }

    /**
     * pmap_enter(pmap p, va, m, prot | WRITE) for a read fault (spec MpEnter, MpStore): pv-list lock,
     * PMAP_LOCK; origpte = *pte; unless it already maps m writably, pte_store(newpte) and the pv entry;
     * unlock both.
     */
    private void pmapEnter(Ctx c, int p) {
        c.lock(pvLock);
        pmapLockAfterPv(c, p, "mp");
        c.atomic(() -> {
            ka(c, (c.load(xowners) & me(c)) == 0, 14);
            long o = c.load(pte[p]);
            if ((o & (PTE_V | PTE_RW)) != (PTE_V | PTE_RW)) {
                at(c, "mp_store");
                c.store(pte[p], PTE_V | PTE_RW);
                c.store(pv, c.load(pv) | (1L << p) | (1L << (8 + p)));
            }
            c.unlock(pmapLock[p]);
            c.unlock(pvLock);
            pm(c, -1);
        });
    }

    /**
     * munmap -> pmap_remove(pmap p, va, va + PAGE_SIZE) (spec UmClear, Invalidate "um"):
     * pmap_delayed_invl_start; PMAP_LOCK; pte_load_clear; vm_page_dirty; the pv entry freed under the
     * pv-list lock and pmap_delayed_invl_page(m); the pv-list lock released; pmap_invalidate_page;
     * PMAP_UNLOCK; pmap_delayed_invl_finish. With no valid PTE (a RangeUnmapper's VA after another
     * remover cleared it; pmap.c 1f1b2286 pmap_remove_page returns) it takes and drops the locks only.
     */
    public void munmap(Ctx c, int p) {
        c.lock(pvLock);
        pmapLockAfterPv(c, p, "um");
        c.atomic(() -> {
            long o = c.fetchAndNot(pte[p], -1L);
            boolean was = (o & PTE_V) != 0;
            if (was) {
                if (dirt(o)) c.store(mdirty, 1);
                c.store(pv, c.load(pv) & ~((1L << p) | (1L << (8 + p))));
                c.fetchOr(di, me(c));
                pm(c, p);
            }
            c.unlock(pvLock);
            if (was) invalidatePage(c, p, "um");
            c.unlock(pmapLock[p]);
            if (was) { c.fetchAndNot(di, me(c)); pm(c, -1); }
        });
    }

    // ---- the MMU (no locks; spec TLBFill, UserWrite, IpiAck), as environment events ----------------

    /** A page walk on a TLB miss: {@code cpu} caches pmap p's valid PTE. False if not enabled. */
    public boolean fillEnabled(long tlbWord, long pteWord) { return tlbWord == 0 && (pteWord & PTE_V) != 0; }

    public void hwFill(Ctx d, int cpu, int p) { d.store(tlb[cpu][p], TLB_R); }

    /**
     * A user write through pmap p's mapping on {@code cpu}: through a dirty cached translation as is;
     * else a walk that sets PG_M (a locked update) and caches the translation dirty. Enabled iff it
     * changes something: a dirty translation before the first write, or a valid writable PTE.
     */
    public boolean writeEnabled(long tlbWord, long pteWord, long wroteWord) {
        return tlbWord == TLB_W ? wroteWord == 0 : (pteWord & (PTE_V | PTE_RW)) == (PTE_V | PTE_RW);
    }

    public void hwWrite(Ctx d, int cpu, int p) {
        if (d.load(tlb[cpu][p]) != TLB_W) {
            d.fetchOr(pte[p], PTE_M);
            d.store(tlb[cpu][p], TLB_W);
        }
        d.store(wrote, 1);
    }

    /** {@code cpu} handles the invalidation IPI for pmap p: invlpg, acknowledge. */
    public boolean ackEnabled(long ipiWord, int cpu, int p) { return (ipiWord & ipiBit(cpu, p)) != 0; }

    public void hwAck(Ctx d, int cpu, int p) {
        d.store(tlb[cpu][p], 0);
        d.fetchAndNot(ipi, ipiBit(cpu, p));
    }

    // ---- vm_page_try_blocked_op ------------------------------------------------------------------

    /**
     * vm_page_try_blocked_op(m, all ? pmap_remove_all : pmap_remove_write) (spec TbLd, TbCas,
     * the op's steps, TbDrop, prefix P). Returns true on success (ends at {@code ok}), false if wired.
     */
    private boolean tryBlockedOp(Ctx c, String P, boolean all) {
        at(c, P + "_ld");
        long[] first = {0};
        c.atomic(() -> { first[0] = c.load(refCount) & U32; ka(c, first[0] == 0, 2); });   // TbLd
        long r = c.loop(first[0], o -> {
            old(c, o);
            at(c, P + "_cas");
            // TbCas: the pv-list emptiness test folds into this step (README §1.3)
            c.lock(pvLock);
            boolean empty = opSet(c.load(pv), all) == 0;
            if (wires(o) != 0) {
                localStep(c);
                c.unlock(pvLock);
                return Ctx.Loop.done(0);
            }
            long[] cur = {-1};
            if (variant == Variant.CHECK_THEN_SET_BLOCKED) {
                c.atomic(() -> { c.fetchOr(refCount, VPRC_BLOCKED); c.store(vp3a, 0); });   // atomic_set_int
            } else {
                // fcmpset(&ref_count, &old, old | BLOCKED): one instruction, re-reads on failure
                c.atomic(() -> {
                    if (c.cas(refCount, o, o | VPRC_BLOCKED)) c.store(vp3a, 0);
                    else { cur[0] = c.load(refCount) & U32; ka(c, cur[0] == 0, 2); }
                });
            }
            c.unlock(pvLock);
            if (cur[0] >= 0) return Ctx.Loop.again(cur[0]);
            return Ctx.Loop.done(empty ? 2 : 1);
        });
        if (r == 0) return false;
        if (r == 1 && all) pmapRemoveAll(c, P, P + "_drop");
        else if (r == 1) pmapRemoveWrite(c, P, P + "_drop");
        else if (all) afterWalk(c, P, P + "_drop");          // pmap_remove_all with no pv entry still waits
        at(c, P + "_drop");
        // TbDrop: vm_page_drop(m, BLOCKED) (fetchadd) with its KASSERTs (WOWNED: protected read)
        c.atomic(() -> {
            long o = rcAdd(c, -VPRC_BLOCKED);
            ghostFlow(c, subUnder(o, VPRC_BLOCKED, 0));
            ka(c, o == VPRC_BLOCKED, 3);
            ka(c, holdsW(c) && o != (VPRC_BLOCKED | VPRC_OBJREF), 4);
        });
        return true;
    }

    // ---- vm_page_free -> vm_page_free_toq -> vm_page_free_prep -------------------------------

    /** The free path (spec FpSb, FpObj, FpOst, FpXb, Xunbusy, FpFin; prefix P). */
    private void freePath(Ctx c, String P, String donePc, boolean rel) {
        at(c, P + "_sb");
        // FpSb: acquire fence; KASSERT(!pmap_page_is_mapped); if (vm_page_sbusied) panic (assertion loads)
        c.lock(pvLock);
        boolean mapped = (c.load(pv) & 0xFF) != 0;
        c.atomic(() -> {
            ka(c, sbusied(c.load(busyLock)), 5);
            ka(c, mapped, 6);
        });
        c.unlock(pvLock);
        at(c, P + "_obj");
        long[] o = {-1};
        // FpObj: vm_page_object_remove (KASSERT object W-locked), KASSERT(ref_count == OBJREF),
        // m->object = NULL, and the load of ref_count for the non-atomic `-= OBJREF`
        c.atomic(() -> {
            if (c.load(object) == 0) return;
            ka(c, !holdsW(c), 7);
            long v = c.load(refCount) & U32;
            ka(c, v != VPRC_OBJREF, 8);
            c.store(object, 0);
            o[0] = v;
        });
        if (o[0] >= 0) {
            old(c, o[0]);
            at(c, P + "_ost");
            // FpOst: m->ref_count = old - OBJREF (plain store)
            c.atomic(() -> {
                c.store(refCount, (o[0] - VPRC_OBJREF) & U32);
                ghostFlow(c, subUnder(o[0], VPRC_OBJREF, 0));
            });
        }
        at(c, P + "_xb");
        if ((c.load(busyLock) & VPB_BIT_EXCLUSIVE) != 0) xunbusy(c, P, P + "_fin", false);   // FpXb
        at(c, P + "_fin");
        // FpFin: if (ref_count != 0) panic; vm_phys_free_pages (+ the caller's unlock, left mover)
        c.atomic(() -> {
            ka(c, (c.load(refCount) & U32) != 0, 9);
            c.store(pstate, 1);
            c.fetchAdd(frees, 1);
            if (rel) unlockObj(c);
        });
        at(c, donePc);
    }

    // ---- Remover: vm_object_page_remove(object, pindex, pindex + 1, 0) ------------------------------

    /** Returns -1 if the object lock was not available (nothing done). */
    public long objectPageRemove(Ctx c) {
        boolean write = variant != Variant.REMOVER_READ_LOCK;
        if (!(write ? tryWlock(c) : tryRlock(c))) return -1;                   // RmLock from idle
        c.loop(0, relock -> {
            if (relock == 1) {
                at(c, "rm_relock");
                lockObj(c, write);                                               // RmLock after sleeping
            }
            at(c, "rm_busy");
            int[] r = {0};
            // RmBusy: lookup (protected) + vm_page_tryxbusy (cmpset_acq); unlock if the page is gone
            c.atomic(() -> {
                if (c.load(object) == 0) { unlockObj(c); r[0] = 0; return; }
                if (c.cas(busyLock, VPB_UNBUSIED, VPB_SINGLE_EXCLUSIVER)) { c.fetchOr(xowners, me(c)); r[0] = 1; }
                else r[0] = 2;
            });
            if (r[0] == 0) { at(c, "idle"); return Ctx.Loop.done(0); }
            if (r[0] == 2) {
                busySleep(c, "rm_bs", false, "rm_relock");
                return Ctx.Loop.again(1);
            }
            at(c, "rm_wired");
            boolean wired = wires(c.load(refCount)) > 0;                        // RmWired: racy load
            if (!wired && tryBlockedOp(c, "rm_tb", true)) {
                freePath(c, "rm_fp", "idle", true);                             // vm_page_free(p)
                return Ctx.Loop.done(0);
            }
            // wired: pmap_remove_all(p); vm_page_xunbusy(p); unlock
            pmapRemoveAll(c, "rm_wp", "rm_wp_xu");
            xunbusy(c, "rm_wp", "idle", true);
            return Ctx.Loop.done(0);
        });
        return 0;
    }

    // ---- Terminator: vm_object_terminate -> vm_object_terminate_pages --------------------------

    /** Returns -1 if the object lock was not available (nothing done), else 1 (the object is dead). */
    public long objectTerminate(Ctx c) {
        if (!tryWlock(c)) return -1;                                            // TmStart
        long[] o = {-1};
        if (variant == Variant.TERMINATE_PLAIN_STORE) {
            at(c, "tm_ld");
            // TmLd: assert unbusied (load folded); p->object = NULL; old = p->ref_count
            c.atomic(() -> {
                if (c.load(object) == 0) { unlockObj(c); return; }
                c.store(object, 0);
                o[0] = c.load(refCount) & U32;
                ka(c, busied(c.load(busyLock)), 13);
            });
            if (o[0] < 0) { at(c, "done"); return 1; }
            old(c, o[0]);
            at(c, "tm_st");
            // TmSt: p->ref_count = old - OBJREF (plain store); unlock unless freeing
            c.atomic(() -> {
                c.store(refCount, (o[0] - VPRC_OBJREF) & U32);
                ghostFlow(c, subUnder(o[0], VPRC_OBJREF, 0));
                if (o[0] != VPRC_OBJREF) unlockObj(c);
            });
        } else {
            at(c, "tm_drop");
            // TmDrop: assert unbusied; p->object = NULL; if (vm_page_drop(p, OBJREF) == OBJREF) free
            c.atomic(() -> {
                if (c.load(object) == 0) { unlockObj(c); return; }
                c.store(object, 0);
                long v = rcAdd(c, -VPRC_OBJREF);
                ghostFlow(c, subUnder(v, VPRC_OBJREF, 0));
                ka(c, busied(c.load(busyLock)), 13);
                ka(c, v == VPRC_BLOCKED, 3);
                if (v != VPRC_OBJREF) unlockObj(c);
                o[0] = v;
            });
        }
        if (o[0] == VPRC_OBJREF) freePath(c, "tm_fp", "done", true);
        at(c, "done");
        return 1;
    }

    // ---- Mapper: vm_fault -> pmap_enter with the page xbusied -------------------------------------

    /** Returns -1 if the object lock was not available (nothing done). */
    public long faultMap(Ctx c, int p) {
        if (!tryWlock(c)) return -1;                                            // MpStart
        at(c, "mp_busy");
        boolean[] ok = {false};
        // MpBusy: lookup + tryxbusy; VM_OBJECT_WUNLOCK
        c.atomic(() -> {
            ok[0] = c.load(object) != 0 && c.cas(busyLock, VPB_UNBUSIED, VPB_SINGLE_EXCLUSIVER);
            if (ok[0]) c.fetchOr(xowners, me(c));
            unlockObj(c);
        });
        if (!ok[0]) return 0;
        at(c, "mp_enter");
        pmapEnter(c, p);
        if (variant == Variant.MAPPER_UNBUSIES_UNLOCKED) {
            xunbusy(c, "mpu", "idle", false);
            return 0;
        }
        at(c, "mp_relock");
        lockObj(c, true);                                                       // MpRelock
        xunbusy(c, "mp", "idle", true);
        return 0;
    }

    // ---- WriteProtector: vm_page_try_remove_write under the W lock + xbusy ----------------------

    public long writeProtect(Ctx c) {
        if (!tryWlock(c)) return -1;                                            // WpStart
        at(c, "wp_busy");
        boolean[] ok = {false};
        c.atomic(() -> {                                                        // WpBusy
            ok[0] = c.load(object) != 0 && c.cas(busyLock, VPB_UNBUSIED, VPB_SINGLE_EXCLUSIVER);
            if (ok[0]) c.fetchOr(xowners, me(c)); else unlockObj(c);
        });
        if (!ok[0]) return 0;
        tryBlockedOp(c, "wp_tb", false);
        xunbusy(c, "wp", "idle", true);
        return 0;
    }

    // ---- Busier: vm_page_grab / vm_page_busy_acquire style ----------------------------------------

    /** Exclusive busy, then vm_page_xunbusy. Returns -1 if the object lock was not available. */
    public long busyExclusive(Ctx c) {
        if (!tryWlock(c)) return -1;                                            // BzStart
        long got = c.loop(0, relock -> {
            if (relock == 1) { at(c, "bzx_relock"); lockObj(c, true); }
            at(c, "bzx_try");
            int[] r = {0};
            // BzxTry: lookup + tryxbusy (+ unlock on success or if the page is gone)
            c.atomic(() -> {
                if (c.load(object) == 0) { unlockObj(c); r[0] = 0; return; }
                if (c.cas(busyLock, VPB_UNBUSIED, VPB_SINGLE_EXCLUSIVER)) { c.fetchOr(xowners, me(c)); unlockObj(c); r[0] = 1; }
                else r[0] = 2;
            });
            if (r[0] != 2) return Ctx.Loop.done(r[0]);
            busySleep(c, "bzx_bs", false, "bzx_relock");
            return Ctx.Loop.again(1);
        });
        if (got == 1) xunbusy(c, "bzx", "idle", false);
        return 0;
    }

    /** Shared busy (vm_page_trysbusy), then vm_page_sunbusy. Returns -1 if the lock was not available. */
    public long busyShared(Ctx c) {
        if (!tryWlock(c)) return -1;                                            // BzStart
        long got = c.loop(0, relock -> {
            if (relock == 1) { at(c, "bzs_relock"); lockObj(c, true); }
            at(c, "bzs_try");
            long[] x0 = {-1};
            // BzsLd: lookup (protected) + x = m->busy_lock
            c.atomic(() -> {
                if (c.load(object) == 0) { unlockObj(c); return; }
                x0[0] = c.load(busyLock);
            });
            if (x0[0] < 0) return Ctx.Loop.done(0);
            long r = c.loop(x0[0], x -> {
                bx(c, x);
                at(c, "bzs_cas");
                if ((x & VPB_BIT_SHARED) == 0) { localStep(c); return Ctx.Loop.done(2); }
                long[] cur = {-1};
                // fcmpset_acq(x, x + ONE_SHARER) (re-reads on failure); unlock on success
                c.atomic(() -> {
                    if (c.cas(busyLock, x, x + VPB_ONE_SHARER)) { c.fetchOr(sowners, me(c)); unlockObj(c); }
                    else cur[0] = c.load(busyLock);
                });
                return cur[0] >= 0 ? Ctx.Loop.again(cur[0]) : Ctx.Loop.done(1);
            });
            if (r == 1) return Ctx.Loop.done(1);
            busySleep(c, "bzs_bs", true, "bzs_relock");
            return Ctx.Loop.again(1);
        });
        if (got == 1) sunbusy(c, "bzs", "idle");
        return 0;
    }
}
