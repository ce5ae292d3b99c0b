package kmapcheck.explorer.memattr;

import kmapcheck.explorer.Environment;
import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.View;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Word;
import kmapcheck.memattr.DmapHandoff;
import kmapcheck.memattr.X86Caches;

import java.util.ArrayList;
import java.util.List;

/**
 * The client of spec/memattr/DmapVisibility.tla: one thread per CPU (pagezero/earlier users
 * writing through the DMAP, the producer writing through the KVA, the hand-over on the producer's
 * CPU, software TLS reading through the DMAP) and a device thread ({@code nic}, DMA reads); the
 * caches' own events (speculative fills through the WB direct map, evictions, WC drains) are its
 * {@link Environment} (see {@link MemAttrProgram#environment}).
 *
 * <p>The spec's Init picks {@code cfg} from {@code Combos}; the explorer core has one initial state.
 * Local workaround: with one combination the machine starts configured; with several, a
 * {@code boot} thread first chooses one ({@code boot(k)}, before any other thread may move). The
 * initial state is the Init state of the first combination; a boot step to another one is not a
 * spec step: it stands for Init's choice (its action name is {@code SpecMapping.INIT_CHOICE}), so
 * only scenarios with one combination can produce traces for validation. Every reachable spec
 * state of every combination is explored.
 */
public final class DmapProgram implements Program {
    static final String PRIOR = "prior_dmap_write", PRODUCE = "producer_write", HANDOFF = "handoff",
            CPU_READ = "cpu_read_dmap", DEV_READ = "device_read", FILL = "specfill", EVICT = "evict",
            WC_DRAIN = "wc_drain", BOOT = "boot";
    static final String[] READERS = {"cpu", "devSnoop", "devNoSnoop"};

    /** A configuration [kva, ss, reader]. */
    record Combo(int kva, boolean ss, int reader) {}

    private final Layout layout;
    final X86Caches hw;
    final DmapHandoff buf;
    final int cpus;
    final List<Combo> combos;
    /** Configuration words: which reader consumes the page; has the boot choice been made. */
    final Word reader, booted;

    DmapProgram(Layout layout, X86Caches hw, DmapHandoff buf, List<Combo> combos) {
        this.layout = layout;
        this.hw = hw;
        this.buf = buf;
        this.cpus = layout.cpus();
        this.combos = combos;
        this.reader = layout.word("cfg.reader", combos.get(0).reader());
        this.booted = layout.word("booted", combos.size() == 1 ? 1 : 0);
    }

    boolean multi() { return combos.size() > 1; }
    int nicThread() { return cpus; }

    @Override public Layout layout() { return layout; }
    @Override public int threads() { return cpus + 1 + (multi() ? 1 : 0); }

    @Override
    public String threadName(int t) {
        if (t < cpus) return "cpu" + t;
        if (t == cpus) return "nic";
        return "boot";
    }

    @Override public String cpuName(int c) { return "c" + c; }
    @Override public int initialCpu(int t) { return t < cpus ? t : 0; }
    @Override public long[] initialLocals(int t) { return new long[0]; }
    @Override public boolean mayMigrate(int t, View v) { return false; }

    long wcb(View v, int c) { return v.word(hw.wcb[c][DmapHandoff.PAGE - 1]); }
    int lineState(View v, int c) { return X86Caches.state(v.word(hw.line[c][DmapHandoff.PAGE - 1])); }

    @Override
    public List<Op> choices(int t, View v) {
        List<Op> ops = new ArrayList<>();
        if (v.word(booted) == 0) {
            if (t == cpus + 1) for (int k = 0; k < combos.size(); k++) ops.add(new Op(BOOT, k));
            return ops;
        }
        long phase = v.word(buf.phase);
        int rd = (int) v.word(reader);
        if (t < cpus) {
            int c = t;
            if (phase == DmapHandoff.PRIOR) {
                ops.add(new Op(PRIOR));
                if (v.word(buf.kvaAttr) != Pte.UC || wcb(v, c) == X86Caches.NO_VAL) ops.add(new Op(PRODUCE));
            }
            if (phase == DmapHandoff.WRITTEN && v.word(buf.wcpu) == c && wcb(v, c) == X86Caches.NO_VAL) ops.add(new Op(HANDOFF));
            if (phase == DmapHandoff.HANDED && rd == 0) ops.add(new Op(CPU_READ));
        } else if (t == cpus) {
            if (phase == DmapHandoff.HANDED && rd != 0) ops.add(new Op(DEV_READ));
        }
        return ops;
    }

    /**
     * The caches' own events (spec SpecFill, Evict, WcDrain), once the configuration is booted, each
     * one atomic step of CPU c: label {@code specfill}/{@code evict}/{@code wc_drain}, args (c). A
     * WC drain is obligated (WC buffers drain eventually), a fill or eviction need never happen.
     */
    @Override
    public List<Environment> environment() {
        int p = DmapHandoff.PAGE;
        return List.of((v, out) -> {
            if (v.word(booted) == 0) return;
            for (int c = 0; c < cpus; c++) {
                int cpu = c;
                if (lineState(v, c) == X86Caches.I)
                    out.add(c, FILL, new long[]{c}, "c" + c + " speculatively fills the page through the WB direct map", false,
                            d -> hw.specFill(d, cpu, p, false));
                else out.add(c, EVICT, new long[]{c}, "c" + c + " evicts its line (a dirty line is written back)", false,
                        d -> hw.evict(d, cpu, p));
                if (wcb(v, c) != X86Caches.NO_VAL)
                    out.add(c, WC_DRAIN, new long[]{c}, "c" + c + " drains its WC buffer to memory", true, d -> hw.wcDrain(d, cpu, p));
            }
        });
    }

    @Override
    public long run(int t, Op op, Ctx ctx, long[] locals) {
        switch (op.name()) {
            // each access one atomic step, with the client's end-to-end record (EndToEnd, lastRead)
            case PRIOR:
                ctx.atomic(() -> {
                    buf.priorDmapWrite(ctx);
                    EndToEnd.stored(ctx, hw, DmapHandoff.PAGE, Pte.WB, DmapHandoff.OLD_V);
                });
                return 0;
            case PRODUCE:
                ctx.atomic(() -> {
                    buf.producerWrite(ctx);
                    EndToEnd.stored(ctx, hw, DmapHandoff.PAGE, (int) ctx.load(buf.kvaAttr), DmapHandoff.NEW_V);
                });
                return 0;
            case HANDOFF: buf.handoff(ctx); return 0;
            case CPU_READ: {
                long[] r = {0};
                ctx.atomic(() -> {
                    r[0] = buf.cpuReadDmap(ctx);
                    EndToEnd.loaded(ctx, hw, ctx.cpu(), DmapHandoff.PAGE, r[0]);
                    ctx.store(buf.lastRead, r[0]);
                });
                return r[0];
            }
            case DEV_READ: {
                long[] r = {0};
                ctx.atomic(() -> {
                    r[0] = buf.deviceRead(ctx, ctx.load(reader) == 1);
                    ctx.store(buf.lastRead, r[0]);
                });
                return r[0];
            }
            case BOOT: {
                Combo k = combos.get((int) op.arg(0));
                ctx.atomic(() -> {      // the platform/configuration: not kernel code
                    ctx.store(buf.kvaAttr, k.kva());
                    ctx.store(hw.cpuidSS, k.ss() ? 1 : 0);
                    ctx.store(reader, k.reader());
                    ctx.store(booted, 1);
                });
                return 0;
            }
            default: throw new IllegalStateException("unknown op " + op);
        }
    }

    @Override public void complete(int t, Op op, long result, long[][] locals) {}

    @Override
    public String show(Op op) {
        if (op.name().equals(BOOT)) {
            Combo k = combos.get((int) op.arg(0));
            return "boot(kva=" + MemAttrProgram.attrName(k.kva()) + ", ss=" + k.ss() + ", reader=" + READERS[k.reader()] + ")";
        }
        return op.args().length == 0 ? op.name() : op.name() + "(c" + op.arg(0) + ")";
    }
}
