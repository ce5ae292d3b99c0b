package kmapcheck.explorer.sfbuf;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.vm.ThreadState;
import kmapcheck.explorer.View;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Sort;
import kmapcheck.sfbuf.SfBufCache;
import kmapcheck.sfbuf.SfBufProbe;

import java.util.ArrayList;
import java.util.List;

/**
 * The spec's most general sf_buf client (spec/sfbuf/SfBuf.tla ThreadStep): an idle thread allocates
 * any page with any allowed flag set (while it holds fewer than MaxHeld references), frees or
 * re-references a buffer it holds, dereferences it (TLB models), pins/unpins itself (SMP); with a
 * wiring protocol, a sendfile iteration wires the page before sf_buf_alloc and the caller unwires as
 * the protocol says (FreeBSD 2004 sf_buf_mext: the page to unwire is sf_buf_page's result, read
 * before sf_buf_free). Caller discipline (sf_buf(9)): SFB_CPUPRIVATE only while pinned, unpin only when
 * holding nothing, unless the scenario's bug is PrivateUnpinned.
 */
public final class SfBufProgram implements Program {
    // thread locals: client pc, pending page, then per buffer (holds, asked, privcpu+1, seen)
    static final int CPC = 0, REQ = 1, PER_BUF = 2, NB = 4;
    static final int HOLDS = 0, ASKED = 1, PRIV = 2, SEEN = 3;
    static final long PC_IDLE = 0, PC_WIRED = 1, PC_UNWIRE = 2;
    static final long SEEN_FAULT = -1;

    static final String ALLOC = "sf_buf_alloc", FREE = "sf_buf_free", REF = "sf_buf_ref", ACCESS = "access",
            PIN = "sched_pin", UNPIN = "sched_unpin", WIRE = "vm_page_wire", UNWIRE = "vm_page_unwire";

    private final Layout layout;
    final SfBufCache sys;
    final int pages;
    final int[] initialCpu;
    final List<Integer> flagChoices;
    final int maxHeld;
    final boolean pinDiscipline;
    /** The spec's TLB constant: reads through sf->kva (Access). */
    final boolean tlb;
    /** Some flag set passes SFB_CPUPRIVATE: only then do clients pin (spec Pin). */
    final boolean anyPrivate;
    /** Bound on a page's wire count before another sendfile iteration may wire it (MC CONSTRAINT), or -1. */
    final int maxWire;

    SfBufProgram(Layout layout, SfBufCache sys, int[] initialCpu, List<Integer> flagChoices, int maxHeld, boolean pinDiscipline,
                 int maxWire, boolean tlb) {
        this.maxWire = maxWire;
        this.anyPrivate = flagChoices.stream().anyMatch(f -> (f & SfBufCache.SFB_CPUPRIVATE) != 0);
        this.tlb = tlb;
        this.layout = layout;
        this.sys = sys;
        this.pages = sys.pages();
        this.initialCpu = initialCpu;
        this.flagChoices = flagChoices;
        this.maxHeld = maxHeld;
        this.pinDiscipline = pinDiscipline;
    }

    static int at(int b, int field) { return PER_BUF + NB * b + field; }

    @Override public Layout layout() { return layout; }
    @Override public int threads() { return initialCpu.length; }
    @Override public String threadName(int t) { return "t" + (t + 1); }
    @Override public String cpuName(int c) { return "c" + (c + 1); }
    @Override public int initialCpu(int t) { return initialCpu[t]; }
    @Override public long[] initialLocals(int t) { return new long[PER_BUF + NB * sys.nbufs()]; }

    long totalHeld(View v, int t) {
        long n = 0;
        for (int b = 0; b < sys.nbufs(); b++) n += v.local(t, at(b, HOLDS));
        return n;
    }

    @Override
    public List<Op> choices(int t, View v) {
        List<Op> ops = new ArrayList<>();
        boolean wiring = sys.config().wiring() != SfBufCache.Wiring.NONE;
        boolean smp = sys.config().smp();
        long cpc = v.local(t, CPC);
        long held = totalHeld(v, t);
        if (cpc == PC_UNWIRE) { ops.add(new Op(UNWIRE)); return ops; }
        if (cpc == PC_WIRED) {
            if (held < maxHeld) for (int f : flagChoices) ops.add(new Op(ALLOC, v.local(t, REQ), f));
            return ops;
        }
        if (held < maxHeld) {
            if (wiring) {
                for (int p = 1; p <= pages; p++)
                    if (maxWire < 0 || v.word(sys.wireWord(p)) < maxWire) ops.add(new Op(WIRE, p));
            }
            else for (int p = 1; p <= pages; p++)
                for (int f : flagChoices)
                    if ((f & SfBufCache.SFB_CPUPRIVATE) == 0 || !pinDiscipline || v.pinned(t)) ops.add(new Op(ALLOC, p, f));
        }
        for (int b = 0; b < sys.nbufs(); b++) {
            if (v.local(t, at(b, HOLDS)) == 0) continue;
            ops.add(new Op(FREE, b));
            if (!wiring && held < maxHeld) ops.add(new Op(REF, b));
            if (tlb) ops.add(new Op(ACCESS, b));
        }
        if (smp && !sys.config().dfly2004()) {     // DragonFly has no sched_pin
            // only SFB_CPUPRIVATE callers pin (spec Pin: some flag set has PRIV)
            if (!v.pinned(t)) { if (anyPrivate) ops.add(new Op(PIN)); }
            else if (!pinDiscipline || held == 0) ops.add(new Op(UNPIN));
        }
        return ops;
    }

    /** Spec fairness: WF(FreeAny(t)), WF(Unwire(t)); no fairness on starting anything else. */
    @Override public boolean fair(int t, Op op) { return op.name().equals(FREE) || op.name().equals(UNWIRE); }

    @Override
    public long run(int t, Op op, Ctx ctx, long[] l) {
        switch (op.name()) {
            case ALLOC: {
                long r = sys.alloc(ctx, (int) op.arg(0), (int) op.arg(1));
                // the CPU the reference was taken on (ghost privcpu); thread-local, the thread is pinned
                // or cannot migrate inside an op
                return r == SfBufCache.NULL ? 0 : r | ((long) ctx.cpu() << 8);
            }
            case FREE: {
                int b = (int) op.arg(0);
                if (sys.config().wiring() != SfBufCache.Wiring.UNWIRE_PER_FREE) { sys.free(ctx, b); return 0; }
                // sf_buf_mext (FreeBSD 2004): m = sf_buf_page(sf); sf_buf_free(sf); then the caller unwires m
                long m = sys.page(ctx, b);
                SfBufProbe.at(ctx, "mext", b, 0, false, 0);
                SfBufProbe.page(ctx, m);
                sys.free(ctx, b);
                return m;
            }
            case REF: sys.ref(ctx, (int) op.arg(0)); return 0;
            case ACCESS: {
                long e = sys.access(ctx, (int) op.arg(0));
                return Pte.valid(e) ? Pte.page(e) : SEEN_FAULT;
            }
            case PIN: ctx.pin(); return 0;
            case UNPIN: ctx.unpin(); return 0;
            case WIRE: sys.wire(ctx, (int) op.arg(0)); return 0;
            case UNWIRE: sys.unwire(ctx, (int) l[REQ]); return 0;
            default: throw new IllegalStateException("unknown op " + op);
        }
    }

    @Override
    public void complete(int t, Op op, long result, long[][] locals) {
        long[] l = locals[t];
        boolean wiring = sys.config().wiring() != SfBufCache.Wiring.NONE;
        switch (op.name()) {
            case ALLOC -> {
                if (result == 0) {   // NULL: AfterNull
                    if (wiring) { l[CPC] = PC_UNWIRE; l[REQ] = op.arg(0); } else { l[CPC] = PC_IDLE; l[REQ] = 0; }
                    return;
                }
                int b = (int) (result & 0xFF) - 1;
                int cpu = (int) (result >>> 8);
                int f = (int) op.arg(1);
                boolean first = l[at(b, HOLDS)] == 0;
                l[at(b, HOLDS)]++;
                if (first) l[at(b, ASKED)] = op.arg(0);
                if ((f & (SfBufCache.SFB_CPUPRIVATE | SfBufCache.SFBA_QUICK)) == 0) l[at(b, PRIV)] = 0;
                else if (first) l[at(b, PRIV)] = cpu + 1;
                l[CPC] = PC_IDLE;
                l[REQ] = 0;
            }
            case FREE -> released(l, (int) op.arg(0), result);
            case REF -> l[at((int) op.arg(0), HOLDS)]++;
            case ACCESS -> l[at((int) op.arg(0), SEEN)] = result;
            case PIN, UNPIN -> { }
            case WIRE -> { l[CPC] = PC_WIRED; l[REQ] = op.arg(0); }
            case UNWIRE -> { l[CPC] = PC_IDLE; l[REQ] = 0; }
            default -> throw new IllegalStateException("unknown op " + op);
        }
    }

    /**
     * The client's side of sf_buf_free(b): the reference is gone (the spec's Free; the mapping applies
     * it to a thread whose sf_buf_free is past ref_count-- but not yet returned). {@code page}: the
     * page sf_buf_mext read with sf_buf_page, to unwire next (UnwirePerFree).
     */
    void released(long[] l, int b, long page) {
        l[at(b, HOLDS)]--;
        if (l[at(b, HOLDS)] == 0) { l[at(b, ASKED)] = 0; l[at(b, PRIV)] = 0; l[at(b, SEEN)] = 0; }
        if (sys.config().wiring() == SfBufCache.Wiring.UNWIRE_PER_FREE) { l[CPC] = PC_UNWIRE; l[REQ] = page; }
        else { l[CPC] = PC_IDLE; l[REQ] = 0; }
    }

    /**
     * The spec's Migrate: only an idle (between operations) unpinned thread; DragonFly 2004 (LWKT: no
     * involuntary migration) only while it holds no SFBA_QUICK-only reference, unless the bug is
     * QuickMigrate.
     */
    @Override
    public boolean mayMigrate(int t, View v) {
        if (v.status(t) != ThreadState.Status.IDLE) return false;
        if (!sys.config().dfly2004() || sys.config().bug() == SfBufCache.Bug.QUICK_MIGRATE) return true;
        for (int b = 0; b < sys.nbufs(); b++) if (v.local(t, at(b, PRIV)) != 0) return false;
        return true;
    }

    /**
     * Symmetry (spec/sfbuf/MC*Sym: Permutations(Threads) \cup Permutations(Pages)): every thread is
     * the same most general client and the spec's Init lets any thread start on any CPU; no page is
     * special (sf->m, the PTEs and TLB entries, page i's wire count, the pages in REQ/ASKED/SEEN and
     * in sf_buf_alloc's and vm_page_wire's arguments are declared). Bufs are not symmetric (the free
     * list's order), nor CPUs (PRIV and cpumask are not declared by sort).
     */
    @Override
    public java.util.Map<String, Integer> symmetricSets() {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        out.put(Sort.THREADS, threads());
        out.put(Sort.PAGES, pages);
        return out;
    }

    @Override
    public Sort localSort(int t, int i) {
        if (i == REQ) return Sort.elem(Sort.PAGES, 1);                   // 0 = none is never renamed
        if (i < PER_BUF) return Sort.PLAIN;
        int field = (i - PER_BUF) % NB;
        return field == ASKED || field == SEEN ? Sort.elem(Sort.PAGES, 1) : Sort.PLAIN;   // SEEN_FAULT (-1) stays
    }

    @Override
    public Sort argSort(Op op, int i) {
        return (op.name().equals(ALLOC) || op.name().equals(WIRE)) && i == 0 ? Sort.elem(Sort.PAGES, 1) : Sort.PLAIN;
    }

    static String flagsText(long f) {
        List<String> s = new ArrayList<>();
        if ((f & SfBufCache.SFB_CATCH) != 0) s.add("SFB_CATCH");
        if ((f & SfBufCache.SFB_NOWAIT) != 0) s.add("SFB_NOWAIT");
        if ((f & SfBufCache.SFB_CPUPRIVATE) != 0) s.add("SFB_CPUPRIVATE");
        if ((f & SfBufCache.SFBA_QUICK) != 0) s.add("SFBA_QUICK");
        return s.isEmpty() ? "0" : String.join("|", s);
    }

    @Override
    public String show(Op op) {
        return switch (op.name()) {
            case ALLOC -> ALLOC + "(p" + op.arg(0) + ", " + flagsText(op.arg(1)) + ")";
            case FREE, REF, ACCESS -> op.name() + "(b" + (op.arg(0) + 1) + ")";
            case WIRE -> WIRE + "(p" + op.arg(0) + ")";
            default -> op.name() + "()";
        };
    }
}
