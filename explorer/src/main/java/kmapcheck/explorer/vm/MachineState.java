package kmapcheck.explorer.vm;

import java.util.Arrays;

/** A state of the simulated machine plus its threads; encodes to a flat key for state matching. */
public final class MachineState {
    public final long[] mem;
    public final ThreadState[] threads;

    public MachineState(long[] mem, ThreadState[] threads) {
        this.mem = mem;
        this.threads = threads;
    }

    public MachineState copy() {
        ThreadState[] ts = new ThreadState[threads.length];
        for (int i = 0; i < ts.length; i++) ts[i] = threads[i].copy();
        return new MachineState(mem.clone(), ts);
    }

    /** The exact encoding: two states are the same iff their encodings are equal. */
    public long[] encode() {
        int n = 1 + mem.length;
        for (ThreadState t : threads) n += t.encodedSize();
        long[] k = new long[n];
        k[0] = mem.length;
        System.arraycopy(mem, 0, k, 1, mem.length);
        int at = 1 + mem.length;
        for (ThreadState t : threads) {
            t.encode(k, at);
            at += t.encodedSize();
        }
        return k;
    }

    public static MachineState decode(long[] k, int nthreads, Ops ops) {
        int m = (int) k[0];
        long[] mem = Arrays.copyOfRange(k, 1, 1 + m);
        ThreadState[] ts = new ThreadState[nthreads];
        int at = 1 + m;
        for (int i = 0; i < nthreads; i++) {
            ts[i] = new ThreadState();
            at = ThreadState.decode(k, at, ts[i], ops);
        }
        return new MachineState(mem, ts);
    }
}
