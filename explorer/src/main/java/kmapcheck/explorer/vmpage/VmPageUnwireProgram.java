package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.View;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.vmpage.VmPage;
import kmapcheck.vmpage.VmPageUnwire;

import java.util.ArrayList;
import java.util.List;

/**
 * The threads of spec/vmpage/VmPageUnwire.tla with fixed roles, each the most general client of its
 * role. A Holder starts holding a wiring (local HELD) and unwires once; a Faulter wires once, then
 * unwires; both end DONE. The Terminator runs once (DONE). The page daemon scans whenever the page is
 * queued; a Busier runs any of its kinds whenever idle.
 */
public final class VmPageUnwireProgram implements Program {
    public enum Role {
        Holder, Faulter, Daemon, Terminator, Busier,
        /** buggy client (spec StrayFrom): a busy KPI per BusyKinds without the busy lock it requires */
        StrayBusier,
        /** buggy client: vm_page_unwire once without a wiring */
        StrayUnwirer,
        /** buggy client: vm_page_free once of a page out of its object, holding no reference */
        StrayFreer,
        /** buggy client: a Busier that starts only once the page left its object (a stale pointer) */
        OrphanBusier,
        /** buggy client: vm_page_sunbusy of a page another thread has busied (it takes that busy for its own) */
        ForeignUnbusier
    }

    static final int HELD = 0, DONE = 1;
    static final String UNWIRE = "vm_page_unwire", FAULT = "vm_fault_wire", SCAN = "vm_pageout_scan",
            TERMINATE = "vm_object_terminate", BUSY_X = "busy_x", BUSY_XD = "busy_downgrade", BUSY_SU = "busy_tryupgrade",
            STRAY_XU = "stray_xunbusy", STRAY_DG = "stray_downgrade", STRAY_UP = "stray_tryupgrade", STRAY_SU = "stray_sunbusy",
            STRAY_FREE = "stray_free";

    private final Layout layout;
    final VmPageUnwire page;
    final String[] names;
    final Role[] roles;
    private final boolean kindX, kindXd, kindSu, kindS;

    VmPageUnwireProgram(Layout layout, VmPageUnwire page, String[] names, Role[] roles, List<String> busyKinds) {
        this.layout = layout;
        this.page = page;
        this.names = names;
        this.roles = roles;
        this.kindX = busyKinds.contains("x");
        this.kindXd = busyKinds.contains("xd");
        this.kindSu = busyKinds.contains("su");
        this.kindS = busyKinds.contains("s");
    }

    @Override public Layout layout() { return layout; }
    @Override public int threads() { return names.length; }
    @Override public String threadName(int t) { return names[t]; }
    @Override public String cpuName(int c) { return "c" + c; }
    @Override public int initialCpu(int t) { return 0; }
    @Override public long[] initialLocals(int t) { return new long[]{roles[t] == Role.Holder ? 1 : 0, 0}; }

    @Override
    public List<Op> choices(int t, View v) {
        List<Op> ops = new ArrayList<>();
        if (v.local(t, DONE) != 0) return ops;
        if (v.local(t, HELD) != 0) { ops.add(new Op(UNWIRE)); return ops; }
        switch (roles[t]) {
            case Holder -> { }
            case StrayUnwirer -> ops.add(new Op(UNWIRE));
            case StrayFreer -> { if (v.word(page.object) == 0) ops.add(new Op(STRAY_FREE)); }
            case ForeignUnbusier -> { if (v.word(page.busyLock) != VmPage.VPB_UNBUSIED) ops.add(new Op(STRAY_SU)); }
            case Faulter -> ops.add(new Op(FAULT));
            case Daemon -> { if (v.word(page.queue) != VmPageUnwire.PQ_NONE) ops.add(new Op(SCAN)); }
            case Terminator -> { if (v.word(page.object) != 0) ops.add(new Op(TERMINATE)); }
            case Busier, OrphanBusier -> {
                if (roles[t] == Role.OrphanBusier && v.word(page.object) != 0) break;
                if (kindX) ops.add(new Op(BUSY_X));
                if (kindXd) ops.add(new Op(BUSY_XD));
                if (kindSu) ops.add(new Op(BUSY_SU));
            }
            case StrayBusier -> {
                if (kindX) ops.add(new Op(STRAY_XU));
                if (kindXd) ops.add(new Op(STRAY_DG));
                if (kindSu) ops.add(new Op(STRAY_UP));
                if (kindS) ops.add(new Op(STRAY_SU));
            }
        }
        return ops;
    }

    @Override
    public long run(int t, Op op, Ctx ctx, long[] l) {
        switch (op.name()) {
            case UNWIRE -> page.unwire(ctx);
            case FAULT -> { return page.fault(ctx); }
            case SCAN -> page.pageoutScan(ctx);
            case TERMINATE -> { return page.terminate(ctx); }
            case BUSY_X -> page.busyX(ctx);
            case BUSY_XD -> page.busyDowngrade(ctx);
            case BUSY_SU -> page.busyUpgrade(ctx);
            case STRAY_XU -> page.xunbusy(ctx, "sx");                  // spec StrayFrom
            case STRAY_DG -> page.downgradeThenSunbusy(ctx);
            case STRAY_UP -> page.tryupgradeThenUnbusy(ctx);
            case STRAY_SU -> page.sunbusy(ctx, "ss");
            case STRAY_FREE -> page.strayFree(ctx);
            default -> throw new IllegalStateException("unknown op " + op);
        }
        return 0;
    }

    @Override
    public void complete(int t, Op op, long result, long[][] locals) {
        long[] l = locals[t];
        switch (op.name()) {
            case UNWIRE, TERMINATE, STRAY_FREE -> { l[HELD] = 0; l[DONE] = 1; }
            case FAULT -> { if (result == 1) l[HELD] = 1; else l[DONE] = 1; }
            default -> { }
        }
    }

    /** A wire holder eventually unwires (the spec's SF on "hold"). */
    @Override public boolean fair(int t, Op op) { return op.name().equals(UNWIRE); }

    @Override public boolean mayMigrate(int t, View v) { return false; }

    /**
     * The threads of one role are interchangeable ({@link RoleSymmetry}): the code tells threads
     * apart only by their own local and wiredBy words, the busy-owner ghost masks, the sleep queue
     * and the machine locks, which the layout declares; the locals (a Holder's initial wiring) depend
     * on the role only.
     */
    @Override public java.util.Map<String, Integer> symmetricSets() { return RoleSymmetry.sets(roles); }

    @Override public int[] threadSubset(String set) { return RoleSymmetry.subset(roles, set); }

    @Override public String show(Op op) { return op.name() + "()"; }
}
