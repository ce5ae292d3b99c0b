package kmapcheck.vmpage;

import kmapcheck.machine.Ctx;

/**
 * Observation hooks for refinement mappings. The vm_page code announces, in its own terms, the spec
 * program counter it is at ({@code at}) and the values of its locals that the spec names
 * ({@code u_int old}, {@code u_int x}, the pmap being looked up or changed, pmap_remove_write's {@code oldpte}). A {@link Ctx} that also implements
 * this interface (the explorer's mapping re-runs a thread's operation on its replay log with such a
 * context) receives them; on the explorer's {@code ReplayCtx} and on {@code RealMachine} the hooks are
 * no-ops. They never influence the kernel code.
 */
public interface VmProbe {
    int OLD = 0, BX = 1, PM = 2, OPTE = 3;

    void at(String pc);

    void local(int which, long value);

    static void at(Ctx c, String pc) { if (c instanceof VmProbe p) p.at(pc); }

    static void local(Ctx c, int which, long value) { if (c instanceof VmProbe p) p.local(which, value); }
}
