package kmapcheck.explorer;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Pte;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * The explorer's {@link Ctx}: resumes an operation by replaying the logged results of the
 * primitives it already executed, then executes new primitives on the working state until the
 * transition ends.
 *
 * <p>Transition boundaries (Lipton reduction): a transition runs right movers (lock acquire,
 * msleep's re-acquire) and both-movers (words guarded by a held lock, thread-local steps), at most
 * one non-mover (any other shared or hardware step), then only left movers (unlock) and
 * both-movers. It ends before the next right/non-mover, when the thread blocks, or when the op
 * returns. {@link #atomic} bodies run without boundaries.
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

    private final Layout layout;
    private final MachineState st;
    private final ThreadState me;
    private final int tid;
    private final boolean migratable;
    private final List<String> threadNames;
    private long[] log;
    private int logLen;
    private int pos;
    private boolean post;
    private boolean executedAny;
    private int atomicDepth;
    private int primitives;
    final List<String> executed = new ArrayList<>();

    private final boolean atomicBlocks;
    private final java.util.function.IntFunction<String> cpuName;

    ReplayCtx(Layout layout, MachineState st, int tid, boolean migratable, List<String> threadNames, boolean atomicBlocks,
              java.util.function.IntFunction<String> cpuName) {
        this.atomicBlocks = atomicBlocks;
        this.cpuName = cpuName;
        this.layout = layout;
        this.st = st;
        this.tid = tid;
        this.me = st.threads[tid];
        this.migratable = migratable;
        this.threadNames = threadNames;
        this.log = me.log.clone();
        this.logLen = log.length;
    }

    /** The log to store in the thread state after the transition. */
    long[] finalLog() { return java.util.Arrays.copyOf(log, logLen); }

    boolean executedAny() { return executedAny; }

    /** True if a {@link #loop} iteration was forgotten in this transition (position restarts). */
    boolean loopRestarted() { return loopRestarted; }

    private boolean loopRestarted;

    // ---- the primitive template ------------------------------------------------------------------

    private boolean replaying() { return pos < logLen; }

    private long replay() { return log[pos++]; }

    /** Gate before a new primitive: ends the transition if the mover rules say so. */
    private void gate(Mover m) {
        if (atomicDepth > 0) return;
        if (post && (m == Mover.RIGHT || m == Mover.NON)) throw Yield.INSTANCE;
    }

    private void blocked() {
        if (atomicDepth > 0) throw new MachineError("BlockingInAtomic", "thread " + threadNames.get(tid) + " blocks inside an atomic block");
        throw executedAny ? Yield.INSTANCE : Disabled.INSTANCE;
    }

    private long record(Mover m, long result, String desc) {
        if (logLen == log.length) log = java.util.Arrays.copyOf(log, Math.max(8, log.length * 2));
        log[logLen++] = result;
        pos++;
        executedAny = true;
        executed.add(desc);
        if (++primitives > MAX_PRIMITIVES_PER_TRANSITION)
            throw new MachineError("NoProgress", "thread " + threadNames.get(tid) + " runs " + primitives + " steps without a scheduling point");
        if (atomicDepth == 0 && (m == Mover.LEFT || m == Mover.NON)) post = true;
        return result;
    }

    private long prim(Mover m, LongSupplier exec, LongFunction<String> desc) {
        if (replaying()) return replay();
        gate(m);
        long r = exec.getAsLong();
        return record(m, r, desc.apply(r));
    }

    private Mover wordMover(Word w) {
        Lock g = w.guard();
        if (g == null) return Mover.NON;
        if (st.mem[g.addr()] != tid + 1)
            throw new MachineError("LockDiscipline", "thread " + threadNames.get(tid) + " touched " + w.name()
                    + " without holding " + g.name());
        return Mover.BOTH;
    }

    private Mover threadLocalMover() { return migratable && me.pinned == 0 ? Mover.NON : Mover.BOTH; }

    // ---- Ctx -------------------------------------------------------------------------------------

    @Override public int thread() { return tid; }

    @Override
    public int cpu() {
        return (int) prim(threadLocalMover(), () -> me.cpu, r -> "curcpu = " + cpuName.apply((int) r));
    }

    @Override
    public void pin() { prim(threadLocalMover(), () -> { me.pinned++; return 0; }, r -> "sched_pin"); }

    @Override
    public void unpin() {
        prim(threadLocalMover(), () -> {
            if (me.pinned == 0) throw new MachineError("KernelAssert", "sched_unpin without sched_pin");
            me.pinned--;
            return 0;
        }, r -> "sched_unpin");
    }

    @Override
    public long load(Word w) {
        if (replaying()) return replay();
        return prim(wordMover(w), () -> st.mem[w.addr()], r -> "load " + w.name() + " = 0x" + Long.toHexString(r));
    }

    @Override
    public void store(Word w, long v) {
        if (replaying()) { replay(); return; }
        prim(wordMover(w), () -> { st.mem[w.addr()] = v; return 0; }, r -> "store " + w.name() + " := 0x" + Long.toHexString(v));
    }

    @Override
    public boolean cas(Word w, long e, long u) {
        if (replaying()) return replay() != 0;
        return prim(wordMover(w), () -> {
            if (st.mem[w.addr()] != e) return 0;
            st.mem[w.addr()] = u;
            return 1;
        }, r -> "cas " + w.name() + " 0x" + Long.toHexString(e) + " -> 0x" + Long.toHexString(u) + (r != 0 ? " succeeds" : " fails")) != 0;
    }

    @Override
    public long fetchAdd(Word w, long d) {
        if (replaying()) return replay();
        return prim(wordMover(w), () -> { long o = st.mem[w.addr()]; st.mem[w.addr()] = o + d; return o; },
                r -> "fetchadd " + w.name() + " " + d + " (old 0x" + Long.toHexString(r) + ")");
    }

    @Override
    public long fetchOr(Word w, long bits) {
        if (replaying()) return replay();
        return prim(wordMover(w), () -> { long o = st.mem[w.addr()]; st.mem[w.addr()] = o | bits; return o; },
                r -> "atomic_set " + w.name() + " |= 0x" + Long.toHexString(bits) + " (old 0x" + Long.toHexString(r) + ")");
    }

    @Override
    public long fetchAndNot(Word w, long bits) {
        if (replaying()) return replay();
        return prim(wordMover(w), () -> { long o = st.mem[w.addr()]; st.mem[w.addr()] = o & ~bits; return o; },
                r -> "atomic_clear " + w.name() + " &= ~0x" + Long.toHexString(bits) + " (old 0x" + Long.toHexString(r) + ")");
    }

    @Override
    public void lock(Lock l) {
        if (replaying()) { replay(); return; }
        gate(Mover.RIGHT);
        long owner = st.mem[l.addr()];
        if (owner == tid + 1) throw new MachineError("KernelAssert", threadNames.get(tid) + " recursed on " + l.name());
        if (owner != 0) blocked();
        st.mem[l.addr()] = tid + 1;
        record(Mover.RIGHT, 0, "lock " + l.name());
    }

    @Override
    public void unlock(Lock l) {
        if (replaying()) { replay(); return; }
        gate(Mover.LEFT);
        if (st.mem[l.addr()] != tid + 1)
            throw new MachineError("KernelAssert", threadNames.get(tid) + " unlocks " + l.name() + " it does not hold");
        st.mem[l.addr()] = 0;
        record(Mover.LEFT, 0, "unlock " + l.name());
    }

    @Override
    public boolean sleep(WaitQueue q, boolean interruptible) {
        if (replaying()) return replay() != 0;
        Lock l = q.interlock();
        if (me.status == ThreadState.Status.WOKEN) {
            // msleep return: re-acquire the interlock (a right mover)
            gate(Mover.RIGHT);
            if (st.mem[l.addr()] != 0) blocked();
            st.mem[l.addr()] = tid + 1;
            boolean intr = me.wokenBySignal;
            me.status = ThreadState.Status.RUNNING;
            me.sleepQueue = -1;
            me.wokenBySignal = false;
            return record(Mover.RIGHT, intr ? 1 : 0, "msleep(" + q.name() + ") returns" + (intr ? " EINTR (signal)" : " (woken)")) != 0;
        }
        if (atomicDepth > 0) throw new MachineError("BlockingInAtomic", "msleep inside an atomic block");
        if (st.mem[l.addr()] != tid + 1)
            throw new MachineError("KernelAssert", threadNames.get(tid) + " sleeps on " + q.name() + " without holding " + l.name());
        if (interruptible && me.signal) {
            // a signal already pending: msleep(PCATCH) returns at once, lock still held
            gate(Mover.NON);
            me.signal = false;
            return record(Mover.NON, 1, "msleep(" + q.name() + ") returns EINTR (signal pending)") != 0;
        }
        // msleep entry: release the interlock and join the sleep queue atomically, then block
        gate(Mover.LEFT);
        st.mem[l.addr()] = 0;
        st.mem[q.addr()] = WaitQueue.append(st.mem[q.addr()], tid);
        me.status = ThreadState.Status.SLEEPING;
        me.sleepQueue = q.index();
        me.interruptibleSleep = interruptible;
        executedAny = true;
        executed.add("msleep(" + q.name() + (interruptible ? ", PCATCH" : "") + ") sleeps, releasing " + l.name());
        throw Yield.INSTANCE;
    }

    /** Moves the oldest (or every) sleeper of q to WOKEN; returns the trace text. */
    private String wake(WaitQueue q, boolean all) {
        if (st.mem[q.interlock().addr()] != tid + 1)
            throw new MachineError("LockDiscipline", threadNames.get(tid) + " wakes " + q.name() + " without holding " + q.interlock().name());
        long qw = st.mem[q.addr()];
        List<String> woken = new ArrayList<>();
        while (qw != 0) {
            int t = WaitQueue.head(qw);
            qw = WaitQueue.remove(qw, t);
            ThreadState ts = st.threads[t];
            ts.status = ThreadState.Status.WOKEN;
            ts.wokenBySignal = false;
            woken.add(threadNames.get(t));
            if (!all) break;
        }
        st.mem[q.addr()] = qw;
        return (all ? "wakeup(" : "wakeup_one(") + q.name() + ") wakes " + (woken.isEmpty() ? "nobody" : String.join(",", woken));
    }

    @Override
    public void wakeupOne(WaitQueue q) {
        if (replaying()) { replay(); return; }
        gate(Mover.BOTH);
        record(Mover.BOTH, 0, wake(q, false));
    }

    @Override
    public void wakeupAll(WaitQueue q) {
        if (replaying()) { replay(); return; }
        gate(Mover.BOTH);
        record(Mover.BOTH, 0, wake(q, true));
    }

    @Override
    public boolean signalPending() {
        return prim(Mover.NON, () -> { boolean s = me.signal; me.signal = false; return s ? 1 : 0; },
                r -> r != 0 ? "signal pending: yes (consumed)" : "signal pending: no") != 0;
    }

    @Override
    public long pteLoad(Kva k) {
        if (replaying()) return replay();
        return prim(Mover.NON, () -> st.mem[k.pteAddr()], r -> "load pte(" + k.name() + ") = " + Hw.pte(r));
    }

    @Override
    public void pteStore(Kva k, long pte) {
        if (replaying()) { replay(); return; }
        prim(Mover.NON, () -> { st.mem[k.pteAddr()] = pte; return 0; }, r -> "store pte(" + k.name() + ") := " + Hw.pte(pte));
    }

    @Override
    public void invlpg(Kva k) {
        if (replaying()) { replay(); return; }
        prim(Mover.NON, () -> { st.mem[layout.tlbAddr(k, me.cpu)] = 0; return 0; }, r -> "invlpg " + k.name() + " on " + cpuName.apply(me.cpu));
    }

    @Override
    public void kenterQuick(Kva k, long pte) {
        if (replaying()) { replay(); return; }
        prim(Mover.NON, () -> {
            st.mem[k.pteAddr()] = pte;
            st.mem[layout.tlbAddr(k, me.cpu)] = 0;
            return 0;
        }, r -> "pmap_kenter_quick " + k.name() + " := " + Hw.pte(pte) + ", invlpg on " + cpuName.apply(me.cpu));
    }

    @Override
    public void invlpgCpus(long cpuMask, Kva k) {
        if (replaying()) { replay(); return; }
        prim(Mover.NON, () -> {
            for (int c = 0; c < layout.cpus(); c++) if ((cpuMask & (1L << c)) != 0) st.mem[layout.tlbAddr(k, c)] = 0;
            return 0;
        }, r -> "invlpg " + k.name() + " on " + cpusOf(cpuMask) + " (IPI, synchronous)");
    }

    private String cpusOf(long mask) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < layout.cpus(); c++) if ((mask & (1L << c)) != 0) names.add(cpuName.apply(c));
        return "{" + String.join(", ", names) + "}";
    }

    @Override
    public long access(Kva k) {
        if (replaying()) return replay();
        return prim(Mover.NON, () -> {
            int a = layout.tlbAddr(k, me.cpu);
            long e = st.mem[a];
            if (Pte.valid(e)) return e;
            long pte = st.mem[k.pteAddr()];
            if (!Pte.valid(pte)) return 0;
            st.mem[a] = Pte.tlbEntry(pte);
            st.mem[k.pteAddr()] = pte | Pte.PG_A;
            return Pte.tlbEntry(pte);
        }, r -> "access " + k.name() + " on " + cpuName.apply(me.cpu) + " -> " + (r == 0 ? "page fault" : Hw.pte(r)));
    }

    @Override
    public void atomic(Runnable body) {
        if (!atomicBlocks) { body.run(); return; }
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
    public long loop(long carry, Loop body) {
        int start = pos;
        long c;
        if (replaying()) {
            c = replay();
        } else {
            if (logLen == log.length) log = java.util.Arrays.copyOf(log, Math.max(8, log.length * 2));
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
                throw new MachineError("NoProgress", "thread " + threadNames.get(tid) + " loops without a scheduling point");
            c = r & ~Loop.AGAIN;
            // Forget the failed iteration: the next one depends only on the carried value.
            loopRestarted = true;
            logLen = start;
            log[logLen++] = c;
            pos = start + 1;
        }
    }
}
