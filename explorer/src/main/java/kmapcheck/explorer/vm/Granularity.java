package kmapcheck.explorer.vm;

/**
 * Where hardware may interleave with a thread (explorer/README.md, "Granularity";
 * spec/CONVENTIONS.md, "Atomicity").
 */
public enum Granularity {
    /**
     * Locks exclude software, never hardware: between any two hardware-visible primitives of a
     * transition (PTE load/store/exchange, invlpg, an IPI send or its acknowledgement wait, an access
     * through a KVA, an access to a cache/RAM/memory-attribute word) the transition ends, even inside
     * a {@code Ctx.atomic} block, so every TLB fill/evict, IPI acknowledgement and cache event may
     * fall between them. Shootdown IPIs are acknowledged by each target CPU as its own event.
     */
    FINE,
    /**
     * The coarse view of the first specs: an atomic block (a critical section) is one step
     * including its PTE/TLB work, and a shootdown invalidates every target at once. Kept for the
     * {@code ...LockAtomic} models, to show what the coarse view hides.
     */
    LOCK_ATOMIC;

    public static Granularity parse(String s) {
        return switch (s) {
            case "fine" -> FINE;
            case "lock-atomic" -> LOCK_ATOMIC;
            default -> throw new IllegalArgumentException("granularity must be fine or lock-atomic, got '" + s + "'");
        };
    }
}
