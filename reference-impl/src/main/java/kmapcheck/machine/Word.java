package kmapcheck.machine;

/** A shared memory word; {@code guard} is the lock that must be held to touch it, or null. */
public record Word(int addr, String name, Lock guard) {
    @Override public String toString() { return name; }
}
