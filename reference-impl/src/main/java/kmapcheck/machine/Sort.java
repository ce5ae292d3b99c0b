package kmapcheck.machine;

/**
 * What the value of a word (or a logged primitive result, a thread local, an op argument) denotes,
 * so that symmetry reduction can rename the elements of a symmetric set consistently everywhere
 * they occur. Set names are the TLA+ spec's: {@value #THREADS}, {@value #CPUS}, Pages, Bufs, Objs...
 * A value outside the set's range (e.g. 0 = NULL for an {@link Elem} with base 1) is never renamed.
 */
public sealed interface Sort {
    String THREADS = "Threads";
    String CPUS = "CPUs";
    String PAGES = "Pages";

    /** A number with no identity (a count, flags, a constant): never renamed. */
    record Plain() implements Sort {}

    /** An element of {@code set}: the value is {@code base + index}. */
    record Elem(String set, int base) implements Sort {}

    /** A bit set over {@code set}: element i is bit {@code shift + i}. */
    record Mask(String set, int shift) implements Sort {}

    /** A packed list of elements of {@code set}, 4 bits each (index + 1), first in the low bits. */
    record List4(String set) implements Sort {}

    /** A PTE or TLB entry ({@link Pte}): its page field is an element of {@code pages} (base 1). */
    record PteOf(String pages) implements Sort {}

    /**
     * A word packing fields, each renamed by its own sort on the field's value (bits {@code shift ..
     * shift + width - 1}); bits outside every field are kept. E.g. an rwlock word: writer (thread + 1)
     * in the low byte, a reader bit per thread above it.
     */
    record Packed(java.util.List<Field> fields) implements Sort {
        public Packed { fields = java.util.List.copyOf(fields); }
    }

    /** One field of a {@link Packed} word. */
    record Field(int shift, int width, Sort sort) {}

    Sort PLAIN = new Plain();

    static Sort packed(Field... fields) { return new Packed(java.util.List.of(fields)); }

    static Sort elem(String set, int base) { return new Elem(set, base); }

    static Sort mask(String set) { return new Mask(set, 0); }

    static Sort list(String set) { return new List4(set); }

    static Sort pte(String pages) { return new PteOf(pages); }
}
