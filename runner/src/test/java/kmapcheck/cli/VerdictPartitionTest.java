package kmapcheck.cli;

import kmapcheck.TestRoot;
import kmapcheck.conform.ConformVerdicts;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every default manifest entry has its verdict asserted by exactly one test: ConformTest (the
 * passes its pairs establish, {@link ConformVerdicts}) or ManifestVerdictsTest (all others).
 */
class VerdictPartitionTest {
    @Test
    void conformAndManifestVerdictsTogetherAssertEveryDefaultEntryOnce() throws Exception {
        List<Manifest.Entry> all = Manifest.load(TestRoot.get());
        Set<String> defaults = new TreeSet<>();
        for (Manifest.Entry e : all) if (e.dflt() && TestRoot.selected(e.mechanism())) assertTrue(defaults.add(ConformVerdicts.key(e)), "two entries " + ConformVerdicts.key(e));
        Set<String> byConform = ConformVerdicts.asserted(all);
        Set<String> byRuns = new TreeSet<>();
        for (Manifest.Entry e : ManifestVerdictsTest.runs(all)) byRuns.add(ConformVerdicts.key(e));

        Set<String> both = new TreeSet<>(byConform);
        both.retainAll(byRuns);
        assertEquals(Set.of(), both, "asserted by both tests (run twice)");
        Set<String> union = new TreeSet<>(byConform);
        union.addAll(byRuns);
        Set<String> dropped = new TreeSet<>(defaults);
        dropped.removeAll(union);
        assertEquals(Set.of(), dropped, "default entries whose verdict no test asserts");
        assertEquals(defaults, union, "entries asserted that are not default entries");

        // what ConformTest asserts is a default pair's scenario or model, expected to pass with a count
        Set<String> inPairs = new HashSet<>();
        for (Manifest.Entry[] p : ConformVerdicts.pairs(all)) { inPairs.add(ConformVerdicts.key(p[0])); inPairs.add(ConformVerdicts.key(p[1])); }
        for (Manifest.Entry e : all)
            if (byConform.contains(ConformVerdicts.key(e))) {
                assertTrue(inPairs.contains(ConformVerdicts.key(e)), e.id() + " is in no default pair");
                assertTrue(e.dflt() && e.expectsPass() && e.distinctStates() != null, e.id() + ": only a pass with a count");
            }
        // a violation's trace comes from the plain runs: every buggy default entry stays there
        for (Manifest.Entry e : all)
            if (e.dflt() && TestRoot.selected(e.mechanism()) && !e.expectsPass())
                assertTrue(byRuns.contains(ConformVerdicts.key(e)), e.id() + " (" + e.tool().label() + ") expects a violation");
        if (TestRoot.allMechanisms()) assertTrue(byConform.size() >= 20, "the partition moves " + byConform.size() + " entries");
    }
}
