package kmapcheck.conform;

import com.fasterxml.jackson.databind.JsonNode;
import kmapcheck.TestRoot;
import kmapcheck.cli.Manifest;
import kmapcheck.cli.Runs;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.conform.AbstractGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Symmetry over lwbuf objects (spec/lwbuf/README.md "Symmetry"), on the one-CPU, two-object
 * configuration: the Java objcache is a LIFO stack that hands out o1 first, the spec's Alloc takes
 * any free object, so the Java code is not symmetric in Objs while the spec is. The explorer's
 * FixedTwoObjsSym-style reduction (Threads, Pages) conforms exactly to the model with Objs in TLC's
 * SYMMETRY too; without it, TLC reaches classes no explored state is in, and they are exactly the
 * mirror images (o1 and o2 swapped) of explored states. A relabelling that is not a permutation of
 * the whole state (objects swapped in the PTEs only) is caught by the judge.
 * Figures measured on this configuration; see the README for the 2-CPU one (FixedTwoObjsSym).
 */
class TwoObjectSymmetryTest {
    static final Path ROOT = TestRoot.get();
    static List<Manifest.Entry> all;
    static Manifest.Entry scenario;
    static Path symGraph;     // search.symmetry = Threads, Pages
    static Path fullGraph;    // no symmetry
    static final Conform EXACT = new Conform("1g", 600, true);

    static Manifest.Entry entry(String id, Manifest.Tool tool) {
        return all.stream().filter(e -> e.id().equals(id) && e.tool() == tool).findFirst().orElseThrow();
    }

    @BeforeAll
    static void explore() throws Exception {
        all = Manifest.load(ROOT);
        scenario = entry("lwbuf/FixedTwoObjsOneCpuSym", Manifest.Tool.EXPLORER);
        var s = Runs.scenario(scenario);
        symGraph = Files.createTempDirectory("kmapcheck-objsym-");
        AbstractGraph.Summary g = AbstractGraph.build(Explore.explorer(s), s.explorerConfig(), symGraph, m -> true);
        assertTrue(g.complete());
        var full = s.with(Map.of("search.symmetry", ""));
        fullGraph = Files.createTempDirectory("kmapcheck-objfull-");
        AbstractGraph.Summary f = AbstractGraph.build(Explore.explorer(full), full.explorerConfig(), fullGraph, m -> true);
        assertTrue(f.complete());
    }

    static JsonNode judge(Path graph, String module) throws Exception {
        JsonNode r = EXACT.judgeGraph(ROOT.resolve("spec/lwbuf"), module, graph, true);
        assertTrue(r.get("tlcStatesExact").asBoolean(), r.toString());
        assertEquals(0, r.get("invariantDisagreements").asLong(), r.toString());
        return r;
    }

    static final Pattern PTE = Pattern.compile("pte \\|-> \\(o1 :> (\\w+) @@ o2 :> (\\w+)\\)");

    /** pte[o1] = NoPage /\ pte[o2] # NoPage: o2 mapped while o1 never was. */
    static boolean o2BeforeO1(String state) {
        Matcher m = PTE.matcher(state);
        assertTrue(m.find(), state);
        return m.group(1).equals("NoPage") && !m.group(2).equals("NoPage");
    }

    @Test
    void theScenarioConformsExactlyToTheModelWithObjectsInItsSymmetry() throws Exception {
        Manifest.Entry objSym = Conform.modelOf(all, scenario);
        assertEquals("FixedTwoObjsOneCpuObjSym", objSym.name());
        JsonNode r = EXACT.run(scenario, objSym, Files.createTempDirectory("kmapcheck-objsym-run-"));
        assertEquals("conforms", r.get("verdict").asText(), r.get("problems").toString());
        assertEquals(400, r.get("tlcStates").asLong());
        assertEquals(0, r.get("javaOnly").asLong());
        assertEquals(0, r.get("tlcOnly").asLong());
        assertEquals(0, r.get("stepsNotInSpec").asLong());
        assertTrue(r.get("stepsChecked").asLong() > 0);
    }

    @Test
    void withoutObjectsInTheSymmetryTlcReachesTheObjcacheOrderClasses() throws Exception {
        JsonNode r = judge(symGraph, "MCFixedTwoObjsOneCpuSym");
        assertEquals(761, r.get("tlcStates").asLong());
        assertEquals(0, r.get("javaOnly").asLong(), r.toString());
        assertEquals(0, r.get("stepsNotInSpec").asLong(), r.toString());
        assertEquals(TLC_ONLY_SYM, r.get("tlcOnly").asLong(), r.toString());
        // the Java objcache never maps o2 before o1; every TLC-only example does
        for (String line : Files.readAllLines(symGraph.resolve("states.tla"))) assertTrue(!o2BeforeO1(line), line);
        assertTrue(r.get("tlcOnlyExamples").size() > 0);
        for (JsonNode x : r.get("tlcOnlyExamples")) assertTrue(o2BeforeO1(x.asText()), x.asText());
    }

    @Test
    void theUnreducedExplorationMissesTheSameStatesOfTheUnreducedModel() throws Exception {
        JsonNode r = judge(fullGraph, "MCFixedTwoObjsOneCpu");
        assertEquals(3017, r.get("tlcStates").asLong());
        assertEquals(0, r.get("javaOnly").asLong(), r.toString());
        assertEquals(0, r.get("stepsNotInSpec").asLong(), r.toString());
        assertEquals(TLC_ONLY_FULL, r.get("tlcOnly").asLong(), r.toString());
        for (JsonNode x : r.get("tlcOnlyExamples")) assertTrue(o2BeforeO1(x.asText()), x.asText());
    }

    /** The explored graph and its mirror (o1 and o2 swapped in every state): TLC reaches nothing more. */
    @Test
    void theTlcOnlyClassesAreExactlyMirrorImagesOfExploredStates() throws Exception {
        Path dir = Files.createTempDirectory("kmapcheck-objmirror-");
        List<String> states = Files.readAllLines(symGraph.resolve("states.tla"));
        List<String> verdicts = Files.readAllLines(symGraph.resolve("verdicts.txt"));
        List<String> edges = Files.readAllLines(symGraph.resolve("edges.txt"));
        int n = states.size();
        List<String> s2 = new ArrayList<>(states), v2 = new ArrayList<>(verdicts), e2 = new ArrayList<>(edges);
        for (String st : states) s2.add(st.replace("o1", "\u0000").replace("o2", "o1").replace("\u0000", "o2"));
        v2.addAll(verdicts);
        for (String e : edges) {
            String[] f = e.split(" ");
            e2.add((Integer.parseInt(f[0]) + n) + " " + (Integer.parseInt(f[1]) + n) + " " + f[2]);
        }
        Files.write(dir.resolve("states.tla"), s2);
        Files.write(dir.resolve("verdicts.txt"), v2);
        Files.write(dir.resolve("edges.txt"), e2);
        for (String f : List.of("actions.txt", "vars.txt", "invariants.txt"))
            Files.copy(symGraph.resolve(f), dir.resolve(f));
        JsonNode r = judge(dir, "MCFixedTwoObjsOneCpuSym");
        assertEquals(761, r.get("tlcStates").asLong());
        assertEquals(0, r.get("javaOnly").asLong(), r.toString());
        assertEquals(0, r.get("stepsNotInSpec").asLong(), r.toString());
        assertEquals(0, r.get("tlcOnly").asLong(), r.toString());
    }

    /** Objects swapped in the PTEs only (not in lm, mask, tlb, obj): not a symmetry, and the judge says so. */
    @Test
    void anUnsoundRelabellingIsCaught() throws Exception {
        Path dir = Files.createTempDirectory("kmapcheck-objbad-");
        List<String> states = new ArrayList<>();
        int changed = 0;
        for (String st : Files.readAllLines(symGraph.resolve("states.tla"))) {
            String bad = PTE.matcher(st).replaceFirst("pte |-> (o1 :> $2 @@ o2 :> $1)");
            if (!bad.equals(st)) changed++;
            states.add(bad);
        }
        assertTrue(changed > 0);
        Files.write(dir.resolve("states.tla"), states);
        for (String f : List.of("verdicts.txt", "edges.txt", "actions.txt", "vars.txt", "invariants.txt"))
            Files.copy(symGraph.resolve(f), dir.resolve(f));
        JsonNode r = EXACT.judgeGraph(ROOT.resolve("spec/lwbuf"), "MCFixedTwoObjsOneCpuObjSym", dir, true);
        assertEquals(BAD_JAVA_ONLY, r.get("javaOnly").asLong(), r.toString());
        assertEquals(BAD_TLC_ONLY, r.get("tlcOnly").asLong(), r.toString());
        assertTrue(r.get("stepsNotInSpec").asLong() > 0, r.toString());
    }

    // measured (see spec/lwbuf/README.md "Symmetry")
    static final long TLC_ONLY_SYM = 19, TLC_ONLY_FULL = 72, BAD_JAVA_ONLY = 378, BAD_TLC_ONLY = 207;
}
