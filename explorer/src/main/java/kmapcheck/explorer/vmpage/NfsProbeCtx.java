package kmapcheck.explorer.vmpage;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Lock;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;
import kmapcheck.vmpage.nfs.NfsProbe;

/**
 * Re-runs a thread's current NFS operation on its replay log (as {@link ProbeCtx} does for vm_page) and
 * stops at the first primitive the log does not cover: where the thread will resume. Collects what
 * {@code NfsWritePath} announces through {@link NfsProbe}: the spec pc, {@code old} and {@code todo}.
 */
final class NfsProbeCtx implements Ctx, NfsProbe {
    static final class Stop extends RuntimeException {
        static final Stop INSTANCE = new Stop();
        private Stop() { super(null, null, false, false); }
    }

    private final int tid;
    private final long[] log;
    private int pos;
    String pc;
    long old = -1;     // -1: not announced in this op
    long todo = 0;

    NfsProbeCtx(int tid, long[] log) {
        this.tid = tid;
        this.log = log;
    }

    private long next() {
        if (pos >= log.length) throw Stop.INSTANCE;
        return log[pos++];
    }

    @Override public void at(String p) { pc = p; }
    @Override public void old(long v) { old = v; }
    @Override public void todo(long mask) { todo = mask; }

    @Override public int thread() { return tid; }
    @Override public int cpu() { return (int) next(); }
    @Override public void pin() { next(); }
    @Override public void unpin() { next(); }
    @Override public long load(Word w) { return next(); }
    @Override public void store(Word w, long v) { next(); }
    @Override public boolean cas(Word w, long e, long u) { return next() != 0; }
    @Override public long fetchAdd(Word w, long d) { return next(); }
    @Override public long fetchOr(Word w, long bits) { return next(); }
    @Override public long fetchAndNot(Word w, long bits) { return next(); }
    @Override public void lock(Lock l) { next(); }
    @Override public void unlock(Lock l) { next(); }
    @Override public boolean sleep(WaitQueue q, boolean interruptible) { return next() != 0; }
    @Override public void wakeupOne(WaitQueue q) { next(); }
    @Override public void wakeupAll(WaitQueue q) { next(); }
    @Override public boolean signalPending() { return next() != 0; }
    @Override public long pteLoad(Kva k) { return next(); }
    @Override public void pteStore(Kva k, long pte) { next(); }
    @Override public void invlpg(Kva k) { next(); }
    @Override public void kenterQuick(Kva k, long pte) { next(); }
    @Override public void invlpgCpus(long cpuMask, Kva k) { next(); }
    @Override public long access(Kva k) { return next(); }
    @Override public void atomic(Runnable body) { body.run(); }

    @Override
    public long loop(long carry, Loop body) {
        long c = next();
        long r = body.iterate(c);
        if ((r & Loop.AGAIN) != 0)
            throw new IllegalStateException("replay log holds a finished loop iteration (the explorer forgets them)");
        return r;
    }
}
