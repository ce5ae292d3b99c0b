package kmapcheck.explorer.memattr;

import kmapcheck.explorer.Environment;
import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.View;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Word;
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
 *   mappings.</li>
 * <li>the sf_buf client ({@code sfbuf}) on cpu 0 (the spec's KCpu), making the sf_buf calls
 *   (alloc/free/recycle).</li>
 * <li>one kernel thread per page ({@code setattr_p1}, ...) on cpu 0 calling
 *   pmap_page_set_memattr(p, a); the caller owns the page, so no data access to p is offered while
 *   it runs (spec's contract).</li>
 * </ul>
 * The hardware the explorer core does not enumerate is the program's {@link Environment}
 * ({@link #environment}): line eviction (with write-back), WC-buffer drain, and speculative line
 * fills through WB translations, each one atomic event offered at every state (the spec's "at any
 * time" nondeterminism, in every interleaving with the kernel steps). The core enumerates TLB fills
 * and evictions itself.
 * Data accesses through an sf_buf are offered only when the access can complete in one step: once
 * this CPU's TLB holds its translation (a miss is the core's TLB fill followed by the access), and
 * if it is UC once the CPU's WC buffer is empty (the drains are environment events). A UC access
 * through a page's other mapping is offered with WC stores pending: it first drains this CPU's WC
 * buffer, one entry per step (SDM vol. 3A 11.3.1; MemAttrKernel.pageRead), each step the spec's
 * WcDrain, then the access (the spec's guard NoPendingWC).
 */
public final class MemAttrProgram implements Program {
    static final String ALLOC = "sf_buf_alloc", FREE = "sf_buf_free", RECYCLE = "sf_buf_recycle",
            READ_SF = "read_sfbuf", WRITE_SF = "write_sfbuf", READ_PM = "read_pagemap", WRITE_PM = "write_pagemap",
            SET_MEMATTR = "pmap_page_set_memattr", AFTER_SLEEP = "sf_buf_alloc_after_sleep",
            EVICT = "evict", WC_DRAIN = "wc_drain", FILL_SF = "specfill_sfbuf", FILL_PM = "specfill_pagemap",
            FILL_CADDR = "specfill_caddr";
    /** Page number of the untracked page SfBufRecycle allocates for sf_buf b (one per sf_buf). */
    static final int UNTRACKED_BASE = 100;

    private final Layout layout;
    final MemAttrKernel kern;
    final X86Caches hw;
    final int cpus, pages, bufs, maxVal, maxRef;
    final List<Integer> newAttrs;
    /** CPUID_CLFSH (pmap_flush_page's path). */
    final boolean hasClflush;
    /** StillPages: pages only mapped by sf_bufs (no data access, no attribute change); index p - 1. */
    final boolean[] still;
    /** The variant's sf_buf_alloc callers may sleep (the spec's SleepVariants). */
    final boolean sleepers;

    MemAttrProgram(Layout layout, MemAttrKernel kern, int maxVal, int maxRef, List<Integer> newAttrs, boolean hasClflush,
                   boolean[] still) {
        this.hasClflush = hasClflush;
        this.still = still;
        this.sleepers = kern.variant() == MemAttrKernel.Variant.DUP_AFTER_SLEEP
                || kern.variant() == MemAttrKernel.Variant.DUP_AFTER_SLEEP_RELOOKUP;
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

    int clientThread() { return cpus; }
    int setattrThread(int p) { return cpus + p; }

    @Override public Layout layout() { return layout; }
    @Override public int threads() { return cpus + pages + 1; }

    @Override
    public String threadName(int t) {
        if (t < cpus) return "cpu" + t;
        if (t == cpus) return "sfbuf";
        return "setattr_p" + (t - cpus);
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
    int tlbAttr(View v, int c, int b) { return attrOf(v.tlb(kern.sfKva[b], c)); }
    /** Memory type of a PTE / TLB entry mapping a tracked page, -1 otherwise (the spec's NoEntry). */
    int attrOf(long e) { return Pte.valid(e) && tracked(Pte.page(e)) ? Pte.attr(e) : -1; }
    /** Its page (0: NoEntry). */
    int pageOf(long e) { return attrOf(e) < 0 ? 0 : (int) Pte.page(e); }
    /** The thread holding lock l, -1 if free. */
    int holder(View v, Lock l) { return (int) v.word(new Word(l.addr(), l.name(), null)) - 1; }
    /** A page's caller of pmap_page_set_memattr holding l (0: none). */
    int pageHolding(View v, Lock l) {
        int t = holder(v, l);
        return t > cpus && t <= cpus + pages ? t - cpus : 0;
    }
    /** Pte.make(p, pmap_cache_bits(pat_mode)) as a spec Entry: the PTE pmap_qenter wants. */
    boolean wanted(View v, long e, int p) { return pageOf(e) == p && attrOf(e) == pat(v, p); }

    /**
     * chain[p]: p's sf_bufs in the order of its hash chain, head first (other pages' skipped). A
     * bucket lists each sf_buf at most once (TypeOK's chain, MemAttrInd's ChainNoDup), so a walk
     * longer than {@code bufs} links is a cycle: reported as a failure of the state, not walked
     * forever (a kernel LIST_FOREACH over it would never end).
     */
    List<Integer> chain(View v, int p) {
        List<Integer> out = new ArrayList<>();
        if (bufs == 0) return out;
        int links = 0;
        for (long x = v.word(kern.chainHead[kern.bucket(p)]); x != 0; x = v.word(kern.sfNext[(int) x - 1])) {
            if (++links > bufs) throw new IllegalStateException("sf_buf hash chain of p" + p + " has a cycle (more links than sf_bufs)");
            if (bm(v, (int) x - 1) == p) out.add((int) x - 1);
        }
        return out;
    }

    /**
     * fb[p]: the sf_buf sf_buf_invalidate_cache found for p (the first match of the kernel's list
     * walk, spec FirstMatch), -1 if none.
     */
    int found(View v, int p) {
        for (int b : chain(v, p)) {
            if (kern.variant() == MemAttrKernel.Variant.SKIP_IDLE_SF_BUFS && ref(v, b) == 0) continue;
            return b;
        }
        return -1;
    }

    /**
     * chg[p]: the pc of the setattr thread in pmap_page_set_memattr (spec ChgStates), from the
     * transitions it completed in the op (each ends at one hardware-visible step) and the locks it
     * holds: sf_buf_lock = inside sf_buf_invalidate_cache after a match, the sysmaps lock = inside
     * pmap_flush_page.
     */
    String chg(View v, int p) {
        int t = setattrThread(p);
        if (v.op(t) == null) return "idle";
        int steps = v.stepsInOp(t);
        if (steps <= 1) return "lookup";
        if (holder(v, kern.sfBufLock) == t) {
            boolean remote = cpus > 1;
            List<String> seq = new ArrayList<>();
            MemAttrKernel.Variant var = kern.variant();
            if (var == MemAttrKernel.Variant.FLUSH_BEFORE_REENTER) seq.add("reload");
            else if (wanted(v, v.pte(kern.sfKva[found(v, p)]), p) && steps == 2) return "flush";
            List<String> shoot = remote ? List.of("invl", "ipi", "wait") : List.of("invl");
            if (var == MemAttrKernel.Variant.INVLPG_BEFORE_REENTER) { seq.addAll(shoot); seq.add("store"); }
            else if (var == MemAttrKernel.Variant.REENTER_NO_INVLPG) seq.add("store");
            else { seq.add("store"); seq.addAll(shoot); }
            seq.add("flush");
            return seq.get(steps - 2);
        }
        if (holder(v, kern.sysmapsLock[0]) == t) {
            return (kern.variant() == MemAttrKernel.Variant.CLFLUSH_BEFORE_INVLCADDR
                    ? List.of("fpEnter", "fpFlush", "fpInvl", "fpClear") : List.of("fpEnter", "fpInvl", "fpFlush", "fpClear"))
                    .get(steps - 3);
        }
        return "fallback";
    }

    /** apc: the pc of the sf_buf client in an sf_buf_alloc miss (or recycle), "idle" otherwise. */
    String apc(View v) {
        int t = clientThread();
        Op op = v.op(t);
        if (op == null || allocBuf(op, kern.variant()) < 0) return "idle";
        return List.of("invl", "ipi", "wait").get(v.stepsInOp(t) - 1);
    }
    /**
     * ab: the sf_buf an sf_buf_alloc miss / recycle op enters, -1 for a hit or another op. The
     * client offers an after-sleep op only while another sf_buf maps its page, so with the
     * re-lookup fix it is a hit.
     */
    static int allocBuf(Op op, MemAttrKernel.Variant variant) {
        return switch (op.name()) {
            case ALLOC -> (int) op.arg(1);
            case RECYCLE -> (int) op.arg(0);
            case AFTER_SLEEP -> variant == MemAttrKernel.Variant.DUP_AFTER_SLEEP_RELOOKUP ? -1 : (int) op.arg(1);
            default -> -1;
        };
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
            Op alloc = v.op(clientThread());
            int entering = alloc == null ? -1 : allocBuf(alloc, kern.variant());
            for (int b = 0; b < bufs; b++) {
                int p = bm(v, b);
                if (p == 0 || still[p - 1] || ref(v, b) == 0 || !chg(v, p).equals("idle") || b == entering) continue;
                int a = tlbAttr(v, c, b);
                if (a < 0 || (a == Pte.UC && pendingWc(v, c))) continue;
                // the client's page p (it holds b for p) and its mapping's memory type a: the
                // end-to-end ghosts (EndToEnd) are recorded for p, whatever frame the access reaches
                ops.add(new Op(READ_SF, b, p));
                for (int val = 0; val <= maxVal; val++) ops.add(new Op(WRITE_SF, b, val, p, a));
            }
            for (int p = 1; p <= pages; p++) {
                if (still[p - 1] || !chg(v, p).equals("idle")) continue;
                ops.add(new Op(READ_PM, p));
                for (int val = 0; val <= maxVal; val++) ops.add(new Op(WRITE_PM, p, val, pat(v, p)));
            }
        } else if (t == clientThread()) {
            sfBufChoices(v, ops);
        } else {
            int p = t - cpus;
            if (still[p - 1]) return ops;
            // the caller owns p: no WC store to it pending, no page-map access to it in flight (one
            // whose UC flush is draining: the spec's access is the one step after the drains)
            boolean noWc = true;
            for (int c = 0; c < cpus; c++) {
                noWc &= v.word(hw.wcb[c][p - 1]) == X86Caches.NO_VAL;
                Op acc = v.op(c);
                if (acc != null && (acc.name().equals(READ_PM) || acc.name().equals(WRITE_PM)) && acc.arg(0) == p) noWc = false;
            }
            if (noWc) for (int a : newAttrs) if (a != pat(v, p)) ops.add(new Op(SET_MEMATTR, p, a));
        }
        return ops;
    }

    /**
     * The cache hierarchy's own events (spec Evict, WcDrain, SpecFillPageMap, SpecFillSfBuf,
     * SpecFillCaddr), each one atomic step of the CPU whose cache acts. A WC drain is obligated
     * (WC buffers drain eventually, SDM §11.3); an eviction or a speculative fill need never happen.
     * Labels and args: {@code evict}/{@code wc_drain}/{@code specfill_pagemap} (c, p),
     * {@code specfill_sfbuf} (c, b, p, oldTag), {@code specfill_caddr} (p, oldTag).
     */
    @Override
    public List<Environment> environment() {
        return List.of((v, out) -> {
            for (int c = 0; c < cpus; c++) {
                int cpu = c;
                for (int p = 1; p <= pages; p++) {
                    int page = p;
                    int st = X86Caches.state(v.word(hw.line[c][p - 1]));
                    if (st != X86Caches.I)
                        out.add(c, EVICT, new long[]{c, p}, "c" + c + " evicts its line of p" + p + " (a dirty line is written back)",
                                false, d -> hw.evict(d, cpu, page));
                    if (v.word(hw.wcb[c][p - 1]) != X86Caches.NO_VAL)
                        out.add(c, WC_DRAIN, new long[]{c, p}, "c" + c + " drains its WC buffer for p" + p + " to memory",
                                true, d -> hw.wcDrain(d, cpu, page));
                    if (st == X86Caches.I && chg(v, p).equals("idle") && pat(v, p) == Pte.WB)
                        out.add(c, FILL_PM, new long[]{c, p}, "c" + c + " speculatively fills p" + p + " through a WB page mapping",
                                false, d -> hw.specFill(d, cpu, page, false));
                }
                for (int b = 0; b < bufs; b++) {
                    long e = v.tlb(kern.sfKva[b], c);
                    int p = pageOf(e);
                    if (attrOf(e) != Pte.WB || !lineInvalid(v, c, p)) continue;
                    boolean old = oldTag(v, p) != 0;   // the prefetcher uses c's WB TLB entry for sf->kva
                    out.add(c, FILL_SF, new long[]{c, b, p, old ? 1 : 0},
                            "c" + c + " speculatively fills p" + p + " through its WB TLB entry for b" + (b + 1),
                            false, d -> hw.specFill(d, cpu, p, old));
                }
            }
            long e = v.tlb(kern.cmap2[0], 0);
            int p = pageOf(e);
            if (attrOf(e) == Pte.WB && lineInvalid(v, 0, p)) {
                boolean old = oldTag(v, p) != 0;   // ... or cpu 0's WB TLB entry for its CADDR2
                out.add(0, FILL_CADDR, new long[]{p, old ? 1 : 0}, "c0 speculatively fills p" + p + " through its WB TLB entry for CADDR2",
                        false, d -> hw.specFill(d, 0, p, old));
            }
        });
    }

    private boolean lineInvalid(View v, int c, int p) { return X86Caches.state(v.word(hw.line[c][p - 1])) == X86Caches.I; }

    /** Ghost of a speculative fill (spec WBLoad): p's change away from WB is in progress. */
    private int oldTag(View v, int p) { return !chg(v, p).equals("idle") && pat(v, p) != Pte.WB ? 1 : 0; }

    private void sfBufChoices(View v, List<Op> ops) {
        for (int b = 0; b < bufs; b++) {
            int p = bm(v, b);
            // hash hit: LIST_FOREACH stops at the first sf_buf of p
            if (p != 0 && chain(v, p).get(0) == b && ref(v, b) < maxRef) ops.add(new Op(ALLOC, p, -1));
            if (ref(v, b) > 0) ops.add(new Op(FREE, b));
            if (ref(v, b) == 0 && p != 0) ops.add(new Op(RECYCLE, b));
        }
        for (int p = 1; p <= pages; p++) {
            List<Integer> mapped = chain(v, p);
            for (int b = 0; b < bufs; b++) {
                if (ref(v, b) != 0) continue;
                if (mapped.isEmpty()) ops.add(new Op(ALLOC, p, b));                   // miss taking b
                // a caller back from msleep takes b for p although another sf_buf maps p now
                // (spec SfBufAllocAfterSleep); with the re-lookup it hits p's first sf_buf
                else if (sleepers && (mapped.size() > 1 || mapped.get(0) != b)
                        && (kern.variant() != MemAttrKernel.Variant.DUP_AFTER_SLEEP_RELOOKUP || ref(v, mapped.get(0)) < maxRef))
                    ops.add(new Op(AFTER_SLEEP, p, b));
            }
        }
    }

    @Override
    public long run(int t, Op op, Ctx ctx, long[] locals) {
        switch (op.name()) {
            case ALLOC: return kern.sfBufAlloc(ctx, (int) op.arg(0), (int) op.arg(1));
            case AFTER_SLEEP: return kern.sfBufAllocAfterSleep(ctx, (int) op.arg(0), (int) op.arg(1));
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
            // data accesses: one atomic step each, the client's end-to-end record in the same step
            case READ_SF: return readAndRecord(ctx, (int) op.arg(1), () -> kern.sfBufRead(ctx, (int) op.arg(0)));
            case WRITE_SF:
                writeAndRecord(ctx, (int) op.arg(2), (int) op.arg(3), op.arg(1), () -> kern.sfBufWrite(ctx, (int) op.arg(0), op.arg(1)));
                return 0;
            // a UC page-map access: first the drain steps of the WC flush it forces, then the access
            // and its record in one step (pageRead/pageWrite)
            case READ_PM: {
                int p = (int) op.arg(0);
                return kern.pageRead(ctx, p, v -> {
                    pageMapAccessPerformed(ctx, p);
                    EndToEnd.loaded(ctx, hw, ctx.cpu(), p, v);
                });
            }
            case WRITE_PM: {
                int p = (int) op.arg(0);
                kern.pageWrite(ctx, p, op.arg(1), () -> {
                    pageMapAccessPerformed(ctx, p);
                    EndToEnd.stored(ctx, hw, p, (int) op.arg(2), op.arg(1));
                });
                return 0;
            }
            case SET_MEMATTR: kern.pmapPageSetMemattr(ctx, (int) op.arg(0), (int) op.arg(1), hw::markOld); return 0;
            default: throw new IllegalStateException("unknown op " + op);
        }
    }

    /**
     * The UcFlushesWC record of a page-map access to p, in the access's step: its memory type is p's
     * pat_mode then. The sf_buf accesses need none: their client starts a UC access only with an
     * empty WC buffer ({@link #choices}, the spec's guard NoPendingWC), so the ghost stays FALSE.
     */
    private void pageMapAccessPerformed(Ctx ctx, int p) {
        EndToEnd.performed(ctx, hw, ctx.cpu(), (int) ctx.load(kern.patMode[p - 1]));
    }

    /** A client load of {@code page} and its end-to-end record, one atomic step (the spec's DoRead). */
    private long readAndRecord(Ctx ctx, int page, java.util.function.LongSupplier load) {
        long[] r = {0};
        ctx.atomic(() -> {
            r[0] = load.getAsLong();
            EndToEnd.loaded(ctx, hw, ctx.cpu(), page, r[0]);
        });
        return r[0];
    }

    /** A client store of {@code v} to {@code page} through a mapping of type {@code attr} and its record, one atomic step (DoWrite). */
    private void writeAndRecord(Ctx ctx, int page, int attr, long v, Runnable store) {
        ctx.atomic(() -> {
            store.run();
            EndToEnd.stored(ctx, hw, page, attr, v);
        });
    }

    @Override public void complete(int t, Op op, long result, long[][] locals) {}

    static String attrName(long a) { return a == Pte.WB ? "WB" : a == Pte.UC ? "UC" : a == Pte.WC ? "WC" : "none"; }

    @Override
    public String show(Op op) {
        return switch (op.name()) {
            case ALLOC -> ALLOC + "(p" + op.arg(0) + (op.arg(1) >= 0 ? ", free b" + (op.arg(1) + 1) : "") + ")";
            case AFTER_SLEEP -> AFTER_SLEEP + "(p" + op.arg(0) + ", free b" + (op.arg(1) + 1) + ")";
            case FREE, RECYCLE, READ_SF -> op.name() + "(b" + (op.arg(0) + 1) + ")";   // READ_SF's page: the client's record
            case WRITE_SF -> op.name() + "(b" + (op.arg(0) + 1) + ", " + op.arg(1) + ")";
            case READ_PM -> op.name() + "(p" + op.arg(0) + ")";
            case WRITE_PM -> op.name() + "(p" + op.arg(0) + ", " + op.arg(1) + ")";
            case SET_MEMATTR -> op.name() + "(p" + op.arg(0) + ", " + attrName(op.arg(1)) + ")";
            default -> op.toString();
        };
    }
}
