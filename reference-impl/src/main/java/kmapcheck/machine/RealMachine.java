package kmapcheck.machine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The machine on real Java threads: words are an {@link AtomicLongArray}, locks are
 * {@link ReentrantLock}s, sleep queues their {@link Condition}s, signals are
 * {@link Thread#interrupt()}. Each Java thread gets a {@link Ctx} bound to a simulated CPU.
 * Hardware events (speculative TLB fills, evictions) are explicit calls.
 */
public final class RealMachine {
    private final Layout layout;
    private final AtomicLongArray mem;
    private final ReentrantLock[] locks;
    private final Condition[] conds;

    public RealMachine(Layout layout) {
        this.layout = layout;
        this.mem = new AtomicLongArray(layout.initialMemory());
        this.locks = new ReentrantLock[layout.locks().size()];
        for (Lock l : layout.locks()) locks[l.index()] = new ReentrantLock();
        this.conds = new Condition[layout.queues().size()];
        for (WaitQueue q : layout.queues()) conds[q.index()] = locks[q.interlock().index()].newCondition();
    }

    public Layout layout() { return layout; }

    public long peek(Word w) { return mem.get(w.addr()); }
    public long peekPte(Kva k) { return mem.get(k.pteAddr()); }
    public long peekTlb(Kva k, int cpu) { return mem.get(layout.tlbAddr(k, cpu)); }

    /** Hardware: a speculative page walk on {@code cpu} loads the PTE of {@code k} (sets PG_A). */
    public void tlbFill(int cpu, Kva k) {
        long pte = mem.get(k.pteAddr());
        if (!Pte.valid(pte)) return;
        mem.set(layout.tlbAddr(k, cpu), Pte.tlbEntry(pte));
        mem.getAndUpdate(k.pteAddr(), p -> p == pte ? p | Pte.PG_A : p);
    }

    /** Hardware: {@code cpu}'s TLB drops its entry for {@code k}. */
    public void tlbEvict(int cpu, Kva k) { mem.set(layout.tlbAddr(k, cpu), 0); }

    /** A context for the calling thread, running on {@code cpu}, with thread id {@code tid}. */
    public Ctx ctx(int tid, int cpu) { return new RealCtx(tid, cpu); }

    private final class RealCtx implements Ctx {
        private final int tid;
        private int cpu;

        RealCtx(int tid, int cpu) { this.tid = tid; this.cpu = cpu; }

        @Override public int thread() { return tid; }
        @Override public int cpu() { return cpu; }
        @Override public void pin() {}
        @Override public void unpin() {}
        @Override public long load(Word w) { return mem.get(w.addr()); }
        @Override public void store(Word w, long v) { mem.set(w.addr(), v); }
        @Override public boolean cas(Word w, long e, long u) { return mem.compareAndSet(w.addr(), e, u); }
        @Override public long fetchAdd(Word w, long d) { return mem.getAndAdd(w.addr(), d); }
        @Override public long fetchOr(Word w, long bits) { return mem.getAndUpdate(w.addr(), x -> x | bits); }
        @Override public long fetchAndNot(Word w, long bits) { return mem.getAndUpdate(w.addr(), x -> x & ~bits); }
        @Override public void lock(Lock l) { locks[l.index()].lock(); mem.set(l.addr(), tid + 1); }
        @Override public void unlock(Lock l) { mem.set(l.addr(), 0); locks[l.index()].unlock(); }

        @Override
        public boolean sleep(WaitQueue q, boolean interruptible) {
            Lock l = q.interlock();
            mem.set(l.addr(), 0);
            try {
                if (interruptible) conds[q.index()].await();
                else conds[q.index()].awaitUninterruptibly();
                return false;
            } catch (InterruptedException e) {
                return true;
            } finally {
                mem.set(l.addr(), tid + 1);
            }
        }

        @Override public void wakeupOne(WaitQueue q) { conds[q.index()].signal(); }
        @Override public void wakeupAll(WaitQueue q) { conds[q.index()].signalAll(); }
        @Override public boolean signalPending() { return Thread.interrupted(); }
        @Override public long pteLoad(Kva k) { return mem.get(k.pteAddr()); }
        @Override public void pteStore(Kva k, long pte) { mem.set(k.pteAddr(), pte); }
        @Override public void invlpg(Kva k) { mem.set(layout.tlbAddr(k, cpu), 0); }

        @Override public long pteSwap(Kva k, long pte) { return mem.getAndSet(k.pteAddr(), pte); }

        /** Real threads: the targets invalidate at once (the IPI handlers run before ipiWait returns). */
        @Override
        public void ipiSend(long cpuMask, Kva k) {
            for (int c = 0; c < layout.cpus(); c++) if ((cpuMask & (1L << c)) != 0) mem.set(layout.tlbAddr(k, c), 0);
        }

        @Override public void ipiWait(long cpuMask, Kva k) {}

        @Override
        public long access(Kva k) {
            long e = mem.get(layout.tlbAddr(k, cpu));
            if (Pte.valid(e)) return e;
            long pte = mem.get(k.pteAddr());
            if (!Pte.valid(pte)) return 0;
            tlbFill(cpu, k);
            return Pte.tlbEntry(pte);
        }

        @Override public void atomic(Runnable body) { body.run(); }

        @Override public long loop(long carry, Loop body) { return Loop.untilDone(carry, body); }

        /** Moves this context to another CPU (migration between calls). */
        void migrate(int to) { cpu = to; }
    }

    /** Moves a context created by {@link #ctx} to another CPU; only between kernel calls. */
    public static void migrate(Ctx ctx, int to) { ((RealCtx) ctx).migrate(to); }

    /** Bounded wait helper for tests on real threads. */
    public static void awaitQuietly(java.util.concurrent.CountDownLatch l) {
        try { l.await(10, TimeUnit.SECONDS); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
