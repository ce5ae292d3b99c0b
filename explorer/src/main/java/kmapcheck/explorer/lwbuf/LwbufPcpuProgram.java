package kmapcheck.explorer.lwbuf;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.View;
import kmapcheck.explorer.vm.ThreadState;
import kmapcheck.lwbuf.LwbufPcpu;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;

import java.util.ArrayList;
import java.util.List;

/**
 * The clients of spec/lwbuf/LwbufPcpu.tla: threads t1.. (the spec's Threads) that allocate an lwbuf
 * (when their CPU has a free lwbuf or kernel_map a free KVA page: otherwise the kernel would
 * tsleep), call lwbuf_kva, dereference (after lwbuf_kva on this CPU), free it (on any CPU: a remote
 * free goes home by passive IPI), or kmem_alloc a page (which fails and changes nothing when
 * kernel_map is full) and read it from any CPU; and per CPU c a
 * handler thread h&lt;c&gt; pinned to c (the spec's agent c) that runs lwbuf_free_remote for each lwbuf
 * queued on c. Threads migrate between calls only (LWKT); handlers never.
 */
public final class LwbufPcpuProgram implements Program {
    // client locals
    static final int OBJ = 0;      // KVA index held (lwbuf or kmem), -1 none
    static final int KIND = 1;     // 0 none, 1 lwbuf, 2 kmem_alloc memory
    static final int WANT = 2;     // page asked for, 0 none
    static final int SEEN = 3;     // page the last access observed, 0 none
    /**
     * The KVA index lwbuf_kva returned, -1 none: set by lwbuf_kva on this CPU, dropped by alloc, free
     * and a migration (the caller must call lwbuf_kva again), so {@code VA >= 0} is the spec's synced.
     * An lwbuf is dereferenced through it, as a kernel caller does with lwbuf_kva's result.
     */
    static final int VA = 4;

    static final String ALLOC = "lwbuf_alloc", KVA = "lwbuf_kva", ACCESS = "access", FREE = "lwbuf_free",
            KMEM_ALLOC = "kmem_alloc", FREE_REMOTE = "lwbuf_free_remote";

    private final Layout layout;
    private final LwbufPcpu sys;
    private final int clients;
    private final int[] initialCpu;
    private final int[] lwbufPages, kmemPages;

    LwbufPcpuProgram(Layout layout, LwbufPcpu sys, int[] initialCpu, int[] lwbufPages, int[] kmemPages) {
        this.layout = layout;
        this.sys = sys;
        this.clients = initialCpu.length;
        this.initialCpu = initialCpu;
        this.lwbufPages = lwbufPages;
        this.kmemPages = kmemPages;
    }

    LwbufPcpu sys() { return sys; }
    int clients() { return clients; }
    boolean isHandler(int t) { return t >= clients; }
    /** The CPU a handler thread serves. */
    int handlerCpu(int t) { return t - clients; }

    @Override public Layout layout() { return layout; }
    @Override public int threads() { return clients + layout.cpus(); }
    @Override public String threadName(int t) { return isHandler(t) ? "h" + handlerCpu(t) : "t" + (t + 1); }
    @Override public String cpuName(int c) { return "c" + c; }
    @Override public int initialCpu(int t) { return isHandler(t) ? handlerCpu(t) : initialCpu[t]; }
    @Override public long[] initialLocals(int t) { return new long[]{-1, 0, 0, 0, -1}; }

    @Override
    public List<Op> choices(int t, View v) {
        List<Op> ops = new ArrayList<>();
        if (isHandler(t)) {
            for (int k : LwbufPcpu.pending(v.word(sys.ipiq(handlerCpu(t))))) ops.add(new Op(FREE_REMOTE, k));
            return ops;
        }
        switch ((int) v.local(t, KIND)) {
            case 0 -> {
                if (LwbufPcpu.canAlloc(v.word(sys.fpages(v.cpu(t))), v.word(sys.kernelMap())))
                    for (int p : lwbufPages) ops.add(new Op(ALLOC, p));
                for (int p : kmemPages) ops.add(new Op(KMEM_ALLOC, p));     // fails (returns 0) when kernel_map is full
            }
            case 1 -> {
                ops.add(new Op(KVA));
                if (v.local(t, VA) >= 0) ops.add(new Op(ACCESS));
                ops.add(new Op(FREE));
            }
            default -> ops.add(new Op(ACCESS));
        }
        return ops;
    }

    @Override
    public long run(int t, Op op, Ctx ctx, long[] l) {
        return switch (op.name()) {
            case ALLOC -> sys.alloc(ctx, (int) op.arg(0));
            case KVA -> sys.kvaOf(ctx, (int) l[OBJ]);
            case ACCESS -> Pte.page(ctx.access(sys.kva((int) (l[KIND] == 1 ? l[VA] : l[OBJ]))));
            case FREE -> { sys.free(ctx, (int) l[OBJ]); yield 0; }
            case KMEM_ALLOC -> sys.kmemAlloc(ctx, (int) op.arg(0));
            case FREE_REMOTE -> { sys.freeRemote(ctx, (int) op.arg(0)); yield 0; }
            default -> throw new IllegalStateException("unknown op " + op);
        };
    }

    @Override
    public void complete(int t, Op op, long result, long[][] locals) {
        long[] l = locals[t];
        switch (op.name()) {
            case ALLOC -> { l[OBJ] = result; l[KIND] = 1; l[WANT] = op.arg(0); l[SEEN] = 0; l[VA] = -1; }
            case KMEM_ALLOC -> { if (result < 0) return;                  // kmem_alloc returned 0: the user keeps nothing
                l[OBJ] = result; l[KIND] = 2; l[WANT] = op.arg(0); l[SEEN] = 0; l[VA] = -1; }
            case KVA -> { l[VA] = result; }
            case ACCESS -> l[SEEN] = result;
            case FREE -> { l[OBJ] = -1; l[KIND] = 0; l[WANT] = 0; l[SEEN] = 0; l[VA] = -1; }
            case FREE_REMOTE -> { }
            default -> throw new IllegalStateException("unknown op " + op);
        }
    }

    @Override public void onMigrate(int t, long[] l) { l[VA] = -1; }

    /** LWKT: clients migrate only between calls; a handler is its CPU's. */
    @Override
    public boolean mayMigrate(int t, View v) { return !isHandler(t) && v.status(t) == ThreadState.Status.IDLE; }

    @Override
    public String show(Op op) {
        return switch (op.name()) {
            case ALLOC, KMEM_ALLOC -> op.name() + "(p" + op.arg(0) + ")";
            case FREE_REMOTE -> op.name() + "(kva" + op.arg(0) + ")";
            default -> op.name() + "()";
        };
    }
}
