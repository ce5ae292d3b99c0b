package kmapcheck.machine;

/**
 * What kernel code running on a CPU can do to the machine. Every method is one step of the
 * machine; under the explorer each call is a potential scheduling point (see the explorer's
 * {@code Mover} classification), on real threads each is backed by java.util.concurrent.
 *
 * <p>Kernel code must be deterministic given the values these calls return, and keep all shared
 * state in {@link Word}s (the explorer re-runs an operation from its start to resume it).
 */
public interface Ctx {

    /** The calling thread's id (0-based). */
    int thread();

    /** curcpu: the CPU the thread runs on now. Unless pinned, it may change at any scheduling point. */
    int cpu();

    /** sched_pin(): the thread stays on its CPU until the matching {@link #unpin()}. */
    void pin();

    void unpin();

    // ---- memory ---------------------------------------------------------------------------------
    long load(Word w);

    void store(Word w, long v);

    /** atomic_cmpset / compareAndSet. */
    boolean cas(Word w, long expect, long update);

    /** atomic_fetchadd: returns the old value. */
    long fetchAdd(Word w, long delta);

    /** atomic_set_int (OR): returns the old value. */
    long fetchOr(Word w, long bits);

    /** atomic_clear_int (AND NOT): returns the old value. */
    long fetchAndNot(Word w, long bits);

    // ---- locks and sleep ----------------------------------------------------------------------
    void lock(Lock l);

    void unlock(Lock l);

    /**
     * msleep(q, l, PCATCH?): atomically release {@code l} and sleep on {@code q}; re-acquire
     * {@code l} before returning. Returns true iff {@code interruptible} and a signal interrupted the
     * sleep before a wakeup chose this thread (Java: {@code Condition.await} threw
     * InterruptedException). A signal that arrives after the wakeup leaves the thread's signal
     * pending: see {@link #signalPending()}.
     */
    boolean sleep(WaitQueue q, boolean interruptible);

    /** msleep's error return for an interrupted sleep (EINTR/ERESTART). */
    int EINTR = 4;

    /**
     * FreeBSD msleep(chan, lock, PVM | (pcatch ? PCATCH : 0)): sleep on {@code q} (interlock held,
     * released while asleep, re-acquired on return). With PCATCH, returns EINTR if a signal
     * interrupted the sleep <em>or</em> is pending when the thread wakes up, even if a wakeup chose
     * it (the race behind the wakeup_one -> wakeup change, kernel-brief §1.7.1); else 0.
     */
    default int msleep(WaitQueue q, boolean pcatch) {
        if (sleep(q, pcatch)) return EINTR;
        if (pcatch && signalPending()) return EINTR;
        return 0;
    }

    /** wakeup_one / Condition.signal: wake the longest sleeper. Caller holds the interlock. */
    void wakeupOne(WaitQueue q);

    /** wakeup / Condition.signalAll. Caller holds the interlock. */
    void wakeupAll(WaitQueue q);

    /** Is a signal pending for this thread? Consumes it (Java: Thread.interrupted()). */
    boolean signalPending();

    // ---- MMU -----------------------------------------------------------------------------------
    // Every method here is a hardware-visible step: between two of them the MMU may fill or evict
    // TLB entries and acknowledge shootdown IPIs, whatever locks the thread holds.

    /** A plain load of the PTE. */
    long pteLoad(Kva k);

    /** A plain store of the PTE (no invalidation). */
    void pteStore(Kva k, long pte);

    /** pte_load_store: an atomic exchange of the PTE (x86 xchg); returns the old PTE. */
    long pteSwap(Kva k, long pte);

    /** invlpg on the current CPU. */
    void invlpg(Kva k);

    /**
     * DragonFly pmap_kenter_quick: a PTE store, then invlpg on this CPU only. Two hardware-visible
     * steps (a page walk may fall between them).
     */
    default void kenterQuick(Kva k, long pte) {
        pteStore(k, pte);
        invlpg(k);
    }

    /**
     * TLB shootdown of {@code k} on every CPU in {@code cpuMask} (pmap_invalidate_page /
     * smp_masked_invlpg / pmap_kenter_sync): the calling CPU invalidates locally if it is in the
     * mask, every other CPU in the mask is sent an IPI, and the call returns once each has
     * acknowledged. Each remote CPU invalidates when it handles its IPI, so it may refill its TLB
     * between the caller's PTE store and its own invalidation.
     */
    default void invlpgCpus(long cpuMask, Kva k) {
        long me = 1L << cpu();
        if ((cpuMask & me) != 0) invlpg(k);
        long others = cpuMask & ~me;
        if (others != 0) {
            ipiSend(others, k);
            ipiWait(others, k);
        }
    }

    /** Send an invalidation IPI for {@code k} to every CPU in {@code cpuMask} (not the caller's). */
    void ipiSend(long cpuMask, Kva k);

    /** Spin until every CPU in {@code cpuMask} has handled its invalidation IPI for {@code k}. */
    void ipiWait(long cpuMask, Kva k);

    /**
     * Dereference {@code k} on this CPU: a TLB hit uses the cached translation; a miss walks the
     * PTE, loads it into the TLB and sets PG_A. Returns the TLB entry used (see {@link Pte}), or 0
     * on a page fault (invalid PTE).
     */
    long access(Kva k);

    // ---- reductions ----------------------------------------------------------------------------
    /**
     * Run {@code body} as one step (JPF's Verify.beginAtomic/endAtomic). Only for sequences the TLA+
     * spec also treats as atomic, with the justification next to the call. On real threads this
     * is a plain call: the code must be correct without it there too.
     */
    void atomic(Runnable body);

    /**
     * A retry loop: runs {@code body} until it returns {@link Loop#done}. An iteration that
     * returns {@link Loop#again} must carry everything the next iteration needs in its argument
     * (e.g. the value a failed fcmpset re-read): the explorer forgets the iteration's history, which
     * keeps the state space finite when a CAS or a sleep/retry can fail repeatedly.
     */
    long loop(long carry, Loop body);

    /** Body of {@link #loop}: given the carried value, return {@code done(result)} or {@code again(carry)}. */
    @FunctionalInterface
    interface Loop {
        long iterate(long carry);

        /** Encodes "stop with this result" (the result must be in 0 .. 2^62). */
        static long done(long result) { return result; }

        /** Encodes "run another iteration with this carried value" (0 .. 2^62). */
        static long again(long carry) { return carry | AGAIN; }

        long AGAIN = 1L << 62;

        /** Runs {@code body} from {@code carry} until an iteration returns {@link #done}: the loop of a machine that keeps no history. */
        static long untilDone(long carry, Loop body) {
            long r = body.iterate(carry);
            while ((r & AGAIN) != 0) r = body.iterate(r & ~AGAIN);
            return r;
        }
    }
}
