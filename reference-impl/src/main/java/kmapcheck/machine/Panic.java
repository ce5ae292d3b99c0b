package kmapcheck.machine;

/**
 * A failed kernel assertion (KASSERT / panic) in the reference implementation. The explorer
 * reports it as a violation named {@code property}; on real threads it is an exception.
 */
public final class Panic extends RuntimeException {
    private final String property;

    public Panic(String property, String message) {
        super(message);
        this.property = property;
    }

    public String property() { return property; }

    /** KASSERT(cond, msg). */
    public static void kassert(boolean cond, String property, String message) {
        if (!cond) throw new Panic(property, message);
    }
}
