package kmapcheck.explorer.conform;

/** An open-addressing set of longs (no boxing): deduplicates packed graph edges and fingerprints. */
public final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots = newSlots(1 << 10);
    private int size;
    private boolean hasEmpty;

    private static long[] newSlots(int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, EMPTY);
        return a;
    }

    /** Adds {@code x}; true if it was not in the set. */
    public boolean add(long x) {
        if (x == EMPTY) {
            if (hasEmpty) return false;
            hasEmpty = true;
            size++;
            return true;
        }
        if ((size + 1) * 2L > slots.length) grow();
        int i = slot(x, slots.length);
        while (slots[i] != EMPTY) {
            if (slots[i] == x) return false;
            i = (i + 1) & (slots.length - 1);
        }
        slots[i] = x;
        size++;
        return true;
    }

    public boolean contains(long x) {
        if (x == EMPTY) return hasEmpty;
        int i = slot(x, slots.length);
        while (slots[i] != EMPTY) {
            if (slots[i] == x) return true;
            i = (i + 1) & (slots.length - 1);
        }
        return false;
    }

    public int size() { return size; }

    /** Calls {@code f} on every element (unspecified order). */
    public void forEach(java.util.function.LongConsumer f) {
        if (hasEmpty) f.accept(EMPTY);
        for (long x : slots) if (x != EMPTY) f.accept(x);
    }

    private void grow() {
        long[] old = slots;
        slots = newSlots(old.length * 2);
        for (long x : old) {
            if (x == EMPTY) continue;
            int i = slot(x, slots.length);
            while (slots[i] != EMPTY) i = (i + 1) & (slots.length - 1);
            slots[i] = x;
        }
    }

    private static int slot(long x, int n) {
        long h = x * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 33) & (n - 1);
    }
}
