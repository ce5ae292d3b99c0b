package kmapcheck.link;

import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Explorer;
import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.trace.Diff;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays a TLC counterexample on the Java implementation: each spec step drives the Java calls
 * and hardware choices whose mapped result is the next TLC state (implementation-only steps in
 * between must map to the current spec state, i.e. stutter).
 */
public final class Replay {
    /** Bound on implementation steps per spec step (stutters plus the refining step). */
    static final int MAX_IMPL_STEPS_PER_SPEC_STEP = 8;

    public record Result(boolean reproduced, String message, Trace javaTrace, String finalViolation,
                         Explorer explorer, Explorer.Node end) {}

    public static Result run(Trace tlc, Scenario scenario) {
        Mechanism mech = Mechanism.byName(scenario.all().get("target"));
        Scenario s = scenario.with(mech.initialOverrides(tlc.states().get(0).values()));
        Explorer ex = Explore.explorer(s);
        Explorer.Node cur = ex.root();
        Map<String, Value> init = ex.mapped(cur);
        if (!sameOn(tlc.vars(), init, tlc.states().get(0).values()))
            return new Result(false, "initial states differ: " + diff(tlc.vars(), init, tlc.states().get(0).values()), null, null, ex, cur);
        List<Explorer.Edge> path = new ArrayList<>();
        for (int i = 1; i < tlc.states().size(); i++) {
            Map<String, Value> want = tlc.states().get(i).values();
            Map<String, Value> here = tlc.states().get(i - 1).values();
            String action = tlc.actions().get(i).name();
            List<Explorer.Edge> step = findStep(ex, cur, tlc.vars(), here, want, action);
            if (step == null)
                return new Result(false, "spec step " + (i + 1) + " (" + action + ") has no implementation counterpart from state "
                        + i, ex.traceOf("replay", ex.root(), path, null), null, ex, cur);
            path.addAll(step);
            cur = step.get(step.size() - 1).to();
        }
        String v = ex.violated(cur);
        Trace t = ex.traceOf("replay", ex.root(), path,
                v == null ? null : new Trace.Violation("invariant", v, null, "replayed from the TLC counterexample"));
        String expected = tlc.violation() == null ? null : tlc.violation().property();
        boolean ok = expected == null || expected.equals(v) || !"invariant".equals(tlc.violation().kind());
        return new Result(ok, ok ? "replayed " + (tlc.states().size() - 1) + " spec steps as " + path.size() + " implementation steps"
                : "replayed, but the Java state violates " + v + " instead of " + expected, t, v, ex, cur);
    }

    /** BFS over implementation steps: stutters staying on {@code here}, then one step to {@code want}. */
    static List<Explorer.Edge> findStep(Explorer ex, Explorer.Node from, List<String> vars, Map<String, Value> here,
                                        Map<String, Value> want, String action) {
        record Path(Explorer.Node node, List<Explorer.Edge> edges) {}
        ArrayDeque<Path> q = new ArrayDeque<>();
        q.add(new Path(from, List.of()));
        Set<Map<String, Value>> seenSpec = new HashSet<>();
        int expansions = 0;
        while (!q.isEmpty() && expansions++ < 20_000) {
            Path p = q.poll();
            for (Explorer.Edge e : ex.expand(p.node())) {
                List<Explorer.Edge> edges = new ArrayList<>(p.edges());
                edges.add(e);
                if (action.equals(e.action()) && sameOn(vars, e.mapped(), want)) return edges;
                if (e.action() == null && sameOn(vars, e.mapped(), here) && edges.size() < MAX_IMPL_STEPS_PER_SPEC_STEP)
                    q.add(new Path(e.to(), edges));
            }
        }
        return null;
    }

    /** From {@code start}, a shortest implementation path to a state violating {@code property}. */
    public static List<Explorer.Edge> extendTo(Explorer ex, Explorer.Node start, String property, int maxStates) {
        record Path(Explorer.Node node, List<Explorer.Edge> edges) {}
        ArrayDeque<Path> q = new ArrayDeque<>();
        q.add(new Path(start, List.of()));
        Set<Map<String, Value>> seen = new HashSet<>();
        while (!q.isEmpty() && seen.size() < maxStates) {
            Path p = q.poll();
            for (Explorer.Edge e : ex.expand(p.node())) {
                List<Explorer.Edge> edges = new ArrayList<>(p.edges());
                edges.add(e);
                if (property.equals(ex.violatedAmong(e.to(), property))) return edges;
                if (seen.add(e.mapped())) q.add(new Path(e.to(), edges));
            }
        }
        return null;
    }

    static boolean sameOn(List<String> vars, Map<String, Value> a, Map<String, Value> b) {
        for (String v : vars) if (!java.util.Objects.equals(a.get(v), b.get(v))) return false;
        return true;
    }

    static String diff(List<String> vars, Map<String, Value> java, Map<String, Value> spec) {
        List<String> parts = new ArrayList<>();
        for (Diff.Change c : Diff.between(vars, new Trace.State(1, spec), new Trace.State(2, java)))
            parts.add(c.location() + ": spec " + (c.before() == null ? "-" : c.before().toTla()) + ", java "
                    + (c.after() == null ? "-" : c.after().toTla()));
        return String.join("; ", parts);
    }
}
