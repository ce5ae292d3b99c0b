package kmapcheck.cli;

import kmapcheck.trace.Trace;

import java.util.List;

/**
 * The result of running one manifest entry (or a file outside any manifest), judged against its
 * expected verdict.
 *
 * @param status  the class of the outcome; it decides the exit code
 * @param result  what the tool established, structured
 * @param actual  the same as text: "pass", "violates LW1", "INCOMPLETE: bound hit ...", ...
 * @param ok      status is OK: actual meets expected (including the distinct-state count of a pass)
 * @param workers TLC worker threads of the run that produced the figures (0 for the explorer)
 */
public record RunOutcome(Manifest.Entry entry, Status status, Result result, String actual, boolean ok,
                         long distinctStates, long transitions, int depth, double seconds, Trace trace, String note,
                         int workers) {

    /** The status and the actual text agree: ok iff status is OK. */
    public RunOutcome {
        if (ok != (status == Status.OK)) throw new IllegalArgumentException("ok=" + ok + " with status " + status);
    }

    /**
     * Outcome classes, each with its exit code. When a run has rows of several classes, the exit
     * code is that of the first class in {@link #PRECEDENCE}.
     */
    public enum Status {
        OK(0, "ok"), MISMATCH(1, "mismatch"), BAD_INPUT(2, "bad-input"), INCOMPLETE(3, "incomplete"),
        TOOL_FAILURE(4, "tool-failure"), INTERRUPTED(130, "interrupted");

        public final int exitCode;
        public final String label;

        Status(int exitCode, String label) { this.exitCode = exitCode; this.label = label; }

        /** Interrupted first (the run is not complete), then bad input, tool failure, mismatch, incomplete. */
        public static final List<Status> PRECEDENCE = List.of(INTERRUPTED, BAD_INPUT, TOOL_FAILURE, MISMATCH, INCOMPLETE, OK);

        public static int exitCode(List<RunOutcome> rows, boolean interrupted) {
            if (interrupted) return INTERRUPTED.exitCode;
            for (Status s : PRECEDENCE)
                for (RunOutcome r : rows) if (r.status() == s) return s.exitCode;
            return OK.exitCode;
        }
    }

    /**
     * What a tool established.
     *
     * @param verdict  pass, violation, incomplete, error (the spec failed to evaluate), bad-input,
     *                 tool-failure or interrupted
     * @param kind     for a violation: invariant, action, liveness, deadlock, error
     * @param property for a violation: the invariant or property
     * @param detail   the reason of anything but pass/violation (e.g. "timeout after 3 s"), or null
     */
    public record Result(String verdict, String kind, String property, String detail) {
        public static Result pass() { return new Result("pass", null, null, null); }
        public static Result violation(String kind, String property) { return new Result("violation", kind, property, null); }
        public static Result of(String verdict, String detail) { return new Result(verdict, null, null, detail); }
    }
}
