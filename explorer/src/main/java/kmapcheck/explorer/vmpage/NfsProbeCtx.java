package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.LogReplay;
import kmapcheck.vmpage.nfs.NfsProbe;

/**
 * Re-runs a thread's current NFS operation on its replay log (as {@link ProbeCtx} does for vm_page) and
 * stops at the first primitive the log does not cover: where the thread will resume. Collects what
 * {@code NfsWritePath} announces through {@link NfsProbe}: the spec pc, {@code old} and {@code todo}.
 */
final class NfsProbeCtx extends LogReplay implements NfsProbe {
    String pc;
    long old = -1;     // -1: not announced in this op
    long todo = 0;

    NfsProbeCtx(int tid, long[] log) {
        super(tid, log);
    }

    @Override public void at(String p) { pc = p; }
    @Override public void old(long v) { old = v; }
    @Override public void todo(long mask) { todo = mask; }
}
