package kmapcheck.explorer;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Word;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplorerTest {

    @Test
    void wakeupOneWithSignalsLosesAWakeup() {
        ExplorationResult r = ToyPrograms.lostWakeup(false, 1).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, r.verdict());
        assertEquals("liveness", r.kind());
        assertEquals("NoLostWakeup", r.property());
        Trace t = r.trace();
        assertEquals(t.states().size(), t.violation().loopTo(), "stuttering lasso on the last state");
        assertTrue(t.actions().stream().anyMatch(a -> a.name().equals("SIGNAL")), "the lost wakeup needs a signal");
    }

    @Test
    void wakeupOneWithoutSignalsIsLive() {
        assertEquals(ExplorationResult.Verdict.PASS, ToyPrograms.lostWakeup(false, 0).run().verdict());
    }

    @Test
    void broadcastWakeupWithSignalsIsLive() {
        assertEquals(ExplorationResult.Verdict.PASS, ToyPrograms.lostWakeup(true, 1).run().verdict());
    }

    /** Two threads: "ab" locks A then B, "ba" B then A, each adding 1 to x between its two acquisitions. */
    private static ToyPrograms.Scripted abba(Layout l, Word x) {
        Lock a = l.lock("A"), b = l.lock("B");
        return new ToyPrograms.Scripted(l, List.of(List.of("ab"), List.of("ba")), Set.of(), (op, ctx) -> {
            Lock first = op.equals("ab") ? a : b, second = op.equals("ab") ? b : a;
            ctx.lock(first);
            ctx.fetchAdd(x, 1);     // a non-mover between the two acquisitions
            ctx.lock(second);
            ctx.unlock(second);
            ctx.unlock(first);
            return 0L;
        });
    }

    @Test
    void abbaLockingDeadlocks() {
        Layout l = new Layout(1);
        Word x = l.word("x", 0);
        ToyPrograms.Scripted p = abba(l, x);
        ExplorationResult r = new Explorer("toy/abba", p, ToyPrograms.mapping(List.of(x), List.of(), List.of()),
                new ExplorerConfig(10_000, 100, false, false, 0, 0, true, true)).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, r.verdict());
        assertEquals("deadlock", r.kind());
    }

    /** conform's graph search makes the verdict search's deadlock check: the ABBA deadlock is counted, and only with search.deadlock. */
    @Test
    void theGraphSearchCountsTheDeadlockTheVerdictSearchReports() throws Exception {
        for (boolean check : new boolean[]{true, false}) {
            Layout l = new Layout(1);
            Word x = l.word("x", 0);
            ToyPrograms.Scripted p = abba(l, x);
            ExplorerConfig cfg = new ExplorerConfig(10_000, 100, false, false, 0, 0, check, true);
            // an invariant both ops together break (x = 2 once both are through): counted on the graph's states
            List<SpecMapping.Invariant> invs = List.of(new SpecMapping.Invariant("AtMostOne", m -> ((Value.Int) m.get("x")).v() <= 1));
            Explorer ex = new Explorer("toy/abba", p, ToyPrograms.mapping(List.of(x), invs, List.of()), cfg);
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kmapcheck-graph-");
            kmapcheck.explorer.conform.AbstractGraph.Summary g = kmapcheck.explorer.conform.AbstractGraph.build(ex, cfg, dir, m -> true);
            assertTrue(g.complete());
            assertEquals(check, g.deadlocks() > 0, "deadlocks " + g.deadlocks() + " with search.deadlock " + check);
            assertTrue(g.javaViolated() > 0, "states where AtMostOne fails");
            ExplorationResult r = ex.run();
            assertEquals(ExplorationResult.Verdict.VIOLATION, r.verdict());
            Explorer free = new Explorer("toy/abba", p, ToyPrograms.mapping(List.of(x), List.of(), List.of()), cfg);
            assertEquals(check ? ExplorationResult.Verdict.VIOLATION : ExplorationResult.Verdict.PASS, free.run().verdict());
        }
    }

    @Test
    void unguardedAccessToAGuardedWordIsReported() {
        Layout l = new Layout(1);
        Lock lock = l.lock("L");
        Word w = l.guarded("w", 0, lock);
        ToyPrograms.Scripted p = new ToyPrograms.Scripted(l, List.of(List.of("racy")), Set.of(), (op, ctx) -> ctx.load(w));
        ExplorationResult r = new Explorer("toy/racy", p, ToyPrograms.mapping(List.of(), List.of(), List.of()),
                new ExplorerConfig(100, 10, false, false, 0, 0, true, true)).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, r.verdict());
        assertEquals("LockDiscipline", r.property());
    }

    @Test
    void casRetryLoopAgainstAnEndlessIncrementerStaysFinite() {
        Layout l = new Layout(1);
        Word w = l.word("w", 0);
        // t1 increments w forever (mod 3), t2 CASes it until it wins: the retry loop must not grow the state
        ToyPrograms.Scripted p = new ToyPrograms.Scripted(l, List.of(List.of("spin"), List.of("cas")), Set.of(), (op, ctx) -> {
            if (op.equals("spin")) {
                return ctx.loop(0, c -> { long v = ctx.load(w); ctx.cas(w, v, (v + 1) % 3); return Ctx.Loop.again(0); });
            }
            return ctx.loop(0, c -> { long v = ctx.load(w); return ctx.cas(w, v, v) ? Ctx.Loop.done(v) : Ctx.Loop.again(0); });
        });
        ExplorationResult r = new Explorer("toy/cas", p, ToyPrograms.mapping(List.of(w), List.of(), List.of()),
                new ExplorerConfig(10_000, 1000, false, false, 0, 0, false, true)).run();
        assertEquals(ExplorationResult.Verdict.PASS, r.verdict());
        assertTrue(r.distinctStates() < 200, "finite and small: " + r.distinctStates());
    }

    @Test
    void hittingABoundIsIncompleteNeverPass() {
        ExplorationResult r = new Explorer("toy/bounded", ToyPrograms.lostWakeup(true, 1).program(),
                ToyPrograms.lostWakeup(true, 1).mapping(), new ExplorerConfig(5, 1000, false, false, 0, 1, true, true)).run();
        assertEquals(ExplorationResult.Verdict.INCOMPLETE, r.verdict());
        assertNotNull(r.message());
        assertTrue(r.message().contains("search.max_states=5"), r.message());
    }

    @Test
    void actionPropertiesAreCheckedOnEveryStep() {
        Layout l = new Layout(1);
        Word w = l.word("w", 0);
        ToyPrograms.Scripted p = new ToyPrograms.Scripted(l, List.of(List.of("up", "down")), Set.of(), (op, ctx) ->
                ctx.fetchAdd(w, op.equals("up") ? 1 : -1));
        SpecMapping base = ToyPrograms.mapping(List.of(w), List.of(), List.of());
        SpecMapping monotonic = new SpecMapping() {
            @Override public List<String> vars() { return base.vars(); }
            @Override public java.util.Map<String, Value> map(View v) { return base.map(v); }
            @Override public List<Invariant> invariants() { return List.of(); }
            @Override public String actionName(Step s) { return base.actionName(s); }
            @Override public List<ActionProperty> actionProperties() {
                return List.of(new ActionProperty("Monotonic", (a, b) -> ((Value.Int) b.get("w")).v() >= ((Value.Int) a.get("w")).v()));
            }
        };
        ExplorationResult r = new Explorer("toy/mono", p, monotonic, new ExplorerConfig(100, 10, false, false, 0, 0, false, true)).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, r.verdict());
        assertEquals("action", r.kind());
        assertEquals("Monotonic", r.property());
        assertEquals(List.of("Init", "up", "down"), r.trace().actions().stream().map(Trace.Action::name).toList());
    }

    @Test
    void invariantsAreCheckedOnTheMappedState() {
        Layout l = new Layout(1);
        Word w = l.word("w", 0);
        ToyPrograms.Scripted p = new ToyPrograms.Scripted(l, List.of(List.of("inc"), List.of("inc")), Set.of(), (op, ctx) -> {
            long v = ctx.load(w);          // a lost update: load then store
            ctx.store(w, v + 1);
            return 0L;
        });
        // w stays within 0..2 (two increments): holds, so exploration is exhaustive and passes
        SpecMapping bounded = ToyPrograms.mapping(List.of(w), List.of(new SpecMapping.Invariant("Bounded", s -> {
            long v = ((Value.Int) s.get("w")).v();
            return v >= 0 && v <= 2;
        })), List.of());
        ExplorationResult ok = new Explorer("toy/inc", p, bounded, new ExplorerConfig(1000, 100, false, false, 0, 0, false, true)).run();
        assertEquals(ExplorationResult.Verdict.PASS, ok.verdict());
        // the same check with a bound the code exceeds fails: w = 2 is reachable (no update lost)
        SpecMapping atMostOne = ToyPrograms.mapping(List.of(w), List.of(new SpecMapping.Invariant("AtMostOne",
                s -> ((Value.Int) s.get("w")).v() <= 1)), List.of());
        ExplorationResult two = new Explorer("toy/inc", p, atMostOne, new ExplorerConfig(1000, 100, false, false, 0, 0, false, true)).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, two.verdict());
        assertEquals("AtMostOne", two.property());
        // the two interleavings that lose an update are reachable: w ends at 1 in some state with both done
        SpecMapping strict = ToyPrograms.mapping(List.of(w), List.of(new SpecMapping.Invariant("Sum", s -> {
            boolean bothDone = ((Value.Fn) s.get("status")).map().values().stream().allMatch(v -> ((Value.Str) v).v().equals("idle"));
            return !bothDone || ((Value.Int) s.get("w")).v() == 2 || ((Value.Int) s.get("w")).v() == 0;
        })), List.of());
        ExplorationResult bad = new Explorer("toy/inc", p, strict, new ExplorerConfig(1000, 100, false, false, 0, 0, false, true)).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, bad.verdict());
        assertEquals("Sum", bad.property());
    }
}
