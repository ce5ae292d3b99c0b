package kmapcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kmapcheck.report.HtmlReport;
import kmapcheck.report.Row;
import kmapcheck.report.SpecComments;
import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;
import kmapcheck.trace.TraceJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTML report (out/report/): written by check, re-rendered by `kmapcheck report`. */
final class Reports {
    private Reports() {}

    static final String HELP = """
            usage: kmapcheck report [--out DIR]
              Writes DIR/report/ (default out/report/) from the summary and traces of the last check:
              an index of every model and scenario and one page per counterexample (per-CPU swimlanes,
              TLC and explorer side by side). Static HTML/CSS: open DIR/report/index.html.
            """;

    static void write(Path outDir, List<RunOutcome> results, PrintStream out) throws IOException {
        Map<String, Map<String, String>> kernel = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (RunOutcome r : results) {
            Manifest.Entry e = r.entry();
            Map<String, String> k = kernel.computeIfAbsent(e.mechanism() + "/" + specModel(e), x -> kernelOf(e));
            rows.add(new Row(e.id(), e.tool().label(), e.expectedText(), r.actual(), r.ok(), r.distinctStates(), r.depth(),
                    r.seconds(), r.trace(), k, r.trace() == null ? Roles.NONE : Runs.guessRoles(r.trace())));
        }
        Path index = HtmlReport.write(outDir.resolve("report"), rows);
        out.println("report: " + index);
    }

    private static String specModel(Manifest.Entry e) {
        return e.tool() == Manifest.Tool.TLC ? e.file() : "MC" + e.model();
    }

    /** Kernel-function text, variable meanings and invariant definitions from the spec module. */
    static Map<String, String> kernelOf(Manifest.Entry e) {
        try {
            Path dir = e.dir().getParent().getParent().resolve("spec").resolve(e.mechanism());
            String mc = specModel(e);
            if (!Files.exists(dir.resolve(mc + ".tla"))) return Map.of();
            return SpecComments.read(Runs.specModule(dir, mc));
        } catch (IOException x) {
            return Map.of();
        }
    }

    /** `kmapcheck report`: re-render from out/summary.json and the JSON traces. */
    static int command(Main.Args a, PrintStream out) throws Exception {
        if (Commands.help(a, out, HELP)) return 0;
        a.allow("out");
        Path root = Main.root();
        Path outDir = a.out(root);
        Path summary = outDir.resolve("summary.json");
        if (!Files.exists(summary)) throw new Main.UsageException("no " + summary + ": run kmapcheck check first");
        OutLock.acquire(outDir, System.err);
        JsonNode top = Summary.read(summary);
        Map<String, Manifest.Entry> entries = new HashMap<>();
        for (Manifest.Entry e : Manifest.load(root)) entries.put(e.tool().label() + " " + e.id(), e);
        List<RunOutcome> results = new ArrayList<>();
        for (JsonNode n : top.get("rows")) {
            Manifest.Entry e = entries.get(n.path("tool").asText() + " " + n.path("id").asText());
            if (e == null) continue;   // a file outside the manifests: not part of the report
            Path tracePath = n.path("trace").hasNonNull("json") ? outDir.resolve(n.path("trace").get("json").asText()) : null;
            Trace t = tracePath == null ? null : readTrace(tracePath);
            RunOutcome.Status status = statusOf(summary, n.path("status").asText());
            JsonNode ac = n.path("actual");
            RunOutcome.Result res = new RunOutcome.Result(ac.path("verdict").asText(), ac.path("kind").asText(null),
                    ac.path("property").asText(null), ac.path("detail").asText(null));
            results.add(new RunOutcome(e, status, res, ac.path("text").asText(), status == RunOutcome.Status.OK,
                    n.path("distinctStates").asLong(), n.path("totalStates").asLong(), n.path("depth").asInt(),
                    n.path("seconds").asDouble(), t, null, n.path("workers").asInt()));
        }
        write(outDir, results, out);
        return 0;
    }

    private static RunOutcome.Status statusOf(Path summary, String label) {
        for (RunOutcome.Status s : RunOutcome.Status.values()) if (s.label.equals(label)) return s;
        throw new Main.UsageException(summary + ": unknown status '" + label + "'");
    }

    /** A trace JSON; a missing, truncated or malformed file is bad input naming it. */
    static Trace readTrace(Path file) {
        try {
            return TraceJson.read(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Main.UsageException(file + ": malformed trace JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Main.UsageException(file + ": no such trace file (listed in summary.json)");
        } catch (IOException | RuntimeException e) {
            throw new Main.UsageException(file + ": not a kmapcheck trace: " + e.getMessage());
        }
    }
}
