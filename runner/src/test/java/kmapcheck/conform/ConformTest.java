package kmapcheck.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kmapcheck.ConcurrentTests;
import kmapcheck.TestRoot;
import kmapcheck.cli.Manifest;
import kmapcheck.cli.Runs;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.conform.AbstractGraph;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code conform}: TLC's judgement of the explorer's graphs, and that the judgement can fail. */
class ConformTest {
    static final Path ROOT = TestRoot.get();
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Manifest.Entry> all() throws Exception { return Manifest.load(ROOT); }

    @TestFactory
    Stream<DynamicTest> everyDefaultPairConforms() throws Exception {
        List<Manifest.Entry> all = all();
        Path out = Files.createTempDirectory("kmapcheck-conform-");
        Conform conform = new Conform("3g", 1200, false);
        ConcurrentTests tests = new ConcurrentTests();
        for (Manifest.Entry[] pair : ConformVerdicts.pairs(all)) {
            Manifest.Entry e = pair[0], m = pair[1];
            boolean scenarioVerdict = ConformVerdicts.assertsScenario(e, m), modelVerdict = ConformVerdicts.assertsModel(e, m);
            String also = (scenarioVerdict ? " + explorer verdict" : "") + (modelVerdict ? " + TLC verdict" : "");
            // each pair writes its graph under out/<mechanism>/<scenario>: no two share a directory
            tests.add("conform " + e.id() + " ~ MC" + e.model() + also, () -> conform.run(e, m, out), r -> {
                assertEquals("conforms", r.get("verdict").asText(), e.id() + ": " + r.get("problems"));
                assertEquals(0, r.get("javaOnly").asLong());
                assertEquals(0, r.get("stepsNotInSpec").asLong());
                assertEquals(0, r.get("invariantDisagreements").asLong());
                assertTrue(r.get("stepsChecked").asLong() > 0);
                // the manifest verdicts ManifestVerdictsTest leaves to this run (ConformVerdicts)
                if (scenarioVerdict) assertPass(e, r.get("explorerVerdict"));
                if (modelVerdict) assertPass(m, r.get("tlcVerdict"));
            });
        }
        long mechanisms = tests.stream().map(t -> t.getDisplayName().split(" ")[1].split("/")[0]).distinct().count();
        if (TestRoot.allMechanisms()) assertEquals(4, mechanisms, "pairs of all four mechanisms");
        return tests.stream();
    }

    /** A verdict of {@link Conform#explorerVerdict}/{@link Conform#tlcVerdict} meets the entry's: pass, the manifest's count. */
    static void assertPass(Manifest.Entry e, JsonNode v) {
        assertTrue(e.expectsPass());
        assertEquals("pass", v.get("verdict").asText(), e.id() + " (" + e.tool().label() + "): expected pass, got " + v);
        assertEquals(e.distinctStates().longValue(), v.get("distinctStates").asLong(),
                e.id() + " (" + e.tool().label() + "): distinct states, manifest " + e.distinctStates());
    }

    /** Runs {@link Judge} in a child JVM, as conform does. */
    static void judge(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Judge.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor());
    }

    @ParameterizedTest
    @CsvSource({"lwbuf,MCOrBug2009", "sfbuf,MCFreeBSDSMP", "sfbuf,MCRev1219", "vmpage,MCFixedRemove", "vmpage,MCNfsWirePerMbufRef",
            "memattr,MCFixed", "memattr,MCDmapSafe"})
    void statesConvertedFromTheExplorersTextHaveTlcsFingerprints(String mechanism, String module) throws Exception {
        Path out = Files.createTempFile("kmapcheck-roundtrip-", ".json");
        judge("roundtrip", ROOT.resolve("spec").resolve(mechanism).toString(), module, "3000", out.toString());
        JsonNode r = JSON.readTree(out.toFile());
        assertEquals(0, r.get("mismatches").asInt(), "a state whose fingerprint changed: " + r.get("example"));
        assertTrue(r.get("checked").asInt() >= 100, "states checked: " + r.get("checked"));
    }

    @Test
    void reasonsMustMatchTheFacts() {
        Manifest.ConformReasons none = Manifest.ConformReasons.NONE;
        assertEquals(List.of(), Conform.reasonProblems(0, List.of(), none, "MCX"));
        assertEquals(1, Conform.reasonProblems(5, List.of(), none, "MCX").size(), "TLC-only states need a reason");
        assertEquals(1, Conform.reasonProblems(0, List.of("A"), none, "MCX").size(), "an action never taken needs a reason");
        Manifest.ConformReasons why = new Manifest.ConformReasons("scripted", Map.of("A", "why"));
        assertEquals(List.of(), Conform.reasonProblems(5, List.of("A"), why, "MCX"));
        assertEquals(2, Conform.reasonProblems(0, List.of(), why, "MCX").size(), "reasons where nothing needs one");
    }

    /** A verdict only where every check of the plain run was made and held; any one missing or failed leaves it unknown. */
    @Test
    void verdictsNeedEveryCheckOfThePlainRun() throws Exception {
        var g = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree("""
                {"panics":0,"deadlocks":0,"javaViolatedStates":0,"outOfModel":0,"actionProperties":0,"livenessProperties":0,"concreteStates":42}""");
        assertEquals("pass", Conform.explorerVerdict(g, JSON).get("verdict").asText());
        assertEquals(42, Conform.explorerVerdict(g, JSON).get("distinctStates").asLong());
        for (String k : List.of("panics", "deadlocks", "javaViolatedStates", "outOfModel", "actionProperties", "livenessProperties")) {
            assertEquals("unknown", Conform.explorerVerdict(g.deepCopy().put(k, 1), JSON).get("verdict").asText(), k);
            var missing = g.deepCopy();
            missing.remove(k);
            assertEquals("unknown", Conform.explorerVerdict(missing, JSON).get("verdict").asText(), "no " + k);
        }
        var t = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree("""
                {"tlcStatesExact":true,"javaOnly":0,"tlcOnly":0,"tlcViolatedStates":0,"assumptionsHold":true,"cfgProperties":[],
                 "fingerprintCollisions":[],"tlcChecksDeadlock":false,"tlcStates":7}""");
        assertEquals("pass", Conform.tlcVerdict(t, JSON).get("verdict").asText());
        assertEquals(7, Conform.tlcVerdict(t, JSON).get("distinctStates").asLong());
        List<com.fasterxml.jackson.databind.node.ObjectNode> bad = new ArrayList<>();
        bad.add(t.deepCopy().put("tlcStatesExact", false));
        bad.add(t.deepCopy().put("javaOnly", 1));
        bad.add(t.deepCopy().put("tlcOnly", 3));
        bad.add(t.deepCopy().put("tlcViolatedStates", 1));
        bad.add(t.deepCopy().put("assumptionsHold", false));
        bad.add(t.deepCopy().put("tlcChecksDeadlock", true));
        var prop = t.deepCopy();
        prop.putArray("cfgProperties").add("Live");
        bad.add(prop);
        var col = t.deepCopy();
        col.putArray("fingerprintCollisions").add("states 1 and 2 have one fingerprint");
        bad.add(col);
        for (String k : List.of("tlcStatesExact", "javaOnly", "tlcOnly", "tlcViolatedStates", "assumptionsHold", "cfgProperties", "tlcChecksDeadlock")) {
            var missing = t.deepCopy();
            missing.remove(k);
            bad.add(missing);
        }
        for (var b : bad) assertEquals("unknown", Conform.tlcVerdict(b, JSON).get("verdict").asText(), b.toString());
    }

    /** A graph the judge accepts, then the same graph tampered with: each check can fail. */
    @Test
    void theJudgeCatchesForeignStatesStepsAndVerdicts() throws Exception {
        List<Manifest.Entry> all = all();
        Manifest.Entry sc = all.stream().filter(e -> e.id().equals("memattr/DmapUcCpuNoSS") && e.tool() == Manifest.Tool.EXPLORER).findFirst().orElseThrow();
        Manifest.Entry model = Conform.modelOf(all, sc);
        Path dir = Files.createTempDirectory("kmapcheck-judge-");
        var s = Runs.scenario(sc);
        AbstractGraph.Summary g = AbstractGraph.build(Explore.explorer(s), s.explorerConfig(), dir, m -> true);
        assertTrue(g.complete());
        Conform c = new Conform("1g", 600, true);
        JsonNode ok = c.judgeGraph(model.dir(), model.file(), dir, true);
        assertEquals(0, ok.get("javaOnly").asLong(), ok.toString());
        assertEquals(0, ok.get("stepsNotInSpec").asLong(), ok.toString());
        assertEquals(0, ok.get("invariantDisagreements").asLong(), ok.toString());
        assertEquals(g.javaStates(), ok.get("tlcStates").asLong());

        // a state the spec never reaches, entered by a step from the initial state: mem is 7
        List<String> states = Files.readAllLines(dir.resolve("states.tla"));
        List<String> verdicts = Files.readAllLines(dir.resolve("verdicts.txt"));
        String foreign = states.get(0).replace("mem |-> 0", "mem |-> 7");
        assertTrue(!foreign.equals(states.get(0)));
        states.add(foreign);
        verdicts.add("");
        // the Java checks' verdict on state 0 flipped: they claim Visible fails there
        verdicts.set(0, "Visible");
        Files.write(dir.resolve("states.tla"), states);
        Files.write(dir.resolve("verdicts.txt"), verdicts);
        List<String> edges = new ArrayList<>(Files.readAllLines(dir.resolve("edges.txt")));
        edges.add("0 " + (states.size() - 1) + " -1");
        Files.write(dir.resolve("edges.txt"), edges);
        JsonNode bad = c.judgeGraph(model.dir(), model.file(), dir, true);
        assertEquals(1, bad.get("javaOnly").asLong(), bad.toString());
        assertEquals(1, bad.get("stepsNotInSpec").asLong(), bad.toString());
        boolean flipped = false;
        for (JsonNode x : bad.get("invariantDisagreementsBy").path("Visible").path("examples"))
            flipped |= x.get("state").asInt() == 0 && x.get("java").asText().equals("violated") && x.get("tlc").asText().equals("holds");
        assertTrue(flipped, "the flipped verdict of state 0: " + bad.get("invariantDisagreementsBy"));
    }
}
