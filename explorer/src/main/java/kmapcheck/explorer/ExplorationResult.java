package kmapcheck.explorer;

import kmapcheck.trace.Trace;

/**
 * Outcome of an exploration with its figures. PASS only when the state space was exhausted with no
 * violation; INCOMPLETE when a bound was hit first.
 *
 * @param distinctStates distinct states found (canonical states under symmetry)
 * @param transitions    transitions generated (TLC's "states generated")
 * @param maxDepth       length of the longest shortest path, in steps
 * @param workers        search threads used
 * @param retainedBytes  heap still used by the search's state storage at the end (after a full GC), or 0 if not measured
 * @param collisionProbability TLC's optimistic estimate of a fingerprint collision
 * @param storeBytes     heap held at the end by what the search keeps per state (the state store's
 *                       fingerprints, parent ids and hash table; the liveness graph), from the sizes
 *                       of its arrays: a deterministic figure, unlike {@code retainedBytes}
 */
public record ExplorationResult(Outcome outcome, long distinctStates, long transitions, int maxDepth, long millis,
                                Trace trace, int workers, long retainedBytes, double collisionProbability, long storeBytes) {
    public enum Verdict { PASS, VIOLATION, INCOMPLETE }

    public Verdict verdict() {
        if (outcome instanceof Outcome.Violation) return Verdict.VIOLATION;
        return outcome instanceof Outcome.Incomplete ? Verdict.INCOMPLETE : Verdict.PASS;
    }

    /** The violation's kind, or null. */
    public String kind() { return outcome instanceof Outcome.Violation v ? v.kind() : null; }

    /** The violated property, or null. */
    public String property() { return outcome instanceof Outcome.Violation v ? v.property() : null; }

    /** A violation's message, or what bounded an incomplete search; null for a pass. */
    public String message() {
        if (outcome instanceof Outcome.Violation v) return v.message();
        if (outcome instanceof Outcome.Incomplete i) return "bound hit: " + i.bound().describe();
        return null;
    }

    public double statesPerSecond() { return millis == 0 ? distinctStates * 1000.0 : distinctStates * 1000.0 / millis; }
}
