package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.LogReplay;
import kmapcheck.vmpage.VmPage;
import kmapcheck.vmpage.VmProbe;

/**
 * Re-runs a thread's current operation on its replay log (one log entry per primitive, exactly as
 * the explorer's ReplayCtx records them, loop carries included) and stops at the first primitive the
 * log does not cover, i.e. where the thread will resume. Meanwhile it collects what the vm_page code
 * announces through {@link VmProbe}: the spec pc and the locals old / x / pmap. Reads nothing else:
 * the mapping's thread-local spec variables come from the thread's own history only.
 */
final class ProbeCtx extends LogReplay implements VmProbe {
    String pc;
    long old = 0, bx = VmPage.VPB_UNBUSIED;
    int pm = -1;
    long opte = 0;

    ProbeCtx(int tid, long[] log) {
        super(tid, log);
    }

    @Override public void at(String p) { pc = p; }

    @Override
    public void local(int which, long v) {
        switch (which) {
            case OLD -> old = v;
            case BX -> bx = v;
            case OPTE -> opte = v;
            default -> pm = (int) v;
        }
    }
}
