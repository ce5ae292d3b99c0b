package kmapcheck.explorer;

import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Panic;
import kmapcheck.machine.Pte;
import kmapcheck.machine.WaitQueue;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JPF-style explicit-state explorer of a {@link Program} on the simulated machine: breadth-first
 * over every schedule and every hardware/environment choice, states matched exactly, the spec's
 * invariants checked at every state on the mapped state. BFS makes a counterexample a shortest one.
 */
public final class Explorer {
    private final String model;
    private final Program program;
    private final SpecMapping mapping;
    private final ExplorerConfig cfg;
    private final Layout layout;
    private final List<String> threadNames = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private final Map<Op, Integer> opIndex = new HashMap<>();

    public Explorer(String model, Program program, SpecMapping mapping, ExplorerConfig cfg) {
        this.model = model;
        this.program = program;
        this.mapping = mapping;
        this.cfg = cfg;
        this.layout = program.layout();
        for (int t = 0; t < program.threads(); t++) threadNames.add(program.threadName(t));
    }

    /** One successor of a state. {@code error} is set when the transition hit a kernel assertion. */
    record Succ(MachineState next, SpecMapping.Kind kind, int thread, int cpu, Op op, int stepInOp,
                boolean completed, List<String> prims, String errorProperty, String error, boolean obligated) {
        Succ(MachineState next, SpecMapping.Kind kind, int thread, int cpu, Op op, int stepInOp,
             boolean completed, List<String> prims, String errorProperty, String error) {
            this(next, kind, thread, cpu, op, stepInOp, completed, prims, errorProperty, error, false);
        }
    }

    MachineState initialState() {
        long[] mem = layout.initialMemory();
        ThreadState[] ts = new ThreadState[program.threads()];
        for (int t = 0; t < ts.length; t++) {
            ThreadState x = new ThreadState();
            x.cpu = program.initialCpu(t);
            x.locals = program.initialLocals(t);
            x.signalsLeft = cfg.signals();
            x.migrationsLeft = cfg.migrations();
            ts[t] = x;
        }
        return new MachineState(mem, ts);
    }

    View view(MachineState s) { return new View(layout, s, ops); }

    private int intern(Op op) {
        return opIndex.computeIfAbsent(op, o -> { ops.add(o); return ops.size() - 1; });
    }

    /** All successors of {@code s}, in a fixed order (threads first, then hardware, environment). */
    List<Succ> successors(MachineState s) {
        List<Succ> out = new ArrayList<>();
        View v = view(s);
        for (int t = 0; t < s.threads.length; t++) {
            ThreadState me = s.threads[t];
            switch (me.status) {
                case IDLE -> {
                    for (Op op : program.choices(t, v)) {
                        Succ x = runThread(s, t, op);
                        if (x != null) out.add(obligated(x, program.fair(t, op)));
                    }
                }
                case RUNNING, WOKEN -> {
                    Succ x = runThread(s, t, null);
                    if (x != null) out.add(obligated(x, true));
                }
                case SLEEPING -> { }
            }
        }
        for (Kva k : layout.kvas()) {
            for (int c = 0; c < layout.cpus(); c++) {
                long pte = s.mem[k.pteAddr()];
                int ta = layout.tlbAddr(k, c);
                if (cfg.tlbFill() && Pte.valid(pte) && s.mem[ta] != Pte.tlbEntry(pte)) {
                    MachineState w = s.copy();
                    w.mem[ta] = Pte.tlbEntry(pte);
                    w.mem[k.pteAddr()] = pte | Pte.PG_A;
                    out.add(new Succ(w, SpecMapping.Kind.TLB_FILL, -1, c, null, 0, false,
                            List.of(program.cpuName(c) + " page walk loads pte(" + k.name() + ") = " + Hw.pte(pte) + " into its TLB, sets PG_A"), null, null));
                }
                if (cfg.tlbEvict() && Pte.valid(s.mem[ta])) {
                    MachineState w = s.copy();
                    w.mem[ta] = 0;
                    out.add(new Succ(w, SpecMapping.Kind.TLB_EVICT, -1, c, null, 0, false,
                            List.of(program.cpuName(c) + " TLB evicts " + k.name()), null, null));
                }
            }
        }
        for (int t = 0; t < s.threads.length; t++) {
            ThreadState me = s.threads[t];
            if (me.migrationsLeft != 0 && me.pinned == 0 && program.mayMigrate(t, v)) {
                for (int c = 0; c < layout.cpus(); c++) {
                    if (c == me.cpu) continue;
                    MachineState w = s.copy();
                    w.threads[t].cpu = c;
                    if (w.threads[t].migrationsLeft > 0) w.threads[t].migrationsLeft--;
                    program.onMigrate(t, w.threads[t].locals);
                    out.add(new Succ(w, SpecMapping.Kind.MIGRATE, t, c, opOf(me), me.steps, false,
                            List.of(threadNames.get(t) + " migrates " + program.cpuName(me.cpu) + " -> " + program.cpuName(c)), null, null));
                }
            }
            // inside msleep(PCATCH): asleep, or woken but not yet returned (the wakeup_one race window)
            boolean asleep = (me.status == ThreadState.Status.SLEEPING || me.status == ThreadState.Status.WOKEN) && me.interruptibleSleep;
            if (me.signalsLeft != 0 && !me.signal && (asleep || !cfg.signalSleepersOnly())) {
                MachineState w = s.copy();
                ThreadState x = w.threads[t];
                if (x.signalsLeft > 0) x.signalsLeft--;
                String what;
                if (x.status == ThreadState.Status.SLEEPING && x.interruptibleSleep) {
                    // Java Condition: interrupted before being signalled -> leaves the queue, await throws
                    WaitQueue q = layout.queues().get(x.sleepQueue);
                    w.mem[q.addr()] = WaitQueue.remove(w.mem[q.addr()], t);
                    x.status = ThreadState.Status.WOKEN;
                    x.wokenBySignal = true;
                    what = "signal to " + threadNames.get(t) + " interrupts its sleep on " + q.name();
                } else {
                    x.signal = true;
                    what = "signal to " + threadNames.get(t) + " (pending)";
                }
                out.add(new Succ(w, SpecMapping.Kind.SIGNAL, t, x.cpu, opOf(me), me.steps, false, List.of(what), null, null));
            }
        }
        return out;
    }

    private static Succ obligated(Succ x, boolean o) {
        return new Succ(x.next(), x.kind(), x.thread(), x.cpu(), x.op(), x.stepInOp(), x.completed(), x.prims(),
                x.errorProperty(), x.error(), o);
    }

    private Op opOf(ThreadState t) { return t.op < 0 ? null : ops.get(t.op); }

    /** Runs one transition of thread t (starting {@code start}, or continuing its op). Null: not enabled. */
    private Succ runThread(MachineState s, int t, Op start) {
        MachineState w = s.copy();
        ThreadState me = w.threads[t];
        if (start != null) {
            me.op = intern(start);
            me.status = ThreadState.Status.RUNNING;
            me.steps = 0;
            me.log = new long[0];
        }
        Op op = ops.get(me.op);
        int stepInOp = me.steps;
        int cpu = me.cpu;
        // judged inside the op (w: the thread is running it), where e.g. LWKT forbids migration
        boolean migratable = cfg.migrations() != 0 && program.mayMigrate(t, view(w));
        ReplayCtx ctx = new ReplayCtx(layout, w, t, migratable, threadNames, cfg.atomicBlocks(), program::cpuName);
        boolean completed = false;
        long result = 0;
        try {
            result = program.run(t, op, ctx, me.locals.clone());
            completed = true;
        } catch (ReplayCtx.Yield y) {
            // transition ended at a scheduling point
        } catch (ReplayCtx.Disabled d) {
            return null;
        } catch (ReplayCtx.MachineError e) {
            return new Succ(w, SpecMapping.Kind.THREAD, t, cpu, op, stepInOp, false, ctx.executed, e.property, e.getMessage());
        } catch (Panic p) {
            return new Succ(w, SpecMapping.Kind.THREAD, t, cpu, op, stepInOp, false, ctx.executed, p.property(), p.getMessage());
        }
        if (completed) {
            long[][] locals = new long[w.threads.length][];
            for (int i = 0; i < locals.length; i++) locals[i] = w.threads[i].locals;
            program.complete(t, op, result, locals);
            me.status = ThreadState.Status.IDLE;
            me.op = -1;
            me.steps = 0;
            me.log = new long[0];
        } else {
            me.log = ctx.finalLog();
            me.steps = ctx.loopRestarted() ? 0 : me.steps + 1;   // position since the op / loop iteration began
        }
        return new Succ(w, SpecMapping.Kind.THREAD, t, cpu, op, stepInOp, completed, ctx.executed, null, null);
    }

    // ---- search ------------------------------------------------------------------------------

    public ExplorationResult run() {
        long t0 = System.nanoTime();
        List<long[]> states = new ArrayList<>();
        List<int[]> parent = new ArrayList<>();          // {parent id, successor index, depth}
        HashMap<MachineState.Key, Integer> seen = new HashMap<>();
        MachineState init = initialState();
        long[] k0 = init.encode();
        seen.put(MachineState.Key.of(k0), 0);
        states.add(k0);
        parent.add(new int[]{-1, -1, 0});
        String bad = firstViolated(init);
        if (bad != null) return violation(t0, states, parent, 0, "invariant", bad, null, 0, 0);
        List<SpecMapping.ActionProperty> actionProps = mapping.actionProperties();
        List<SpecMapping.Liveness> live = mapping.liveness();
        LivenessGraph graph = live.isEmpty() ? null : new LivenessGraph(live, threadNames);
        if (graph != null) graph.addState(mapping.map(view(init)));
        long transitions = 0;
        int maxDepth = 0;
        String boundHit = null;
        for (int head = 0; head < states.size(); head++) {
            int depth = parent.get(head)[2];
            if (depth >= cfg.maxDepth()) { boundHit = "search.max_depth=" + cfg.maxDepth(); continue; }
            MachineState s = MachineState.decode(states.get(head), init.threads.length);
            List<Succ> succs = successors(s);
            Map<String, Value> before = actionProps.isEmpty() ? null : mapping.map(view(s));
            boolean threadMoved = false;
            for (int i = 0; i < succs.size(); i++) {
                Succ x = succs.get(i);
                transitions++;
                if (x.kind() == SpecMapping.Kind.THREAD) threadMoved = true;
                if (x.error() != null) {
                    int id = add(states, parent, seen, x.next(), head, i, depth + 1, true);
                    return violation(t0, states, parent, id, "error", x.errorProperty(), x.error(), transitions, depth + 1);
                }
                MachineState.Key key = MachineState.Key.of(x.next().encode());
                Integer known = seen.get(key);
                if (known != null) {
                    // a step into a known state: only action properties can fail on it
                    String ap = violatedAction(before, x.next());
                    if (ap != null) {
                        int id = add(states, parent, seen, x.next(), head, i, depth + 1, true);
                        return violation(t0, states, parent, id, "action", ap, null, transitions, depth + 1);
                    }
                    if (graph != null && x.obligated()) graph.addEdge(head, known);
                    continue;
                }
                if (states.size() >= cfg.maxStates()) { boundHit = "search.max_states=" + cfg.maxStates(); break; }
                int id = add(states, parent, seen, x.next(), head, i, depth + 1, false);
                maxDepth = Math.max(maxDepth, depth + 1);
                Map<String, Value> mapped = mapping.map(view(x.next()));
                String v = firstViolated(mapped);
                if (v != null) return violation(t0, states, parent, id, "invariant", v, null, transitions, maxDepth);
                // as TLC: the new state's invariants first, then the step's action properties
                String ap = violatedAction(before, x.next());
                if (ap != null) return violation(t0, states, parent, id, "action", ap, null, transitions, maxDepth);
                if (graph != null) {
                    graph.addState(mapped);
                    if (x.obligated()) graph.addEdge(head, id);
                }
            }
            if (cfg.checkDeadlock() && !threadMoved && stuck(s))
                return violation(t0, states, parent, head, "deadlock", "Deadlock",
                        "no thread can take a step: " + describeThreads(s), transitions, maxDepth);
            if (boundHit != null && boundHit.startsWith("search.max_states")) break;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (boundHit != null)
            return new ExplorationResult(ExplorationResult.Verdict.INCOMPLETE, null, null, "bound hit: " + boundHit,
                    states.size(), transitions, maxDepth, ms, null);
        if (graph != null) {
            LivenessGraph.Stuck stuck = graph.firstStuck(parent);
            if (stuck != null) {
                ExplorationResult r = violation(t0, states, parent, stuck.state(), "liveness", stuck.property(),
                        stuck.thread() + " waits forever: no obligated step (threads finishing their ops, fair op starts) releases it",
                        transitions, maxDepth);
                Trace t = r.trace();
                Trace lasso = new Trace(t.source(), t.model(), t.vars(), t.states(), t.actions(),
                        new Trace.Violation("liveness", stuck.property(), t.states().size(), t.violation().message()));
                return new ExplorationResult(r.verdict(), r.kind(), r.property(), r.message(), r.distinctStates(),
                        r.transitions(), r.maxDepth(), r.millis(), lasso);
            }
        }
        return new ExplorationResult(ExplorationResult.Verdict.PASS, null, null, null, states.size(), transitions, maxDepth, ms, null);
    }

    private int add(List<long[]> states, List<int[]> parent, HashMap<MachineState.Key, Integer> seen,
                    MachineState s, int from, int succIndex, int depth, boolean force) {
        long[] k = s.encode();
        int id = states.size();
        states.add(k);
        parent.add(new int[]{from, succIndex, depth});
        if (!force) seen.put(MachineState.Key.of(k), id);
        return id;
    }

    private boolean stuck(MachineState s) {
        for (ThreadState t : s.threads) if (t.status != ThreadState.Status.IDLE) return true;
        return false;
    }

    private String describeThreads(MachineState s) {
        List<String> parts = new ArrayList<>();
        for (int t = 0; t < s.threads.length; t++) {
            ThreadState x = s.threads[t];
            parts.add(threadNames.get(t) + " " + x.status.name().toLowerCase()
                    + (x.op >= 0 ? " in " + program.show(ops.get(x.op)) : ""));
        }
        return String.join(", ", parts);
    }

    /** The first action property the step from (mapped) {@code before} to {@code next} violates, or null. */
    private String violatedAction(Map<String, Value> before, MachineState next) {
        if (before == null) return null;
        Map<String, Value> after = mapping.map(view(next));
        if (after.equals(before)) return null;             // [A]_vars: a stutter satisfies it
        for (SpecMapping.ActionProperty ap : mapping.actionProperties())
            if (!ap.holds().test(before, after)) return ap.name();
        return null;
    }

    private String firstViolated(MachineState s) { return firstViolated(mapping.map(view(s))); }

    private String firstViolated(Map<String, Value> m) {
        for (SpecMapping.Invariant inv : mapping.invariants()) if (!inv.holds().test(m)) return inv.name();
        return null;
    }

    private ExplorationResult violation(long t0, List<long[]> states, List<int[]> parent, int id, String kind,
                                        String property, String message, long transitions, int depth) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Trace trace = traceTo(states, parent, id, new Trace.Violation(kind, property, null, message));
        return new ExplorationResult(ExplorationResult.Verdict.VIOLATION, kind, property, message, states.size(),
                transitions, depth, ms, trace);
    }

    /** Rebuilds the path to state {@code id} by re-expanding each state on it (deterministic). */
    private Trace traceTo(List<long[]> states, List<int[]> parent, int id, Trace.Violation violation) {
        List<Integer> path = new ArrayList<>();
        for (int x = id; x >= 0; x = parent.get(x)[0]) path.add(0, x);
        int nthreads = program.threads();
        List<Trace.State> ts = new ArrayList<>();
        List<Trace.Action> as = new ArrayList<>();
        MachineState cur = MachineState.decode(states.get(path.get(0)), nthreads);
        Map<String, Value> prev = mapping.map(view(cur));
        ts.add(new Trace.State(1, prev));
        as.add(Trace.Action.init());
        for (int i = 1; i < path.size(); i++) {
            Succ x = successors(cur).get(parent.get(path.get(i))[1]);
            SpecMapping.Step step = new SpecMapping.Step(x.kind(), x.thread(), x.cpu(), x.op(), x.stepInOp(),
                    x.completed(), x.prims(), view(cur), view(x.next()));
            String name = x.error() != null ? "Panic" : mapping.actionName(step);
            Map<String, Value> now = mapping.map(view(x.next()));
            boolean stutter = name == null;
            if (stutter) name = x.op() == null ? x.kind().name() : "(" + program.show(x.op()) + ")";
            Map<String, String> actor = actorOf(x);
            List<String> impl = implOf(x);
            ts.add(new Trace.State(i + 1, now));
            as.add(new Trace.Action(i + 1, name, null, actor, stutter, null, impl));
            prev = now;
            cur = x.next();
        }
        return new Trace("explorer", model, mapping.vars(), ts, as, violation);
    }

    /** Who took a step: its thread (if any) and CPU, by display name. */
    private Map<String, String> actorOf(Succ x) {
        Map<String, String> actor = new LinkedHashMap<>();
        if (x.thread() >= 0) actor.put("thread", threadNames.get(x.thread()));
        if (x.cpu() >= 0) actor.put("cpu", program.cpuName(x.cpu()));
        return actor;
    }

    /** The implementation-level detail of a step: the op, the primitives it executed, a panic. */
    private List<String> implOf(Succ x) {
        List<String> impl = new ArrayList<>();
        if (x.op() != null && x.kind() == SpecMapping.Kind.THREAD) impl.add(program.show(x.op()) + (x.completed() ? " returns" : ""));
        impl.addAll(x.prims());
        if (x.error() != null) impl.add("PANIC: " + x.error());
        return impl;
    }

    /** Number of distinct ops interned (diagnostics). */
    int opCount() { return ops.size(); }

    // ---- stepping API (replay of spec traces, tests) -------------------------------------------

    /** A state of the implementation, for stepping through it outside the search. */
    public static final class Node {
        final MachineState state;
        private MachineState.Key key;
        Node(MachineState s) { this.state = s; }

        /**
         * An immutable value with equals/hashCode that identifies the implementation state exactly:
         * two nodes have equal keys iff they are the same state (the search's state matching).
         */
        public Object key() {
            if (key == null) key = MachineState.Key.of(state.encode());
            return key;
        }

        @Override public boolean equals(Object o) { return o instanceof Node n && n.key().equals(key()); }
        @Override public int hashCode() { return key().hashCode(); }
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

    public Node root() { return new Node(initialState()); }

    public Map<String, Value> mapped(Node n) { return mapping.map(view(n.state)); }

    /** The first spec invariant the node violates, or null. */
    public String violated(Node n) { return firstViolated(n.state); }

    /** {@code property} if the node violates that invariant, else null. */
    public String violatedAmong(Node n, String property) {
        Map<String, Value> m = mapping.map(view(n.state));
        for (SpecMapping.Invariant inv : mapping.invariants())
            if (inv.name().equals(property) && !inv.holds().test(m)) return property;
        return null;
    }

    public List<Edge> expand(Node n) {
        List<Edge> out = new ArrayList<>();
        for (Succ x : successors(n.state)) {
            SpecMapping.Step step = new SpecMapping.Step(x.kind(), x.thread(), x.cpu(), x.op(), x.stepInOp(),
                    x.completed(), x.prims(), view(n.state), view(x.next()));
            out.add(new Edge(x.error() != null ? "Panic" : mapping.actionName(step), actorOf(x), implOf(x), new Node(x.next()),
                    mapping.map(view(x.next())), x.error()));
        }
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
