package kmapcheck.explorer;

import kmapcheck.trace.Trace;

/**
 * Outcome of an exploration. PASS only when the state space was exhausted with no violation;
 * INCOMPLETE when a bound was hit first.
 */
public record ExplorationResult(Verdict verdict, String kind, String property, String message,
                                long distinctStates, long transitions, int maxDepth, long millis,
                                Trace trace) {
    public enum Verdict { PASS, VIOLATION, INCOMPLETE }

    public double statesPerSecond() { return millis == 0 ? distinctStates * 1000.0 : distinctStates * 1000.0 / millis; }
}
