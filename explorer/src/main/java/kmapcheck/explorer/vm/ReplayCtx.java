package kmapcheck.explorer.vm;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Pte;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * The explorer's {@link Ctx}: resumes an operation by replaying the logged results of the
 * primitives it already executed, then executes new primitives on the working state until the
 * transition ends.
 *
 * <p>Transition boundaries (Lipton reduction against software): a transition runs right movers
 * (lock acquire, msleep's re-acquire) and both-movers (words guarded by a held lock, thread-local
 * steps of a thread that cannot migrate), at most one non-mover (any other shared or hardware
 * step), then only left movers (unlock, msleep entry) and both-movers. {@link #atomic} bodies run
 * without these boundaries. Against hardware (which takes no locks) under {@link Granularity#FINE}:
 * a transition holds at most one hardware-visible primitive, atomic block or not; a
 * hardware-visible word is never a both-mover.
 */
final class ReplayCtx implements Ctx {
    enum Mover { RIGHT, LEFT, BOTH, NON }

    /** Thrown to end the transition before executing the next primitive. */
    static final class Yield extends RuntimeException {
        static final Yield INSTANCE = new Yield();
        private Yield() { super(null, null, false, false); }
    }

    /** Thrown when the thread cannot take a step now (blocked before executing anything). */
    static final class Disabled extends RuntimeException {
        static final Disabled INSTANCE = new Disabled();
        private Disabled() { super(null, null, false, false); }
    }

    /** A kernel assertion or a misuse of the machine (lock discipline, recursion): an error state. */
    static final class MachineError extends RuntimeException {
        final String property;
        MachineError(String property, String msg) { super(msg); this.property = property; }
    }

    private static final int MAX_PRIMITIVES_PER_TRANSITION = 10_000;

    private final StateSpace space;
    private final Layout layout;
    private final MachineState st;
    private final ThreadState me;
    private final int tid;
    private final boolean migratable;
    private final boolean fine;
    private final boolean atomicBlocks;
    /** Build the human-readable description of each primitive (traces); off during the search. */
    private final boolean describe;
    private long[] log;
    private int logLen;
    private int pos;
    /** A left- or non-mover ran: from now on only left and both movers join the transition. */
    private boolean post;
    /** A hardware-visible primitive ran in this transition (FINE: the next one starts a new transition). */
    private boolean hwInTransition;
    private boolean executedAny;
    private int atomicDepth;
    private int primitives;
    private boolean loopRestarted;
    final List<String> executed;

    ReplayCtx(StateSpace space, MachineState st, int tid, boolean migratable, boolean describe) {
        this.space = space;
        this.layout = space.layout();
        this.st = st;
        this.tid = tid;
        this.me = st.threads[tid];
        this.migratable = migratable;
        this.fine = space.config().granularity() == Granularity.FINE;
        this.atomicBlocks = space.config().atomicBlocks();
        this.describe = describe;
        this.executed = describe ? new ArrayList<>() : List.of();
        this.log = me.log.clone();
        this.logLen = log.length;
    }

    /** The log to store in the thread state after the transition. */
    long[] finalLog() { return Arrays.copyOf(log, logLen); }

    boolean executedAny() { return executedAny; }

    /** True if a {@link #loop} iteration was forgotten in this transition (position restarts). */
    boolean loopRestarted() { return loopRestarted; }

    private String name() { return space.threadName(tid); }

    // ---- the primitive template ------------------------------------------------------------------

    private boolean replaying() { return pos < logLen; }

    private long replay() { return log[pos++]; }

    /** Gate before a new primitive: ends the transition if the mover rules say so. */
    private void gate(Mover m, boolean hw) {
        if (fine && hw && hwInTransition) throw Yield.INSTANCE;      // hardware may act in between
        if (atomicDepth > 0) return;
        if (post && (m == Mover.RIGHT || m == Mover.NON)) throw Yield.INSTANCE;
    }

    private void blocked() {
        if (!executedAny) throw Disabled.INSTANCE;
        if (atomicDepth > 0) throw new MachineError("BlockingInAtomic", "thread " + name() + " blocks inside an atomic block");
        throw Yield.INSTANCE;
    }

    private long record(Mover m, boolean hw, long result, String desc) {
        if (logLen == log.length) log = Arrays.copyOf(log, Math.max(8, log.length * 2));
        log[logLen++] = result;
        pos++;
        executedAny = true;
        if (hw) hwInTransition = true;
        if (describe) executed.add(desc);
        if (++primitives > MAX_PRIMITIVES_PER_TRANSITION)
            throw new MachineError("NoProgress", "thread " + name() + " runs " + primitives + " steps without a scheduling point");
        if (atomicDepth == 0 && (m == Mover.LEFT || m == Mover.NON)) post = true;
        return result;
    }

    private long prim(Mover m, boolean hw, LongSupplier exec, LongFunction<String> desc) {
        if (replaying()) return replay();
        gate(m, hw);
        long r = exec.getAsLong();
        return record(m, hw, r, describe ? desc.apply(r) : null);
    }

    private Mover wordMover(Word w) {
        Lock g = w.guard();
        if (g == null) return Mover.NON;
        if (st.mem[g.addr()] != tid + 1)
            throw new MachineError("LockDiscipline", "thread " + name() + " touched " + w.name() + " without holding " + g.name());
        return Mover.BOTH;
    }

    private boolean hw(Word w) { return layout.hardwareVisible(w.addr()); }

    private Mover threadLocalMover() { return migratable && me.pinned == 0 ? Mover.NON : Mover.BOTH; }

    private String cpuName(int c) { return space.cpuName(c); }

    // ---- Ctx -------------------------------------------------------------------------------------

    @Override public int thread() { return tid; }

    @Override
    public int cpu() {
        return (int) prim(threadLocalMover(), false, () -> me.cpu, r -> "curcpu = " + cpuName((int) r));
    }

    @Override
    public void pin() { prim(threadLocalMover(), false, () -> { me.pinned++; return 0; }, r -> "sched_pin"); }

    @Override
    public void unpin() {
        prim(threadLocalMover(), false, () -> {
            if (me.pinned == 0) throw new MachineError("KernelAssert", "sched_unpin without sched_pin");
            me.pinned--;
            return 0;
        }, r -> "sched_unpin");
    }

    @Override
    public long load(Word w) {
        if (replaying()) return replay();
        return prim(wordMover(w), hw(w), () -> st.mem[w.addr()], r -> "load " + w.name() + " = 0x" + Long.toHexString(r));
    }

    @Override
    public void store(Word w, long v) {
        if (replaying()) { replay(); return; }
        prim(wordMover(w), hw(w), () -> { st.mem[w.addr()] = v; return 0; }, r -> "store " + w.name() + " := 0x" + Long.toHexString(v));
    }

    @Override
    public boolean cas(Word w, long e, long u) {
        if (replaying()) return replay() != 0;
        return prim(wordMover(w), hw(w), () -> {
            if (st.mem[w.addr()] != e) return 0;
            st.mem[w.addr()] = u;
            return 1;
        }, r -> "cas " + w.name() + " 0x" + Long.toHexString(e) + " -> 0x" + Long.toHexString(u) + (r != 0 ? " succeeds" : " fails")) != 0;
    }

    @Override
    public long fetchAdd(Word w, long d) {
        if (replaying()) return replay();
        return prim(wordMover(w), hw(w), () -> { long o = st.mem[w.addr()]; st.mem[w.addr()] = o + d; return o; },
                r -> "fetchadd " + w.name() + " " + d + " (old 0x" + Long.toHexString(r) + ")");
    }

    @Override
    public long fetchOr(Word w, long bits) {
        if (replaying()) return replay();
        return prim(wordMover(w), hw(w), () -> { long o = st.mem[w.addr()]; st.mem[w.addr()] = o | bits; return o; },
                r -> "atomic_set " + w.name() + " |= 0x" + Long.toHexString(bits) + " (old 0x" + Long.toHexString(r) + ")");
    }

    @Override
    public long fetchAndNot(Word w, long bits) {
        if (replaying()) return replay();
        return prim(wordMover(w), hw(w), () -> { long o = st.mem[w.addr()]; st.mem[w.addr()] = o & ~bits; return o; },
                r -> "atomic_clear " + w.name() + " &= ~0x" + Long.toHexString(bits) + " (old 0x" + Long.toHexString(r) + ")");
    }

    @Override
    public void lock(Lock l) {
        if (replaying()) { replay(); return; }
        gate(Mover.RIGHT, false);
        long owner = st.mem[l.addr()];
        if (owner == tid + 1) throw new MachineError("KernelAssert", name() + " recursed on " + l.name());
        if (owner != 0) blocked();
        st.mem[l.addr()] = tid + 1;
        record(Mover.RIGHT, false, 0, "lock " + l.name());
    }

    @Override
    public void unlock(Lock l) {
        if (replaying()) { replay(); return; }
        gate(Mover.LEFT, false);
        if (st.mem[l.addr()] != tid + 1)
            throw new MachineError("KernelAssert", name() + " unlocks " + l.name() + " it does not hold");
        st.mem[l.addr()] = 0;
        record(Mover.LEFT, false, 0, "unlock " + l.name());
    }

    @Override
    public boolean sleep(WaitQueue q, boolean interruptible) {
        if (replaying()) return replay() != 0;
        Lock l = q.interlock();
        if (me.status == ThreadState.Status.WOKEN) {
            // msleep return: re-acquire the interlock (a right mover)
            gate(Mover.RIGHT, false);
            if (st.mem[l.addr()] != 0) blocked();
            st.mem[l.addr()] = tid + 1;
            boolean intr = me.wokenBySignal;
            me.status = ThreadState.Status.RUNNING;
            me.sleepQueue = -1;
            me.wokenBySignal = false;
            return record(Mover.RIGHT, false, intr ? 1 : 0, "msleep(" + q.name() + ") returns" + (intr ? " EINTR (signal)" : " (woken)")) != 0;
        }
        if (atomicDepth > 0) throw new MachineError("BlockingInAtomic", "msleep inside an atomic block");
        if (st.mem[l.addr()] != tid + 1)
            throw new MachineError("KernelAssert", name() + " sleeps on " + q.name() + " without holding " + l.name());
        if (interruptible && me.signal) {
            // a signal already pending: msleep(PCATCH) returns at once, lock still held
            gate(Mover.NON, false);
            me.signal = false;
            return record(Mover.NON, false, 1, "msleep(" + q.name() + ") returns EINTR (signal pending)") != 0;
        }
        // msleep entry: release the interlock and join the sleep queue atomically, then block
        gate(Mover.LEFT, false);
        st.mem[l.addr()] = 0;
        st.mem[q.addr()] = WaitQueue.append(st.mem[q.addr()], tid);
        me.status = ThreadState.Status.SLEEPING;
        me.sleepQueue = q.index();
        me.interruptibleSleep = interruptible;
        executedAny = true;
        if (describe) executed.add("msleep(" + q.name() + (interruptible ? ", PCATCH" : "") + ") sleeps, releasing " + l.name());
        throw Yield.INSTANCE;
    }

    /** Moves the oldest (or every) sleeper of q to WOKEN; returns the trace text. */
    private String wake(WaitQueue q, boolean all) {
        if (st.mem[q.interlock().addr()] != tid + 1)
            throw new MachineError("LockDiscipline", name() + " wakes " + q.name() + " without holding " + q.interlock().name());
        long qw = st.mem[q.addr()];
        List<String> woken = describe ? new ArrayList<>() : null;
        while (qw != 0) {
            int t = WaitQueue.head(qw);
            qw = WaitQueue.remove(qw, t);
            ThreadState ts = st.threads[t];
            ts.status = ThreadState.Status.WOKEN;
            ts.wokenBySignal = false;
            if (describe) woken.add(space.threadName(t));
            if (!all) break;
        }
        st.mem[q.addr()] = qw;
        if (!describe) return null;
        return (all ? "wakeup(" : "wakeup_one(") + q.name() + ") wakes " + (woken.isEmpty() ? "nobody" : String.join(",", woken));
    }

    @Override
    public void wakeupOne(WaitQueue q) {
        if (replaying()) { replay(); return; }
        gate(Mover.BOTH, false);
        record(Mover.BOTH, false, 0, wake(q, false));
    }

    @Override
    public void wakeupAll(WaitQueue q) {
        if (replaying()) { replay(); return; }
        gate(Mover.BOTH, false);
        record(Mover.BOTH, false, 0, wake(q, true));
    }

    @Override
    public boolean signalPending() {
        return prim(Mover.NON, false, () -> { boolean s = me.signal; me.signal = false; return s ? 1 : 0; },
                r -> r != 0 ? "signal pending: yes (consumed)" : "signal pending: no") != 0;
    }

    // ---- MMU: every primitive below is hardware-visible -----------------------------------------

    @Override
    public long pteLoad(Kva k) {
        if (replaying()) return replay();
        return prim(Mover.NON, true, () -> st.mem[k.pteAddr()], r -> "load pte(" + k.name() + ") = " + Hw.pte(r));
    }

    @Override
    public void pteStore(Kva k, long pte) {
        if (replaying()) { replay(); return; }
        prim(Mover.NON, true, () -> { st.mem[k.pteAddr()] = pte; return 0; }, r -> "store pte(" + k.name() + ") := " + Hw.pte(pte));
    }

    @Override
    public long pteSwap(Kva k, long pte) {
        if (replaying()) return replay();
        return prim(Mover.NON, true, () -> { long o = st.mem[k.pteAddr()]; st.mem[k.pteAddr()] = pte; return o; },
                r -> "pte_load_store pte(" + k.name() + ") := " + Hw.pte(pte) + " (old " + Hw.pte(r) + ")");
    }

    @Override
    public void invlpg(Kva k) {
        if (replaying()) { replay(); return; }
        prim(Mover.NON, true, () -> { st.mem[layout.tlbAddr(k, me.cpu)] = 0; return 0; }, r -> "invlpg " + k.name() + " on " + cpuName(me.cpu));
    }

    /** LOCK_ATOMIC: pmap_kenter_quick is one step, as in the coarse specs. */
    @Override
    public void kenterQuick(Kva k, long pte) {
        if (fine) Ctx.super.kenterQuick(k, pte);
        else coarse(() -> Ctx.super.kenterQuick(k, pte));
    }

    /** LOCK_ATOMIC: the whole shootdown is one step and every target invalidates at once. */
    @Override
    public void invlpgCpus(long cpuMask, Kva k) {
        if (fine) Ctx.super.invlpgCpus(cpuMask, k);
        else coarse(() -> Ctx.super.invlpgCpus(cpuMask, k));
    }

    private void coarse(Runnable body) {
        if (atomicDepth == 0 && !replaying() && post) throw Yield.INSTANCE;
        atomicDepth++;
        try {
            body.run();
        } finally {
            atomicDepth--;
        }
        if (atomicDepth == 0 && executedAny) post = true;
    }

    @Override
    public void ipiSend(long cpuMask, Kva k) {
        if (replaying()) { replay(); return; }
        prim(Mover.NON, true, () -> {
            for (int c = 0; c < layout.cpus(); c++) {
                if ((cpuMask & (1L << c)) == 0) continue;
                if (fine) st.mem[layout.ipiAddr(c)] |= 1L << k.index();       // acknowledged by the target
                else st.mem[layout.tlbAddr(k, c)] = 0;                          // coarse: invalidated at once
            }
            return 0;
        }, r -> "IPI invlpg " + k.name() + " to " + space.cpusOf(cpuMask));
    }

    @Override
    public void ipiWait(long cpuMask, Kva k) {
        if (replaying()) { replay(); return; }
        gate(Mover.NON, true);
        for (int c = 0; c < layout.cpus(); c++)
            if ((cpuMask & (1L << c)) != 0 && (st.mem[layout.ipiAddr(c)] & (1L << k.index())) != 0) blocked();
        record(Mover.NON, true, 0, "every target acknowledged the IPI for " + k.name());
    }

    @Override
    public long access(Kva k) {
        if (replaying()) return replay();
        return prim(Mover.NON, true, () -> {
            int a = layout.tlbAddr(k, me.cpu);
            long e = st.mem[a];
            if (Pte.valid(e)) return e;
            long pte = st.mem[k.pteAddr()];
            if (!Pte.valid(pte)) return 0;
            st.mem[a] = Pte.tlbEntry(pte);
            st.mem[k.pteAddr()] = space.walked(k, pte);
            return Pte.tlbEntry(pte);
        }, r -> "access " + k.name() + " on " + cpuName(me.cpu) + " -> " + (r == 0 ? "page fault" : Hw.pte(r)));
    }

    // ---- reductions ------------------------------------------------------------------------------

    @Override
    public void atomic(Runnable body) {
        if (!atomicBlocks) { body.run(); return; }
        coarse(body);
    }

    @Override
    public long loop(long carry, Loop body) {
        int start = pos;
        long c;
        if (replaying()) {
            c = replay();
        } else {
            if (logLen == log.length) log = Arrays.copyOf(log, Math.max(8, log.length * 2));
            log[logLen++] = carry;
            pos++;
            c = carry;
        }
        for (int iterations = 0; ; iterations++) {
            long r = body.iterate(c);
            if ((r & Loop.AGAIN) == 0) return r;
            if (replaying())
                throw new MachineError("KernelAssert", "loop iteration ended during replay: the loop body is not deterministic");
            if (iterations > MAX_PRIMITIVES_PER_TRANSITION)
                throw new MachineError("NoProgress", "thread " + name() + " loops without a scheduling point");
            c = r & ~Loop.AGAIN;
            // Forget the failed iteration: the next one depends only on the carried value.
            loopRestarted = true;
            logLen = start;
            log[logLen++] = c;
            pos = start + 1;
        }
    }
}
