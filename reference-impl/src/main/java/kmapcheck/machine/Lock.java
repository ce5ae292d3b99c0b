package kmapcheck.machine;

/** A mutex; its word holds the owner's thread id + 1, or 0 when free. */
public record Lock(int index, int addr, String name) {
    @Override public String toString() { return name; }
}
