package kmapcheck.explorer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What the command line needs from a running exploration (issue 14): a wall-clock deadline, a
 * cancellation flag (Ctrl-C/SIGTERM), and a progress callback every {@code progressMillis}.
 * The search polls {@link #stopReason()} between expansions; a stop makes the verdict
 * INCOMPLETE, never PASS.
 *
 * @param deadlineNanos  {@link System#nanoTime()} value after which the search stops; 0 = none
 * @param cancel         set by another thread to stop the search; may be null
 * @param progressMillis interval between progress callbacks; 0 = none
 * @param progress       receives the figures at each interval; may be null
 */
public record RunControl(long deadlineNanos, AtomicBoolean cancel, long progressMillis, Consumer<Progress> progress) {
    public static final RunControl NONE = new RunControl(0, null, 0, null);

    /**
     * @param distinct    distinct states found so far
     * @param transitions transitions taken so far
     * @param queue       states found but not yet expanded
     * @param depth       BFS depth of the state being expanded
     * @param millis      time since the search began
     */
    public record Progress(long distinct, long transitions, long queue, int depth, long millis) {}

    /** Null to go on; else why the search must stop ("timeout", "interrupted"). */
    public String stopReason() {
        if (cancel != null && cancel.get()) return "interrupted";
        if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos >= 0) return "timeout";
        return null;
    }
}
