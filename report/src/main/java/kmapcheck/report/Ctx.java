package kmapcheck.report;

import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the renderer knows about the traces on one page: the spec comments, the thread and CPU sets
 * (from {@link Roles} and the actors), which variables hold CPU sets (rendered as cpumasks).
 */
final class Ctx {
    final Map<String, String> kernelOf;
    final Roles roles;
    final List<String> cpus;        // CPU names in domain order
    final List<String> threads;     // thread names in domain order
    final Set<String> cpusetVars;   // variables whose sets contain only CPUs
    private final Map<String, Integer> threadColour = new HashMap<>();

    Ctx(List<Trace> traces, Map<String, String> kernelOf, Roles roles) {
        this.kernelOf = kernelOf;
        this.roles = roles;
        LinkedHashSet<String> c = new LinkedHashSet<>(), t = new LinkedHashSet<>();
        for (Trace tr : traces) {
            if (tr.states().isEmpty()) continue;
            Trace.State s0 = tr.states().get(0);
            domain(s0.get(roles.cpusVar()), c);
            domain(s0.get(roles.threadsVar()), t);
            if (s0.get(roles.cpuOfVar()) instanceof Value.Fn f) {
                domainKeys(f, t);
                for (Value v : f.map().values()) c.add(name(v));
            }
        }
        TreeSet<String> moreCpus = new TreeSet<>(), moreThreads = new TreeSet<>();
        for (Trace tr : traces)
            for (int i = 1; i < tr.actions().size(); i++) {
                Map<String, String> a = actor(tr, i);
                if (a.get("thread") != null) for (String x : a.get("thread").split(",")) if (!t.contains(x)) moreThreads.add(x);
                if (a.get("cpu") != null) for (String x : a.get("cpu").split(",")) if (!c.contains(x)) moreCpus.add(x);
            }
        c.addAll(moreCpus);
        t.addAll(moreThreads);
        cpus = List.copyOf(c);
        threads = List.copyOf(t);
        for (int i = 0; i < threads.size(); i++) threadColour.put(threads.get(i), i % 8);
        Set<String> cs = new LinkedHashSet<>();
        if (!cpus.isEmpty())
            for (Trace tr : traces)
                for (String var : tr.vars()) {
                    boolean[] any = {false}, other = {false};
                    for (Trace.State s : tr.states()) scanSets(s.get(var), any, other);
                    if (any[0] && !other[0]) cs.add(var);
                }
        cpusetVars = cs;
    }

    /** The actor of step {@code i}: from the trace, else inferred from the state change via the roles. */
    Map<String, String> actor(Trace t, int i) {
        Trace.Action a = t.actions().get(i);
        if (!a.actor().isEmpty() || i == 0) return a.actor();
        if (roles.threadsVar() == null && roles.cpusVar() == null) return Map.of();
        try {
            return roles.actorOf(t.vars(), t.states().get(i - 1), t.states().get(i));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The kernel function an action models: the trace's own text, else the spec comment. */
    String kernel(Trace.Action a) {
        if (a.kernel() != null && !a.kernel().isBlank()) return a.kernel();
        return kernelOf.get(a.name());
    }

    int colourOf(String thread) { return threadColour.getOrDefault(thread, 7); }
    boolean isThread(String name) { return threadColour.containsKey(name); }
    boolean isCpu(String name) { return cpus.contains(name); }

    String varDoc(String var) { return kernelOf.get("var:" + var); }

    private void scanSets(Value v, boolean[] any, boolean[] other) {
        if (v instanceof Value.SetV s) {
            for (Value x : s.items()) {
                if (x instanceof Value.ModelValue m && cpus.contains(m.name())) any[0] = true;
                else other[0] = true;
            }
        } else if (v instanceof Value.Fn f) {
            for (Value x : f.map().values()) scanSets(x, any, other);
        } else if (v instanceof Value.Rec r) {
            for (Value x : r.fields().values()) scanSets(x, any, other);
        } else if (v instanceof Value.Seq q) {
            for (Value x : q.items()) scanSets(x, any, other);
        }
    }

    private static void domain(Value v, Set<String> out) {
        if (v instanceof Value.Fn f) domainKeys(f, out);
    }

    private static void domainKeys(Value.Fn f, Set<String> out) {
        for (Value k : f.map().keySet()) out.add(name(k));
    }

    static String name(Value v) {
        if (v instanceof Value.ModelValue m) return m.name();
        if (v instanceof Value.Str s) return s.v();
        return v.toTla();
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        if (s != null) for (String x : s.split(",")) if (!x.isBlank()) out.add(x.strip());
        return out;
    }
}
