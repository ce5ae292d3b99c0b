package kmapcheck.explorer.search;

import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.ExplorerConfig;
import kmapcheck.explorer.Outcome;
import kmapcheck.explorer.RunOptions;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.Traces;
import kmapcheck.explorer.symmetry.Canonicalizer;
import kmapcheck.explorer.vm.MachineState;
import kmapcheck.explorer.vm.StateSpace;
import kmapcheck.explorer.vm.Transition;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Level-synchronous breadth-first search (JPF's Search; TLC's BFS): the states of one depth are
 * expanded in batches by {@code workers} threads (successor generation, canonicalisation,
 * fingerprints, the spec's invariants and action properties on the mapped states, all read-only),
 * then one thread merges each batch in BFS order: it assigns ids, detects known states and takes
 * the first violation in exactly the order a sequential search would meet it. So the verdict, the
 * counts and the (shortest) counterexample do not depend on the number of workers.
 */
public final class BreadthFirstSearch {
    private static final int BATCH = 2048;

    private final StateSpace space;
    private final SpecMapping mapping;
    private final ExplorerConfig cfg;
    private final RunOptions run;
    private final Canonicalizer canon;
    private final Traces traces;
    private final List<SpecMapping.Invariant> invariants;
    private final List<SpecMapping.ActionProperty> actionProps;
    /** Maps the variables the action properties read (all of the state if one declares none), on both sides of every step. */
    private final java.util.function.Function<kmapcheck.explorer.View, Map<String, Value>> actionMapper;
    private final List<SpecMapping.Liveness> liveness;
    private final int workers;

    private StateStore store;
    private LivenessGraph graph;
    private long transitions;
    private int maxDepth;
    private long t0;

    public BreadthFirstSearch(StateSpace space, SpecMapping mapping, ExplorerConfig cfg, RunOptions run,
                              Canonicalizer canon, Traces traces) {
        this.space = space;
        this.mapping = mapping;
        this.cfg = cfg;
        this.run = run;
        this.canon = canon;
        this.traces = traces;
        this.invariants = mapping.invariants();
        this.actionProps = mapping.actionProperties();
        java.util.Set<String> reads = new java.util.HashSet<>();
        for (SpecMapping.ActionProperty ap : actionProps) {
            if (ap.reads() == null) { reads = null; break; }
            reads.addAll(ap.reads());
        }
        this.actionMapper = reads == null ? v -> mapping.map(v) : mapping.mapper(reads);
        this.liveness = mapping.liveness();
        this.workers = run.workers() > 0 ? run.workers() : cfg.workers();
    }

    /** What the workers computed for one successor of an expanded state. */
    private static final class Out {
        long fp;
        long[] key;                 // the canonical encoding, if the state may be new
        MachineState next;          // the successor while its invariants are still to be evaluated
        String errorProperty, error;
        String invariant;           // first invariant the (possibly new) successor violates
        String action;              // first action property the step violates
        int[] waiting;              // liveness: waiting threads per property of a possibly new successor
        boolean obligated;
    }

    /** One expanded state. */
    private static final class Expansion {
        int id;
        Out[] outs;
        boolean progress;           // a thread or an obligated environment event can move
        boolean busy;               // some thread is inside an op
    }

    /** Where the violation was met: the state it is in, or the step that makes it. */
    private record Site(int state, int fromState, int outIndex, long fp) {}

    public ExplorationResult run() {
        t0 = System.nanoTime();
        long heapBefore = run.measureMemory() ? usedHeapAfterGc() : 0;
        store = new StateStore();
        graph = liveness.isEmpty() ? null : new LivenessGraph(liveness, space.threadNames());
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "kmapcheck-search");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            ExplorationResult r = search(pool);
            store.trim();
            long retained = run.measureMemory() ? Math.max(0, usedHeapAfterGc() - heapBefore) : 0;
            r = new ExplorationResult(r.outcome(), r.distinctStates(), r.transitions(), r.maxDepth(), r.millis(), r.trace(),
                    workers, retained, r.collisionProbability(), storeBytes());
            for (SearchListener l : run.listeners()) l.searchFinished(r);
            return r;
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    private ExplorationResult search(ExecutorService pool) {
        MachineState init = canon.canonical(space.initial());
        long[] k0 = space.encode(init);
        store.add(Fingerprint.of(k0), -1);
        for (SearchListener l : run.listeners()) l.stateNew(0, -1, 0);
        Map<String, Value> m0 = mapping.map(space.view(init));
        String bad = firstViolated(m0);
        if (bad != null) return violation(new Site(0, -1, -1, 0), "invariant", bad, null);
        if (graph != null) graph.addState(m0);
        Frontier level = new Frontier(run.frontierMemoryBytes());
        level.add(0, k0);
        long lastProgress = System.nanoTime();
        Outcome.Bound bound = null;
        for (int depth = 0; level.size() > 0; depth++) {
            Frontier next = new Frontier(run.frontierMemoryBytes());
            try (Frontier.Reader rd = level.reader()) {
                List<long[]> keys = new ArrayList<>(BATCH);
                int[] ids = new int[BATCH];
                long expanded = 0;
                boolean more = true;
                while (more) {
                    keys.clear();
                    while (keys.size() < BATCH && (more = rd.next())) {
                        ids[keys.size()] = rd.id;
                        keys.add(rd.key);
                    }
                    if (keys.isEmpty()) break;
                    Expansion[] ex = expand(pool, keys, ids);
                    expanded += ex.length;
                    ExplorationResult v = merge(ex, depth, next);
                    if (v != null) return v;
                    if (boundHit != null && boundHit instanceof Outcome.Bound.MaxStates) return incomplete(boundHit);
                    if (run.timeoutSeconds() > 0 && (System.nanoTime() - t0) / 1e9 > run.timeoutSeconds())
                        return incomplete(new Outcome.Bound.Timeout(run.timeoutSeconds()));
                    if (run.cancelled().getAsBoolean()) return incomplete(new Outcome.Bound.Cancelled());
                    if (!run.listeners().isEmpty() && (System.nanoTime() - lastProgress) / 1e9 >= run.progressSeconds()) {
                        lastProgress = System.nanoTime();
                        SearchListener.Progress p = progress(level.size() - expanded + next.size(), depth);
                        for (SearchListener l : run.listeners()) l.progress(p);
                    }
                }
            } finally {
                level.close();
            }
            SearchListener.Progress p = progress(next.size(), depth);
            for (SearchListener l : run.listeners()) l.levelDone(depth, p);
            level = next;
        }
        level.close();
        if (boundHit != null) bound = boundHit;
        if (bound != null) return incomplete(bound);
        if (graph != null) {
            LivenessGraph.Stuck stuck = graph.firstStuck(this::depthOf);
            if (stuck != null) {
                String msg = stuck.thread() + " waits forever: no obligated step (threads finishing their ops, fair op starts, "
                        + "hardware events) releases it";
                ExplorationResult r = violation(new Site(stuck.state(), -1, -1, 0), "liveness", stuck.property(), msg);
                Trace t = r.trace();
                Trace lasso = new Trace(t.source(), t.model(), t.vars(), t.states(), t.actions(),
                        new Trace.Violation("liveness", stuck.property(), t.states().size(), msg));
                return new ExplorationResult(r.outcome(), r.distinctStates(), r.transitions(), r.maxDepth(), r.millis(), lasso,
                        workers, 0, r.collisionProbability(), 0);
            }
        }
        return result(new Outcome.Pass(), null);
    }

    private Outcome.Bound boundHit;

    private SearchListener.Progress progress(long queue, int depth) {
        return new SearchListener.Progress(store.size(), transitions, queue, depth, (System.nanoTime() - t0) / 1e9);
    }

    // ---- expansion (parallel, read-only on shared structures) ---------------------------------------

    /**
     * Expands one batch in three steps: successors, fingerprints and action properties of every
     * state (parallel); then, in BFS order, the successors not in the store are deduplicated by
     * fingerprint (the first occurrence keeps its encoding, as the merge adds only that one); then
     * the invariants and liveness labels of those first occurrences only (parallel). A later
     * occurrence in the batch is either found in the store by the merge (the first was added) or,
     * past the depth bound, not added either, with the first's invariant verdict already taken.
     */
    private Expansion[] expand(ExecutorService pool, List<long[]> keys, int[] ids) {
        Expansion[] out = new Expansion[keys.size()];
        inParallel(pool, out.length, i -> out[i] = expandOne(ids[i], keys.get(i)));
        kmapcheck.explorer.conform.LongSet seen = new kmapcheck.explorer.conform.LongSet();
        List<Out> fresh = new ArrayList<>();
        for (Expansion e : out)
            for (Out o : e.outs) {
                if (o.next == null) continue;
                if (seen.add(o.fp)) {
                    fresh.add(o);
                } else {
                    o.next = null;
                    o.key = null;
                }
            }
        inParallel(pool, fresh.size(), i -> judge(fresh.get(i)));
        return out;
    }

    /** The invariants (and liveness labels) of a successor that may be new. */
    private void judge(Out o) {
        Map<String, Value> after = mapping.map(space.view(o.next));
        o.invariant = firstViolated(after);
        if (graph != null) o.waiting = graph.waiting(after);
        o.next = null;
    }

    /** Runs {@code body} on 0..n-1: on this thread, or on the pool's workers (each index once). */
    private void inParallel(ExecutorService pool, int n, java.util.function.IntConsumer body) {
        if (pool == null || n < 2) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        AtomicInteger nextIndex = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            fs.add(pool.submit(() -> {
                for (int i; (i = nextIndex.getAndIncrement()) < n; ) body.accept(i);
            }));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error er) throw er;
                throw new IllegalStateException(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("search interrupted", e);
            }
        }
    }

    private Expansion expandOne(int id, long[] key) {
        MachineState s = space.decode(key);
        List<Transition> succ = space.successors(s, false);
        Expansion e = new Expansion();
        e.id = id;
        e.busy = StateSpace.busy(s);
        e.outs = new Out[succ.size()];
        Map<String, Value> before = actionProps.isEmpty() ? null : mapForActions(s);
        for (int i = 0; i < e.outs.length; i++) {
            Transition x = succ.get(i);
            Out o = new Out();
            e.outs[i] = o;
            o.obligated = x.obligated();
            if (x.progresses()) e.progress = true;
            if (x.error() != null) {
                o.errorProperty = x.errorProperty();
                o.error = x.error();
                o.fp = Fingerprint.of(space.encode(canon.canonical(x.next())));
                continue;
            }
            long[] k = space.encode(canon.canonical(x.next()));
            o.fp = Fingerprint.of(k);
            if (before != null) {
                Map<String, Value> read = mapForActions(x.next());
                if (!read.equals(before))                 // [A]_vars: a stutter satisfies it
                    for (SpecMapping.ActionProperty ap : actionProps)
                        if (!ap.holds().test(before, read)) { o.action = ap.name(); break; }
            }
            if (store.find(o.fp) < 0) {                   // may be new: judged once per batch (expand)
                o.key = k;
                o.next = x.next();
            }
        }
        return e;
    }

    /** The variables the action properties read: all of the mapped state, or just their declared ones. */
    private Map<String, Value> mapForActions(MachineState s) {
        return actionMapper.apply(space.view(s));
    }

    private String firstViolated(Map<String, Value> m) {
        for (SpecMapping.Invariant inv : invariants) if (!inv.holds().test(m)) return inv.name();
        return null;
    }

    // ---- merge (one thread, BFS order) ----------------------------------------------------------

    /** Merges one batch; returns a violation result or null. Sets {@link #boundHit}. */
    private ExplorationResult merge(Expansion[] batch, int depth, Frontier next) {
        for (Expansion e : batch) {
            for (int i = 0; i < e.outs.length; i++) {
                Out o = e.outs[i];
                transitions++;
                if (o.error != null) return violation(new Site(-1, e.id, i, o.fp), "error", o.errorProperty, o.error);
                int known = store.find(o.fp);
                if (known >= 0) {
                    if (o.action != null) return violation(new Site(-1, e.id, i, o.fp), "action", o.action, null);
                    if (graph != null && o.obligated) graph.addEdge(e.id, known);
                    for (SearchListener l : run.listeners()) l.transition(e.id, known, false);
                    continue;
                }
                if (depth + 1 > cfg.maxDepth()) {
                    // beyond the depth bound: only a violation found here is still reported
                    if (o.invariant != null) return violation(new Site(-1, e.id, i, o.fp), "invariant", o.invariant, null);
                    if (o.action != null) return violation(new Site(-1, e.id, i, o.fp), "action", o.action, null);
                    if (boundHit == null) boundHit = new Outcome.Bound.MaxDepth(cfg.maxDepth());
                    continue;
                }
                if (store.size() >= cfg.maxStates()) {
                    boundHit = new Outcome.Bound.MaxStates(cfg.maxStates());
                    return null;
                }
                int id = store.add(o.fp, e.id);
                next.add(id, o.key);
                maxDepth = Math.max(maxDepth, depth + 1);
                for (SearchListener l : run.listeners()) {
                    l.stateNew(id, e.id, depth + 1);
                    l.transition(e.id, id, true);
                }
                // as TLC: the new state's invariants first, then the step's action properties
                if (o.invariant != null) return violation(new Site(id, -1, -1, o.fp), "invariant", o.invariant, null);
                if (o.action != null) return violation(new Site(id, -1, -1, o.fp), "action", o.action, null);
                if (graph != null) {
                    graph.addState(o.waiting);
                    if (o.obligated) graph.addEdge(e.id, id);
                }
            }
            if (cfg.checkDeadlock() && !e.progress && e.busy)
                return violation(new Site(e.id, -1, -1, 0), "deadlock", "Deadlock", null);
        }
        return null;
    }

    // ---- results and traces -----------------------------------------------------------------------

    private int depthOf(int id) {
        int d = 0;
        for (int x = id; store.parent(x) >= 0; x = store.parent(x)) d++;
        return d;
    }

    private ExplorationResult incomplete(Outcome.Bound b) { return result(new Outcome.Incomplete(b), null); }

    private ExplorationResult result(Outcome o, Trace t) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new ExplorationResult(o, store.size(), transitions, maxDepth, ms, t, workers, 0,
                Fingerprint.collisionProbability(store.size(), transitions), 0);
    }

    /** What the search keeps per state at its end, from the sizes of its arrays (the store; the liveness graph). */
    private long storeBytes() { return store.bytes() + (graph == null ? 0 : graph.bytes()); }

    private ExplorationResult violation(Site site, String kind, String property, String message) {
        List<Transition> path = new ArrayList<>();
        MachineState start = space.initial();
        MachineState end = pathTo(site.state() >= 0 ? site.state() : site.fromState(), start, path);
        if (site.state() < 0) {
            List<Transition> succ = space.successors(end, true);
            Transition last = null;
            if (!canon.reduces()) {
                last = succ.get(site.outIndex());
            } else {
                for (Transition x : succ)
                    if ((x.error() != null) == kind.equals("error")
                            && Fingerprint.of(space.encode(canon.canonical(x.next()))) == site.fp()) { last = x; break; }
            }
            path.add(last);
        }
        if (kind.equals("deadlock")) message = "no thread can take a step: " + describeThreads(end);
        String msg = message;
        if (kind.equals("error") && path.get(path.size() - 1).error() != null) msg = path.get(path.size() - 1).error();
        Trace t = traces.build("explorer", start, path, new Trace.Violation(kind, property, null, msg));
        maxDepth = Math.max(maxDepth, path.size());
        return result(new Outcome.Violation(kind, property, msg), t);
    }

    /** Rebuilds the states from the initial one to {@code id}: at each step the successor whose canonical form is the stored one. */
    private MachineState pathTo(int id, MachineState start, List<Transition> path) {
        List<Integer> ids = new ArrayList<>();
        for (int x = id; x >= 0; x = store.parent(x)) ids.add(0, x);
        MachineState cur = start;
        for (int i = 1; i < ids.size(); i++) {
            long want = store.fingerprint(ids.get(i));
            Transition hit = null;
            for (Transition x : space.successors(cur, true)) {
                if (x.error() != null) continue;
                if (Fingerprint.of(space.encode(canon.canonical(x.next()))) == want) { hit = x; break; }
            }
            if (hit == null) throw new IllegalStateException("cannot rebuild the path to state " + id + ": successor generation is not deterministic");
            path.add(hit);
            cur = hit.next();
        }
        return cur;
    }

    private String describeThreads(MachineState s) {
        List<String> parts = new ArrayList<>();
        for (int t = 0; t < s.threads.length; t++) {
            var x = s.threads[t];
            parts.add(space.threadName(t) + " " + x.status.name().toLowerCase()
                    + (x.op != null ? " in " + space.program().show(x.op) : ""));
        }
        return String.join(", ", parts);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
