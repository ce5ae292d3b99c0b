package kmapcheck.report;

import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A liveness counterexample (violation.loopTo set) is drawn with an SVG loop back-arrow. */
class LassoTest {

    static String page(Trace t) {
        Row row = new Row("demo/LostWakeup", "tlc", "violation of SleeperWakes", "violation of SleeperWakes", true,
                12, 5, 0.5, t, Map.of(), new Roles("pc", "tcpu", null));
        return new TracePage(row.id(), List.of(row), List.of(new TracePage.Side(row, "x.json"))).render("report.css", "index.html");
    }

    @Test
    void loopBackArrowFromTheLastStepToTheLoopTarget() {
        Trace t = Fixtures.trace("liveness-lasso.json");
        assertEquals("liveness", t.violation().kind());
        assertEquals(3, t.violation().loopTo());
        // the loop closes on a state equal to the target (a real lasso)
        assertEquals(t.states().get(2).values(), t.states().get(4).values());
        String html = page(t);
        assertEquals(1, BrowserTest.count(html, "<svg class=\"lp lp-head\""), "arrowhead at the target state");
        assertEquals(1, BrowserTest.count(html, "<svg class=\"lp lp-tail\""), "the loop leaves the last step");
        assertTrue(html.contains("aria-label=\"loop back-arrow\""));
        assertTrue(html.contains("<polygon"), "an arrowhead");
        // the vertical line runs through the rows in between: state row 2 (head) ... step 4 (tail)
        int head = html.indexOf("lp-head"), tail = html.indexOf("lp-tail");
        assertTrue(head < tail, "the arrowhead comes first (the arrow points back up)");
        assertEquals(2, BrowserTest.count(html.substring(head, tail), "lp-full"), "line through step 3 and its state row");
        assertTrue(html.contains("back in the state after step 2, and steps 3–4 repeat forever"));
        assertEquals(2, BrowserTest.count(html, "<td class=\"num cyc\""), "steps 3 and 4 are the cycle");
        assertTrue(html.contains("The liveness property <b class=\"prop\">SleeperWakes</b> fails"), "the violated property is named");
    }

    @Test
    void noLassoWithoutLoopTo() {
        String html = page(Fixtures.trace("lwbuf-OrBug2009.tlc.json"));
        assertFalse(html.contains("class=\"lp "), "no loop pieces");
        assertFalse(html.contains("c-loop"), "no loop column");
    }

    @Test
    void loopToTheLastStateIsASelfLoop() {
        Trace t = Fixtures.trace("liveness-lasso.json");
        Trace self = new Trace(t.source(), t.model(), t.vars(), t.states(), t.actions(),
                new Trace.Violation("liveness", "SleeperWakes", 5, null));
        String html = page(self);
        assertEquals(1, BrowserTest.count(html, "<svg class=\"lp lp-self\""));
        assertFalse(html.contains("lp-head"));
    }
}
