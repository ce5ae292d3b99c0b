package kmapcheck.tlc;

import kmapcheck.trace.Trace;

/**
 * What one TLC run established.
 *
 * @param outcome        PASS, VIOLATION, or ERROR (parse/config/evaluation failure, crash, timeout)
 * @param kind           for a violation: invariant, action, liveness, deadlock
 * @param property       the violated invariant/property ("Deadlock" for deadlock)
 * @param exitCode       TLC's exit code (tlc2.output.EC.ExitStatus)
 * @param distinctStates distinct states found
 * @param generated      states generated
 * @param depth          depth of the state graph search (or of the trace)
 * @param millis         wall time of the child JVM
 * @param trace          the counterexample, if any
 * @param message        error text for ERROR
 */
public record TlcResult(Outcome outcome, String kind, String property, int exitCode, long distinctStates,
                        long generated, int depth, long millis, Trace trace, String message) {
    public enum Outcome { PASS, VIOLATION, ERROR }

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
            case 255 -> "error";
            default -> "exit code " + code;
        };
    }
}
