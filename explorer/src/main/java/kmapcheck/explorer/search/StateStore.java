package kmapcheck.explorer.search;

import java.util.Arrays;

/**
 * The distinct states found so far, as TLC keeps them: a 64-bit fingerprint and the id of the
 * parent state per state (ids are assigned in BFS order, so depth follows from the level a state
 * was found in), plus an open-addressing table from fingerprint to id. 12 bytes per state and
 * 12 bytes per table slot (load factor at most 3/4, so 16 to 32 bytes per state); states
 * themselves are rebuilt from the initial state for traces.
 *
 * <p>Not thread-safe for writers: only the search's merge step adds states; workers only call
 * {@link #find} while nothing is added.
 */
public final class StateStore {
    private long[] fps = new long[1 << 12];
    private int[] parents = new int[1 << 12];
    private long[] tableFp = new long[1 << 13];  // fingerprint of the state in the slot
    private int[] table = new int[1 << 13];      // state id + 1, 0 = empty
    private int size;

    public int size() { return size; }

    public long fingerprint(int id) { return fps[id]; }

    public int parent(int id) { return parents[id]; }

    /** The id of the state with fingerprint {@code fp}, or -1. */
    public int find(long fp) {
        int mask = table.length - 1;
        for (int i = slot(fp, mask); ; i = (i + 1) & mask) {
            int e = table[i];
            if (e == 0) return -1;
            if (tableFp[i] == fp) return e - 1;
        }
    }

    /** Adds a state (its fingerprint must be new); returns its id. */
    public int add(long fp, int parent) {
        if (size == fps.length) {
            fps = Arrays.copyOf(fps, size * 2);
            parents = Arrays.copyOf(parents, size * 2);
        }
        if ((size + 1) * 4L > table.length * 3L) rehash(table.length * 2);
        int id = size++;
        fps[id] = fp;
        parents[id] = parent;
        insert(id);
        return id;
    }

    private void insert(int id) {
        int mask = table.length - 1;
        int i = slot(fps[id], mask);
        while (table[i] != 0) i = (i + 1) & mask;
        table[i] = id + 1;
        tableFp[i] = fps[id];
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        tableFp = new long[capacity];
        for (int id = 0; id < size; id++) insert(id);
    }

    private static int slot(long fp, int mask) { return (int) (fp ^ (fp >>> 32)) & mask; }

    /**
     * Bytes of heap this store holds, from its own arrays: 8 per fingerprint and 4 per parent id
     * (per state slot allocated), 8 + 4 per table slot, plus an array header (16) each.
     */
    public long bytes() {
        return 8L * fps.length + 4L * parents.length + 8L * tableFp.length + 4L * table.length + 4 * 16;
    }

    /** Trims the arrays to the states found (before measuring retained memory). */
    public void trim() {
        fps = Arrays.copyOf(fps, Math.max(1, size));
        parents = Arrays.copyOf(parents, Math.max(1, size));
    }

    /**
     * TLC's second estimate ("based on the actual fingerprints"): the reciprocal of the smallest
     * distance between two stored fingerprints, scaled to the 64-bit space.
     */
    public double collisionProbabilityFromFingerprints() {
        if (size < 2) return 0;
        long[] s = Arrays.copyOf(fps, size);
        Arrays.sort(s);
        double min = Double.MAX_VALUE;
        for (int i = 1; i < s.length; i++) {
            double gap = (double) s[i] - (double) s[i - 1];
            if (gap > 0 && gap < min) min = gap;
        }
        return min == Double.MAX_VALUE ? 1 : 1.0 / min;
    }
}
