package kmapcheck.cli;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench's side-by-side figures: CPU seconds beside wall time, and the explorer/TLC ratios. */
class BenchTest {
    @Test
    void ratiosAreTheQuotientsOfTheRates() {
        double[] tlc = Bench.rates(1000, 2.0, 4.0);       // 500 states/s, 250 per CPU second
        double[] explorer = Bench.rates(1000, 1.0, 0.5);  // 1000 states/s, 2000 per CPU second
        assertEquals(500, tlc[0]);
        assertEquals(2000, explorer[1]);
        String line = Bench.ratioLine("m/X", tlc, explorer);
        assertTrue(line.contains("states/s 2.00x"), line);
        assertTrue(line.contains("per CPU second 8.00x"), line);
        assertTrue(Bench.ratioLine("m/X", Bench.rates(1, 0, 0), explorer).contains("states/s -"), "unknown time gives no ratio");
    }

    /** --json carries the CPU seconds, rounded to a tenth; null where they were not measured (never 0). */
    @Test
    void jsonCarriesCpuSecondsOrNull() throws Exception {
        var om = new com.fasterxml.jackson.databind.ObjectMapper();
        var measured = om.readTree(Growth.json(om, "m/X", new Growth.Figures("base", "tlc", 2, false, "pass", 1000, 2.0, 1 << 20, 0, 3.14)));
        assertEquals(3.1, measured.get("cpuSeconds").asDouble());
        var unknown = om.readTree(Growth.json(om, "m/X", new Growth.Figures("base", "tlc", 2, false, "pass", 1000, 2.0, 1 << 20, 0, 0)));
        assertTrue(unknown.get("cpuSeconds").isNull(), unknown.toString());
    }

    /** One small pair, run as users run it: both CPU columns are measured, and the ratio line follows the verdicts. */
    @Test
    void benchPrintsCpuSecondsAndRatiosForAPair() throws Exception {
        Cli.Run r = Cli.run("bench", "--workers", "1", "lwbuf/Fixed");
        assertEquals(0, r.code(), r.out() + r.err());
        Matcher row = Pattern.compile("(?m)^lwbuf/Fixed\\s+\\|\\s+3988\\s+\\d+\\s+[\\d.]+s\\s+([\\d.]+)s\\s+\\d+M \\|\\s+\\d+\\s+\\d+\\s+[\\d.]+s\\s+([\\d.]+)s\\s+\\d+M$")
                .matcher(r.out());
        assertTrue(row.find(), "a row with measured CPU seconds on both sides: " + r.out());
        assertTrue(Double.parseDouble(row.group(1)) > 0 && Double.parseDouble(row.group(2)) > 0, row.group());
        assertTrue(Pattern.compile("(?m)^  lwbuf/Fixed\\s+states/s [\\d.]+x   states per CPU second [\\d.]+x$").matcher(r.out()).find(), r.out());
    }
}
