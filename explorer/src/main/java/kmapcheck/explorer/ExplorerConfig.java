package kmapcheck.explorer;

import kmapcheck.explorer.vm.Granularity;

import java.util.List;

/**
 * Bounds, environment switches and search settings of one exploration (from the scenario's
 * {@code search.*}, {@code hw.*} and {@code env.*} keys). Hitting a bound makes the verdict
 * INCOMPLETE.
 *
 * @param maxStates          distinct-state bound
 * @param maxDepth           BFS depth bound (states at this depth are expanded only to see whether
 *                           they have new successors: if none has, the search is complete)
 * @param tlbFill            enumerate page walks on TLB misses
 * @param tlbEvict           enumerate TLB evictions
 * @param migrations         migrations per thread (-1: unlimited; 0: none)
 * @param signals            signals per thread (-1: unlimited)
 * @param checkDeadlock      report states where no thread can move and some thread is not idle
 * @param atomicBlocks       honour {@code Ctx.atomic} reductions; false explores every software
 *                           primitive as its own step (validates the reductions)
 * @param signalSleepersOnly deliver signals only to threads inside an interruptible sleep
 * @param granularity        where hardware interleaves ({@link Granularity})
 * @param symmetry           symmetric sets (spec names: Threads, Pages, ...) states are canonicalised over
 * @param workers            search threads (level-synchronous BFS: results do not depend on it)
 */
public record ExplorerConfig(int maxStates, int maxDepth, boolean tlbFill, boolean tlbEvict,
                             int migrations, int signals, boolean checkDeadlock, boolean atomicBlocks,
                             boolean signalSleepersOnly, Granularity granularity, List<String> symmetry, int workers) {
    public ExplorerConfig {
        symmetry = List.copyOf(symmetry);
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1");
    }

    public ExplorerConfig(int maxStates, int maxDepth, boolean tlbFill, boolean tlbEvict, int migrations, int signals,
                          boolean checkDeadlock, boolean atomicBlocks) {
        this(maxStates, maxDepth, tlbFill, tlbEvict, migrations, signals, checkDeadlock, atomicBlocks, false,
                Granularity.FINE, List.of(), 1);
    }

    public static ExplorerConfig defaults() {
        return new ExplorerConfig(2_000_000, 10_000, true, true, -1, 0, true, true, false, Granularity.FINE, List.of(),
                Runtime.getRuntime().availableProcessors());
    }

    public ExplorerConfig withWorkers(int n) {
        return new ExplorerConfig(maxStates, maxDepth, tlbFill, tlbEvict, migrations, signals, checkDeadlock, atomicBlocks,
                signalSleepersOnly, granularity, symmetry, n);
    }

    public ExplorerConfig withSymmetry(List<String> sets) {
        return new ExplorerConfig(maxStates, maxDepth, tlbFill, tlbEvict, migrations, signals, checkDeadlock, atomicBlocks,
                signalSleepersOnly, granularity, sets, workers);
    }

    public ExplorerConfig withMaxStates(int n) {
        return new ExplorerConfig(n, maxDepth, tlbFill, tlbEvict, migrations, signals, checkDeadlock, atomicBlocks,
                signalSleepersOnly, granularity, symmetry, workers);
    }
}
