package kmapcheck.vmpage;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Lock;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

/** A Ctx that forwards every primitive to {@code d}; test contexts override the ones they hook. */
abstract class ForwardingCtx implements Ctx {
    protected final Ctx d;

    ForwardingCtx(Ctx d) { this.d = d; }

    @Override public int thread() { return d.thread(); }
    @Override public int cpu() { return d.cpu(); }
    @Override public void pin() { d.pin(); }
    @Override public void unpin() { d.unpin(); }
    @Override public long load(Word x) { return d.load(x); }
    @Override public void store(Word x, long v) { d.store(x, v); }
    @Override public boolean cas(Word x, long e, long u) { return d.cas(x, e, u); }
    @Override public long fetchAdd(Word x, long v) { return d.fetchAdd(x, v); }
    @Override public long fetchOr(Word x, long b) { return d.fetchOr(x, b); }
    @Override public long fetchAndNot(Word x, long b) { return d.fetchAndNot(x, b); }
    @Override public void lock(Lock l) { d.lock(l); }
    @Override public void unlock(Lock l) { d.unlock(l); }
    @Override public boolean sleep(WaitQueue q, boolean i) { return d.sleep(q, i); }
    @Override public void wakeupOne(WaitQueue q) { d.wakeupOne(q); }
    @Override public void wakeupAll(WaitQueue q) { d.wakeupAll(q); }
    @Override public boolean signalPending() { return d.signalPending(); }
    @Override public long pteLoad(Kva k) { return d.pteLoad(k); }
    @Override public void pteStore(Kva k, long p) { d.pteStore(k, p); }
    @Override public void invlpg(Kva k) { d.invlpg(k); }
    @Override public long pteSwap(Kva k, long p) { return d.pteSwap(k, p); }
    @Override public void ipiSend(long m, Kva k) { d.ipiSend(m, k); }
    @Override public void ipiWait(long m, Kva k) { d.ipiWait(m, k); }
    @Override public long access(Kva k) { return d.access(k); }
    @Override public void atomic(Runnable body) { d.atomic(body); }
    @Override public long loop(long carry, Loop body) { return d.loop(carry, body); }
}
