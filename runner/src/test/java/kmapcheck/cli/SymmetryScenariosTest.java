package kmapcheck.cli;

import kmapcheck.TestRoot;
import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 item 3 for lwbuf and sf_buf: the explorer's symmetry reduction (search.symmetry, the sets
 * LwbufProgram / SfBufProgram declare, as the MC*Sym modules' SYMMETRY) keeps every verdict, never
 * adds states, and is refused where it is unsound. That TLC judges every reduced state and step is
 * ConformTest's (the default pairs lwbuf/FixedSym and sfbuf/BenchB1T2P2Sym).
 */
class SymmetryScenariosTest {
    static final Path ROOT = TestRoot.get();
    static final Map<String, String> ONE_WORKER = Map.of("search.workers", "1");

    static Scenario scenario(String mechanism, String name, String model) throws Exception {
        return Scenario.load(mechanism + "/" + name, ROOT.resolve("jpf-config/" + mechanism + "/" + name + ".jpf"),
                ROOT.resolve("spec/" + mechanism), "MC" + model);
    }

    static ExplorationResult run(Scenario s, Map<String, String> overrides) {
        Map<String, String> o = new java.util.HashMap<>(ONE_WORKER);
        o.putAll(overrides);
        return Explore.scenario(s.with(o));
    }

    static void sameVerdictFewerStates(ExplorationResult full, ExplorationResult sym) {
        assertEquals(ExplorationResult.Verdict.PASS, full.verdict(), full.outcome().toString());
        assertEquals(ExplorationResult.Verdict.PASS, sym.verdict(), sym.outcome().toString());
        assertTrue(sym.distinctStates() <= full.distinctStates(), sym.distinctStates() + " > " + full.distinctStates());
        // measured: 4.0x (lwbuf Fixed) and 3.9x (sfbuf BenchB1T2P2): with two threads and two pages it must reduce
        assertTrue(2 * sym.distinctStates() < full.distinctStates(), sym.distinctStates() + " vs " + full.distinctStates());
    }

    @Test
    void lwbufFixedPassesWithSymmetryOnFewerStates() throws Exception {
        sameVerdictFewerStates(run(scenario("lwbuf", "Fixed", "Fixed"), Map.of()),
                run(scenario("lwbuf", "FixedSym", "FixedSym"), Map.of()));
    }

    @Test
    void sfbufBenchPassesWithSymmetryOnFewerStates() throws Exception {
        sameVerdictFewerStates(run(scenario("sfbuf", "BenchB1T2P2", "BenchB1T2P2"), Map.of()),
                run(scenario("sfbuf", "BenchB1T2P2Sym", "BenchB1T2P2Sym"), Map.of()));
    }

    /** A buggy variant breaks the same invariant with symmetry, with a counterexample as short (BFS). */
    static void sameViolation(Scenario s, String property) {
        ExplorationResult full = run(s, Map.of());
        ExplorationResult sym = run(s, Map.of("search.symmetry", "Threads, Pages"));
        assertEquals(ExplorationResult.Verdict.VIOLATION, full.verdict(), full.outcome().toString());
        assertEquals(property, full.property());
        assertEquals(full.outcome(), sym.outcome());
        assertEquals(full.trace().states().size(), sym.trace().states().size(), "still a shortest counterexample");
        assertTrue(sym.distinctStates() <= full.distinctStates(), sym.distinctStates() + " > " + full.distinctStates());
    }

    @Test
    void lwbufOrBug2009BreaksLw1WithSymmetry() throws Exception {
        sameViolation(scenario("lwbuf", "OrBug2009", "OrBug2009"), "LW1");
    }

    @Test
    void sfbufUpTlbBreaksNoStaleReadWithSymmetry() throws Exception {
        sameViolation(scenario("sfbuf", "UPTLB", "UPTLB"), "NoStaleRead");
    }

    @Test
    void symmetryWithALivenessPropertyIsRefused() throws Exception {
        // MCWakeOneSignals checks NoLostWakeup (PROPERTY): symmetry is unsound for liveness, as TLC warns
        Scenario s = scenario("sfbuf", "WakeOneSignals", "WakeOneSignals");
        Scenario.ScenarioException e = assertThrows(Scenario.ScenarioException.class,
                () -> run(s, Map.of("search.symmetry", "Threads")));
        assertTrue(e.getMessage().contains("liveness"), e.getMessage());
    }

    @Test
    void scriptedThreadsAreNotSymmetric() throws Exception {
        // HandOffRaceFixed gives each thread its own script: only Pages is offered
        Scenario s = scenario("lwbuf", "HandOffRaceFixed", "FixedTwoObjs");
        Scenario.ScenarioException e = assertThrows(Scenario.ScenarioException.class,
                () -> run(s, Map.of("search.symmetry", "Threads")));
        assertTrue(e.getMessage().contains("not a symmetric set"), e.getMessage());
        assertEquals(ExplorationResult.Verdict.PASS, run(s, Map.of("search.symmetry", "Pages")).verdict());
    }
}
