package kmapcheck.explorer.memattr;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.View;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.memattr.MemAttrKernel;
import kmapcheck.memattr.X86Caches;

import java.util.ArrayList;
import java.util.List;

/**
 * The most general client of spec/memattr/MemAttr.tla, as threads of the simulated machine:
 *
 * <ul>
 * <li>one thread per CPU ({@code cpu0}, ...; never migrates), doing the data accesses of that CPU:
 *   loads/stores through an sf_buf whose ref_count is &gt; 0 (the spec does not track who holds the
 *   reference: the holder may hand its sf_buf to code on any CPU) and through the page's other
 *   mappings. {@code cpu0} also makes the sf_buf calls (alloc/free/recycle; their effect does not
 *   depend on the CPU: the remap shootdown covers every CPU).</li>
 * <li>one kernel thread per page ({@code setattr_p1}, ...) calling pmap_page_set_memattr(p, a);
 *   the caller owns the page, so no data access to p is offered while it runs (spec's contract).</li>
 * <li>one <b>hardware agent</b> thread ({@code hw}) whose operations are the hardware events the
 *   explorer core does not enumerate: line eviction (with write-back), WC-buffer drain, and
 *   speculative line fills through WB translations. Each is one atomic step. (The core enumerates
 *   TLB fills and evictions itself.) Modelling them as an always-ready thread gives exactly the
 *   spec's "at any time" nondeterminism, in every interleaving with the kernel steps.</li>
 * </ul>
 * Data accesses are offered only when the access can complete in one step: through an sf_buf only
 * once this CPU's TLB holds its translation (a miss is the core's TLB fill followed by the
 * access), and a UC access only once the CPU's WC buffers have drained (the drain is the hardware
 * agent's step; SDM §11.3).
 */
public final class MemAttrProgram implements Program {
    static final String ALLOC = "sf_buf_alloc", FREE = "sf_buf_free", RECYCLE = "sf_buf_recycle",
            READ_SF = "read_sfbuf", WRITE_SF = "write_sfbuf", READ_PM = "read_pagemap", WRITE_PM = "write_pagemap",
            SET_MEMATTR = "pmap_page_set_memattr",
            EVICT = "evict", WC_DRAIN = "wc_drain", FILL_SF = "specfill_sfbuf", FILL_PM = "specfill_pagemap";
    /** Page number of the untracked page SfBufRecycle allocates for sf_buf b (one per sf_buf). */
    static final int UNTRACKED_BASE = 100;

    private final Layout layout;
    final MemAttrKernel kern;
    final X86Caches hw;
    final int cpus, pages, bufs, maxVal, maxRef;
    final List<Integer> newAttrs;

    MemAttrProgram(Layout layout, MemAttrKernel kern, int maxVal, int maxRef, List<Integer> newAttrs) {
        this.layout = layout;
        this.kern = kern;
        this.hw = kern.hw();
        this.cpus = layout.cpus();
        this.pages = hw.pages();
        this.bufs = kern.bufs();
        this.maxVal = maxVal;
        this.maxRef = maxRef;
        this.newAttrs = newAttrs;
    }

    int setattrThread(int p) { return cpus + p - 1; }
    int hwThread() { return cpus + pages; }

    @Override public Layout layout() { return layout; }
    @Override public int threads() { return cpus + pages + 1; }

    @Override
    public String threadName(int t) {
        if (t < cpus) return "cpu" + t;
        if (t < cpus + pages) return "setattr_p" + (t - cpus + 1);
        return "hw";
    }

    @Override public String cpuName(int c) { return "c" + c; }
    @Override public int initialCpu(int t) { return t < cpus ? t : 0; }
    @Override public long[] initialLocals(int t) { return new long[0]; }
    @Override public boolean mayMigrate(int t, View v) { return false; }

    // ---- state accessors shared with the mapping ---------------------------------------------
    boolean tracked(long page) { return page >= 1 && page <= pages; }
    int bm(View v, int b) { long m = v.word(kern.sfM[b]); return tracked(m) ? (int) m : 0; }
    long ref(View v, int b) { return v.word(kern.sfRef[b]); }
    int pat(View v, int p) { return (int) v.word(kern.patMode[p - 1]); }
    /** Memory type of CPU c's TLB entry for sf_buf b's KVA, -1 if none (or an untracked page). */
    int tlbAttr(View v, int c, int b) {
        long e = v.tlb(kern.sfKva[b], c);
        return Pte.valid(e) && tracked(Pte.page(e)) ? Pte.attr(e) : -1;
    }
    int pteAttr(View v, int b) {
        long e = v.pte(kern.sfKva[b]);
        return Pte.valid(e) && tracked(Pte.page(e)) ? Pte.attr(e) : -1;
    }
    /** chg[p]: position of the setattr thread in pmap_page_set_memattr. */
    String chg(View v, int p) {
        int t = setattrThread(p);
        if (v.op(t) == null) return "idle";
        return v.stepsInOp(t) <= 1 ? "lookup" : "fallback";
    }
    boolean pendingWc(View v, int c) {
        for (int p = 1; p <= pages; p++) if (v.word(hw.wcb[c][p - 1]) != X86Caches.NO_VAL) return true;
        return false;
    }

    @Override
    public List<Op> choices(int t, View v) {
        List<Op> ops = new ArrayList<>();
        if (t < cpus) {
            int c = t;
            if (c == 0) sfBufChoices(v, ops);
            for (int b = 0; b < bufs; b++) {
                int p = bm(v, b);
                if (p == 0 || ref(v, b) == 0 || !chg(v, p).equals("idle")) continue;
                int a = tlbAttr(v, c, b);
                if (a < 0 || (a == Pte.UC && pendingWc(v, c))) continue;
                ops.add(new Op(READ_SF, b));
                for (int val = 0; val <= maxVal; val++) ops.add(new Op(WRITE_SF, b, val));
            }
            for (int p = 1; p <= pages; p++) {
                if (!chg(v, p).equals("idle")) continue;
                if (pat(v, p) == Pte.UC && pendingWc(v, c)) continue;
                ops.add(new Op(READ_PM, p));
                for (int val = 0; val <= maxVal; val++) ops.add(new Op(WRITE_PM, p, val));
            }
        } else if (t < cpus + pages) {
            int p = t - cpus + 1;
            boolean noWc = true;
            for (int c = 0; c < cpus; c++) noWc &= v.word(hw.wcb[c][p - 1]) == X86Caches.NO_VAL;
            if (noWc) for (int a : newAttrs) if (a != pat(v, p)) ops.add(new Op(SET_MEMATTR, p, a));
        } else {
            for (int c = 0; c < cpus; c++) {
                for (int p = 1; p <= pages; p++) {
                    int st = X86Caches.state(v.word(hw.line[c][p - 1]));
                    if (st != X86Caches.I) ops.add(new Op(EVICT, c, p));
                    if (v.word(hw.wcb[c][p - 1]) != X86Caches.NO_VAL) ops.add(new Op(WC_DRAIN, c, p));
                    if (st == X86Caches.I && chg(v, p).equals("idle") && pat(v, p) == Pte.WB) ops.add(new Op(FILL_PM, c, p));
                }
                for (int b = 0; b < bufs; b++) {
                    int p = bm(v, b);
                    if (p == 0 || tlbAttr(v, c, b) != Pte.WB) continue;
                    if (X86Caches.state(v.word(hw.line[c][p - 1])) != X86Caches.I) continue;
                    // ghost argument: the line is filled while p's attribute change is in progress
                    ops.add(new Op(FILL_SF, c, b, chg(v, p).equals("idle") ? 0 : 1));
                }
            }
        }
        return ops;
    }

    private void sfBufChoices(View v, List<Op> ops) {
        for (int b = 0; b < bufs; b++) {
            int p = bm(v, b);
            if (p != 0 && ref(v, b) < maxRef) ops.add(new Op(ALLOC, p, -1));      // hash hit
            if (ref(v, b) > 0) ops.add(new Op(FREE, b));
            if (ref(v, b) == 0 && p != 0) ops.add(new Op(RECYCLE, b));
        }
        for (int p = 1; p <= pages; p++) {
            boolean hashed = false;
            for (int b = 0; b < bufs; b++) hashed |= bm(v, b) == p;
            if (hashed) continue;
            for (int b = 0; b < bufs; b++) if (ref(v, b) == 0) ops.add(new Op(ALLOC, p, b));   // miss taking b
        }
    }

    @Override
    public long run(int t, Op op, Ctx ctx, long[] locals) {
        switch (op.name()) {
            case ALLOC: return kern.sfBufAlloc(ctx, (int) op.arg(0), (int) op.arg(1));
            case FREE: kern.sfBufFree(ctx, (int) op.arg(0)); return 0;
            case RECYCLE: {
                int b = (int) op.arg(0);
                // The spec's SfBufRecycle: sf_buf_alloc of a page the model does not track, taking
                // idle b, and its sf_buf_free, as one step (nothing in between touches tracked state).
                ctx.atomic(() -> {
                    int got = kern.sfBufAlloc(ctx, UNTRACKED_BASE + b, b);
                    kern.sfBufFree(ctx, got);
                });
                return 0;
            }
            case READ_SF: return kern.sfBufRead(ctx, (int) op.arg(0));
            case WRITE_SF: kern.sfBufWrite(ctx, (int) op.arg(0), op.arg(1)); return 0;
            case READ_PM: return kern.pageRead(ctx, (int) op.arg(0));
            case WRITE_PM: kern.pageWrite(ctx, (int) op.arg(0), op.arg(1)); return 0;
            case SET_MEMATTR: kern.pmapPageSetMemattr(ctx, (int) op.arg(0), (int) op.arg(1), hw::markOld); return 0;
            case EVICT: ctx.atomic(() -> hw.evict(ctx, (int) op.arg(0), (int) op.arg(1))); return 0;
            case WC_DRAIN: ctx.atomic(() -> hw.wcDrain(ctx, (int) op.arg(0), (int) op.arg(1))); return 0;
            case FILL_PM: ctx.atomic(() -> hw.specFill(ctx, (int) op.arg(0), (int) op.arg(1), false)); return 0;
            case FILL_SF: {
                int c = (int) op.arg(0), b = (int) op.arg(1);
                ctx.atomic(() -> {
                    // the prefetcher walks through c's WB TLB entry for sf->kva
                    long e = ctx.pteLoad(kern.sfKva[b]);
                    hw.specFill(ctx, c, Pte.page(e), op.arg(2) != 0);
                });
                return 0;
            }
            default: throw new IllegalStateException("unknown op " + op);
        }
    }

    @Override public void complete(int t, Op op, long result, long[][] locals) {}

    static String attrName(long a) { return a == Pte.WB ? "WB" : a == Pte.UC ? "UC" : a == Pte.WC ? "WC" : "none"; }

    @Override
    public String show(Op op) {
        return switch (op.name()) {
            case ALLOC -> ALLOC + "(p" + op.arg(0) + (op.arg(1) >= 0 ? ", free b" + (op.arg(1) + 1) : "") + ")";
            case FREE, RECYCLE, READ_SF -> op.name() + "(b" + (op.arg(0) + 1) + ")";
            case WRITE_SF -> op.name() + "(b" + (op.arg(0) + 1) + ", " + op.arg(1) + ")";
            case READ_PM -> op.name() + "(p" + op.arg(0) + ")";
            case WRITE_PM -> op.name() + "(p" + op.arg(0) + ", " + op.arg(1) + ")";
            case SET_MEMATTR -> op.name() + "(p" + op.arg(0) + ", " + attrName(op.arg(1)) + ")";
            case FILL_SF -> op.name() + "(c" + op.arg(0) + ", b" + (op.arg(1) + 1) + ")";
            default -> op.name() + "(c" + op.arg(0) + ", p" + op.arg(1) + ")";
        };
    }
}
