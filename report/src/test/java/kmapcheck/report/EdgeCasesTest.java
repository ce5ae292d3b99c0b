package kmapcheck.report;

import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Traces of unusual shapes render without errors. */
class EdgeCasesTest {

    static String render(Trace t, Roles roles) {
        Row r = new Row("edge/x", t.source(), "pass", "violation", false, 1, 1, 0, t, null, roles);
        return new TracePage(r.id(), List.of(r), List.of(new TracePage.Side(r, null))).render("report.css", "index.html");
    }

    @Test
    void violatedInTheInitialState() {
        Trace t = new Trace("tlc", "edge/x", List.of("x"), List.of(new Trace.State(1, Map.of("x", Value.of(-1)))),
                List.of(Trace.Action.init()), new Trace.Violation("invariant", "Pos", null, null));
        String html = render(t, Roles.NONE);
        assertTrue(html.contains("does not hold in the state after step 0"));
    }

    @Test
    void deadlockAndPlainBehaviour() {
        Trace t = AlignmentTest.trace("explorer", "Init", "A", "B");
        Trace dead = new Trace(t.source(), t.model(), t.vars(), t.states(), t.actions(), new Trace.Violation("deadlock", "Deadlock", null, null));
        assertTrue(render(dead, Roles.NONE).contains("Deadlock: no step is possible in the state after step 2"));
        Trace plain = new Trace(t.source(), t.model(), t.vars(), t.states(), t.actions(), null);
        assertTrue(render(plain, Roles.NONE).contains("behaviour of 2 steps"));
    }

    @Test
    void threadLanesWhenThereAreNoCpus() {
        // vm_page-like: per-thread state, no CPUs; TLC trace without actors, roles name the thread variable
        Map<String, Value> s1 = Map.of("pc", Value.fn().put("t1", Value.str("a")).put("t2", Value.str("a")).build(),
                "rc", new Value.Rec(Map.of("wires", Value.of(1), "objref", Value.of(true))));
        Map<String, Value> s2 = Map.of("pc", Value.fn().put("t1", Value.str("b")).put("t2", Value.str("a")).build(),
                "rc", new Value.Rec(Map.of("wires", Value.of(2), "objref", Value.of(true))));
        Map<String, Value> s3 = Map.of("pc", Value.fn().put("t1", Value.str("b")).put("t2", Value.str("b")).build(),
                "rc", new Value.Rec(Map.of("wires", Value.of(2), "objref", Value.of(false))));
        Trace t = new Trace("tlc", "vmpage/x", List.of("pc", "rc"),
                List.of(new Trace.State(1, s1), new Trace.State(2, s2), new Trace.State(3, s3)),
                List.of(Trace.Action.init(), new Trace.Action(2, "Wire", null, null, false, null, null),
                        new Trace.Action(3, "Remove", null, null, false, null, null)),
                new Trace.Violation("invariant", "NoUnderflow", null, "evaluation error <x>"));
        String html = render(t, new Roles("pc", null, null));
        assertEquals(1, BrowserTest.count(html, "data-lane=\"thread:t1\""));
        assertEquals(1, BrowserTest.count(html, "data-lane=\"thread:t2\""));
        assertTrue(html.contains("data-loc=\"rc[wires]\""), "record fields diffed");
        assertTrue(html.contains("evaluation error &lt;x&gt;"));
        // without roles and actors: one lane for everything
        String none = render(t, Roles.NONE);
        assertEquals(1, BrowserTest.count(none, "data-lane=\"other\""));
    }

    @Test
    void emptyTraceIsTreatedAsNoTrace() throws Exception {
        Path out = Path.of("target", "edge-test");
        BrowserTest.deleteTree(out);
        Trace empty = new Trace("tlc", "e", List.of(), List.of(), List.of(), null);
        HtmlReport.write(out, List.of(new Row("e/x", "tlc", "pass", "error: no trace", false, 0, 0, 0, empty, null, null)));
        assertTrue(Files.readString(out.resolve("index.html")).contains("error: no trace"));
        try (var s = Files.list(out.resolve("traces"))) {
            assertEquals(0, s.count());
        }
    }
}
