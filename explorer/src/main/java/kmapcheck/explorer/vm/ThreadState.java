package kmapcheck.explorer.vm;

import kmapcheck.explorer.Op;

import java.util.Arrays;

/**
 * Everything the explorer knows about one simulated thread. Its local state inside an operation is
 * (op, log of primitive results): the operation is resumed by re-running it and replaying the log.
 */
public final class ThreadState {
    public enum Status { IDLE, RUNNING, SLEEPING, WOKEN }

    public Status status = Status.IDLE;
    public int cpu;
    public int pinned;
    /** A signal is pending (Java: interrupt status). */
    public boolean signal;
    public int signalsLeft;
    public int migrationsLeft;
    /** Sleep queue index while SLEEPING/WOKEN, else -1. */
    public int sleepQueue = -1;
    public boolean interruptibleSleep;
    /** WOKEN by a signal (msleep returns an error) rather than by a wakeup. */
    public boolean wokenBySignal;
    /** The current op, or null when IDLE. */
    public Op op;
    /** Transitions taken in the current op (since its last forgotten loop iteration). */
    public int steps;
    public long[] log = new long[0];
    public long[] locals;

    ThreadState copy() {
        ThreadState t = new ThreadState();
        t.status = status; t.cpu = cpu; t.pinned = pinned; t.signal = signal; t.signalsLeft = signalsLeft;
        t.migrationsLeft = migrationsLeft; t.sleepQueue = sleepQueue; t.interruptibleSleep = interruptibleSleep;
        t.wokenBySignal = wokenBySignal; t.op = op; t.steps = steps; t.log = log; t.locals = locals.clone();
        return t;
    }

    int encodedSize() { return 13 + (op == null ? 0 : op.args().length) + log.length + locals.length; }

    void encode(long[] out, int at) {
        out[at++] = status.ordinal();
        out[at++] = cpu;
        out[at++] = pinned;
        out[at++] = signal ? 1 : 0;
        out[at++] = signalsLeft;
        out[at++] = migrationsLeft;
        out[at++] = sleepQueue;
        out[at++] = (interruptibleSleep ? 1 : 0) | (wokenBySignal ? 2 : 0);
        if (op == null) {
            out[at++] = 0;
            out[at++] = -1;
        } else {
            out[at++] = op.name().hashCode();
            long[] a = op.args();
            out[at++] = a.length;
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        out[at++] = steps;
        out[at++] = log.length;
        System.arraycopy(log, 0, out, at, log.length);
        at += log.length;
        out[at++] = locals.length;
        System.arraycopy(locals, 0, out, at, locals.length);
    }

    static int decode(long[] in, int at, ThreadState t, Ops ops) {
        t.status = Status.values()[(int) in[at++]];
        t.cpu = (int) in[at++];
        t.pinned = (int) in[at++];
        t.signal = in[at++] != 0;
        t.signalsLeft = (int) in[at++];
        t.migrationsLeft = (int) in[at++];
        t.sleepQueue = (int) in[at++];
        long f = in[at++];
        t.interruptibleSleep = (f & 1) != 0;
        t.wokenBySignal = (f & 2) != 0;
        int name = (int) in[at++];
        int nargs = (int) in[at++];
        if (nargs < 0) {
            t.op = null;
        } else {
            t.op = ops.lookup(name, Arrays.copyOfRange(in, at, at + nargs));
            at += nargs;
        }
        t.steps = (int) in[at++];
        int n = (int) in[at++];
        t.log = Arrays.copyOfRange(in, at, at + n);
        at += n;
        int m = (int) in[at++];
        t.locals = Arrays.copyOfRange(in, at, at + m);
        return at + m;
    }
}
