package kmapcheck.cli;

import kmapcheck.TestRoot;
import kmapcheck.tlc.TlcRunner;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress reports during long runs of both tools, with TLC's figures (states, queue, depth). */
class ProgressTest {
    static List<Runs.Figures> reports(String id, Manifest.Tool tool, Map<String, String> overrides) throws Exception {
        Manifest.Entry e = Manifest.load(TestRoot.get(), List.of(id)).stream().filter(x -> x.tool() == tool && x.id().equals(id))
                .findFirst().orElseThrow();
        List<Runs.Figures> seen = new ArrayList<>();
        Runs runs = new Runs(new TlcRunner(1, 6, "2g"), new Runs.Options(6, overrides, new AtomicBoolean(), 500,
                (entry, f) -> { synchronized (seen) { assertEquals(e, entry); seen.add(f); } }, 0));
        RunOutcome r = runs.run(e);
        assertEquals(RunOutcome.Status.INCOMPLETE, r.status(), "stopped by the 6 s timeout: " + r.actual());
        assertTrue(seen.size() >= 3, "a report every 0.5 s: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).distinct() >= seen.get(i - 1).distinct(), "distinct states grow: " + seen);
            assertTrue(seen.get(i).millis() > seen.get(i - 1).millis(), "time goes on: " + seen);
        }
        Runs.Figures last = seen.get(seen.size() - 1);
        assertTrue(last.distinct() > 1000 && last.generated() >= last.distinct() && last.queue() > 0 && last.depth() > 2, last.toString());
        return seen;
    }

    @Test void tlcReportsFromItsModelChecker() throws Exception {
        reports("lwbuf/FixedTwoObjs", Manifest.Tool.TLC, Map.of());
    }

    @Test void explorerReports() throws Exception {
        reports("lwbuf/Fixed", Manifest.Tool.EXPLORER, Map.of("objs", "2"));
    }

    @Test
    void lineInPlaceOnATerminalOneLinePerReportElsewhere() throws Exception {
        Manifest.Entry e = Manifest.load(TestRoot.get(), List.of("lwbuf")).get(0);
        ByteArrayOutputStream term = new ByteArrayOutputStream(), log = new ByteArrayOutputStream();
        ProgressLine inPlace = new ProgressLine(new PrintStream(term, true, StandardCharsets.UTF_8), true);
        ProgressLine lines = new ProgressLine(new PrintStream(log, true, StandardCharsets.UTF_8), false);
        for (ProgressLine p : List.of(inPlace, lines)) {
            p.report(e, new Runs.Figures(1000, 3000, 50, 7, 10_000));
            p.report(e, new Runs.Figures(3000, 9000, 70, 9, 20_000));
            p.clear();
        }
        String l = log.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(
                "  lwbuf/Fixed (tlc): 1,000 distinct states (100/s), 3,000 generated, queue 50, depth 7, 10s",
                "  lwbuf/Fixed (tlc): 3,000 distinct states (200/s), 9,000 generated, queue 70, depth 9, 20s"), l.lines().toList());
        String t = term.toString(StandardCharsets.UTF_8);
        assertTrue(t.startsWith("\r\u001b[2K  lwbuf/Fixed (tlc): 1,000") && !t.contains("\n") && t.endsWith("\r\u001b[2K"),
                "rewritten in place, erased at the end: " + t.replace("\u001b", "ESC"));
    }
}
