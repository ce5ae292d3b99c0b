package kmapcheck.explorer.lwbuf;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.vm.ThreadState;
import kmapcheck.explorer.View;
import kmapcheck.lwbuf.LwbufSubsystem;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Sort;

import java.util.ArrayList;
import java.util.List;

/**
 * The most general lwbuf client, the same as the spec's threads: an idle thread allocates any page;
 * a thread with an lwbuf calls lwbuf_kva, dereferences (only after lwbuf_kva on this CPU or
 * set_global, per lwbuf(9)), calls lwbuf_set_global, frees it, or hands it to an idle thread.
 * DoubleFree (LwbufMisuse.tla): an idle thread may also call lwbuf_free again on the lwbuf it freed
 * last (a stale pointer).
 */
public final class LwbufProgram implements Program {
    // thread locals
    static final int OBJ = 0;      // lwbuf in use, -1 none
    static final int WANT = 1;     // page its allocation asked for, 0 none
    static final int GLOB = 2;     // lwbuf_set_global completed
    static final int SEEN = 3;     // page observed by the last access, 0 none
    static final int NEXT = 4;     // scripted programs: index of the next step
    /**
     * The KVA index lwbuf_kva returned, -1 none: set by lwbuf_kva on this CPU, dropped by alloc, free,
     * hand-off and a migration (the caller must call lwbuf_kva again), so {@code VA >= 0} is the
     * spec's synced. An access goes through it, as a kernel caller dereferences lwbuf_kva's result;
     * without it (after lwbuf_set_global, or NoAccessContract) the access uses lwb->kva.
     */
    static final int VA = 5;
    /** DoubleFree (LwbufMisuse.tla's stale): the lwbuf this thread freed last and still points to, -1 none. */
    static final int STALE = 6;

    static final String ALLOC = "lwbuf_alloc", KVA = "lwbuf_kva", ACCESS = "access", SET_GLOBAL = "lwbuf_set_global",
            FREE = "lwbuf_free", HANDOFF = "handoff", FREE_STALE = "lwbuf_free(stale)";

    private final Layout layout;
    private final LwbufSubsystem sys;
    private final int pages;
    private final int[] initialCpu;
    private final boolean accessContract;
    /** No LWKT guarantee inside lwbuf_kva (MigrateInKva): a thread may migrate in the middle of it. */
    private final boolean migrateInKva;
    /** DoubleFree (spec/lwbuf/LwbufMisuse.tla): an idle client may call lwbuf_free again on the lwbuf it freed last. */
    private final boolean doubleFree;
    /** Per thread: a scripted program, or null for the most general client. */
    private final kmapcheck.explorer.Script[] scripts;

    LwbufProgram(Layout layout, LwbufSubsystem sys, int pages, int[] initialCpu, boolean accessContract, boolean migrateInKva,
                 kmapcheck.explorer.Script[] scripts) {
        this(layout, sys, pages, initialCpu, accessContract, migrateInKva, false, scripts);
    }

    LwbufProgram(Layout layout, LwbufSubsystem sys, int pages, int[] initialCpu, boolean accessContract, boolean migrateInKva,
                 boolean doubleFree, kmapcheck.explorer.Script[] scripts) {
        this.doubleFree = doubleFree;
        this.scripts = scripts;
        this.layout = layout;
        this.sys = sys;
        this.pages = pages;
        this.initialCpu = initialCpu;
        this.accessContract = accessContract;
        this.migrateInKva = migrateInKva;
    }

    @Override public Layout layout() { return layout; }
    @Override public int threads() { return initialCpu.length; }
    @Override public String threadName(int t) { return "t" + (t + 1); }
    @Override public String cpuName(int c) { return "c" + c; }
    @Override public int initialCpu(int t) { return initialCpu[t]; }
    @Override public long[] initialLocals(int t) { return new long[]{-1, 0, 0, 0, 0, -1, -1}; }
    boolean doubleFree() { return doubleFree; }

    @Override
    public List<Op> choices(int t, View v) {
        if (scripts[t] != null) return scripted(t, v);
        List<Op> ops = new ArrayList<>();
        if (v.local(t, OBJ) < 0) {
            for (int p = 1; p <= pages; p++) ops.add(new Op(ALLOC, p));
            if (doubleFree && v.local(t, STALE) >= 0) ops.add(new Op(FREE_STALE));   // the bug: free it again
            return ops;
        }
        ops.add(new Op(KVA));
        if (!accessContract || v.local(t, VA) >= 0 || v.local(t, GLOB) != 0) ops.add(new Op(ACCESS));
        ops.add(new Op(SET_GLOBAL));
        ops.add(new Op(FREE));
        for (int u = 0; u < threads(); u++)
            if (u != t && v.status(u) == ThreadState.Status.IDLE && v.local(u, OBJ) < 0) ops.add(new Op(HANDOFF, u));
        return ops;
    }

    /** The next step of thread t's script, if the API contract allows it now. */
    private List<Op> scripted(int t, View v) {
        int i = (int) v.local(t, NEXT);
        if (i >= scripts[t].size()) return List.of();
        List<Op> allowed = new ArrayList<>();
        for (Op op : scripts[t].ops(i, st -> args -> resolve(st.name(), args)))
            if (legal(t, op, v)) allowed.add(op);
        return allowed;
    }

    /** A scripted step as an op: page arguments p1.., thread arguments t1.. */
    private Op resolve(String name, List<String> args) {
        switch (name) {
            case ALLOC:
                if (args.size() != 1 || !args.get(0).matches("p[1-9]") || Integer.parseInt(args.get(0).substring(1)) > pages)
                    throw new kmapcheck.explorer.Scenario.ScenarioException("lwbuf_alloc needs one page p1..p" + pages + ", got " + args);
                return new Op(ALLOC, Long.parseLong(args.get(0).substring(1)));
            case HANDOFF:
                if (args.size() != 1 || !args.get(0).matches("t[1-9]") || Integer.parseInt(args.get(0).substring(1)) > threads())
                    throw new kmapcheck.explorer.Scenario.ScenarioException("handoff needs one thread t1..t" + threads() + ", got " + args);
                return new Op(HANDOFF, Long.parseLong(args.get(0).substring(1)) - 1);
            case KVA: case ACCESS: case SET_GLOBAL: case FREE:
                if (!args.isEmpty()) throw new kmapcheck.explorer.Scenario.ScenarioException(name + " takes no arguments");
                return new Op(name);
            default:
                throw new kmapcheck.explorer.Scenario.ScenarioException("unknown lwbuf step '" + name
                        + "' (known: lwbuf_alloc(pN), lwbuf_kva, access, lwbuf_set_global, lwbuf_free, handoff(tN))");
        }
    }

    /** The same preconditions the most general client respects. */
    private boolean legal(int t, Op op, View v) {
        boolean holding = v.local(t, OBJ) >= 0;
        return switch (op.name()) {
            case ALLOC -> !holding;
            case ACCESS -> holding && (!accessContract || v.local(t, VA) >= 0 || v.local(t, GLOB) != 0);
            case HANDOFF -> holding && op.arg(0) != t && v.status((int) op.arg(0)) == ThreadState.Status.IDLE
                    && v.local((int) op.arg(0), OBJ) < 0;
            default -> holding;
        };
    }

    @Override
    public long run(int t, Op op, Ctx ctx, long[] l) {
        switch (op.name()) {
            case ALLOC: return sys.alloc(ctx, (int) op.arg(0)).id;
            case KVA: return sys.kva(ctx, sys.obj((int) l[OBJ]));
            case ACCESS: return Pte.page(ctx.access(l[VA] >= 0 ? layout.kvas().get((int) l[VA]) : sys.obj((int) l[OBJ]).kva));
            case SET_GLOBAL: sys.setGlobal(ctx, sys.obj((int) l[OBJ])); return 0;
            case FREE: sys.free(ctx, sys.obj((int) l[OBJ])); return 0;
            case FREE_STALE: sys.free(ctx, sys.obj((int) l[STALE])); return 0;
            case HANDOFF: return 0;   // caller-level: the receiver now owns the reference
            default: throw new IllegalStateException("unknown op " + op);
        }
    }

    @Override
    public void complete(int t, Op op, long result, long[][] locals) {
        long[] l = locals[t];
        if (scripts[t] != null) l[NEXT]++;
        switch (op.name()) {
            case ALLOC -> { l[OBJ] = result; l[WANT] = op.arg(0); l[GLOB] = 0; l[SEEN] = 0; l[VA] = -1; l[STALE] = -1; }
            case KVA -> { l[VA] = result; }
            case ACCESS -> l[SEEN] = result;
            case SET_GLOBAL -> l[GLOB] = 1;
            case FREE -> { if (doubleFree) l[STALE] = l[OBJ];
                l[OBJ] = -1; l[WANT] = 0; l[GLOB] = 0; l[SEEN] = 0; l[VA] = -1; }
            case FREE_STALE -> l[STALE] = -1;
            case HANDOFF -> {
                long[] u = locals[(int) op.arg(0)];
                u[OBJ] = l[OBJ]; u[WANT] = l[WANT]; u[GLOB] = l[GLOB]; u[SEEN] = 0; u[VA] = -1;   // u's NEXT is its own
                l[OBJ] = -1; l[WANT] = 0; l[GLOB] = 0; l[SEEN] = 0; l[VA] = -1;
            }
            default -> throw new IllegalStateException("unknown op " + op);
        }
    }

    @Override public void onMigrate(int t, long[] l) { l[VA] = -1; }

    /** Liveness (LwbufSleep's AllocEventuallySucceeds) relies on a holder calling lwbuf_free (WF FreeS); a new lwbuf_alloc is never obligated. */
    @Override public boolean fair(int t, Op op) { return op.name().equals(FREE); }

    /**
     * DragonFly LWKT threads migrate only between calls (kernel-brief §2.5.4); MigrateInKva drops the
     * guarantee inside lwbuf_kva (the spec's Migrate: ~InOp(t) or pc in KvaPcs).
     */
    @Override
    public boolean mayMigrate(int t, View v) {
        if (v.status(t) == ThreadState.Status.IDLE) return true;
        return migrateInKva && v.op(t) != null && v.op(t).name().equals(KVA);
    }

    /**
     * Symmetry (the MC*Sym modules' SYMMETRY): Pages always (no page is special: lwb->m, PTEs and
     * TLB entries, WANT/SEEN and lwbuf_alloc's argument name pages 1..), Threads when every thread
     * is the most general client (a script makes threads differ). Objs and CPUs are not offered:
     * objcache's stack word and the per-CPU masks are not declared by sort.
     */
    @Override
    public java.util.Map<String, Integer> symmetricSets() {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        if (java.util.Arrays.stream(scripts).allMatch(java.util.Objects::isNull)) out.put(Sort.THREADS, threads());
        out.put(Sort.PAGES, pages);
        return out;
    }

    @Override
    public Sort localSort(int t, int i) {
        return i == WANT || i == SEEN ? Sort.elem(Sort.PAGES, 1) : Sort.PLAIN;   // 0 = none is never renamed
    }

    @Override
    public Sort argSort(Op op, int i) {
        return switch (op.name()) {
            case ALLOC -> Sort.elem(Sort.PAGES, 1);
            case HANDOFF -> Sort.elem(Sort.THREADS, 0);
            default -> Sort.PLAIN;
        };
    }

    /**
     * PG_A of an lwbuf KVA is a dead bit (issue 12: one of the two Java-only components that made the
     * explorer's states outnumber the spec's): LwbufSubsystem never loads a PTE (no pteLoad/pteSwap;
     * lwbuf_alloc's pmap_kenter_quick stores a whole new PTE, so an old PG_A never survives), a TLB
     * entry never carries it (Pte.tlbEntry), an access tests only PG_V and the page, and
     * LwbufMapping reads only Pte.valid/Pte.page. So two states that differ only in these bits have
     * the same successors up to them and the same verdicts: not recording it is sound.
     */
    @Override public boolean observesAccessedBit(kmapcheck.machine.Kva k) { return false; }

    /**
     * Lazy choice of lwbuf_alloc's page (issue 12: a sleeper's page was the other Java-only
     * component): a most general client asleep in objcache_get forgets the page it asked for (0, the
     * placeholder) and chooses it again when it resumes ({@link #bindings}). Sound: lwbuf_alloc
     * reads m only after objcache_get has returned an object (lwb->m = m, the PTE), so the steps up
     * to the resumption and their log are the same for every page; the client may pass any page; and
     * no spec variable holds a getter's page (LwbufMapping: want = NoPage until the object is
     * taken). Scripted threads keep theirs (the script fixes it).
     */
    @Override
    public Op suspended(int t, Op op, long[] log) {
        return scripts[t] == null && op.name().equals(ALLOC) ? new Op(ALLOC, 0) : op;
    }

    @Override
    public List<Op> bindings(int t, Op op) {
        if (!op.name().equals(ALLOC) || op.arg(0) != 0) return List.of(op);
        List<Op> out = new ArrayList<>();
        for (int p = 1; p <= pages; p++) out.add(new Op(ALLOC, p));
        return out;
    }

    @Override
    public String show(Op op) {
        return switch (op.name()) {
            case ALLOC -> ALLOC + (op.arg(0) == 0 ? "(a page chosen on wakeup)" : "(p" + op.arg(0) + ")");
            case HANDOFF -> HANDOFF + "(t" + (op.arg(0) + 1) + ")";
            case FREE_STALE -> FREE_STALE;
            default -> op.name() + "()";
        };
    }
}
