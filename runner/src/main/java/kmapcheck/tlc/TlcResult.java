package kmapcheck.tlc;

import kmapcheck.trace.Trace;

/**
 * What one TLC run established.
 *
 * @param outcome        see {@link Outcome}
 * @param kind           for a violation: invariant, action, liveness, deadlock
 * @param property       the violated invariant/property ("Deadlock" for deadlock)
 * @param exitCode       TLC's exit code (tlc2.output.EC.ExitStatus)
 * @param distinctStates distinct states found
 * @param generated      states generated
 * @param depth          depth of the state graph search (or of the trace)
 * @param millis         wall time of the child JVM
 * @param trace          the counterexample, if any
 * @param message        what went wrong, for every outcome but PASS and VIOLATION
 */
public record TlcResult(Outcome outcome, String kind, String property, int exitCode, long distinctStates,
                        long generated, int depth, long millis, Trace trace, String message) {
    /**
     * PASS: the state space was exhausted without violation; VIOLATION: a counterexample; ERROR: TLC
     * ran but failed evaluating the spec (exit 75-77); BAD_INPUT: a .tla/.cfg parse or semantic error
     * (the message starts with file:line); TOOL_FAILURE: TLC crashed or was killed by a signal it did
     * not get from us; STOPPED: killed on our timeout or a cancellation (message "timeout after N s"
     * or "interrupted").
     */
    public enum Outcome { PASS, VIOLATION, ERROR, BAD_INPUT, TOOL_FAILURE, STOPPED }

    /** A child killed by signal N exits with 128+N; TLC's own codes start at 150. */
    public static int signalOf(int exitCode) { return exitCode > 128 && exitCode < 150 ? exitCode - 128 : 0; }

    /** TLC exit codes (tlc2.output.EC.ExitStatus, TLC 2.18). */
    public static String describeExit(int code) {
        return switch (code) {
            case 0 -> "success";
            case 10 -> "assumption violated";
            case 11 -> "deadlock";
            case 12 -> "safety violation";
            case 13 -> "liveness violation";
            case 14 -> "assert failed";
            case 75 -> "spec evaluation failure";
            case 76 -> "safety evaluation failure";
            case 77 -> "liveness evaluation failure";
            case 150 -> "spec parse error";
            case 151 -> "config parse error";
            case 152 -> "state space too large";
            case 153 -> "system error";
            case 255 -> "unexpected exception";
            default -> signalOf(code) != 0 ? "killed by signal " + signalOf(code) + (signalOf(code) == 9 ? " (out of memory?)" : "")
                    : "exit code " + code;
        };
    }
}
