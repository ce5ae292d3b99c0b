package kmapcheck.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kmapcheck.cli.Manifest;

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
 * One {@code conform} pair: the scenario's explorer graph judged by TLC on the paired MC model
 * (both in one child JVM, {@link Judge}: TLC keeps static state; its heap is {@code --heap}), then
 * the verdict: the pair conforms iff the graph is
 * complete, no explorer state is outside the model's reachable set ({@code javaOnly}), every
 * explorer step is a step of the spec ({@code stepsNotInSpec}), TLC and the Java checks agree on
 * every invariant on every state, TLC's reachable set has the manifest's distinct-state count
 * (when recorded), and every TLC-only state and every spec action the explorer never takes is
 * explained in the scenario's manifest entry, with no reason given where none is needed.
 */
public final class Conform {
    private final String heap;
    private final long timeoutSeconds;
    /** Set by Ctrl-C/SIGTERM: the running child JVM is killed and the pair reports "interrupted". */
    private java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
    private final boolean exactTlcOnly;
    private final long maxTlcStates;

    /** TLC's breadth-first search stops here (a buggy model's reachable set may be infinite). */
    public static final long MAX_TLC_STATES = 2_000_000;

    /**
     * @param exactTlcOnly count TLC-only states exactly (a full TLC breadth-first search) even where
     *                     the manifest expects them; otherwise such pairs report a lower bound
     */
    public Conform(String heap, long timeoutSeconds, boolean exactTlcOnly) {
        this(heap, timeoutSeconds, exactTlcOnly, MAX_TLC_STATES);
    }

    public Conform(String heap, long timeoutSeconds, boolean exactTlcOnly, long maxTlcStates) {
        this.heap = heap;
        this.timeoutSeconds = timeoutSeconds;
        this.exactTlcOnly = exactTlcOnly;
        this.maxTlcStates = maxTlcStates;
    }

    /** The flag that stops a running pair (the CLI's Ctrl-C/SIGTERM flag); returns this. */
    public Conform cancelledBy(java.util.concurrent.atomic.AtomicBoolean flag) {
        this.cancel = flag;
        return this;
    }

    /**
     * @param scenario the scenario's manifest entry
     * @param model    the paired model's manifest entry (its distinctStates is cross-checked)
     * @param outDir   where the graph and TLC's judgement are written ({@code <mechanism>/<scenario>/})
     * @return the pair's result: the keys of {@code conform --json}
     */
    public ObjectNode run(Manifest.Entry scenario, Manifest.Entry model, Path outDir) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode r = json.createObjectNode();
        r.put("id", scenario.id());
        r.put("model", model.file());
        Path dir = outDir.resolve(scenario.mechanism()).resolve(scenario.name());
        deleteTree(dir);
        Files.createDirectories(dir);
        boolean exact = exactTlcOnly || scenario.conform().tlcOnly() == null;
        JsonNode t = child(dir, "conform", scenario.dir().resolve(scenario.file()).toAbsolutePath().toString(), scenario.id(),
                model.dir().toAbsolutePath().toString(), model.file(), dir.toAbsolutePath().toString(),
                exact ? "exact" : "lower-bound", Long.toString(maxTlcStates));
        List<String> problems = new ArrayList<>();
        if (t.has("explorer")) {
            JsonNode g = t.get("explorer");
            for (String k : List.of("javaStates", "concreteStates", "transitions", "stutters", "panics", "outOfModel"))
                r.set(k, g.get(k));
            r.put("millisExplorer", g.get("millis").asLong());
            r.put("explorerPeakHeapMb", g.get("peakHeapMb").asLong());
            if (g.has("bound")) {
                r.put("verdict", "incomplete");
                r.set("explorerVerdict", unknown(json, "the exploration hit " + g.get("bound").asText()));
                r.set("tlcVerdict", unknown(json, "not judged"));
                problems.add("the exploration hit " + g.get("bound").asText() + ": INCOMPLETE, not judged");
                return finish(r, problems, json);
            }
        }
        if (t.has("error")) {
            r.put("verdict", "error");
            r.set("explorerVerdict", unknown(json, t.get("error").asText()));
            r.set("tlcVerdict", unknown(json, t.get("error").asText()));
            problems.add(t.get("error").asText());
            return finish(r, problems, json);
        }
        for (String k : List.of("tlcStates", "tlcStatesExact", "javaOnly", "tlcOnly", "stepsChecked", "stepsNotInSpec", "stepsMisnamed",
                "invariantDisagreements", "tlcInitStates", "tlcBreadthFirstSearch", "namedStutters", "initChoiceSteps",
                "symmetry", "javaSymmetryClasses", "symmetricImages"))
            r.set(k, t.get(k));
        r.set("actionsNeverTaken", t.get("actionsNeverTaken"));
        for (String k : List.of("actionsTaken", "actionsNotEnabledOnExplorerStates", "javaOnlyExamples", "tlcOnlyExamples",
                "stepsNotInSpecExamples", "stepsNotInSpecByExplorerAction", "stepsMisnamedExamples", "invariantDisagreementsBy",
                "fingerprintCollisions"))
            r.set(k, t.get(k));
        r.set("explorerVerdict", explorerVerdict(t.get("explorer"), json));
        r.set("tlcVerdict", tlcVerdict(t, json));
        r.put("millisTlc", t.get("millisTotal").asLong());
        r.put("millisProcess", t.get("millisProcess").asLong());
        r.put("peakRssMb", t.get("peakRssMb").asLong());

        long javaOnly = t.get("javaOnly").asLong(), tlcOnly = t.get("tlcOnly").asLong();
        if (exact && !t.get("tlcStatesExact").asBoolean())
            problems.add("TLC's reachable set of " + model.file() + " has more than " + maxTlcStates
                    + " states: the comparison is INCOMPLETE (javaOnly and tlcOnly are bounds)");
        if (javaOnly > 0) problems.add(javaOnly + " explorer states are not reachable in " + model.file());
        if (t.get("stepsNotInSpec").asLong() > 0) problems.add(t.get("stepsNotInSpec").asLong() + " explorer steps are not steps of the spec");
        if (t.get("invariantDisagreements").asLong() > 0)
            problems.add(t.get("invariantDisagreements").asLong() + " invariant verdicts differ between TLC and the Java checks");
        if (!t.get("fingerprintCollisions").isEmpty()) problems.add("distinct explorer states share a TLC fingerprint: " + t.get("fingerprintCollisions"));
        if (t.get("tlcStatesExact").asBoolean() && model.distinctStates() != null && model.distinctStates() != t.get("tlcStates").asLong())
            problems.add("TLC's reachable set here has " + t.get("tlcStates").asLong() + " states, the model's manifest entry "
                    + model.distinctStates());
        List<String> never = new ArrayList<>();
        t.get("actionsNeverTaken").forEach(a -> never.add(a.asText()));
        problems.addAll(reasonProblems(tlcOnly, never, scenario.conform(), model.file()));
        r.put("verdict", problems.isEmpty() ? "conforms" : "differs");
        return finish(r, problems, json);
    }

    /**
     * The verdict the explorer's verdict search ({@code kmapcheck explore}) reaches, where this
     * pair's complete graph search establishes it: a pass with its distinct-state count when the
     * graph search made every check the verdict search makes and none failed (no panic, no
     * deadlock, every Java invariant holds on every state, no state left outside CONSTRAINTs, no
     * action or liveness property, which only the verdict search checks); otherwise
     * {@code "unknown"} with the reason (a violation's trace comes from the verdict search only).
     */
    static ObjectNode explorerVerdict(JsonNode g, ObjectMapper json) {
        if (g == null) return unknown(json, "no exploration in this run");
        List<String> why = new ArrayList<>();
        for (String k : List.of("panics", "deadlocks", "javaViolatedStates", "outOfModel", "actionProperties", "livenessProperties"))
            if (g.path(k).asLong(-1) != 0) why.add(k + " " + g.path(k).asText("?"));
        if (!why.isEmpty()) return unknown(json, String.join(", ", why));
        return json.createObjectNode().put("verdict", "pass").put("distinctStates", g.get("concreteStates").asLong());
    }

    /**
     * The verdict TLC's model checker reaches on the paired model, where TLC's judgement here
     * establishes it: a pass with TLC's distinct-state count when TLC's reachable set is known
     * exactly and is the explorer's (no TLC-only, no explorer-only state), TLC finds every
     * INVARIANT true on each of its states, the ASSUMEs hold, and the cfg has no PROPERTY and sets
     * CHECK_DEADLOCK FALSE (which only TLC's model checker checks); otherwise {@code "unknown"} with
     * the reason (a violation's trace comes from TLC's model checker only).
     */
    static ObjectNode tlcVerdict(JsonNode t, ObjectMapper json) {
        List<String> why = new ArrayList<>();
        if (!t.path("tlcStatesExact").asBoolean(false)) why.add("TLC's reachable set not searched exhaustively");
        for (String k : List.of("javaOnly", "tlcOnly", "tlcViolatedStates"))
            if (t.path(k).asLong(-1) != 0) why.add(k + " " + t.path(k).asText("?"));
        if (!t.path("assumptionsHold").asBoolean(false)) why.add("an ASSUME does not hold");
        if (!t.path("cfgProperties").isArray() || !t.get("cfgProperties").isEmpty()) why.add("PROPERTY " + t.path("cfgProperties"));
        if (!t.path("fingerprintCollisions").isEmpty()) why.add("fingerprint collisions");
        if (t.path("tlcChecksDeadlock").asBoolean(true)) why.add("CHECK_DEADLOCK TRUE (TLC's deadlock check is not made here)");
        if (!why.isEmpty()) return unknown(json, String.join(", ", why));
        return json.createObjectNode().put("verdict", "pass").put("distinctStates", t.get("tlcStates").asLong());
    }

    private static ObjectNode unknown(ObjectMapper json, String why) {
        return json.createObjectNode().put("verdict", "unknown").put("why", why);
    }

    /**
     * The manifest's reasons against the facts: a non-zero TLC-only count and every spec action the
     * explorer never takes need a reason; a reason where there is nothing to explain is an error.
     */
    static List<String> reasonProblems(long tlcOnly, List<String> neverTaken, Manifest.ConformReasons why, String model) {
        List<String> problems = new ArrayList<>();
        if (tlcOnly > 0 && why.tlcOnly() == null)
            problems.add(tlcOnly + " states of " + model + " are not explored: no \"conform.tlcOnly\" reason in the manifest");
        if (tlcOnly == 0 && why.tlcOnly() != null)
            problems.add("the manifest explains TLC-only states, but there are none");
        for (String a : neverTaken)
            if (!why.actionsNeverTaken().containsKey(a))
                problems.add("no explorer step takes " + a + ": no \"conform.actionsNeverTaken\" reason in the manifest");
        for (String a : why.actionsNeverTaken().keySet())
            if (!neverTaken.contains(a))
                problems.add("the manifest explains why " + a + " is never taken, but the explorer takes it (or the spec has no such action)");
        return problems;
    }

    private static ObjectNode finish(ObjectNode r, List<String> problems, ObjectMapper json) {
        ArrayNode p = json.createArrayNode();
        problems.forEach(p::add);
        r.set("problems", p);
        return r;
    }

    /** Runs {@link Judge} in a child JVM (TLC keeps static state); returns its tlc.json. */
    JsonNode child(Path graph, String... args) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("kmapcheck-judge-");
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseParallelGC", "-Xmx" + heap, "-Xss8m", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + tmp,
                    "-cp", System.getProperty("java.class.path"), Judge.class.getName()));
            cmd.addAll(1, kmapcheck.tlc.ChildJvm.options());
            cmd.addAll(List.of(args));
            Path log = graph.resolve("tlc.log");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            kmapcheck.tlc.TlcRunner.PeakRss rss = new kmapcheck.tlc.TlcRunner.PeakRss(p.pid());
            rss.start();
            // the child never outlives this wait: a timeout or a cancellation kills it (and anything it started)
            long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            String stopped = null;
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (cancel.get()) stopped = "conform interrupted";
                else if (System.nanoTime() - deadline >= 0) stopped = "conform timed out after " + timeoutSeconds + " s";
                if (stopped != null) {
                    kmapcheck.tlc.TlcRunner.kill(p);
                    break;
                }
            }
            rss.interrupt();
            if (stopped != null) return new ObjectMapper().createObjectNode().put("error", stopped);
            Path result = graph.resolve("tlc.json");
            if (p.exitValue() != 0 || !Files.exists(result)) {
                String tail = Files.exists(log) ? tail(Files.readString(log, StandardCharsets.UTF_8)) : "";
                return new ObjectMapper().createObjectNode().put("error", "TLC's judgement failed (exit " + p.exitValue() + "): " + tail);
            }
            ObjectNode t = (ObjectNode) new ObjectMapper().readTree(result.toFile());
            t.put("millisProcess", (System.nanoTime() - t0) / 1_000_000);
            t.put("peakRssMb", rss.peakKb() / 1024);
            return t;
        } finally {
            deleteTree(tmp);
        }
    }

    /** TLC's judgement of a graph already written to {@code graph} (no exploration). */
    JsonNode judgeGraph(Path specDir, String module, Path graph, boolean exact) throws IOException, InterruptedException {
        return child(graph, "graph", specDir.toAbsolutePath().toString(), module, graph.toAbsolutePath().toString(),
                exact ? "exact" : "lower-bound", Long.toString(maxTlcStates));
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
        sb.append(String.format("  (%.1f s: explorer %.1f s, TLC %.1f s)", r.get("millisProcess").asLong() / 1000.0,
                r.get("millisExplorer").asLong() / 1000.0, r.get("millisTlc").asLong() / 1000.0));
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
