package kmapcheck.report;

import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;
import kmapcheck.trace.TraceJson;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole site: index rows, pages, published JSON and schema, lanes, lasso, word rendering. */
class ReportTest {
    static final Path OUT = Path.of("target", "report-test");

    static List<Row> allRows() {
        List<Row> rows = new ArrayList<>(Fixtures.orBugRows());
        rows.add(new Row("lwbuf/Fixed", "tlc", "pass", "pass", true, 38508, 16, 2.61, null, Map.of(), Roles.NONE));
        rows.add(new Row("lwbuf/Fixed", "explorer", "pass", "INCOMPLETE (bound hit)", false, 2_000_000, 500, 612.0, null, null, null));
        rows.add(new Row("lwbuf/MaskAllQuick", "explorer", "violation of LW1", "violation of LW1", true, 239, 4, 0.24,
                Fixtures.trace("lwbuf-OrBug2009.explorer.json"), Fixtures.lwbufComments(), Fixtures.LWBUF_ROLES));
        rows.add(new Row("demo/LostWakeup", "tlc", "violation of SleeperWakes", "error: TLC crashed <oops>", false, 12, 5, 0.5,
                Fixtures.trace("liveness-lasso.json"),
                Map.of("invariant:SleeperWakes", "A sleeper is eventually woken.\nSleeperWakes == \\A t \\in Threads : pc[t] = \"msleep\" ~> pc[t] # \"msleep\"",
                        "var:busy", "m->busy_lock word", "var:ref", "ref[b]: sf->ref_count"),
                new Roles("pc", "tcpu", null)));
        return rows;
    }

    @Test
    void writesIndexPagesJsonCssAndSchema() throws Exception {
        BrowserTest.deleteTree(OUT);
        Path index = HtmlReport.write(OUT, allRows());
        assertEquals(OUT.resolve("index.html"), index);
        String html = Files.readString(index);
        assertTrue(Files.exists(OUT.resolve("report.css")));
        assertTrue(Files.readString(OUT.resolve("trace.schema.json")).contains("kmapcheck-trace/1"));
        // every row is in the index, with its verdicts and numbers
        assertEquals(6, BrowserTest.count(html, "<td class=\"id\">"));
        assertTrue(html.contains("INCOMPLETE (bound hit)"));
        assertTrue(html.contains("error: TLC crashed &lt;oops&gt;"));
        assertTrue(html.contains("38,508") && html.contains("10 min 12 s"));
        assertEquals(2, BrowserTest.count(html, "<span class=\"badge fail\">FAIL</span>"));
        // both OrBug2009 rows link to one side-by-side page
        assertEquals(2, BrowserTest.count(html, "href=\"traces/lwbuf-OrBug2009.html\""));
        assertTrue(html.contains("href=\"traces/lwbuf-MaskAllQuick.html\""));
        assertTrue(html.contains("href=\"traces/demo-LostWakeup.html\""));
        for (String f : List.of("lwbuf-OrBug2009.tlc.json", "lwbuf-OrBug2009.explorer.json", "demo-LostWakeup.tlc.json")) {
            Trace t = TraceJson.read(OUT.resolve("traces").resolve(f));
            assertFalse(t.states().isEmpty(), f);
        }
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no network resources");
    }

    @Test
    void singleTracePageHasLanesPerCpuAndHardware() throws Exception {
        BrowserTest.deleteTree(OUT);
        HtmlReport.write(OUT, allRows());
        String page = Files.readString(OUT.resolve("traces/lwbuf-MaskAllQuick.html"));
        for (String lane : List.of("cpu:c0", "cpu:c1", "hw"))
            assertEquals(1, BrowserTest.count(page, "data-lane=\"" + lane + "\""), lane);
        assertFalse(page.contains("class=\"mid"), "one trace: no alignment column");
        // the TLB fill is a hardware step; the thread steps are in their CPU's lane, labelled with the thread
        assertTrue(page.matches("(?s).*<td class=\"lane act k-hw\"><div class=\"box\" id=\"s0-3\">.*TLBFill.*"), "hw lane");
        assertTrue(page.matches("(?s).*<td class=\"lane act k-cpu\"><div class=\"box by-th1\" id=\"s0-4\"><div class=\"head\"><span class=\"who\"><span class=\"thr th1\">t2</span> <span class=\"on\">on</span> <span class=\"cpu\">c1</span>.*"),
                "t2's Alloc in c1's lane");
        assertTrue(page.contains("<code class=\"fn\">lwbuf_alloc(m)</code>"), "kernel function from the spec comments");
        assertTrue(page.contains("12 implementation steps"), "explorer primitives on demand");
    }

    @Test
    void tlcTraceWithoutActorsGetsThemFromTheRoles() throws Exception {
        BrowserTest.deleteTree(OUT);
        HtmlReport.write(OUT, allRows());
        String page = Files.readString(OUT.resolve("traces/lwbuf-OrBug2009.html"));
        // the TLC fixture has no actors: Roles(pc, tcpu, tlb) puts TLBFill on the hardware lane, Alloc of t2 on c1
        assertEquals(2, BrowserTest.count(page, "<td class=\"lane act k-hw\">"), "TLBFill in both traces");
        assertTrue(page.contains("id=\"s0-4\"><div class=\"head\"><span class=\"who\"><span class=\"thr th1\">t2</span> <span class=\"on\">on</span> <span class=\"cpu\">c1</span>"));
        assertTrue(page.contains("Lwbuf.tla:92"), "TLC's location of the action");
    }

    @Test
    void refAndBusyIntegersAreWordsWithBits() {
        String w = ValueHtml.word(0xC0000001L);
        assertTrue(w.contains("0xc000_0001"), w);
        assertTrue(w.contains("flags <code>0xc000_0000</code> + count 1"), w);
        assertTrue(w.contains("bits 31 30 0"), w);
        assertTrue(w.contains("<svg class=\"bits\""), w);
        assertTrue(ValueHtml.word(-1).contains("0xffff_ffff"));
        assertTrue(ValueHtml.word(2).contains("bit 1"));
        assertTrue(ValueHtml.isWordVar("ref") && ValueHtml.isWordVar("busy_lock") && ValueHtml.isWordVar("wireRefs"));
        assertFalse(ValueHtml.isWordVar("pc"));
        Ctx ctx = new Ctx(List.of(Fixtures.trace("liveness-lasso.json")), Map.of(), new Roles("pc", "tcpu", null));
        ValueHtml vh = new ValueHtml(ctx);
        assertTrue(vh.html(new Value.Int(5), "ref").contains("class=\"word\""));
        assertFalse(vh.html(new Value.Int(5), "want").contains("class=\"word\""), "other integers stay plain");
    }

    @Test
    void cpuSetsAreCpumasksAndGridsForFunctionsOfFunctions() {
        Trace t = Fixtures.trace("lwbuf-OrBug2009.explorer.json");
        Ctx ctx = new Ctx(List.of(t), Map.of(), Fixtures.LWBUF_ROLES);
        assertEquals(List.of("c0", "c1"), ctx.cpus);
        assertEquals(List.of("t1", "t2"), ctx.threads);
        assertTrue(ctx.cpusetVars.contains("mask") && !ctx.cpusetVars.contains("cache"), ctx.cpusetVars.toString());
        String s = new StateHtml(ctx).render(t.vars(), t.states().get(4), t.states().get(3));
        assertTrue(s.contains("<table class=\"st grid\" data-var=\"tlb\">"), "tlb[c][o] as a grid");
        assertTrue(s.contains("<span class=\"cpumask\""), "mask as a cpumask");
        assertTrue(s.contains("<td class=\"changed\" data-loc=\"pte[o1]\">"), "changed cell highlighted");
        assertTrue(s.contains("was p1"), "old value shown");
        assertFalse(s.contains("data-loc=\"tlb[c0][o1]\""), "unchanged in the last step");
    }
}
