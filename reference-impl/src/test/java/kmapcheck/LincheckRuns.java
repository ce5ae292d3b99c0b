package kmapcheck;

import org.jetbrains.lincheck.Lincheck;

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
     * @param executions   executions Lincheck ran (also when it reported a failure)
     * @param failure      what Lincheck reported (an execution threw), or null
     * @param coverageOnly PIT's coverage phase: no Lincheck run, no verdict (see {@link #explore})
     */
    public record Outcome(int executions, Throwable failure, boolean coverageOnly) {
        public String failureText() { return failure == null ? "" : String.valueOf(failure.getMessage()); }
        /** Lincheck's report of an execution that did not finish in its time limit. */
        public boolean hung() { return failureText().contains("Concurrent test has hung"); }
    }

    /**
     * Runs {@code scenario} with at most {@code invocations} executions. In PIT's coverage phase
     * ('kmapcheck mutate --lincheck') the kernel classes carry PIT's static probe array, which
     * Lincheck's snapshot tracker cannot restore ("Cannot get static base of field $$pitCoverageProbes");
     * then the scenario runs once on real threads, without Lincheck and without a verdict, only so that
     * PIT learns which lines the test reaches ({@code coverageOnly}). PIT's mutation phase has no probes.
     */
    public static Outcome explore(String label, int invocations, Scenario scenario) {
        Outcome o = exploreOnce(label, invocations, scenario);
        for (int retry = 1; retry <= HANG_RETRIES && o.hung(); retry++) {
            System.out.println("Lincheck: " + label + " reported a hang after " + o.executions()
                    + " executions (its wall-clock hang detection; the machine's load average is "
                    + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                    + "): exploring again, attempt " + (retry + 1) + " of " + (HANG_RETRIES + 1));
            o = exploreOnce(label, invocations, scenario);
        }
        return o;
    }

    /**
     * Lincheck's hang detection is a wall-clock timeout per execution: on a loaded machine it fires
     * on these scenarios, whose threads spin with Thread.yield() until another thread hands over an
     * object (seen at load averages of 12–27 with LwbufLincheckTest and SfBufLincheckTest). A real
     * hang recurs on every attempt and stays the reported failure.
     */
    static final int HANG_RETRIES = 2;

    private static Outcome exploreOnce(String label, int invocations, Scenario scenario) {
        String key = "kmapcheck.lincheck.runs." + label;
        System.setProperty(key, "0");
        Throwable failure = null;
        try {
            Lincheck.runConcurrentTest(invocations, () -> {
                System.setProperty(key, Integer.toString(Integer.parseInt(System.getProperty(key)) + 1));
                try {
                    scenario.run();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
        } catch (Throwable t) {
            failure = t;
        }
        int n = Integer.parseInt(System.getProperty(key));
        if (failure != null && mentionsPitProbes(failure)) {
            try {
                scenario.run();
            } catch (Throwable ignored) {
                // coverage only: the verdict is taken in PIT's mutation phase
            }
            return new Outcome(0, null, true);
        }
        return new Outcome(n, failure, false);
    }

    /**
     * A fixed variant's verdict: no failure, and Lincheck ran its whole budget (printed as the bounded
     * result it is). Nothing to judge in PIT's coverage phase.
     */
    public static void assertNoFailureInBudget(Outcome o, int budget, String what) {
        if (o.coverageOnly()) return;
        if (o.failure() != null) throw new AssertionError(what + ": Lincheck reported a failure: " + o.failureText(), o.failure());
        System.out.println("Lincheck (bounded: invocations <= " + budget + ", its loop and context-switch bounds): " + what + ", "
                + o.executions() + " executions run, no failure. Not a proof: the exhaustive verdict is the explorer's.");
        if (o.executions() != budget)
            throw new AssertionError(what + ": Lincheck ran " + o.executions() + " of its " + budget + " executions (it should run its whole budget)");
    }

    private static boolean mentionsPitProbes(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (String.valueOf(x.getMessage()).contains("$$pitCoverageProbes")) return true;
            for (StackTraceElement e : x.getStackTrace()) if (e.getClassName().contains("SnapshotTracker")) return x instanceof IllegalStateException;
        }
        return false;
    }
}
