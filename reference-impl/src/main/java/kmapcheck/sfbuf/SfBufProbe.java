package kmapcheck.sfbuf;

import kmapcheck.machine.Ctx;

/**
 * Observation hook for the refinement mapping (as {@code kmapcheck.vmpage.VmProbe}). Before each
 * point where a thread inside sf_buf_lock's critical section (or between sf_buf_mext's two calls)
 * can stop, i.e. before each hardware-visible primitive that starts a step of spec/sfbuf/SfBuf.tla,
 * the sf_buf code announces the spec pc it stands at and the locals the spec carries there: the
 * sf_buf ({@code cur}), the old PTE sf_buf_map loaded ({@code opte}, 0 = none), whether the remap's
 * PTE store is still to come ({@code pend}) and the IPI targets ({@code tgt}, a CPU mask). The
 * explorer's mapping re-runs a thread's operation on its replay log with a {@link Ctx} that also
 * implements this interface; on the explorer's ReplayCtx and on RealMachine the hook is a no-op. It
 * never influences the kernel code.
 */
public interface SfBufProbe {
    void at(String pc, int cur, long opte, boolean pend, long tgt);

    /** sf_buf_mext's caller: the page sf_buf_page returned (to unwire after sf_buf_free). */
    void page(long page);

    static void at(Ctx c, String pc, int cur, long opte, boolean pend, long tgt) {
        if (c instanceof SfBufProbe p) p.at(pc, cur, opte, pend, tgt);
    }

    static void page(Ctx c, long page) {
        if (c instanceof SfBufProbe p) p.page(page);
    }
}
