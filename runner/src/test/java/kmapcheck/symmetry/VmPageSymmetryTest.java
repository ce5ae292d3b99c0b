package kmapcheck.symmetry;

import kmapcheck.TestRoot;
import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Explorer;
import kmapcheck.explorer.Scenario;
import kmapcheck.tlc.SpecSource;
import kmapcheck.tlc.TlcResult;
import kmapcheck.tlc.TlcRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12.3 for vm_page: symmetry over the threads of one role (all the Threads of the two-Busier
 * models, VmPage and VmPageUnwire; the two PmapHolders beside a Remover). The same verdict with and without it (the fix passes, bug 5 breaks the same first
 * invariant with a counterexample as short), fewer states with it on both sides, and liveness
 * with symmetry refused. Threads of different roles, and pmaps, are never offered.
 */
class VmPageSymmetryTest {
    static final Path ROOT = TestRoot.get();
    static final Path SPEC = ROOT.resolve("spec/vmpage");

    static Explorer explorer(String name) throws Exception {
        return Explore.explorer(Scenario.load("vmpage/" + name, ROOT.resolve("jpf-config/vmpage/" + name + ".jpf"), SPEC, "MC" + name));
    }

    /** The same program, mapping and bounds without {@code search.symmetry}. */
    static Explorer withoutSymmetry(Explorer e) {
        return new Explorer("vmpage/nosym", e.program(), e.mapping(), e.config().withSymmetry(List.of()));
    }

    @Test
    void theFixPassesWithAndWithoutSymmetryWithFewerStates() throws Exception {
        Explorer sym = explorer("FixedBusyPairSym");
        assertEquals(List.of("Threads"), sym.config().symmetry());
        ExplorationResult reduced = sym.run(), full = withoutSymmetry(sym).run();
        assertEquals(ExplorationResult.Verdict.PASS, reduced.verdict(), reduced.message());
        assertEquals(ExplorationResult.Verdict.PASS, full.verdict(), full.message());
        assertTrue(reduced.distinctStates() < full.distinctStates(), reduced.distinctStates() + " vs " + full.distinctStates());
        // the same constants as FixedBusyPair, whose scenario (with liveness) finds as many states without symmetry
        assertEquals(1323, full.distinctStates());
    }

    @Test
    void theThreadsOfOneRoleAmongOthersAndVmPageUnwireReduceToo() throws Exception {
        // PmapHolders: h1 and h2 beside the Remover (a subset of Threads); Threads in VmPageUnwire
        for (String name : List.of("RemoveTwoHoldersSym", "BusyUpgradeSym")) {
            Explorer sym = explorer(name);
            ExplorationResult reduced = sym.run(), full = withoutSymmetry(sym).run();
            assertEquals(ExplorationResult.Verdict.PASS, reduced.verdict(), name + ": " + reduced.message());
            assertEquals(ExplorationResult.Verdict.PASS, full.verdict(), name + ": " + full.message());
            assertTrue(reduced.distinctStates() < full.distinctStates(), name + ": " + reduced.distinctStates() + " vs " + full.distinctStates());
        }
        assertEquals(Map.of("PmapHolders", 2), explorer("RemoveTwoHolders").program().symmetricSets());
    }

    @Test
    void bug5BreaksTheSameInvariantWithAndWithoutSymmetry() throws Exception {
        Explorer sym = explorer("BusySleepPlainStoreFirstSym");
        ExplorationResult reduced = sym.run(), full = withoutSymmetry(sym).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, full.verdict(), full.message());
        assertEquals("BusyOwnerMatchesWord", full.property());
        assertEquals(full.outcome(), reduced.outcome());
        assertEquals(full.trace().states().size(), reduced.trace().states().size(), "still a shortest counterexample");
        assertTrue(reduced.distinctStates() <= full.distinctStates(), reduced.distinctStates() + " vs " + full.distinctStates());
    }

    @Test
    void livenessWithSymmetryIsRefused() throws Exception {
        Explorer live = explorer("FixedBusyPair");      // PROPERTY NoLostBusyWakeup, OrphanEventuallyFreed, BlockedTransient
        Explorer e = new Explorer("vmpage/FixedBusyPair", live.program(), live.mapping(), live.config().withSymmetry(List.of("Threads")));
        Scenario.ScenarioException x = assertThrows(Scenario.ScenarioException.class, e::run);
        assertTrue(x.getMessage().contains("liveness"), x.getMessage());
    }

    @Test
    void onlyThreadsOfOneRoleAreOffered() throws Exception {
        assertEquals(Map.of("Threads", 2), explorer("FixedBusyPair").program().symmetricSets());
        assertEquals(Map.of("Busiers", 2), explorer("FixedBusy").program().symmetricSets(), "two Busiers and a Remover: not Threads");
        assertEquals(Map.of(), explorer("FixedRemove").program().symmetricSets(), "a Remover, a PmapHolder and a Faulter");
        Explorer mixed = explorer("FixedBusy");
        Explorer e = new Explorer("vmpage/FixedBusy", mixed.program(), mixed.mapping(), mixed.config().withSymmetry(List.of("Pmaps")));
        assertThrows(Scenario.ScenarioException.class, e::run);
    }

    @Test
    void tlcSymmetryCutsTheSameModel() throws Exception {
        TlcRunner tlc = new TlcRunner(1, 600, "1g");
        List<String> vars = SpecSource.read(SPEC.resolve("VmPage.tla")).variables();
        TlcResult full = tlc.check("vmpage/FixedBusyPair", SPEC, "MCFixedBusyPair", vars);
        TlcResult sym = tlc.check("vmpage/FixedBusyPairSym", SPEC, "MCFixedBusyPairSym", vars);
        assertEquals(TlcResult.Outcome.PASS, full.outcome(), full.message());
        assertEquals(TlcResult.Outcome.PASS, sym.outcome(), sym.message());
        assertTrue(sym.distinctStates() < full.distinctStates(), sym.distinctStates() + " vs " + full.distinctStates());
        TlcResult bug = tlc.check("vmpage/BusySleepPlainStoreFirstSym", SPEC, "MCBusySleepPlainStoreFirstSym", vars);
        assertEquals(TlcResult.Outcome.VIOLATION, bug.outcome(), bug.message());
        assertEquals("BusyOwnerMatchesWord", bug.property());
    }
}
