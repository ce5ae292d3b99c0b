package kmapcheck.explorer;

import kmapcheck.explorer.search.BreadthFirstSearch;
import kmapcheck.explorer.symmetry.Canonicalizer;
import kmapcheck.explorer.symmetry.Symmetry;
import kmapcheck.explorer.vm.MachineState;
import kmapcheck.explorer.vm.StateSpace;
import kmapcheck.explorer.vm.Transition;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * JPF-style explicit-state explorer of a {@link Program} on the simulated machine: the state space
 * ({@link StateSpace}: successor generation, environment choices), a search
 * ({@link BreadthFirstSearch}: level-synchronous BFS, fingerprints, optional symmetry), listeners
 * and typed results ({@link Outcome}). The spec's invariants are checked at every state on the
 * mapped state; BFS makes a counterexample a shortest one.
 */
public final class Explorer {
    private final String model;
    private final Program program;
    private final SpecMapping mapping;
    private final ExplorerConfig cfg;
    private final StateSpace space;
    private final Traces traces;

    public Explorer(String model, Program program, SpecMapping mapping, ExplorerConfig cfg) {
        this.model = model;
        this.program = program;
        this.mapping = mapping;
        this.cfg = cfg;
        this.space = new StateSpace(program, cfg);
        this.traces = new Traces(space, mapping, model);
    }

    public ExplorationResult run() { return run(RunOptions.defaults()); }

    public ExplorationResult run(RunOptions opts) {
        return new BreadthFirstSearch(space, mapping, cfg, opts, canonicalizer(), traces).run();
    }

    private Canonicalizer canon;

    /** The scenario's symmetry reduction ({@code search.symmetry}); refused with liveness properties. */
    private synchronized Canonicalizer canonicalizer() {
        if (canon != null) return canon;
        Canonicalizer c = Canonicalizer.IDENTITY;
        if (!cfg.symmetry().isEmpty()) {
            if (!mapping.liveness().isEmpty())
                throw new Scenario.ScenarioException(model + ": symmetry reduction is unsound for liveness properties ("
                        + mapping.liveness().get(0).name() + "), as TLC warns: drop search.symmetry or the liveness check");
            c = new Symmetry(space, cfg.symmetry());
        }
        return canon = c;
    }

    /**
     * The representative of {@code n}'s symmetry class, as the search stores it ({@code n} itself
     * without {@code search.symmetry}): for graphs built with the stepping API ({@code conform}).
     */
    public Node canonical(Node n) {
        Canonicalizer c = canonicalizer();
        if (!c.reduces()) return n;
        MachineState s = c.canonical(n.state);
        return s == n.state ? n : new Node(s);
    }

    public ExplorerConfig config() { return cfg; }

    public StateSpace stateSpace() { return space; }

    // ---- stepping API (replay of spec traces, conformance, tests) -------------------------------

    /** A state of the implementation, for stepping through it outside the search. */
    public static final class Node {
        final MachineState state;
        private StateKey key;

        Node(MachineState s) { this.state = s; }

        /**
         * An immutable value with equals/hashCode that identifies the implementation state exactly:
         * two nodes have equal keys iff they are the same state (the search's state matching).
         */
        public Object key() {
            if (key == null) key = new StateKey(state.encode());
            return key;
        }

        @Override public boolean equals(Object o) { return o instanceof Node n && n.key().equals(key()); }

        @Override public int hashCode() { return key().hashCode(); }
    }

    /** The exact encoding of a state as a value. */
    private static final class StateKey {
        private final long[] k;
        private final int hash;

        StateKey(long[] k) { this.k = k; this.hash = Arrays.hashCode(k); }

        @Override public boolean equals(Object o) { return o instanceof StateKey x && x.hash == hash && Arrays.equals(x.k, k); }

        @Override public int hashCode() { return hash; }
    }

    /**
     * One implementation transition from a node.
     *
     * @param action spec action it refines, or null for a stutter
     * @param mapped the spec state of the target
     * @param error  kernel assertion text if the transition panicked
     */
    public record Edge(String action, Map<String, String> actor, List<String> impl, Node to,
                       Map<String, Value> mapped, String error) {}

    public Node root() { return new Node(space.initial()); }

    public Map<String, Value> mapped(Node n) { return mapping.map(space.view(n.state)); }

    /** The variables {@code vars} of the node's spec state, as the search maps them for action properties ({@link SpecMapping#mapper}). */
    public Map<String, Value> mapped(Node n, java.util.Set<String> vars) { return mapping.mapper(vars).apply(space.view(n.state)); }

    /** The first spec invariant the node violates, or null. */
    public String violated(Node n) {
        Map<String, Value> m = mapped(n);
        for (SpecMapping.Invariant inv : mapping.invariants()) if (!inv.holds().test(m)) return inv.name();
        return null;
    }

    /** {@code property} if the node violates that invariant, else null. */
    public String violatedAmong(Node n, String property) {
        Map<String, Value> m = mapped(n);
        for (SpecMapping.Invariant inv : mapping.invariants())
            if (inv.name().equals(property) && !inv.holds().test(m)) return property;
        return null;
    }

    public List<Edge> expand(Node n) {
        List<Edge> out = new ArrayList<>();
        for (Transition x : space.successors(n.state, true))
            out.add(new Edge(traces.actionName(n.state, x), traces.actorOf(x), traces.implOf(x), new Node(x.next()),
                    mapping.map(space.view(x.next())), x.error()));
        return out;
    }

    /**
     * A transition as a graph search needs it ({@link kmapcheck.explorer.conform.AbstractGraph}):
     * the spec action it refines as {@link #expand} names it ("Panic" for a kernel assertion, null
     * for a stutter), its target and its kernel assertion text; its spec state is {@link #mapped}
     * of the target, computed only where needed.
     */
    public record Succ(String action, Node to, String error) {}

    /**
     * The successors of {@code n} as {@link #expand} finds them, with the verdict search's deadlock
     * check on {@code n} ({@link BreadthFirstSearch}: with {@code search.deadlock}, some thread is
     * inside an op and neither a thread nor an obligated environment event can move).
     */
    public record Expansion(List<Succ> steps, boolean deadlock) {}

    public Expansion expandChecked(Node n) {
        List<Succ> out = new ArrayList<>();
        boolean progress = false;
        // undescribed: a description (the primitives executed) changes no action name (SpecMapping.actionName reads none)
        for (Transition x : space.successors(n.state, false)) {
            if (x.progresses()) progress = true;
            out.add(new Succ(traces.actionName(n.state, x), new Node(x.next()), x.error()));
        }
        return new Expansion(out, cfg.checkDeadlock() && !progress && StateSpace.busy(n.state));
    }

    /**
     * The successors of {@code n} as {@link #expand} finds them, without their spec states, action names or
     * descriptions (cheaper: for counting searches such as {@link kmapcheck.explorer.conform.AbstractGraph#count}).
     *
     * @param error kernel assertion text if the transition panicked
     */
    public record Step(Node to, String error) {}

    public List<Step> steps(Node n) {
        List<Step> out = new ArrayList<>();
        for (Transition x : space.successors(n.state, false)) out.add(new Step(new Node(x.next()), x.error()));
        return out;
    }

    /** A trace of a path of edges from {@code start} (source "replay"). */
    public Trace traceOf(String source, Node start, List<Edge> path, Trace.Violation violation) {
        List<Trace.State> ts = new ArrayList<>();
        List<Trace.Action> as = new ArrayList<>();
        ts.add(new Trace.State(1, mapped(start)));
        as.add(Trace.Action.init());
        int i = 2;
        for (Edge e : path) {
            ts.add(new Trace.State(i, e.mapped()));
            boolean stutter = e.action() == null;
            String name = stutter ? "(" + (e.impl().isEmpty() ? "step" : e.impl().get(0)) + ")" : e.action();
            as.add(new Trace.Action(i, name, null, e.actor(), stutter, null, e.impl()));
            i++;
        }
        return new Trace(source, model, mapping.vars(), ts, as, violation);
    }

    public SpecMapping mapping() { return mapping; }

    public Program program() { return program; }
}
