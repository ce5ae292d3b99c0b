package kmapcheck.trace;

import java.util.List;
import java.util.Map;

/**
 * A counterexample (or replayed behaviour): states of the spec's variables and the action that
 * produced each. {@code states.get(0)} is the initial state, produced by the pseudo-action "Init".
 * Written as JSON in the shape of newer TLC's {@code -dumpTrace json}
 * ({@code {"vars":[..],"state":[[i,{..}],..],"action":[..]}}); see {@link TraceJson}.
 *
 * @param source    "tlc" or "explorer"
 * @param model     model or scenario id, e.g. {@code lwbuf/OrBug2009}
 * @param vars      the spec's variable names, in print order
 * @param states    the states, 1-based {@link State#index}
 * @param actions   one per state, same index: the step that led into that state
 * @param violation what the trace demonstrates, or null for a plain behaviour
 */
public record Trace(String source, String model, List<String> vars, List<State> states,
                    List<Action> actions, Violation violation) {

    public Trace {
        vars = List.copyOf(vars);
        states = List.copyOf(states);
        actions = List.copyOf(actions);
        if (states.size() != actions.size())
            throw new IllegalArgumentException("one action per state expected: " + states.size()
                    + " states, " + actions.size() + " actions");
    }

    /** Number of steps (transitions) in the trace. */
    public int steps() { return Math.max(0, states.size() - 1); }

    public record State(int index, Map<String, Value> values) {
        public State { values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values)); }
        public Value get(String var) { return values.get(var); }
    }

    /**
     * @param name     spec action name ("Init" for the first state), or a stutter label
     * @param location TLC's source location of the action, if known
     * @param actor    who took the step: keys "thread", "cpu" (hardware steps have only "cpu")
     * @param stutter  true if the step leaves the spec variables unchanged (implementation-only step)
     * @param kernel   the kernel function the action models (from the spec comment), if known
     * @param impl     implementation-level detail (explorer: primitives executed), may be empty
     */
    public record Action(int index, String name, String location, Map<String, String> actor,
                         boolean stutter, String kernel, List<String> impl) {
        public Action {
            actor = actor == null ? Map.of() : Map.copyOf(actor);
            impl = impl == null ? List.of() : List.copyOf(impl);
        }

        public static Action init() { return new Action(1, "Init", null, Map.of(), false, null, List.of()); }

        public Action withIndex(int i) { return new Action(i, name, location, actor, stutter, kernel, impl); }
        public Action withActor(Map<String, String> a) { return new Action(index, name, location, a, stutter, kernel, impl); }
        public Action withKernel(String k) { return new Action(index, name, location, actor, stutter, k, impl); }
        public Action withLocation(String l) { return new Action(index, name, l, actor, stutter, kernel, impl); }

        /** "Module.tla:LINE" from a location in TLC's format ("line L, col C to ... of module M"), or null. */
        public String fileLine() {
            if (location == null) return null;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^line (\\d+),.* of module (\\w+)$").matcher(location);
            return m.find() ? m.group(2) + ".tla:" + m.group(1) : location;
        }
    }

    /**
     * @param kind     "invariant", "action", "liveness", "deadlock" or "error"
     * @param property the violated invariant / property name ("Deadlock" for deadlock)
     * @param loopTo   for a lasso: index of the state the last state loops back to (liveness); else null
     * @param message  extra text (e.g. an evaluation error), may be null
     */
    public record Violation(String kind, String property, Integer loopTo, String message) {}
}
