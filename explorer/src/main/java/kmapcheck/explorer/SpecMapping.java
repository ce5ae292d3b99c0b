package kmapcheck.explorer;

import kmapcheck.trace.Value;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The explicit mapping from the implementation's state to the TLA+ spec's variables, the spec's
 * invariants evaluated on the mapped state, and the spec action each implementation step refines.
 */
public interface SpecMapping {
    /** The spec's variables, in the order traces print them. */
    List<String> vars();

    /** The spec state that implementation state {@code v} stands for. */
    Map<String, Value> map(View v);

    /** The spec's invariants, same names and meaning as the TLA+ conjuncts. */
    List<Invariant> invariants();

    /**
     * The spec action implementation step {@code s} refines; null if it is a stutter;
     * {@link #INIT_CHOICE} for a step that stands for the spec Init's choice among several initial
     * states (the explorer has one initial state: a boot step picks the others).
     */
    String actionName(Step s);

    /** {@link #actionName} of a boot step: from one initial state of the spec to another. */
    String INIT_CHOICE = "Init";

    record Invariant(String name, Predicate<Map<String, Value>> holds) {
        /**
         * The invariants a model's cfg lists, in its order (TLC reports the first violated one),
         * looked up by name in {@code registry}; "TypeOK" is {@code typeOk}.
         *
         * @throws IllegalArgumentException for a name with no Java check
         */
        public static List<Invariant> selected(List<String> names, Map<String, Predicate<Map<String, Value>>> registry,
                                               Predicate<Map<String, Value>> typeOk) {
            List<Invariant> out = new java.util.ArrayList<>();
            for (String n : names) {
                Predicate<Map<String, Value>> p = n.equals("TypeOK") ? typeOk : registry.get(n);
                if (p == null) throw new IllegalArgumentException("INVARIANT " + n + " has no Java check (known: TypeOK, "
                        + String.join(", ", new java.util.TreeSet<>(registry.keySet())) + ")");
                out.add(new Invariant(n, p));
            }
            return out;
        }
    }

    /**
     * A model cfg's PROPERTY names split into the liveness and action properties the explorer
     * checks.
     */
    record CheckedProperties(List<String> liveness, java.util.Set<String> actions) {
        /** @throws IllegalArgumentException for a PROPERTY with no Java check */
        public static CheckedProperties of(List<String> properties, List<String> knownLiveness, List<String> knownActions) {
            List<String> live = new java.util.ArrayList<>();
            java.util.Set<String> actions = new java.util.LinkedHashSet<>();
            for (String p : properties) {
                if (knownLiveness.contains(p)) live.add(p);
                else if (knownActions.contains(p)) actions.add(p);
                else throw new IllegalArgumentException("PROPERTY " + p + " has no Java check (known: "
                        + String.join(", ", knownActions) + (knownActions.isEmpty() ? "" : ", ") + String.join(", ", knownLiveness) + ")");
            }
            return new CheckedProperties(List.copyOf(live), actions);
        }
    }

    /**
     * Liveness properties: "every thread in {@code waiting(s)} eventually leaves it", checked as
     * AG(waiting(t) => EF not waiting(t)) over obligated steps only (see {@link Program#fair}):
     * threads finishing the ops they are in, and op starts the program declares fair. Signals and
     * new requests are never relied on, as in the specs' fairness (no fairness on Signal).
     */
    default List<Liveness> liveness() { return List.of(); }

    /**
     * Action properties ([][A]_vars): {@code holds(before, after)} must be true on every
     * implementation step, stutters included (A is then trivially true when the spec state is
     * unchanged, as [A]_vars allows).
     */
    default List<ActionProperty> actionProperties() { return List.of(); }

    /**
     * @param reads the variables {@code holds} reads, or null for all of them. When given, it must
     *              include the property's subscript ([A]_sub): the search then maps only these
     *              variables of every step's two states ({@link #mapper}) and
     *              takes a step that leaves them all unchanged as a stutter, which satisfies the
     *              property. So {@code holds} must also be true whenever they are unchanged (as
     *              [A]_sub is), which makes the check the same as on the whole state.
     */
    record ActionProperty(String name, java.util.function.BiPredicate<Map<String, Value>, Map<String, Value>> holds,
                          java.util.Set<String> reads) {
        public ActionProperty(String name, java.util.function.BiPredicate<Map<String, Value>, Map<String, Value>> holds) {
            this(name, holds, null);
        }

        public ActionProperty { if (reads != null) reads = java.util.Set.copyOf(reads); }
    }

    /**
     * A function giving the variables {@code vars} of {@link #map(View)} only, with the same
     * values (built once per search). The default maps the whole state and keeps those; a mapping
     * may compute just them (action properties that declare {@link ActionProperty#reads} are
     * evaluated on both states of every step with it).
     */
    default java.util.function.Function<View, Map<String, Value>> mapper(java.util.Set<String> vars) {
        List<String> keep = vars().stream().filter(vars::contains).toList();
        return v -> {
            Map<String, Value> all = map(v), out = new java.util.LinkedHashMap<>();
            for (String x : keep) out.put(x, all.get(x));
            return out;
        };
    }

    /** @param waiting the thread names (model values, e.g. "t2") waiting in a mapped state */
    record Liveness(String name, java.util.function.Function<Map<String, Value>, java.util.Set<String>> waiting) {}

    /**
     * One implementation transition.
     *
     * @param kind       THREAD, TLB_FILL, TLB_EVICT, MIGRATE or SIGNAL
     * @param thread     acting thread (or -1 for hardware)
     * @param cpu        CPU involved (the thread's CPU, or the hardware CPU)
     * @param op         the op the thread was in (or started)
     * @param stepInOp   transitions the thread had completed in the op before this one
     * @param completed  the op returned in this transition
     * @param primitives what the transition executed (descriptions)
     * @param before     state before
     * @param after      state after
     * @param label      an environment event's name (IPI: "ipi"; HARDWARE: the generator's label), else null
     * @param args       an environment event's arguments (IPI: the KVA index), else empty
     */
    record Step(Kind kind, int thread, int cpu, Op op, int stepInOp, boolean completed,
                List<String> primitives, View before, View after, String label, long[] args) {
        public Step(Kind kind, int thread, int cpu, Op op, int stepInOp, boolean completed,
                    List<String> primitives, View before, View after) {
            this(kind, thread, cpu, op, stepInOp, completed, primitives, before, after, null, new long[0]);
        }
    }

    /**
     * THREAD: a thread's transition; TLB_FILL/TLB_EVICT: the MMU (cpu); IPI: {@code cpu} handles a
     * shootdown IPI for KVA {@code args[0]} (invalidates and acknowledges); HARDWARE: an event of a
     * program's {@link Environment}; MIGRATE, SIGNAL: the scheduler and signal delivery.
     */
    enum Kind { THREAD, TLB_FILL, TLB_EVICT, IPI, HARDWARE, MIGRATE, SIGNAL }
}
