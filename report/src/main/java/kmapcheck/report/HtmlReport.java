package kmapcheck.report;

import kmapcheck.trace.TraceJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static kmapcheck.report.Html.esc;

/**
 * The static report site: {@code index.html} (every model and scenario: expected vs actual verdict,
 * distinct states, depth, time, links), one page per counterexample under {@code traces/} (the TLC and
 * the explorer trace of the same id side by side), each trace's JSON next to its page,
 * {@code report.css} and the published {@code trace.schema.json}. No scripts, no network resources:
 * the site opens from the file system.
 */
public final class HtmlReport {
    private HtmlReport() {}

    static final String CSS = "report.css";
    static final String SCHEMA = "trace.schema.json";
    static final String TRACES = "traces";

    /** Writes outDir/index.html, one page per counterexample, a CSS file; returns the index path. */
    public static Path write(Path outDir, List<Row> rows) throws IOException {
        Files.createDirectories(outDir.resolve(TRACES));
        Files.writeString(outDir.resolve(CSS), resource("/kmapcheck/report/report.css"));
        Files.writeString(outDir.resolve(SCHEMA), resource("/kmapcheck/trace/trace.schema.json"));

        // group rows by id; a page per id that has at least one trace
        Map<String, List<Row>> byId = new LinkedHashMap<>();
        for (Row r : rows) byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
        Map<Row, String> pageOf = new IdentityHashMap<>();
        Set<String> usedNames = new HashSet<>();
        for (Map.Entry<String, List<Row>> e : byId.entrySet()) {
            List<Row> traced = new ArrayList<>();
            for (Row r : e.getValue()) if (r.trace() != null && !r.trace().states().isEmpty()) traced.add(r);
            if (traced.isEmpty()) continue;
            String base = Html.slug(e.getKey());
            String name = base;
            for (int n = 2; !usedNames.add(name.toLowerCase(Locale.ROOT)); n++) name = base + "-" + n;
            // sides: the TLC trace left, the explorer's right; any further traces get pages of their own
            List<List<Row>> pages = new ArrayList<>();
            Row left = traced.stream().filter(r -> "tlc".equals(r.tool())).findFirst().orElse(traced.get(0));
            Row right = traced.stream().filter(r -> r != left).findFirst().orElse(null);
            pages.add(right == null ? List.of(left) : List.of(left, right));
            for (Row r : traced) if (r != left && r != right) pages.add(List.of(r));
            for (int p = 0; p < pages.size(); p++) {
                String pageName = p == 0 ? name : name + "-" + Html.slug(pages.get(p).get(0).tool()) + p;
                List<TracePage.Side> sides = new ArrayList<>();
                Set<String> jsonNames = new HashSet<>();
                for (Row r : pages.get(p)) {
                    String json = pageName + "." + Html.slug(r.tool());
                    for (int n = 2; !jsonNames.add(json); n++) json = pageName + "." + Html.slug(r.tool()) + n;
                    json += ".json";
                    TraceJson.write(r.trace(), outDir.resolve(TRACES).resolve(json));
                    sides.add(new TracePage.Side(r, json));
                    pageOf.put(r, TRACES + "/" + pageName + ".html");
                }
                String html = new TracePage(e.getKey(), e.getValue(), sides).render("../" + CSS, "../index.html");
                Files.writeString(outDir.resolve(TRACES).resolve(pageName + ".html"), html, StandardCharsets.UTF_8);
            }
        }
        Path index = outDir.resolve("index.html");
        Files.writeString(index, index(rows, pageOf), StandardCharsets.UTF_8);
        return index;
    }

    private static String index(List<Row> rows, Map<Row, String> pageOf) {
        int ok = 0;
        for (Row r : rows) if (r.ok()) ok++;
        int fail = rows.size() - ok;
        StringBuilder sb = new StringBuilder(32 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>kmapcheck report: ").append(ok).append(" ok, ").append(fail).append(" FAIL</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(CSS).append("\">\n</head>\n<body class=\"index-page\">\n");
        sb.append("<header><h1>kmapcheck report</h1><p class=\"summary\"><span class=\"badge ok\">").append(ok)
                .append(" ok</span> <span class=\"badge ").append(fail == 0 ? "zero" : "fail").append("\">").append(fail)
                .append(" FAIL</span> <span class=\"muted\">of ").append(rows.size())
                .append(" TLC models and explorer scenarios. ok: the verdict is the expected one (a model that is meant to fail and fails is ok).")
                .append("</span></p></header>\n");
        sb.append("<table class=\"index\"><thead><tr><th>model / scenario</th><th>tool</th><th>expected</th><th>actual</th>")
                .append("<th>result</th><th class=\"num\">distinct states</th><th class=\"num\">depth</th><th class=\"num\">time</th>")
                .append("<th>counterexample</th></tr></thead>\n<tbody>\n");
        String mech = null;
        String prevId = null;
        for (Row r : rows) {
            String m = r.id() == null ? "" : r.id().contains("/") ? r.id().substring(0, r.id().indexOf('/')) : "";
            if (!m.equals(mech)) {
                mech = m;
                if (!m.isEmpty()) sb.append("<tr class=\"mech\"><th colspan=\"9\">").append(esc(m)).append("</th></tr>\n");
            }
            boolean sameAsPrev = r.id() != null && r.id().equals(prevId);
            prevId = r.id();
            sb.append("<tr class=\"").append(r.ok() ? "ok" : "fail").append(sameAsPrev ? " cont" : "").append("\">")
                    .append("<td class=\"id\">").append(esc(r.id()))
                    .append("</td><td>").append(esc(r.tool()))
                    .append("</td><td>").append(esc(r.expected()))
                    .append("</td><td class=\"actual\">").append(esc(r.actual()))
                    .append("</td><td>").append(r.ok() ? "<span class=\"badge ok\">ok</span>" : "<span class=\"badge fail\">FAIL</span>")
                    .append("</td><td class=\"num\">").append(count(r.distinctStates()))
                    .append("</td><td class=\"num\">").append(r.depth())
                    .append("</td><td class=\"num\">").append(secs(r.seconds()))
                    .append("</td><td>");
            String page = pageOf.get(r);
            if (page != null) sb.append("<a href=\"").append(esc(page)).append("\">").append(r.trace().steps())
                    .append(r.trace().steps() == 1 ? " step" : " steps").append("</a>");
            else sb.append("<span class=\"muted\">—</span>");
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n<footer>Traces are published as JSON next to their pages; the format is described by ")
                .append("<a href=\"").append(SCHEMA).append("\">").append(SCHEMA).append("</a>. Static page: no scripts, no network.</footer>\n</body></html>\n");
        return sb.toString();
    }

    static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }

    static String secs(double s) {
        if (s < 10) return String.format(Locale.ROOT, "%.2f s", s);
        if (s < 600) return String.format(Locale.ROOT, "%.1f s", s);
        return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
