package kmapcheck.explorer;

import kmapcheck.explorer.vm.MachineState;
import kmapcheck.explorer.vm.StateSpace;
import kmapcheck.explorer.vm.Transition;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a path of implementation transitions into a {@link Trace} over the spec's variables: each
 * step names the spec action it refines (or is a stutter), who took it, and the implementation's
 * primitives.
 */
public final class Traces {
    private final StateSpace space;
    private final SpecMapping mapping;
    private final String model;

    public Traces(StateSpace space, SpecMapping mapping, String model) {
        this.space = space;
        this.mapping = mapping;
        this.model = model;
    }

    /** The mapping's view of transition {@code x} from {@code before}. */
    public SpecMapping.Step step(MachineState before, Transition x) {
        return new SpecMapping.Step(x.kind(), x.thread(), x.cpu(), x.op(), x.stepInOp(), x.completed(), x.prims(),
                space.view(before), space.view(x.next()), x.label(), x.args());
    }

    /** The spec action {@code x} refines ("Panic" for a kernel assertion), or null for a stutter. */
    public String actionName(MachineState before, Transition x) {
        return x.error() != null ? "Panic" : mapping.actionName(step(before, x));
    }

    public Map<String, Value> mapped(MachineState s) { return mapping.map(space.view(s)); }

    /** The trace of {@code path} (transitions described) from {@code start}. */
    public Trace build(String source, MachineState start, List<Transition> path, Trace.Violation violation) {
        List<Trace.State> ts = new ArrayList<>();
        List<Trace.Action> as = new ArrayList<>();
        ts.add(new Trace.State(1, mapped(start)));
        as.add(Trace.Action.init());
        MachineState cur = start;
        int i = 2;
        for (Transition x : path) {
            String name = actionName(cur, x);
            boolean stutter = name == null;
            if (stutter) name = stutterName(x);
            ts.add(new Trace.State(i, mapped(x.next())));
            as.add(new Trace.Action(i, name, null, actorOf(x), stutter, null, implOf(x)));
            cur = x.next();
            i++;
        }
        return new Trace(source, model, mapping.vars(), ts, as, violation);
    }

    private String stutterName(Transition x) {
        if (x.op() != null) return "(" + space.program().show(x.op()) + ")";
        return x.label() != null ? "(" + x.label() + ")" : x.kind().name();
    }

    /** Who took a step: its thread (if any) and CPU, by display name. */
    public Map<String, String> actorOf(Transition x) {
        Map<String, String> actor = new LinkedHashMap<>();
        if (x.thread() >= 0) actor.put("thread", space.threadName(x.thread()));
        if (x.cpu() >= 0) actor.put("cpu", space.cpuName(x.cpu()));
        return actor;
    }

    /** The implementation-level detail of a step: the op, the primitives it executed, a panic. */
    public List<String> implOf(Transition x) {
        List<String> impl = new ArrayList<>();
        if (x.op() != null && x.kind() == SpecMapping.Kind.THREAD)
            impl.add(space.program().show(x.op()) + (x.completed() ? " returns" : ""));
        impl.addAll(x.prims());
        if (x.error() != null) impl.add("PANIC: " + x.error());
        return impl;
    }
}
