package kmapcheck.explorer;

import kmapcheck.explorer.search.SearchListener;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How to run one exploration, beyond the scenario's own settings.
 *
 * @param workers          search threads (0: the scenario's or the machine's default)
 * @param timeoutSeconds   stop with INCOMPLETE (timeout) after this long (0: none)
 * @param cancelled        polled between batches: true stops with INCOMPLETE (cancelled)
 * @param listeners        observers of the search
 * @param progressSeconds  interval of {@link SearchListener#progress} calls
 * @param measureMemory    measure the heap the search retains at its end (a full GC; benchmarks)
 * @param frontierMemoryBytes heap for a BFS level's states before it spills to a temporary file
 */
public record RunOptions(int workers, double timeoutSeconds, BooleanSupplier cancelled, List<SearchListener> listeners,
                         double progressSeconds, boolean measureMemory, long frontierMemoryBytes) {
    public RunOptions {
        listeners = List.copyOf(listeners);
    }

    public static RunOptions defaults() {
        return new RunOptions(0, 0, () -> false, List.of(), 10, false, 512L << 20);
    }

    public RunOptions withWorkers(int n) {
        return new RunOptions(n, timeoutSeconds, cancelled, listeners, progressSeconds, measureMemory, frontierMemoryBytes);
    }

    public RunOptions withTimeout(double s) {
        return new RunOptions(workers, s, cancelled, listeners, progressSeconds, measureMemory, frontierMemoryBytes);
    }

    public RunOptions withCancel(BooleanSupplier c) {
        return new RunOptions(workers, timeoutSeconds, c, listeners, progressSeconds, measureMemory, frontierMemoryBytes);
    }

    public RunOptions withListener(SearchListener l) {
        List<SearchListener> ls = new java.util.ArrayList<>(listeners);
        ls.add(l);
        return new RunOptions(workers, timeoutSeconds, cancelled, ls, progressSeconds, measureMemory, frontierMemoryBytes);
    }

    public RunOptions withProgressSeconds(double s) {
        return new RunOptions(workers, timeoutSeconds, cancelled, listeners, s, measureMemory, frontierMemoryBytes);
    }

    public RunOptions withMeasureMemory(boolean m) {
        return new RunOptions(workers, timeoutSeconds, cancelled, listeners, progressSeconds, m, frontierMemoryBytes);
    }

    public RunOptions withFrontierMemory(long bytes) {
        return new RunOptions(workers, timeoutSeconds, cancelled, listeners, progressSeconds, measureMemory, bytes);
    }
}
