package kmapcheck.machine;

/**
 * Encoding of a PTE and of a TLB entry in a word: physical page number in the low 16 bits
 * (page numbers start at 1; 0 = none), PG_V, PG_A, and a 2-bit memory attribute (PAT index).
 * A TLB entry caches page | PG_V | attribute as loaded by the page walk.
 */
public final class Pte {
    public static final long PAGE_MASK = 0xFFFF;
    public static final long PG_V = 1L << 16;
    public static final long PG_A = 1L << 17;
    public static final int ATTR_SHIFT = 18;
    public static final long ATTR_MASK = 3L << ATTR_SHIFT;
    /** Memory attributes (PAT): write-back, uncacheable, write-combining. */
    public static final int WB = 0, UC = 1, WC = 2;

    private Pte() {}

    public static long make(int page, int attr) { return page | PG_V | ((long) attr << ATTR_SHIFT); }
    public static long make(int page) { return make(page, WB); }
    public static boolean valid(long pte) { return (pte & PG_V) != 0; }
    public static boolean accessed(long pte) { return (pte & PG_A) != 0; }
    public static int page(long pte) { return (int) (pte & PAGE_MASK); }
    public static int attr(long pte) { return (int) ((pte & ATTR_MASK) >>> ATTR_SHIFT); }
    /** The TLB entry a page walk of {@code pte} produces. */
    public static long tlbEntry(long pte) { return pte & (PAGE_MASK | PG_V | ATTR_MASK); }
}
