package kmapcheck.explorer;

/** How an exploration ended (JPF's search result, typed). */
public sealed interface Outcome {
    /** The state space was exhausted without a violation. */
    record Pass() implements Outcome {}

    /**
     * A violation: {@code kind} is "invariant", "action", "liveness", "deadlock" or "error" (a kernel
     * assertion or a misuse of the machine); {@code property} names what was violated.
     */
    record Violation(String kind, String property, String message) implements Outcome {}

    /** A bound stopped the search first: never a pass. */
    record Incomplete(Bound bound) implements Outcome {}

    /** What stopped an incomplete search. */
    sealed interface Bound {
        String describe();

        record MaxStates(long states) implements Bound {
            public String describe() { return "search.max_states=" + states; }
        }

        /** States at depth {@code depth} have successors never seen before. */
        record MaxDepth(int depth) implements Bound {
            public String describe() { return "search.max_depth=" + depth; }
        }

        record Timeout(double seconds) implements Bound {
            public String describe() { return "timeout after " + seconds + " s"; }
        }

        /** Stopped from outside (Ctrl-C, SIGTERM). */
        record Cancelled() implements Bound {
            public String describe() { return "cancelled"; }
        }
    }
}
