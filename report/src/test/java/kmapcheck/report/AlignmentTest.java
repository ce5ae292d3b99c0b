package kmapcheck.report;

import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step alignment: LCS over the non-stutter action names; stutter steps between the aligned rows. */
class AlignmentTest {

    /** A trace with the given action names; a name in parentheses is a stutter step. */
    static Trace trace(String source, String... names) {
        List<Trace.State> states = new ArrayList<>();
        List<Trace.Action> actions = new ArrayList<>();
        int x = 0;
        for (int i = 0; i < names.length; i++) {
            boolean stutter = names[i].startsWith("(");
            if (!stutter && i > 0) x++;
            states.add(new Trace.State(i + 1, Map.of("x", Value.of(x))));
            actions.add(i == 0 ? Trace.Action.init()
                    : new Trace.Action(i + 1, names[i], null, Map.of("thread", "t1"), stutter, null, List.of()));
        }
        return new Trace(source, "m", List.of("x"), states, actions, null);
    }

    static Alignment.Pair p(Integer l, Integer r) { return new Alignment.Pair(l, r); }

    @Test
    void stutterStepsGoBetweenAlignedRows() {
        Trace tlc = trace("tlc", "Init", "Alloc", "Free", "TLBFill", "Alloc");
        Trace exp = trace("explorer", "Init", "Alloc", "(lwbuf_count++)", "Free", "(lock)", "(unlock)", "TLBFill", "Alloc");
        List<Alignment.Pair> a = Alignment.align(tlc, exp);
        assertEquals(List.of(p(0, 0), p(1, 1), p(null, 2), p(2, 3), p(null, 4), p(null, 5), p(3, 6), p(4, 7)), a);
        assertEquals(5, a.stream().filter(Alignment.Pair::aligned).count());
    }

    @Test
    void unmatchedStepsGetRowsOfTheirOwnInOrder() {
        Trace left = trace("tlc", "Init", "A", "B", "C", "D");
        Trace right = trace("explorer", "Init", "A", "X", "C", "(s)", "D", "E");
        List<Alignment.Pair> a = Alignment.align(left, right);
        // B has no counterpart, X neither; C, D aligned; E only on the right
        assertEquals(List.of(p(0, 0), p(1, 1), p(2, null), p(null, 2), p(3, 3), p(null, 4), p(4, 5), p(null, 6)), a);
    }

    @Test
    void longestCommonSubsequenceNotGreedyPrefix() {
        Trace left = trace("tlc", "Init", "A", "B", "C", "B", "C");
        Trace right = trace("explorer", "Init", "B", "C", "B", "C");
        List<Alignment.Pair> a = Alignment.align(left, right);
        assertEquals(5, a.stream().filter(Alignment.Pair::aligned).count(), a.toString());
        // every step of each trace appears exactly once, in order
        assertOrder(a, 6, 5);
    }

    @Test
    void orBug2009TracesAlignOneToOne() {
        Trace tlc = Fixtures.trace("lwbuf-OrBug2009.tlc.json");
        Trace exp = Fixtures.trace("lwbuf-OrBug2009.explorer.json");
        List<Alignment.Pair> a = Alignment.align(tlc, exp);
        assertEquals(List.of(p(0, 0), p(1, 1), p(2, 2), p(3, 3), p(4, 4)), a);
        for (Alignment.Pair x : a)
            assertEquals(tlc.states().get(x.left()).values(), exp.states().get(x.right()).values(),
                    "same state after step " + x.left());
    }

    @Test
    void sideBySidePageGreysStutterRows() throws Exception {
        Trace tlc = trace("tlc", "Init", "A", "B");
        Trace exp = trace("explorer", "Init", "A", "(s)", "B");
        String page = new TracePage("m", List.of(), List.of(
                new TracePage.Side(new Row("m", "tlc", "pass", "pass", true, 1, 1, 0, tlc, null, null), null),
                new TracePage.Side(new Row("m", "explorer", "pass", "pass", true, 1, 1, 0, exp, null, null), null)))
                .render("report.css", "index.html");
        assertEquals(1, BrowserTest.count(page, "<tr class=\"step stutter\">"), "one greyed stutter row");
        assertEquals(3, BrowserTest.count(page, "class=\"mid same\""), "Init, A, B aligned with equal states");
        assertTrue(page.contains("implementation-only step"));
    }

    private static void assertOrder(List<Alignment.Pair> a, int nl, int nr) {
        int l = 0, r = 0;
        for (Alignment.Pair x : a) {
            if (x.left() != null) assertEquals(l++, x.left());
            if (x.right() != null) assertEquals(r++, x.right());
        }
        assertEquals(nl, l);
        assertEquals(nr, r);
    }
}
