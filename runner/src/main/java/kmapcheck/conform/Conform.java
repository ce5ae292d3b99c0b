package kmapcheck.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kmapcheck.cli.Manifest;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Explorer;
import kmapcheck.explorer.Scenario;
import kmapcheck.explorer.conform.AbstractGraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code conform} pair: the scenario's explorer graph (this JVM) judged by TLC on the paired MC
 * model ({@link Judge} in a child JVM), then the verdict: the pair conforms iff the graph is
 * complete, no explorer state is outside the model's reachable set ({@code javaOnly}), every
 * explorer step is a step of the spec ({@code stepsNotInSpec}), TLC and the Java checks agree on
 * every invariant on every state, TLC's reachable set has the manifest's distinct-state count
 * (when recorded), and every TLC-only state and every spec action the explorer never takes is
 * explained in the scenario's manifest entry, with no reason given where none is needed.
 */
public final class Conform {
    private final String heap;
    private final long timeoutSeconds;
    private final boolean exactTlcOnly;

    /**
     * @param exactTlcOnly count TLC-only states exactly (a full TLC breadth-first search) even where
     *                     the manifest expects them; otherwise such pairs report a lower bound
     */
    public Conform(String heap, long timeoutSeconds, boolean exactTlcOnly) {
        this.heap = heap;
        this.timeoutSeconds = timeoutSeconds;
        this.exactTlcOnly = exactTlcOnly;
    }

    /**
     * @param scenario the scenario's manifest entry
     * @param model    the paired model's manifest entry (its distinctStates is cross-checked)
     * @param outDir   where the graph and TLC's judgement are written
     * @return the pair's result: the keys of {@code conform --json}
     */
    public ObjectNode run(Manifest.Entry scenario, Manifest.Entry model, Scenario loaded, Path outDir)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode r = json.createObjectNode();
        r.put("id", scenario.id());
        r.put("model", model.file());
        Path dir = outDir.resolve(scenario.mechanism()).resolve(scenario.name());
        deleteTree(dir);
        Explorer ex = Explore.explorer(loaded);
        AbstractGraph.Summary g = AbstractGraph.build(ex, loaded.explorerConfig(), dir);
        r.put("javaStates", g.javaStates());
        r.put("concreteStates", g.concreteStates());
        r.put("transitions", g.transitions());
        r.put("stutters", g.stutters());
        r.put("panics", g.panics());
        r.put("millisExplorer", g.millis());
        List<String> problems = new ArrayList<>();
        if (!g.complete()) {
            r.put("verdict", "incomplete");
            problems.add("the exploration hit " + g.bound() + ": INCOMPLETE, not judged");
            return finish(r, problems, json);
        }
        boolean exact = exactTlcOnly || scenario.conform().tlcOnly() == null;
        JsonNode t = judge(model.dir(), model.file(), dir, exact);
        if (t.has("error")) {
            r.put("verdict", "error");
            problems.add(t.get("error").asText());
            return finish(r, problems, json);
        }
        for (String k : List.of("tlcStates", "tlcStatesExact", "javaOnly", "tlcOnly", "stepsChecked", "stepsNotInSpec", "stepsMisnamed",
                "invariantDisagreements", "tlcInitStates", "tlcBreadthFirstSearch"))
            r.set(k, t.get(k));
        r.set("actionsNeverTaken", t.get("actionsNeverTaken"));
        for (String k : List.of("actionsTaken", "actionsNotEnabledOnExplorerStates", "javaOnlyExamples", "tlcOnlyExamples",
                "stepsNotInSpecExamples", "stepsMisnamedExamples", "invariantDisagreementsBy", "fingerprintCollisions",
                "millisTotal", "heapUsedMb"))
            r.set(k.equals("millisTotal") ? "millisTlc" : k, t.get(k));
        r.put("millisTlcProcess", t.get("millisProcess").asLong());

        long javaOnly = t.get("javaOnly").asLong(), tlcOnly = t.get("tlcOnly").asLong();
        if (javaOnly > 0) problems.add(javaOnly + " explorer states are not reachable in " + model.file());
        if (t.get("stepsNotInSpec").asLong() > 0) problems.add(t.get("stepsNotInSpec").asLong() + " explorer steps are not steps of the spec");
        if (t.get("invariantDisagreements").asLong() > 0)
            problems.add(t.get("invariantDisagreements").asLong() + " invariant verdicts differ between TLC and the Java checks");
        if (!t.get("fingerprintCollisions").isEmpty()) problems.add("distinct explorer states share a TLC fingerprint: " + t.get("fingerprintCollisions"));
        if (t.get("tlcStatesExact").asBoolean() && model.distinctStates() != null && model.distinctStates() != t.get("tlcStates").asLong())
            problems.add("TLC's reachable set here has " + t.get("tlcStates").asLong() + " states, the model's manifest entry "
                    + model.distinctStates());
        Manifest.ConformReasons why = scenario.conform();
        if (tlcOnly > 0 && why.tlcOnly() == null)
            problems.add(tlcOnly + " states of " + model.file() + " are not explored: no \"conform.tlcOnly\" reason in the manifest");
        if (tlcOnly == 0 && why.tlcOnly() != null)
            problems.add("the manifest explains TLC-only states, but there are none");
        List<String> never = new ArrayList<>();
        t.get("actionsNeverTaken").forEach(a -> never.add(a.asText()));
        for (String a : never)
            if (!why.actionsNeverTaken().containsKey(a))
                problems.add("no explorer step takes " + a + ": no \"conform.actionsNeverTaken\" reason in the manifest");
        for (String a : why.actionsNeverTaken().keySet())
            if (!never.contains(a)) problems.add("the manifest explains why " + a + " is never taken, but the explorer takes it (or the spec has no such action)");
        r.put("verdict", problems.isEmpty() ? "conforms" : "differs");
        return finish(r, problems, json);
    }

    private static ObjectNode finish(ObjectNode r, List<String> problems, ObjectMapper json) {
        ArrayNode p = json.createArrayNode();
        problems.forEach(p::add);
        r.set("problems", p);
        return r;
    }

    /** Runs {@link Judge} in a child JVM (TLC keeps static state); returns its tlc.json. */
    JsonNode judge(Path specDir, String module, Path graph, boolean exact) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("kmapcheck-judge-");
        try {
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseParallelGC", "-Xmx" + heap, "-Xss8m", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + tmp,
                    "-cp", System.getProperty("java.class.path"), Judge.class.getName(),
                    specDir.toAbsolutePath().toString(), module, graph.toAbsolutePath().toString(), exact ? "exact" : "lower-bound");
            Path log = graph.resolve("tlc.log");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ObjectMapper().createObjectNode().put("error", "TLC's judgement timed out after " + timeoutSeconds + " s");
            }
            Path result = graph.resolve("tlc.json");
            if (p.exitValue() != 0 || !Files.exists(result)) {
                String tail = Files.exists(log) ? tail(Files.readString(log, StandardCharsets.UTF_8)) : "";
                return new ObjectMapper().createObjectNode().put("error", "TLC's judgement failed (exit " + p.exitValue() + "): " + tail);
            }
            ObjectNode t = (ObjectNode) new ObjectMapper().readTree(result.toFile());
            t.put("millisProcess", (System.nanoTime() - t0) / 1_000_000);
            return t;
        } finally {
            deleteTree(tmp);
        }
    }

    private static String tail(String s) {
        String[] lines = s.strip().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) sb.append(lines[i].strip()).append(' ');
        return sb.toString().strip();
    }

    /** One line per pair for the terminal. */
    public static String summaryLine(JsonNode r) {
        String head = String.format("%-40s %-34s %-10s", r.get("id").asText(), r.get("model").asText(), r.get("verdict").asText());
        if (!r.has("tlcStates")) return head + " " + String.join("; ", problems(r));
        StringBuilder sb = new StringBuilder(head);
        String ge = r.get("tlcStatesExact").asBoolean() ? "" : ">=";
        sb.append(String.format(" java %7d  tlc %s%d  javaOnly %d  tlcOnly %s%d  stepsNotInSpec %d/%d  invariantDisagreements %d",
                r.get("javaStates").asLong(), ge, r.get("tlcStates").asLong(), r.get("javaOnly").asLong(), ge, r.get("tlcOnly").asLong(),
                r.get("stepsNotInSpec").asLong(), r.get("stepsChecked").asLong(), r.get("invariantDisagreements").asLong()));
        List<String> never = new ArrayList<>();
        r.get("actionsNeverTaken").forEach(a -> never.add(a.asText()));
        sb.append("  neverTaken ").append(never.isEmpty() ? "-" : String.join(",", never));
        sb.append(String.format("  (%.1f s + TLC %.1f s)", r.get("millisExplorer").asLong() / 1000.0, r.get("millisTlcProcess").asLong() / 1000.0));
        if (!r.get("problems").isEmpty()) sb.append("\n    ").append(String.join("\n    ", problems(r)));
        return sb.toString();
    }

    private static List<String> problems(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.get("problems").forEach(p -> out.add(p.asText()));
        return out;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }

    /** The model entry a scenario pairs with ({@code "model"}, default its own name). */
    public static Manifest.Entry modelOf(List<Manifest.Entry> all, Manifest.Entry scenario) {
        for (Manifest.Entry e : all)
            if (e.tool() == Manifest.Tool.TLC && e.mechanism().equals(scenario.mechanism()) && e.name().equals(scenario.model()))
                return e;
        throw new Manifest.ManifestException(scenario.dir().resolve("manifest.json") + ": scenario " + scenario.name()
                + " pairs with model " + scenario.model() + ", which spec/" + scenario.mechanism() + "/manifest.json does not list");
    }
}
