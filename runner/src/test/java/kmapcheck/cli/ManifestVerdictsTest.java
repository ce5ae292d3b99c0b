package kmapcheck.cli;

import kmapcheck.ConcurrentTests;
import kmapcheck.TestRoot;
import kmapcheck.conform.ConformVerdicts;
import kmapcheck.tlc.TlcRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every default model (TLC) and scenario (explorer) of every mechanism meets the verdict its
 * manifest declares: fixed models pass exhaustively (with the recorded distinct-state count),
 * buggy variants fail on the named invariant/property. The passes a default conform pair
 * establishes are asserted by ConformTest instead ({@link ConformVerdicts}), not run twice;
 * VerdictPartitionTest checks that the two tests together cover every default entry.
 * The runs go {@link ConcurrentTests#threads()} at a time.
 */
class ManifestVerdictsTest {
    /** The default entries (of the selected mechanisms) this test runs. */
    static List<Manifest.Entry> runs(List<Manifest.Entry> all) {
        Set<String> byConform = ConformVerdicts.asserted(all);
        return all.stream().filter(Manifest.Entry::dflt).filter(e -> TestRoot.selected(e.mechanism()))
                .filter(e -> !byConform.contains(ConformVerdicts.key(e))).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyDefaultModelAndScenarioMeetsItsVerdict() throws Exception {
        Path root = TestRoot.get();
        List<Manifest.Entry> all = Manifest.load(root);
        long selected = all.stream().filter(Manifest.Entry::dflt).filter(e -> TestRoot.selected(e.mechanism())).count();
        assertTrue(selected >= 14, "expected at least the lwbuf models and scenarios, found " + selected);
        Runs runs = new Runs(new TlcRunner(2, 600, "3g"));
        ConcurrentTests tests = new ConcurrentTests();
        for (Manifest.Entry e : runs(all)) tests.add(e.tool().label() + " " + e.id() + ": " + e.expectedText(), () -> runs.run(e), r -> {
            assertTrue(r.ok(), e.id() + " (" + e.tool().label() + "): expected " + e.expectedText() + ", got " + r.actual());
            if (!e.expectsPass()) {
                assertTrue(r.trace() != null, "a violation must come with a counterexample trace");
                assertEquals(e.property(), r.trace().violation().property());
                assertTrue(r.trace().steps() >= 1 || "invariant".equals(e.kind()), "trace has steps");
            }
        });
        return tests.stream();
    }
}
