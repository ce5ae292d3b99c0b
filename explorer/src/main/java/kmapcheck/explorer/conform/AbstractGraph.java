package kmapcheck.explorer.conform;

import kmapcheck.explorer.Explorer;
import kmapcheck.explorer.ExplorerConfig;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.trace.Value;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The explorer's state graph projected onto the spec's variables, for TLC to judge ({@code conform}).
 *
 * <p>A breadth-first search over the explorer's stepping API ({@link Explorer#root()},
 * {@link Explorer#expand}) with exact state matching ({@link Explorer.Node#key()}); under
 * {@code search.symmetry} on the representatives the search stores ({@link Explorer#canonical}). Unlike the
 * verdict search it does not stop at a violation: it runs to completion within the scenario's
 * bounds ({@code search.max_states} on implementation states, {@code search.max_depth}); a bound hit
 * makes the graph INCOMPLETE. A panicking transition (kernel assertion) is recorded as an edge named
 * {@code Panic} but not expanded further: the machine has stopped. As TLC's model checker, it keeps
 * to the model's CONSTRAINTs ({@code inModel}, decided by TLC): a step to a state outside them is
 * counted but neither recorded nor followed.
 *
 * <p>Files written to the output directory (all UTF-8, one item per line, line numbers from 0):
 * <ul>
 *   <li>{@code vars.txt}: the spec's variables, in the mapping's order;</li>
 *   <li>{@code invariants.txt}: the invariants the explorer checks ({@link SpecMapping#invariants()});</li>
 *   <li>{@code actions.txt}: the explorer's action names used in {@code edges.txt};</li>
 *   <li>{@code states.tla}: abstract state i as a TLA+ record {@code [var |-> value, ...]} in TLC's
 *       value syntax ({@link Value#toTla()}); state 0 is the initial state;</li>
 *   <li>{@code verdicts.txt}: line i lists (comma-separated) the invariants the explorer's Java
 *       checks find violated in abstract state i; empty when all hold;</li>
 *   <li>{@code edges.txt}: {@code src dst action} for every distinct abstract step; action is an
 *       index into {@code actions.txt}, or -1 where the explorer calls the step a stutter although
 *       it changes the spec state. A step that leaves the spec state unchanged ({@code src = dst})
 *       is listed only when the explorer names a spec action for it (e.g. a NOWAIT allocation
 *       that fails and changes nothing); other stutters are only counted.</li>
 * </ul>
 */
public final class AbstractGraph {
    private AbstractGraph() {}

    /**
     * @param vars             the spec variables
     * @param invariants       the invariants the explorer checks, in its order
     * @param javaStates       distinct abstract (mapped) states
     * @param concreteStates   distinct implementation states explored
     * @param transitions      implementation transitions taken
     * @param stutters         transitions that leave the spec state unchanged
     * @param edges            distinct abstract edges written (per explorer action name)
     * @param panics           transitions that hit a kernel assertion
     * @param outOfModel       transitions to a state outside the model's CONSTRAINTs (not followed)
     * @param bound            null if the search completed, else which bound it hit
     * @param maxDepth         largest BFS depth reached
     * @param millis           wall time
     * @param deadlocks        implementation states the verdict search reports as a deadlock ({@link Explorer#expandChecked})
     * @param javaViolated     abstract states where a Java invariant check fails (a non-empty line of verdicts.txt)
     */
    public record Summary(List<String> vars, List<String> invariants, int javaStates, long concreteStates,
                          long transitions, long stutters, long edges, long panics, long outOfModel, String bound,
                          int maxDepth, long millis, long deadlocks, long javaViolated) {
        public boolean complete() { return bound == null; }
    }

    /**
     * Explores {@code ex} to completion within {@code bounds} and the model's CONSTRAINTs
     * ({@code inModel} on the mapped state) and writes the graph files to {@code dir}.
     */
    public static Summary build(Explorer ex, ExplorerConfig bounds, Path dir, Predicate<Map<String, Value>> inModel)
            throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        SpecMapping mapping = ex.mapping();
        List<String> vars = mapping.vars();
        List<SpecMapping.Invariant> invs = mapping.invariants();
        Files.write(dir.resolve("vars.txt"), vars);
        Files.write(dir.resolve("invariants.txt"), invs.stream().map(SpecMapping.Invariant::name).toList());

        Map<String, Integer> abstractIds = new HashMap<>();
        Map<String, Integer> actionIds = new LinkedHashMap<>();
        LongSet edgeSet = new LongSet();
        Map<Object, Integer> seen = new HashMap<>();     // implementation state -> its abstract state
        record Item(Explorer.Node node, int abs, int depth) {}
        ArrayDeque<Item> queue = new ArrayDeque<>();
        long transitions = 0, stutters = 0, panics = 0, outOfModel = 0, deadlocks = 0;
        java.util.Set<String> outside = new java.util.HashSet<>();     // mapped states outside the CONSTRAINTs
        int maxDepth = 0;
        String bound = null;
        long javaViolated;
        try (BufferedWriter states = Files.newBufferedWriter(dir.resolve("states.tla"));
             BufferedWriter verdicts = Files.newBufferedWriter(dir.resolve("verdicts.txt"));
             BufferedWriter edges = Files.newBufferedWriter(dir.resolve("edges.txt"))) {
            Writer w = new Writer(vars, invs, abstractIds, states, verdicts);
            Explorer.Node root = ex.canonical(ex.root());
            int rootId = w.id(ex.mapped(root));
            seen.put(root.key(), rootId);
            queue.add(new Item(root, rootId, 0));
            search:
            while (!queue.isEmpty()) {
                Item it = queue.poll();
                if (it.depth() >= bounds.maxDepth()) { bound = "search.max_depth=" + bounds.maxDepth(); continue; }
                Explorer.Expansion x = ex.expandChecked(it.node());
                if (x.deadlock()) deadlocks++;
                for (Explorer.Succ e : x.steps()) {
                    transitions++;
                    // under search.symmetry the target is its class's representative, as the search stores it
                    Explorer.Node target = ex.canonical(e.to());
                    Integer known = seen.get(target.key());
                    int to;
                    if (known != null) {
                        to = known;
                    } else {
                        Map<String, Value> mapped = ex.mapped(target);
                        String text = w.record(mapped);
                        Integer abs = w.known(text);
                        if (abs == null && (outside.contains(text) || !inModel.test(mapped))) {
                            outside.add(text);
                            outOfModel++;
                            continue;
                        }
                        to = abs != null ? abs : w.add(text, mapped);
                    }
                    boolean panic = e.error() != null;
                    if (panic) panics++;
                    if (to == it.abs()) stutters++;
                    // a stutter is written only when the explorer names a spec action for it
                    if (to != it.abs() || e.action() != null) {
                        int act = e.action() == null ? -1 : actionIds.computeIfAbsent(e.action(), a -> actionIds.size());
                        if (act > 1022) throw new IllegalStateException("more than 1023 explorer action names");
                        if (edgeSet.add(pack(it.abs(), to, act))) {
                            edges.write(it.abs() + " " + to + " " + act);
                            edges.newLine();
                        }
                    }
                    if (panic || known != null) continue;
                    seen.put(target.key(), to);
                    if (seen.size() > bounds.maxStates()) { bound = "search.max_states=" + bounds.maxStates(); break search; }
                    maxDepth = Math.max(maxDepth, it.depth() + 1);
                    queue.add(new Item(target, to, it.depth() + 1));
                }
            }
            javaViolated = w.violated;
        }
        Files.write(dir.resolve("actions.txt"), new ArrayList<>(actionIds.keySet()));
        return new Summary(vars, invs.stream().map(SpecMapping.Invariant::name).toList(), abstractIds.size(), seen.size(),
                transitions, stutters, edgeSet.size(), panics, outOfModel, bound, maxDepth, (System.nanoTime() - t0) / 1_000_000,
                deadlocks, javaViolated);
    }

    /**
     * The outcome of {@link #count}.
     *
     * @param abstractStates distinct abstract (mapped) states found
     * @param concreteStates distinct implementation states stored
     * @param exceeded       the search stopped because {@code abstractStates} exceeded the limit
     * @param bound          null unless a search bound stopped it first (which one)
     */
    public record Count(int abstractStates, long concreteStates, boolean exceeded, String bound) {
        public boolean complete() { return !exceeded && bound == null; }
    }

    /**
     * The number of distinct abstract states of {@link #build}'s search (the same search: breadth-first,
     * exact state matching, representatives under {@code search.symmetry}, a panicking transition's target
     * counted but not expanded) without a model's CONSTRAINTs, writing nothing. Stops as soon as more than
     * {@code limit} abstract states are found ({@code exceeded}); a mapping that cannot build a state
     * throws, as in {@code build}.
     */
    public static Count count(Explorer ex, ExplorerConfig bounds, long limit) {
        List<String> vars = ex.mapping().vars();
        java.util.Set<String> abstractStates = new java.util.HashSet<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        record Item(Explorer.Node node, int depth) {}
        ArrayDeque<Item> queue = new ArrayDeque<>();
        Explorer.Node root = ex.canonical(ex.root());
        abstractStates.add(text(vars, ex.mapped(root)));
        seen.add(root.key());
        queue.add(new Item(root, 0));
        String bound = null;
        if (abstractStates.size() > limit) return new Count(abstractStates.size(), seen.size(), true, null);
        while (!queue.isEmpty()) {
            Item it = queue.poll();
            if (it.depth() >= bounds.maxDepth()) { bound = "search.max_depth=" + bounds.maxDepth(); continue; }
            for (Explorer.Step st : ex.steps(it.node())) {
                Explorer.Node target = ex.canonical(st.to());
                if (seen.contains(target.key())) continue;
                abstractStates.add(text(vars, ex.mapped(target)));
                if (abstractStates.size() > limit) return new Count(abstractStates.size(), seen.size(), true, null);
                if (st.error() != null) continue;
                seen.add(target.key());
                if (seen.size() > bounds.maxStates()) return new Count(abstractStates.size(), seen.size(), false, "search.max_states=" + bounds.maxStates());
                queue.add(new Item(target, it.depth() + 1));
            }
        }
        return new Count(abstractStates.size(), seen.size(), false, bound);
    }

    /** A mapped state as a TLA+ record in the spec's variable order ({@code states.tla}'s lines). */
    static String text(List<String> vars, Map<String, Value> mapped) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < vars.size(); i++) {
            Value v = mapped.get(vars.get(i));
            if (v == null) throw new IllegalStateException("the mapping has no value for spec variable " + vars.get(i));
            if (i > 0) sb.append(", ");
            sb.append(vars.get(i)).append(" |-> ").append(v.toTla());
        }
        return sb.append(']').toString();
    }

    /** src and dst (27 bits each) and action + 1 (10 bits) in one long. */
    static long pack(int src, int dst, int act) {
        if (src >= 1 << 27 || dst >= 1 << 27) throw new IllegalStateException("more than 2^27 abstract states");
        return ((long) src << 37) | ((long) dst << 10) | (act + 1);
    }

    /** Interns abstract states: a new one gets the next id, its line in states.tla and verdicts.txt. */
    private static final class Writer {
        private final List<String> vars;
        private final List<SpecMapping.Invariant> invs;
        private final Map<String, Integer> ids;
        private final BufferedWriter states, verdicts;
        long violated;

        Writer(List<String> vars, List<SpecMapping.Invariant> invs, Map<String, Integer> ids,
               BufferedWriter states, BufferedWriter verdicts) {
            this.vars = vars;
            this.invs = invs;
            this.ids = ids;
            this.states = states;
            this.verdicts = verdicts;
        }

        int id(Map<String, Value> mapped) throws IOException {
            String text = record(mapped);
            Integer known = known(text);
            return known != null ? known : add(text, mapped);
        }

        Integer known(String text) { return ids.get(text); }

        int add(String text, Map<String, Value> mapped) throws IOException {
            int id = ids.size();
            ids.put(text, id);
            states.write(text);
            states.newLine();
            List<String> violated = new ArrayList<>();
            for (SpecMapping.Invariant inv : invs) {
                boolean holds;
                try {
                    holds = inv.holds().test(mapped);
                } catch (RuntimeException x) {
                    holds = false;   // a Java check that cannot evaluate the state counts as violated
                }
                if (!holds) violated.add(inv.name());
            }
            if (!violated.isEmpty()) this.violated++;
            verdicts.write(String.join(",", violated));
            verdicts.newLine();
            return id;
        }

        String record(Map<String, Value> mapped) { return text(vars, mapped); }
    }
}
