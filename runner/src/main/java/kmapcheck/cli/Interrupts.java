package kmapcheck.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) and SIGTERM: the first sets the cancellation flag, so the running tool stops
 * (TLC's child JVM is killed, the explorer stops between two expansions) and the command writes
 * the summary and report of what ran, marked interrupted, and exits 130; a second signal exits at
 * once. Without sun.misc.Signal (another JVM) the JVM's default handling applies.
 */
final class Interrupts {
    static final AtomicBoolean CANCEL = new AtomicBoolean();

    private Interrupts() {}

    @SuppressWarnings("removal")
    static void install() {
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                    if (CANCEL.getAndSet(true)) Runtime.getRuntime().halt(RunOutcome.Status.INTERRUPTED.exitCode);
                    System.err.println("\nkmapcheck: SIG" + sig.getName() + ": stopping; writing the summary of what ran (again to quit at once)");
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // signal not available here: default handling
            }
        }
    }
}
