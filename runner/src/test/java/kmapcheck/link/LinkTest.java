package kmapcheck.link;

import kmapcheck.ConcurrentTests;
import kmapcheck.TestRoot;
import kmapcheck.cli.Manifest;
import kmapcheck.cli.RunOutcome;
import kmapcheck.cli.Runs;
import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
import kmapcheck.tlc.TlcRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spec and the Java implementation agree on every counterexample of every mechanism, driven by
 * the manifests: each default buggy TLC model that a scenario pairs with has its counterexample
 * replayed on the Java code (the scenario), and each default buggy scenario's explorer
 * counterexample is accepted by TLC as a behaviour of its model ending in the same violation.
 *
 * <p>TLC runs with one worker, so its counterexample is the first of its breadth-first search: with
 * several workers TLC may return another shortest one, and the Java code cannot follow every spec
 * behaviour (e.g. a wakeup_one lasso: the spec's wakeup_one may wake any sleeper, the Java sleep queue
 * is FIFO). A scripted scenario runs one schedule, not the model's general clients, so a TLC
 * counterexample is replayed only on a scenario without thread programs.
 */
class LinkTest {
    static final Path ROOT = TestRoot.get();
    static final TlcRunner TLC = new TlcRunner(1, 600, "2g");
    /** TLC runs a liveness model gets before its replay fails: lassos vary between runs (see the replay test). */
    static final int LASSO_RUNS = 4;

    static List<Manifest.Entry> entries() throws Exception {
        return Manifest.load(ROOT).stream().filter(Manifest.Entry::dflt).filter(e -> TestRoot.selected(e.mechanism())).toList();
    }

    /** The default scenario that pairs with a model, if any. */
    static Manifest.Entry scenarioOf(List<Manifest.Entry> all, Manifest.Entry model) {
        for (Manifest.Entry e : all)
            if (e.tool() == Manifest.Tool.EXPLORER && e.mechanism().equals(model.mechanism()) && e.model().equals(model.name())) return e;
        return null;
    }

    /** A scenario with a scripted program for some thread ({@code thread.N.program}). */
    static boolean scripted(Manifest.Entry sc) throws Exception {
        return Runs.scenario(sc).all().keySet().stream().anyMatch(k -> k.startsWith("thread.") && k.endsWith(".program"));
    }

    @TestFactory
    Stream<DynamicTest> everyBuggyModelsCounterexampleReplaysOnTheJavaCode() throws Exception {
        List<Manifest.Entry> all = entries();
        ConcurrentTests tests = new ConcurrentTests();
        for (Manifest.Entry m : all) {
            if (m.tool() != Manifest.Tool.TLC || m.expectsPass()) continue;
            Manifest.Entry sc = scenarioOf(all, m);
            if (sc == null || scripted(sc)) continue;
            tests.add("replay " + m.id() + " on " + sc.id(), () -> {
                // A liveness lasso is one of several equally short ones, and TLC's choice among them
                // varies from run to run (tlaplus/tlaplus#1044). The spec's wakeup_one may wake any
                // sleeper, the kernel's and the Java sleep queue the oldest: a lasso through a later
                // sleeper's wakeup has no implementation counterpart (sfbuf DragonFly2004Wakeup failed
                // so once in a verify). Such a model gets up to LASSO_RUNS lassos, and one must replay.
                Replay.Result last = null;
                for (int run = 0; run < ("liveness".equals(m.kind()) ? LASSO_RUNS : 1); run++) {
                    RunOutcome tlc = new Runs(TLC).run(m);
                    assertTrue(tlc.ok(), m.id() + ": TLC " + tlc.actual());
                    assertNotNull(tlc.trace(), "a counterexample to replay");
                    last = Replay.run(tlc.trace(), Runs.scenario(sc));
                    if (last.reproduced()) break;
                    System.err.println("LinkTest: " + m.id() + ": TLC's lasso " + (run + 1) + " does not replay (" + last.message() + ")");
                }
                return last;
            }, r -> {
                assertTrue(r.reproduced(), m.id() + ": " + r.message());
                if ("invariant".equals(m.kind())) assertEquals(m.property(), r.finalViolation(), r.message());
            });
        }
        assertFalse(tests.isEmpty());
        assertTrue(!TestRoot.allMechanisms() || tests.stream().map(DynamicTest::getDisplayName).map(n -> n.split("/")[0]).distinct().count() >= 4,
                "replays of every mechanism");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyBuggyScenariosCounterexampleIsABehaviourOfItsModel() throws Exception {
        List<Manifest.Entry> all = entries();
        ConcurrentTests tests = new ConcurrentTests();
        for (Manifest.Entry sc : all) {
            if (sc.tool() != Manifest.Tool.EXPLORER || sc.expectsPass()) continue;
            tests.add("validate " + sc.id() + " against MC" + sc.model(), () -> {
                ExplorationResult r = Explore.scenario(Runs.scenario(sc));
                assertEquals(ExplorationResult.Verdict.VIOLATION, r.verdict(), sc.id());
                assertNotNull(r.trace());
                String prop = "invariant".equals(r.kind()) ? r.property() : null;
                return Validate.run(TLC, sc.dir().getParent().getParent().resolve("spec").resolve(sc.mechanism()),
                        "MC" + sc.model(), r.trace(), prop);
            }, v -> assertTrue(v.accepted(), sc.id() + ": " + v.message()));
        }
        assertTrue(!TestRoot.allMechanisms() || tests.stream().map(DynamicTest::getDisplayName).map(n -> n.split(" ")[1].split("/")[0]).distinct().count() >= 4,
                "validations of every mechanism");
        return tests.stream();
    }
}
