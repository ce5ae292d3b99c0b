package kmapcheck;

import org.jetbrains.lincheck.Lincheck;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a scenario under Lincheck's model checker (Lincheck.runConcurrentTest) and counts the
 * executions it ran. The count lives in a system property, outside the heap Lincheck tracks and
 * restores between invocations (an ordinary counter would be rolled back); it agrees with the
 * counter Lincheck shows in its own failure traces.
 */
public final class LincheckRuns {
    private LincheckRuns() {}

    /** A scenario body that may be interrupted (joins of the threads it starts). */
    @FunctionalInterface
    public interface Scenario {
        void run() throws InterruptedException;
    }

    /**
     * Runs {@code scenario} with at most {@code invocations} executions; {@code runs} receives the
     * number of executions also when Lincheck reports a failure (thrown on).
     */
    public static int run(String label, int invocations, AtomicInteger runs, Scenario scenario) {
        String key = "kmapcheck.lincheck.runs." + label;
        System.setProperty(key, "0");
        try {
            Lincheck.runConcurrentTest(invocations, () -> {
                System.setProperty(key, Integer.toString(Integer.parseInt(System.getProperty(key)) + 1));
                try {
                    scenario.run();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            runs.set(Integer.parseInt(System.getProperty(key)));
        }
        return runs.get();
    }
}
