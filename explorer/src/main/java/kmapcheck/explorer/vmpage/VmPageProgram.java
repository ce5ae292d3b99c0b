package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.View;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.vmpage.VmPage;

import java.util.ArrayList;
import java.util.List;

/**
 * The spec's threads with fixed roles (VmPage.tla constant Role), each the most general client of its
 * role: an idle thread may start its role's operation whenever the spec's first step of it could be
 * enabled. A Java op runs from the spec's "idle" (or "hold") back to "idle"/"hold"/"done"; the spec's
 * "hold" (a thread owns a wiring) is an idle Java thread with HELD set, whose unwire/release starts are
 * fair (the spec's fairness counts "hold" as inside an operation).
 */
public final class VmPageProgram implements Program {
    static boolean stray(Role r) { return r == Role.StrayUnwirer || r == Role.StrayXunbusier || r == Role.StraySunbusier; }

    public enum Role {
        Faulter, PmapHolder, Remover, Terminator, Mapper, Busier, WriteProtector, Unmapper,
        /** a process's one munmap of a VA range that may no longer map the page (spec UmTargets) */
        RangeUnmapper,
        /** buggy clients (spec StrayFirst): unwire/release without a wiring, xunbusy/sunbusy without the busy lock */
        StrayUnwirer, StrayXunbusier, StraySunbusier
    }

    static final int HELD = 0, DONE = 1;

    static final String FAULT = "vm_fault_wire", HOLD = "pmap_extract_and_hold", UNWIRE = "vm_page_unwire",
            RELEASE = "vm_page_release_tryfree", REMOVE = "vm_object_page_remove", TERMINATE = "vm_object_terminate",
            MAP = "vm_fault_map", WPROT = "vm_page_try_remove_write", BUSY_X = "busy_x", BUSY_S = "busy_s",
            MUNMAP = "munmap", STRAY_XU = "stray_xunbusy", STRAY_SU = "stray_sunbusy";

    private final Layout layout;
    final VmPage page;
    final String[] names;
    final Role[] roles;
    private final boolean unwire, release, busyX, busyS, protR, protW;

    VmPageProgram(Layout layout, VmPage page, String[] names, Role[] roles, List<String> unwireKinds,
                  List<String> busyKinds, List<String> phProts) {
        this.layout = layout;
        this.page = page;
        this.names = names;
        this.roles = roles;
        this.unwire = unwireKinds.contains("unwire");
        this.release = unwireKinds.contains("release_tryfree");
        this.busyX = busyKinds.contains("x");
        this.busyS = busyKinds.contains("s");
        this.protR = phProts.contains("r");
        this.protW = phProts.contains("w");
    }

    @Override public Layout layout() { return layout; }
    @Override public int threads() { return names.length; }
    @Override public String threadName(int t) { return names[t]; }
    @Override public String cpuName(int c) { return "c" + c; }
    @Override public int initialCpu(int t) { return 0; }
    @Override public long[] initialLocals(int t) { return new long[]{0, 0}; }

    private long pv(View v) { return v.word(page.pv); }

    @Override
    public List<Op> choices(int t, View v) {
        List<Op> ops = new ArrayList<>();
        if (v.local(t, DONE) != 0) return ops;
        if (v.local(t, HELD) != 0) {
            if (unwire) ops.add(new Op(UNWIRE));
            if (release) ops.add(new Op(RELEASE));
            return ops;
        }
        switch (roles[t]) {
            case Faulter -> ops.add(new Op(FAULT));
            case PmapHolder -> {
                for (int p = 0; p < page.pmaps(); p++) {
                    if (protR && (pv(v) & (1L << p)) != 0) ops.add(new Op(HOLD, p, 0));
                    if (protW && (pv(v) & (1L << (8 + p))) != 0) ops.add(new Op(HOLD, p, 1));
                }
            }
            case Remover -> ops.add(new Op(REMOVE));
            // the object is dead: its mappings are gone and vm_map_delete's pmap_remove has finished
            case Terminator -> { if (v.local(t, DONE) == 0 && (pv(v) & 0xFF) == 0 && v.word(page.di) == 0) ops.add(new Op(TERMINATE)); }
            case Mapper -> { for (int p = 0; p < page.pmaps(); p++) ops.add(new Op(MAP, p)); }
            case Busier -> { if (busyX) ops.add(new Op(BUSY_X)); if (busyS) ops.add(new Op(BUSY_S)); }
            case WriteProtector -> ops.add(new Op(WPROT));
            case Unmapper -> { for (int p = 0; p < page.pmaps(); p++) if ((pv(v) & (1L << p)) != 0) ops.add(new Op(MUNMAP, p)); }
            case RangeUnmapper -> { for (int p = 0; p < page.pmaps(); p++) ops.add(new Op(MUNMAP, p)); }
            case StrayUnwirer -> { if (unwire) ops.add(new Op(UNWIRE)); if (release) ops.add(new Op(RELEASE)); }
            case StrayXunbusier -> ops.add(new Op(STRAY_XU));
            case StraySunbusier -> ops.add(new Op(STRAY_SU));
        }
        return ops;
    }

    @Override
    public long run(int t, Op op, Ctx ctx, long[] l) {
        return switch (op.name()) {
            case FAULT -> page.fault(ctx);
            case HOLD -> page.extractAndHold(ctx, (int) op.arg(0), op.arg(1) != 0);
            case UNWIRE -> { page.unwire(ctx); yield 0; }
            case RELEASE -> { page.releaseTryfree(ctx); yield 0; }
            case REMOVE -> page.objectPageRemove(ctx);
            case TERMINATE -> page.objectTerminate(ctx);
            case MAP -> page.faultMap(ctx, (int) op.arg(0));
            case WPROT -> page.writeProtect(ctx);
            case BUSY_X -> page.busyExclusive(ctx);
            case BUSY_S -> page.busyShared(ctx);
            case MUNMAP -> { page.munmap(ctx, (int) op.arg(0)); yield 0; }
            case STRAY_XU -> { page.xunbusy(ctx, "sx", "idle", false); yield 0; }      // spec StrayFirst
            case STRAY_SU -> { page.sunbusy(ctx, "ss", "idle"); yield 0; }
            default -> throw new IllegalStateException("unknown op " + op);
        };
    }

    @Override
    public void complete(int t, Op op, long result, long[][] locals) {
        long[] l = locals[t];
        switch (op.name()) {
            case FAULT, HOLD -> { if (result == 1) l[HELD] = 1; }
            case UNWIRE, RELEASE -> l[HELD] = 0;
            case TERMINATE -> { if (result == 1) l[DONE] = 1; }
            case MUNMAP -> { if (roles[t] == Role.RangeUnmapper) l[DONE] = 1; }   // spec UmEnd
            default -> { }
        }
        if (stray(roles[t])) l[DONE] = 1;        // a buggy client makes its one misuse (spec Fin: "done")
    }

    /** A wire holder eventually unwires (the spec's SF on "hold"); a StrayUnwirer starts from "idle": not obligated. */
    @Override public boolean fair(int t, Op op) {
        return roles[t] != Role.StrayUnwirer && (op.name().equals(UNWIRE) || op.name().equals(RELEASE));
    }

    @Override public boolean mayMigrate(int t, View v) { return false; }

    /**
     * The threads of one role are interchangeable: each is the same most general client, and the
     * code tells threads apart only by what the layout declares (the object lock's writer byte and
     * reader bits, the busy-owner ghost masks, its own local and wiredBy words, the sleep queue, the
     * machine locks); the locals (HELD, DONE) and op arguments name no thread ({@link RoleSymmetry}
     * names the sets). Pmaps are not offered: the pv-list walks (pmap_remove_all,
     * pmap_remove_write) visit pmaps in index order here and in CHOOSE order in the spec
     * (VmPage.tla: CHOOSE q \in mapped), which no renaming preserves; CPUs are not: the kernel
     * threads run on c0 (KCpu).
     */
    @Override public java.util.Map<String, Integer> symmetricSets() { return RoleSymmetry.sets(roles); }

    @Override public int[] threadSubset(String set) { return RoleSymmetry.subset(roles, set); }

    static final String FILL = "fill", WRITE = "write", ACK = "ipi";

    /**
     * The MMU (spec TLBFill, UserWrite, IpiAck): page walks on TLB misses, user writes through the
     * mappings, each CPU's handling of an invalidation IPI (obligated: every CPU eventually handles it).
     */
    @Override
    public List<kmapcheck.explorer.Environment> environment() {
        return List.of((v, out) -> {
            long wrote = v.word(page.wrote), ipi = v.word(page.ipi);
            for (int c = 0; c < page.cpus(); c++) {
                for (int p = 0; p < page.pmaps(); p++) {
                    int cpu = c, pmap = p;
                    long e = v.word(page.tlb[c][p]), pte = v.word(page.pte[p]);
                    String where = "c" + c + " pmap" + (p + 1);
                    if (page.fillEnabled(e, pte))
                        out.add(c, FILL, new long[]{c, p}, where + ": page walk caches the translation", false,
                                d -> page.hwFill(d, cpu, pmap));
                    if (page.writeEnabled(e, pte, wrote))
                        out.add(c, WRITE, new long[]{c, p}, where + ": user write (sets PG_M on a walk)", false,
                                d -> page.hwWrite(d, cpu, pmap));
                    if (page.ackEnabled(ipi, c, p))
                        out.add(c, ACK, new long[]{c, p}, where + ": handles the invlpg IPI and acknowledges it", true,
                                d -> page.hwAck(d, cpu, pmap));
                }
            }
        });
    }

    @Override
    public String show(Op op) {
        return switch (op.name()) {
            case HOLD -> HOLD + "(p" + (op.arg(0) + 1) + ", " + (op.arg(1) != 0 ? "w" : "r") + ")";
            case MAP, MUNMAP -> op.name() + "(p" + (op.arg(0) + 1) + ")";
            default -> op.name() + "()";
        };
    }
}
