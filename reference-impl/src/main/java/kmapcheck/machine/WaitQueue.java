package kmapcheck.machine;

/**
 * A sleep queue (msleep channel / Java Condition) with its interlock. Its word holds the sleeping
 * threads in FIFO order, 4 bits each (thread id + 1), oldest in the low bits.
 */
public record WaitQueue(int index, int addr, String name, Lock interlock) {
    public static final int MAX_SLEEPERS = 15;

    public static int size(long q) {
        int n = 0;
        while (q != 0) { n++; q >>>= 4; }
        return n;
    }

    public static int head(long q) { return (int) (q & 0xF) - 1; }

    public static long append(long q, int tid) {
        int n = size(q);
        if (n >= MAX_SLEEPERS) throw new IllegalStateException("too many sleepers");
        return q | ((long) (tid + 1) << (4 * n));
    }

    public static long remove(long q, int tid) {
        long out = 0;
        int n = 0;
        for (; q != 0; q >>>= 4) {
            long e = q & 0xF;
            if (e != tid + 1) out |= e << (4 * n++);
        }
        return out;
    }

    public static boolean contains(long q, int tid) {
        for (; q != 0; q >>>= 4) if ((q & 0xF) == tid + 1) return true;
        return false;
    }

    @Override public String toString() { return name; }
}
