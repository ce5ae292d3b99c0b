package kmapcheck.cli;

import kmapcheck.ConcurrentTests;
import kmapcheck.TestRoot;
import kmapcheck.tlc.TlcRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every default model (TLC) and scenario (explorer) of every mechanism meets the verdict its
 * manifest declares: fixed models pass exhaustively (with the recorded distinct-state count),
 * buggy variants fail on the named invariant/property. The runs go {@link ConcurrentTests#threads()} at a time.
 */
class ManifestVerdictsTest {
    @TestFactory
    Stream<DynamicTest> everyDefaultModelAndScenarioMeetsItsVerdict() throws Exception {
        Path root = TestRoot.get();
        List<Manifest.Entry> entries = Manifest.load(root).stream().filter(Manifest.Entry::dflt)
                .filter(e -> TestRoot.selected(e.mechanism())).toList();
        assertTrue(entries.size() >= 14, "expected at least the lwbuf models and scenarios, found " + entries.size());
        Runs runs = new Runs(new TlcRunner(2, 600, "3g"));
        ConcurrentTests tests = new ConcurrentTests();
        for (Manifest.Entry e : entries) tests.add(e.tool().label() + " " + e.id() + ": " + e.expectedText(), () -> runs.run(e), r -> {
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
