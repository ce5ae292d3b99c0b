package kmapcheck.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long run, as TLC reports it: states found, states per second, queue and depth,
 * every interval. On a terminal the line is rewritten in place and erased before the next output;
 * elsewhere (CI logs) each report is its own line.
 */
final class ProgressLine {
    private final PrintStream err;
    private final boolean inPlace;
    private boolean shown;
    private long lastDistinct, lastMillis;
    private Manifest.Entry lastEntry;

    ProgressLine(PrintStream err, boolean inPlace) {
        this.err = err;
        this.inPlace = inPlace;
    }

    /** In place only on a terminal (a console on stdin/stdout) and without NO_COLOR/TERM=dumb. */
    static boolean terminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    synchronized void report(Manifest.Entry e, Runs.Figures f) {
        if (e != lastEntry) { lastEntry = e; lastDistinct = 0; lastMillis = 0; }
        long dt = f.millis() - lastMillis;
        double rate = dt <= 0 ? 0 : (f.distinct() - lastDistinct) * 1000.0 / dt;
        lastDistinct = f.distinct();
        lastMillis = f.millis();
        String line = format(e, f, rate);
        if (inPlace) {
            err.print("\r\u001b[2K" + line);
            shown = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    static String format(Manifest.Entry e, Runs.Figures f, double statesPerSecond) {
        return String.format(Locale.ROOT, "  %s (%s): %,d distinct states (%,.0f/s), %,d generated, queue %,d, depth %d, %ds",
                e.id(), e.tool().label(), f.distinct(), statesPerSecond, f.generated(), f.queue(), f.depth(), f.millis() / 1000);
    }

    /** Erases an in-place line before other output. */
    synchronized void clear() {
        if (inPlace && shown) {
            err.print("\r\u001b[2K");
            err.flush();
            shown = false;
        }
    }
}
