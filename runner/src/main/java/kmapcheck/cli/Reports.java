package kmapcheck.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Hook for the HTML report (written once the report module is wired in). */
final class Reports {
    private Reports() {}

    static void write(Path outDir, List<RunOutcome> results, PrintStream out) {
        // The HTML report (issue 6) plugs in here.
    }
}
