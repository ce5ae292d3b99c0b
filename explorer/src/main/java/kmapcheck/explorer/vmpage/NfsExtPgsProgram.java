package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.View;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.vmpage.nfs.NfsWritePath;

import java.util.ArrayList;
import java.util.List;

/**
 * The four threads of spec/vmpage/NfsExtPgs.tla (nfsiod, sock, drv, vm), each the spec's most general
 * client of its role. The nfsiod's write is two ops: {@code nfs_write_rpc} (NBuild .. NSend, ending
 * at the spec's n_wait) and then {@code rpc_reply} (only once the request was ACKed) or
 * {@code rpc_timeout} (only if the model allows timeouts), which run to the spec's done. The VM ops
 * start only once the buffer lock is free and no paging is in progress (vinvalbuf / vm_object_pip_wait
 * have waited for them; the spec's ~iobusy /\ ~BufHeld).
 *
 * <p>Locals: {@link #PHASE} (nfsiod: 0 idle, 1 waiting for the reply, 2 done) and {@link #OLD} (the
 * thread's last {@code u_int old}, which the spec keeps after a loop ends).
 */
public final class NfsExtPgsProgram implements Program {
    static final int PHASE = 0, OLD = 1;
    static final int NFSIOD = 0, SOCK = 1, DRV = 2, VM = 3;
    static final String[] NAMES = {"nfsiod", "sock", "drv", "vm"};
    static final long IDLE = 0, WAIT = 1, DONE = 2;

    static final String WRITE = "nfs_write_rpc", REPLY = "rpc_reply", TIMEOUT = "rpc_timeout",
            OUTPUT = "tcp_output", ACK = "tcp_ack", CLOSE = "soclose", TXDONE = "tx_done",
            REMOVE = "vm_object_page_remove", TERMINATE = "vm_object_terminate", REUSE = "vm_page_alloc";

    private final Layout layout;
    final NfsWritePath nfs;
    final boolean allowTimeout;

    NfsExtPgsProgram(Layout layout, NfsWritePath nfs, boolean allowTimeout) {
        this.layout = layout;
        this.nfs = nfs;
        this.allowTimeout = allowTimeout;
    }

    @Override public Layout layout() { return layout; }
    @Override public int threads() { return NAMES.length; }
    @Override public String threadName(int t) { return NAMES[t]; }
    @Override public String cpuName(int c) { return "c" + c; }
    @Override public int initialCpu(int t) { return 0; }
    @Override public long[] initialLocals(int t) { return new long[]{IDLE, 0}; }

    private boolean w(View v, kmapcheck.machine.Word x) { return v.word(x) != 0; }

    @Override
    public List<Op> choices(int t, View v) {
        List<Op> ops = new ArrayList<>();
        int n = nfs.pages();
        switch (t) {
            case NFSIOD -> {
                long ph = v.local(t, PHASE);
                if (ph == IDLE && v.word(nfs.rpcState) == NfsWritePath.RPC_NONE) {
                    boolean all = true;
                    for (int p = 0; p < n; p++) all &= w(v, nfs.object[p]);
                    if (all) ops.add(new Op(WRITE));
                } else if (ph == WAIT) {
                    if (w(v, nfs.acked)) ops.add(new Op(REPLY));
                    if (allowTimeout) ops.add(new Op(TIMEOUT));
                }
            }
            case SOCK -> {
                boolean sb = w(v, nfs.sbMb);
                if (sb && !w(v, nfs.txSlot)) ops.add(new Op(OUTPUT));
                if (sb && w(v, nfs.sent)) ops.add(new Op(ACK));
                if (sb && v.word(nfs.rpcState) == NfsWritePath.RPC_TIMEDOUT) ops.add(new Op(CLOSE));
            }
            case DRV -> { if (w(v, nfs.txSlot)) ops.add(new Op(TXDONE)); }
            case VM -> {
                boolean released = !w(v, nfs.bufLock) && !w(v, nfs.pip);
                boolean any = false;
                for (int p = 0; p < n; p++) {
                    if (released && w(v, nfs.object[p])) { ops.add(new Op(REMOVE, p)); any = true; }
                }
                if (any) ops.add(new Op(TERMINATE));
                for (int p = 0; p < n; p++)
                    if (v.word(nfs.pstate[p]) == NfsWritePath.PG_FREE) ops.add(new Op(REUSE, p));
            }
            default -> throw new IllegalStateException("thread " + t);
        }
        return ops;
    }

    @Override
    public long run(int t, Op op, Ctx ctx, long[] l) {
        return switch (op.name()) {
            case WRITE -> nfs.writeRpc(ctx);
            case REPLY -> nfs.rpcDone(ctx, false);
            case TIMEOUT -> nfs.rpcDone(ctx, true);
            case OUTPUT -> nfs.tcpOutput(ctx);
            case ACK -> nfs.sbDrop(ctx, true);
            case CLOSE -> nfs.sbDrop(ctx, false);
            case TXDONE -> nfs.txDone(ctx);
            case REMOVE -> nfs.pageRemove(ctx, (int) op.arg(0));
            case TERMINATE -> nfs.terminate(ctx);
            case REUSE -> nfs.reuse(ctx, (int) op.arg(0));
            default -> throw new IllegalStateException("unknown op " + op);
        };
    }

    @Override
    public void complete(int t, Op op, long result, long[][] locals) {
        long[] l = locals[t];
        if (result != NfsWritePath.KEEP) l[OLD] = result;
        switch (op.name()) {
            case WRITE -> l[PHASE] = WAIT;
            case REPLY, TIMEOUT -> l[PHASE] = DONE;
            default -> { }
        }
    }

    /**
     * The spec's fairness: WF on the nfsiod, the driver, the ACK and the teardown; tcp_output and the
     * VM side are not forced (steps inside a started op always are).
     */
    @Override
    public boolean fair(int t, Op op) {
        return switch (op.name()) {
            case WRITE, REPLY, TIMEOUT, ACK, CLOSE, TXDONE -> true;
            default -> false;
        };
    }

    @Override public boolean mayMigrate(int t, View v) { return false; }

    @Override
    public String show(Op op) {
        return switch (op.name()) {
            case REMOVE, REUSE -> op.name() + "(pg" + (op.arg(0) + 1) + ")";
            default -> op.name() + "()";
        };
    }
}
