package kmapcheck.explorer;

import kmapcheck.explorer.vm.Granularity;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Word;
import kmapcheck.trace.TraceText;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer core: hardware granularity, IPI acknowledgement, search bounds, workers, symmetry. */
class CoreSearchTest {

    private static ExplorerConfig config(Granularity g) {
        return new ExplorerConfig(1_000_000, 1000, true, true, 0, 0, true, true, false, g, List.of(), 1);
    }

    /** pte[k] and tlb[c] as pages, t1's status; invariant: once t1 finished its script, no TLB is stale. */
    private static SpecMapping tlbMapping(Kva k, int cpus, int steps) {
        return new SpecMapping() {
            @Override public List<String> vars() { return List.of("pte", "tlb", "done"); }
            @Override public Map<String, Value> map(View v) {
                Map<String, Value> m = new LinkedHashMap<>();
                long p = v.pte(k);
                m.put("pte", Value.of(Pte.valid(p) ? Pte.page(p) : 0));
                Value.FnBuilder tlb = Value.fn();
                for (int c = 0; c < cpus; c++) {
                    long e = v.tlb(k, c);
                    tlb.put("c" + c, Value.of(Pte.valid(e) ? Pte.page(e) : 0));
                }
                m.put("tlb", tlb.build());
                m.put("done", Value.of(v.local(0, 0) == steps));
                return m;
            }
            @Override public List<Invariant> invariants() {
                return List.of(new Invariant("NoStaleTlb", s -> {
                    if (!((Value.Bool) s.get("done")).v()) return true;
                    for (Value e : ((Value.Fn) s.get("tlb")).map().values())
                        if (!e.equals(Value.of(0)) && !e.equals(s.get("pte"))) return false;
                    return true;
                }));
            }
            @Override public String actionName(Step s) { return s.kind() == Kind.THREAD ? s.op().name() : s.kind().name(); }
        };
    }

    /**
     * sf_buf_map's shape: under a lock, load the old PTE, store the new one, invalidate only if the
     * old one was accessed. {@code swap}: one atomic exchange instead (pte_load_store).
     */
    private static Explorer remap(Granularity g, boolean swap) {
        Layout l = new Layout(2);
        Lock lock = l.lock("sf_buf_lock");
        Kva k = l.kva("kva");
        ToyPrograms.Scripted p = new ToyPrograms.Scripted(l, List.of(List.of("map_p1", "remap_p2")), Set.of(), (op, ctx) -> {
            ctx.lock(lock);
            ctx.atomic(() -> {
                if (op.equals("map_p1")) { ctx.pteStore(k, Pte.make(1)); return; }
                long old = swap ? ctx.pteSwap(k, Pte.make(2)) : ctx.pteLoad(k);
                if (!swap) ctx.pteStore(k, Pte.make(2));
                if (Pte.accessed(old)) ctx.invlpgCpus(3, k);
            });
            ctx.unlock(lock);
            return 0L;
        });
        return new Explorer("toy/remap", p, tlbMapping(k, 2, 2), config(g));
    }

    @Test
    void aPageWalkBetweenPteLoadAndStoreIsSeenOnlyAtFineGranularity() {
        ExplorationResult fine = remap(Granularity.FINE, false).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, fine.verdict(), "a fill between the load and the store leaves a stale TLB entry");
        assertEquals("NoStaleTlb", fine.property());
        String trace = new TraceText(false).render(fine.trace());
        assertTrue(trace.contains("load pte(kva)") && trace.contains("TLB_FILL"), trace);
        assertEquals(ExplorationResult.Verdict.PASS, remap(Granularity.LOCK_ATOMIC, false).run().verdict(),
                "the coarse view cannot see it");
        assertEquals(ExplorationResult.Verdict.PASS, remap(Granularity.FINE, true).run().verdict(), "pte_load_store closes the window");
    }

    /** Store a new PTE, then shoot down every CPU; {@code waitForAcks}: the shootdown waits for the IPIs to be handled. */
    private static Explorer shootdown(Granularity g, boolean waitForAcks) {
        Layout l = new Layout(3);
        Lock lock = l.lock("pmap_lock");
        Kva k = l.kva("kva");
        ToyPrograms.Scripted p = new ToyPrograms.Scripted(l, List.of(List.of("map_p1", "remap_p2")), Set.of(), (op, ctx) -> {
            ctx.lock(lock);
            ctx.pteStore(k, Pte.make(op.equals("map_p1") ? 1 : 2));
            if (op.equals("remap_p2")) {
                if (waitForAcks) ctx.invlpgCpus(7, k);
                else { ctx.invlpg(k); ctx.ipiSend(6, k); }
            }
            ctx.unlock(lock);
            return 0L;
        });
        return new Explorer("toy/shootdown", p, tlbMapping(k, 3, 2), config(g));
    }

    @Test
    void eachCpuAcknowledgesItsShootdownIpiOnItsOwn() {
        ExplorationResult fine = shootdown(Granularity.FINE, true).run();
        ExplorationResult coarse = shootdown(Granularity.LOCK_ATOMIC, true).run();
        assertEquals(ExplorationResult.Verdict.PASS, fine.verdict());
        assertEquals(ExplorationResult.Verdict.PASS, coarse.verdict());
        assertTrue(fine.distinctStates() > coarse.distinctStates(), "IPI acknowledgements interleave with TLB fills: "
                + fine.distinctStates() + " vs " + coarse.distinctStates());
        ExplorationResult noWait = shootdown(Granularity.FINE, false).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, noWait.verdict(), "returning before the acknowledgements leaves stale TLBs");
        assertTrue(new TraceText(false).render(noWait.trace()).contains("IPI invlpg kva to {c1, c2}"));
    }

    @Test
    void resultsAndCounterexamplesDoNotDependOnTheNumberOfWorkers() {
        for (Explorer e : List.of(remap(Granularity.FINE, false), shootdown(Granularity.FINE, true), ToyPrograms.lostWakeup(false, 1))) {
            ExplorationResult one = e.run(RunOptions.defaults().withWorkers(1));
            ExplorationResult two = e.run(RunOptions.defaults().withWorkers(2));
            assertEquals(one.outcome(), two.outcome());
            assertEquals(one.distinctStates(), two.distinctStates());
            assertEquals(one.transitions(), two.transitions());
            if (one.trace() != null)
                assertEquals(new TraceText(false).render(one.trace()), new TraceText(false).render(two.trace()));
        }
    }

    /** t1 increments x n times, one step each. */
    private static Explorer counter(int n, int maxDepth) {
        Layout l = new Layout(1);
        Word x = l.word("x", 0);
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) steps.add("inc");
        ToyPrograms.Scripted p = new ToyPrograms.Scripted(l, List.of(steps), Set.of(), (op, ctx) -> ctx.fetchAdd(x, 1));
        return new Explorer("toy/counter", p, ToyPrograms.mapping(List.of(x), List.of(), List.of()),
                new ExplorerConfig(1000, maxDepth, false, false, 0, 0, false, true));
    }

    @Test
    void reachingTheDepthBoundWithNothingNewBeyondItIsComplete() {
        assertEquals(ExplorationResult.Verdict.PASS, counter(5, 5).run().verdict());
        ExplorationResult cut = counter(5, 4).run();
        assertEquals(new Outcome.Incomplete(new Outcome.Bound.MaxDepth(4)), cut.outcome());
    }

    @Test
    void boundsAndCancellationAreIncompleteNeverPass() {
        Explorer e = shootdown(Granularity.FINE, true);
        assertInstanceOf(Outcome.Incomplete.class, e.run(RunOptions.defaults().withCancel(() -> true)).outcome());
        Explorer small = new Explorer("toy/shootdown", e.program(), e.mapping(), e.config().withMaxStates(10));
        assertEquals(new Outcome.Incomplete(new Outcome.Bound.MaxStates(10)), small.run().outcome());
    }

    @Test
    void aFrontierSpilledToDiskGivesTheSameSearch() {
        Explorer e = shootdown(Granularity.FINE, true);
        ExplorationResult mem = e.run();
        ExplorationResult disk = e.run(RunOptions.defaults().withFrontierMemory(1));
        assertEquals(mem.outcome(), disk.outcome());
        assertEquals(mem.distinctStates(), disk.distinctStates());
    }

    @Test
    void storeBytesComeFromTheStoresArraysAndDoNotDependOnWorkers() {
        Explorer e = shootdown(Granularity.FINE, true);
        ExplorationResult one = e.run(), two = e.run(RunOptions.defaults().withWorkers(2));
        long n = one.distinctStates();
        assertTrue(n > 1 && n <= 6144, "fits the initial 8192-slot table at load 3/4: " + n);
        // trimmed: 8-byte fingerprint + 4-byte parent per state; table 8192 slots of 8 + 4; four array headers
        assertEquals(12 * n + 12 * 8192 + 4 * 16, one.storeBytes());
        assertEquals(one.storeBytes(), two.storeBytes());
    }

    /** n identical threads each take the lock and add 1 to a shared counter, once. */
    private static Explorer symmetricCounter(int n, boolean racy, List<String> symmetry) {
        Layout l = new Layout(1);
        Lock lock = l.lock("lock");
        Word x = l.word("x", 0);
        Word owner = l.word("last", 0, kmapcheck.machine.Sort.elem(kmapcheck.machine.Sort.THREADS, 1));
        List<List<String>> scripts = new ArrayList<>();
        for (int t = 0; t < n; t++) scripts.add(List.of("inc"));
        ToyPrograms.Scripted p = new ToyPrograms.Scripted(l, scripts, Set.of(), (op, ctx) -> {
            if (!racy) ctx.lock(lock);
            long v = ctx.load(x);
            ctx.store(x, v + 1);
            ctx.store(owner, ctx.thread() + 1);
            if (!racy) ctx.unlock(lock);
            return 0L;
        }) {
            @Override public Map<String, Integer> symmetricSets() { return Map.of("Threads", n); }
        };
        // every thread that finished its increment has added 1: x = the number of finished threads
        SpecMapping m = new SpecMapping() {
            @Override public List<String> vars() { return List.of("x", "finished"); }
            @Override public Map<String, Value> map(View v) {
                long finished = 0;
                for (int t = 0; t < v.threads(); t++) finished += v.local(t, 0);
                return Map.of("x", Value.of(v.word(x)), "finished", Value.of(finished));
            }
            @Override public List<Invariant> invariants() {
                return List.of(new Invariant("NoLostUpdate", s -> s.get("x").equals(s.get("finished"))
                        || ((Value.Int) s.get("x")).v() == ((Value.Int) s.get("finished")).v() + 1));
            }
            @Override public String actionName(Step s) { return s.kind() == Kind.THREAD ? s.op().name() : null; }
        };
        ExplorerConfig c = new ExplorerConfig(100_000, 1000, false, false, 0, 0, false, true, false, Granularity.FINE, symmetry, 1);
        return new Explorer("toy/symcounter", p, m, c);
    }

    @Test
    void symmetryReducesInterchangeableThreadsAndKeepsVerdicts() {
        ExplorationResult full = symmetricCounter(3, false, List.of()).run();
        ExplorationResult sym = symmetricCounter(3, false, List.of("Threads")).run();
        assertEquals(ExplorationResult.Verdict.PASS, full.verdict());
        assertEquals(ExplorationResult.Verdict.PASS, sym.verdict());
        assertTrue(sym.distinctStates() * 2 < full.distinctStates(), sym.distinctStates() + " vs " + full.distinctStates());
        ExplorationResult racyFull = symmetricCounter(3, true, List.of()).run();
        ExplorationResult racySym = symmetricCounter(3, true, List.of("Threads")).run();
        assertEquals(ExplorationResult.Verdict.VIOLATION, racyFull.verdict());
        assertEquals(racyFull.outcome(), racySym.outcome());
        assertEquals(racyFull.trace().states().size(), racySym.trace().states().size(), "still a shortest counterexample");
        assertNotEquals(0, racySym.distinctStates());
    }
}
