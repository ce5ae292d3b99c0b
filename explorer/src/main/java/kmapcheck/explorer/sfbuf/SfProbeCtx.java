package kmapcheck.explorer.sfbuf;

import kmapcheck.explorer.LogReplay;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Lock;
import kmapcheck.sfbuf.SfBufProbe;

/**
 * Re-runs a thread's current sf_buf operation on its replay log (as vmpage's ProbeCtx) and stops at
 * the first primitive the log does not cover, i.e. where the thread will resume, collecting what the
 * sf_buf code announces there ({@link SfBufProbe}). A replayed hardware primitive or lock acquire
 * clears the announcement, so a resume point the code did not announce is detected ({@link #pc}
 * null) instead of being mapped to a stale pc.
 */
final class SfProbeCtx extends LogReplay implements SfBufProbe {
    String pc;
    /** The operation's first primitive (its sf_buf_lock acquire) is in the log. */
    boolean started;
    int cur = -1;
    long opte, tgt, page;
    boolean pend;

    SfProbeCtx(int tid, long[] log) { super(tid, log); }

    @Override
    public void at(String p, int c, long o, boolean pd, long t) { pc = p; cur = c; opte = o; pend = pd; tgt = t; }

    @Override public void page(long p) { page = p; }

    private void passed() { pc = null; }

    @Override public void lock(Lock l) { super.lock(l); started = true; passed(); }
    @Override public long pteLoad(Kva k) { long r = super.pteLoad(k); passed(); return r; }
    @Override public void pteStore(Kva k, long pte) { super.pteStore(k, pte); passed(); }
    @Override public long pteSwap(Kva k, long pte) { long r = super.pteSwap(k, pte); passed(); return r; }
    @Override public void invlpg(Kva k) { super.invlpg(k); passed(); }
    @Override public void ipiSend(long cpuMask, Kva k) { super.ipiSend(cpuMask, k); passed(); }
    @Override public void ipiWait(long cpuMask, Kva k) { super.ipiWait(cpuMask, k); passed(); }
}
