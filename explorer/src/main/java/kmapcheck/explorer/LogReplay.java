package kmapcheck.explorer;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Lock;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

/**
 * Re-runs a thread's current operation on its replay log ({@link View#log}: one entry per primitive,
 * loop carries included, as the explorer records them) without touching any state, and throws
 * {@link Stop} at the first primitive the log does not cover, i.e. where the thread will resume.
 * Mappings use it to read a thread's program position and locals, which live only in its history.
 * Subclasses add whatever hooks the implementation announces its position through.
 */
public abstract class LogReplay implements Ctx {
    /** Reached the end of the log: the thread's resume point. */
    public static final class Stop extends RuntimeException {
        public static final Stop INSTANCE = new Stop();
        private Stop() { super(null, null, false, false); }
    }

    private final int tid;
    private final long[] log;
    private int pos;

    protected LogReplay(int tid, long[] log) {
        this.tid = tid;
        this.log = log;
    }

    private long next() {
        if (pos >= log.length) throw Stop.INSTANCE;
        return log[pos++];
    }

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
    @Override public long pteSwap(Kva k, long pte) { return next(); }
    @Override public void invlpg(Kva k) { next(); }
    @Override public void ipiSend(long cpuMask, Kva k) { next(); }
    @Override public void ipiWait(long cpuMask, Kva k) { next(); }
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
