package kmapcheck.report;

import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vm_page's spec has threads but no thread-to-CPU map, so TLC's steps have no CPU while the
 * explorer's do: both sides are laid out by thread and line up, with no empty CPU lane (real
 * traces of vmpage/WireMappedIgnoresBlocked from both tools). Step text has no comment rulers.
 */
class VmPageLanesTest {
    static String page() throws Exception {
        Map<String, String> k = SpecComments.read(Fixtures.root().resolve("spec/vmpage/VmPage.tla"));
        Roles roles = new Roles("pc", null, null);   // what the runner infers for vm_page: no tcpu/cpu, no tlb
        Trace tlc = Fixtures.trace("vmpage-WireMappedIgnoresBlocked.tlc.json");
        Trace ex = Fixtures.trace("vmpage-WireMappedIgnoresBlocked.explorer.json");
        Path out = Files.createTempDirectory("kmapcheck-report-");
        HtmlReport.write(out, List.of(
                new Row("vmpage/WireMappedIgnoresBlocked", "tlc", "violates NoFreeWhileReferenced", "violates NoFreeWhileReferenced",
                        true, 101, 16, 1, tlc, k, roles),
                new Row("vmpage/WireMappedIgnoresBlocked", "explorer", "violates NoFreeWhileReferenced", "violates NoFreeWhileReferenced",
                        true, 177, 16, 1, ex, k, roles)));
        return Files.readString(out.resolve("traces/vmpage-WireMappedIgnoresBlocked.html"));
    }

    @Test
    void threadsAreTheLanesOnBothSides() throws Exception {
        String html = page();
        assertFalse(html.contains("data-lane=\"cpu:"), "no CPU lane: TLC's steps have no CPU");
        for (String th : List.of("thread:h", "thread:r"))
            assertEquals(2, BrowserTest.count(html, "data-lane=\"" + th + "\""), th + " on both sides");
        // every aligned step sits in the same thread's lane (column) on both sides
        Matcher row = Pattern.compile("<tr class=\"step[^\"]*aligned[^\"]*\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        int rows = 0;
        while (row.find()) {
            String[] sides = row.group(1).split("<td class=\"mid", 2);
            if (sides.length < 2) continue;
            int left = laneWithBox(sides[0]), right = laneWithBox(sides[1]);
            if (left >= 0 && right >= 0) { assertEquals(left, right, "same lane left and right: " + row.group()); rows++; }
        }
        assertTrue(rows >= 10, "most of the 15 steps are aligned: " + rows);
        assertTrue(html.contains("One column per thread"), "legend says so");
    }

    /** Index of the lane cell holding a step box, -1 if none. */
    static int laneWithBox(String cells) {
        Matcher td = Pattern.compile("<td class=\"lane[^\"]*\"[^>]*>(<div class=\"box)?").matcher(cells);
        for (int i = 0; td.find(); i++) if (td.group(1) != null) return i;
        return -1;
    }

    @Test
    void stepTextHasNoRulerLines() throws Exception {
        String html = page();
        Matcher kernel = Pattern.compile("<div class=\"kernel\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(html);
        int n = 0;
        while (kernel.find()) {
            n++;
            assertFalse(kernel.group().contains("----"), "no ruler in step text: " + kernel.group());
        }
        assertTrue(n > 10, "kernel texts rendered: " + n);
        // TbLd's section heading survives as the function name
        assertTrue(html.contains("<code class=\"fn\">vm_page_try_blocked_op(m, op)</code>"), "heading kept without its ruler");
        assertEquals("busy lock", SpecComments.unruled("---- busy lock --------------------------------"));
        assertEquals("", SpecComments.unruled("-----------------------------"));
    }

    @Test
    void stepsShowTheActionsFileAndLine() throws Exception {
        String html = page();
        // the line where RmLock was defined when the fixture traces were recorded (TLC's location of the step)
        String fixture = new String(VmPageLanesTest.class.getResourceAsStream("/kmapcheck/report/fixtures/vmpage-WireMappedIgnoresBlocked.tlc.json").readAllBytes());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\" : \"RmLock\",\\s*\"location\" : \"line (\\d+),").matcher(fixture);
        assertTrue(m.find(), "the fixture records RmLock's location");
        int line = Integer.parseInt(m.group(1));
        assertEquals(2, BrowserTest.count(html, ">VmPage.tla:" + line + "</span>"), "RmLock's definition line on both sides");
    }

    @Test
    void longNamesStayWhole() throws Exception {
        String css = new String(HtmlReport.class.getResourceAsStream("/kmapcheck/report/report.css").readAllBytes());
        assertFalse(css.contains("overflow-wrap: anywhere; }\n.box.by-th0"), "step boxes do not break names at any character");
        assertTrue(css.contains(".box .action, ul.chg code.loc, .box .srcloc { white-space: nowrap; }"), "action and variable names never wrap");
    }
}
