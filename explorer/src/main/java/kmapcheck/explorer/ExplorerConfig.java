package kmapcheck.explorer;

/**
 * Bounds and environment switches of one exploration (from the scenario's {@code search.*},
 * {@code hw.*} and {@code env.*} keys). Hitting a bound makes the verdict INCOMPLETE.
 *
 * @param maxStates        distinct-state bound
 * @param maxDepth         BFS depth bound
 * @param tlbFill          enumerate speculative TLB fills
 * @param tlbEvict         enumerate TLB evictions
 * @param migrations       migrations per thread (-1: unlimited; 0: none)
 * @param signals          signals per thread (-1: unlimited)
 * @param signalSleepersOnly deliver signals only to threads inside an interruptible sleep (asleep,
 *                         or woken and not yet returned), as the sf_buf spec's Signal action; with
 *                         unlimited signals the state needs no counter
 * @param checkDeadlock    report states where no thread can move and some thread is not idle
 * @param atomicBlocks     honour {@code Ctx.atomic} reductions; false explores every primitive
 *                         as its own step (validates the reductions)
 */
public record ExplorerConfig(int maxStates, int maxDepth, boolean tlbFill, boolean tlbEvict,
                             int migrations, int signals, boolean checkDeadlock, boolean atomicBlocks,
                             boolean signalSleepersOnly) {
    public ExplorerConfig(int maxStates, int maxDepth, boolean tlbFill, boolean tlbEvict, int migrations, int signals,
                          boolean checkDeadlock, boolean atomicBlocks) {
        this(maxStates, maxDepth, tlbFill, tlbEvict, migrations, signals, checkDeadlock, atomicBlocks, false);
    }

    public static ExplorerConfig defaults() {
        return new ExplorerConfig(2_000_000, 10_000, true, true, -1, 0, true, true, false);
    }
}
