package kmapcheck.report;

import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;
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

/** Every string from a trace, a row or the spec comments is HTML-escaped. */
class EscapingTest {
    static final String EVIL = "<script>alert('x')</script>";

    static Trace evilTrace() {
        Map<String, Value> s1 = Map.of(
                "msg", new Value.Str("hello"),
                "f", Value.fn().put("t<1>", new Value.Str("idle")).build(),
                "r", new Value.Rec(Map.of("a\"b", Value.of(1))));
        Map<String, Value> s2 = Map.of(
                "msg", new Value.Str(EVIL),
                "f", Value.fn().put("t<1>", new Value.Str("<b>bold</b>")).build(),
                "r", new Value.Rec(Map.of("a\"b", new Value.SetV(List.of(new Value.ModelValue("<img src=x onerror=alert(1)>"))))));
        return new Trace("explorer", "x/<Evil>", List.of("msg", "f", "r"),
                List.of(new Trace.State(1, s1), new Trace.State(2, s2)),
                List.of(Trace.Action.init(),
                        new Trace.Action(2, "Do<it>", "line 1, col 1 to line 2, col 2 of module <M>",
                                Map.of("thread", "t<1>", "cpu", "c\"0"), false, "k(<x>): " + EVIL, List.of("impl " + EVIL))),
                new Trace.Violation("invariant", "Inv<1>", null, "message " + EVIL));
    }

    @Test
    void aStateStringContainingScriptIsEscaped() throws Exception {
        Path out = Path.of("target", "escaping-test");
        BrowserTest.deleteTree(out);
        Row row = new Row("x/<Evil>", "explorer", "pass " + EVIL, "error: " + EVIL, false, 1, 1, 0.1, evilTrace(),
                Map.of("invariant:Inv<1>", "\\* " + EVIL + "\nInv<1> == msg # \"" + EVIL + "\"", "var:msg", EVIL),
                new Roles("f", null, null));
        HtmlReport.write(out, List.of(row));
        String index = Files.readString(out.resolve("index.html"));
        String page;
        try (var files = Files.list(out.resolve("traces"))) {
            Path p = files.filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow();
            assertTrue(p.getFileName().toString().matches("[A-Za-z0-9._-]+"), "safe file name: " + p.getFileName());
            page = Files.readString(p);
        }
        for (String html : List.of(index, page)) {
            String lower = html.toLowerCase();
            assertFalse(lower.contains("<script"), "no script element");
            assertFalse(lower.contains("<img"), "no injected element");
            assertFalse(html.contains("<b>bold</b>"), "no injected markup");
            assertFalse(html.contains("<Evil>") || html.contains("<it>") || html.contains("<1>"), "names escaped");
            assertNoInjectedAttributes(html);
        }
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the state string, escaped");
        assertTrue(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
        assertTrue(index.contains("error: &lt;script&gt;"));
    }

    /** Every attribute value is quoted and contains no raw quote or angle bracket of its own. */
    private static void assertNoInjectedAttributes(String html) {
        Matcher tag = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[a-zA-Z-:]+(?:=\"[^\"<>]*\")?)*)\\s*/?>").matcher(html);
        int tags = 0;
        int lt = 0;
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) lt++;
        while (tag.find()) tags++;
        int closing = 0, doctype = 0;
        for (int i = html.indexOf("</"); i >= 0; i = html.indexOf("</", i + 2)) closing++;
        for (int i = html.indexOf("<!"); i >= 0; i = html.indexOf("<!", i + 2)) doctype++;
        assertEquals(lt, tags + closing + doctype, "every '<' starts a well-formed tag");
        assertFalse(Pattern.compile("<[^>]*\\son[a-z]+=").matcher(html).find(), "no event handler attribute");
    }

    @Test
    void escHandlesAllSpecialCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", Html.esc("<a href=\"x\" title='y'>&</a>"));
        assertEquals("", Html.esc(null));
        assertEquals("lwbuf-OrBug2009", Html.slug("lwbuf/OrBug2009"));
        assertEquals("x-Evil", Html.slug("x/<Evil>"));
        assertEquals("trace", Html.slug("../"));
    }
}
