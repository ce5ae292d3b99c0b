package kmapcheck.vmpage.nfs;

import kmapcheck.machine.Ctx;

/**
 * Observation hooks for the refinement mapping of {@link NfsWritePath} (same idea as
 * {@code kmapcheck.vmpage.VmProbe}): the code announces the spec pc it stands at, its {@code u_int old}
 * snapshot of a ref_count, and the set of pages its per-page loop still has to process (bit i = page i).
 * A {@link Ctx} that implements this interface receives them; on the explorer's ReplayCtx and on
 * RealMachine they are no-ops and never influence the kernel code.
 */
public interface NfsProbe {
    void at(String pc);

    void old(long v);

    void todo(long mask);

    static void at(Ctx c, String pc) { if (c instanceof NfsProbe p) p.at(pc); }

    static void old(Ctx c, long v) { if (c instanceof NfsProbe p) p.old(v); }

    static void todo(Ctx c, long mask) { if (c instanceof NfsProbe p) p.todo(mask); }
}
