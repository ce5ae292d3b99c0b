package kmapcheck.explorer.search;

import kmapcheck.explorer.ExplorationResult;

/**
 * Observer of a search (JPF's SearchListener). Callbacks run on the search's coordinating thread,
 * in BFS order, never concurrently, so listeners need no synchronisation and see the same sequence
 * whatever the number of workers.
 */
public interface SearchListener {
    /** A new distinct state: its id, its parent's id (-1 for the initial state) and its depth. */
    default void stateNew(int id, int parent, int depth) {}

    /** A transition from {@code from} to {@code to} (an existing or a new state). */
    default void transition(int from, int to, boolean isNew) {}

    /** Every state of depth {@code depth} has been expanded. */
    default void levelDone(int depth, Progress p) {}

    /** Called every few seconds (the interval is the search's) with the figures so far. */
    default void progress(Progress p) {}

    default void searchFinished(ExplorationResult r) {}

    /**
     * Figures of a running search, as TLC's progress lines.
     *
     * @param distinct    distinct states found
     * @param transitions transitions generated
     * @param queue       states found but not yet expanded
     * @param depth       current BFS depth
     * @param seconds     wall time so far
     */
    record Progress(long distinct, long transitions, long queue, int depth, double seconds) {
        public double statesPerSecond() { return seconds <= 0 ? 0 : distinct / seconds; }
    }
}
