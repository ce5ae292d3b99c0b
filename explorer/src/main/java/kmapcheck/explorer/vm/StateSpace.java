package kmapcheck.explorer.vm;

import kmapcheck.explorer.Environment;
import kmapcheck.explorer.ExplorerConfig;
import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.View;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Panic;
import kmapcheck.machine.Pte;
import kmapcheck.machine.WaitQueue;

import java.util.ArrayList;
import java.util.List;

/**
 * The state space of a {@link Program} on the simulated machine (JPF's VM): the initial state and
 * the successors of a state, in a fixed order: each thread's transition (an idle thread: one per
 * op it may start), then the environment: TLB fills and evictions, shootdown-IPI
 * acknowledgements, the program's own {@link Environment}s, migrations and signals.
 * Thread-safe: successor generation only reads the shared tables (ops are interned concurrently).
 */
public final class StateSpace {
    private final Program program;
    private final Layout layout;
    private final ExplorerConfig cfg;
    private final Ops ops = new Ops();
    private final List<String> threadNames = new ArrayList<>();
    private final List<String> cpuNames = new ArrayList<>();
    private final List<Environment> environments;
    private final long[] initialMemory;
    /** Per KVA index: the program reads its PTE's PG_A ({@link Program#observesAccessedBit}); else walks leave it clear. */
    private final boolean[] accessedBitLive;

    public StateSpace(Program program, ExplorerConfig cfg) {
        this.program = program;
        this.layout = program.layout();
        this.cfg = cfg;
        this.initialMemory = layout.initialMemory();
        for (int t = 0; t < program.threads(); t++) threadNames.add(program.threadName(t));
        for (int c = 0; c < layout.cpus(); c++) cpuNames.add(program.cpuName(c));
        this.environments = List.copyOf(program.environment());
        this.accessedBitLive = new boolean[layout.kvas().size()];
        for (Kva k : layout.kvas()) accessedBitLive[k.index()] = program.observesAccessedBit(k);
    }

    public Program program() { return program; }
    public Layout layout() { return layout; }
    public ExplorerConfig config() { return cfg; }
    public Ops ops() { return ops; }
    public int threads() { return threadNames.size(); }
    public String threadName(int t) { return threadNames.get(t); }
    public String cpuName(int c) { return cpuNames.get(c); }
    public List<String> threadNames() { return threadNames; }

    String cpusOf(long mask) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < layout.cpus(); c++) if ((mask & (1L << c)) != 0) names.add(cpuNames.get(c));
        return "{" + String.join(", ", names) + "}";
    }

    public View view(MachineState s) { return new View(layout, s); }

    /** The PTE a page walk leaves behind: {@code pte} with PG_A, unless nothing reads k's PG_A. */
    long walked(Kva k, long pte) { return accessedBitLive[k.index()] ? pte | Pte.PG_A : pte; }

    public MachineState initial() {
        ThreadState[] ts = new ThreadState[program.threads()];
        for (int t = 0; t < ts.length; t++) {
            ThreadState x = new ThreadState();
            x.cpu = program.initialCpu(t);
            x.locals = program.initialLocals(t);
            x.signalsLeft = cfg.signals();
            x.migrationsLeft = cfg.migrations();
            ts[t] = x;
        }
        return new MachineState(initialMemory.clone(), ts);
    }

    public long[] encode(MachineState s) { return s.encode(); }

    public MachineState decode(long[] key) { return MachineState.decode(key, threadNames.size(), ops); }

    /** Is some thread inside an op (not idle)? With no thread able to move, that is a deadlock. */
    public static boolean busy(MachineState s) {
        for (ThreadState t : s.threads) if (t.status != ThreadState.Status.IDLE) return true;
        return false;
    }

    /** All successors of {@code s}; {@code describe}: record what each transition executed (traces). */
    public List<Transition> successors(MachineState s, boolean describe) {
        List<Transition> out = new ArrayList<>();
        View v = view(s);
        for (int t = 0; t < s.threads.length; t++) {
            ThreadState me = s.threads[t];
            switch (me.status) {
                case IDLE -> {
                    for (Op op : program.choices(t, v)) {
                        Transition x = runThread(s, t, ops.intern(op), null, describe);
                        if (x != null) out.add(x.withObligated(program.fair(t, op)));
                    }
                }
                case RUNNING, WOKEN -> {
                    for (Op b : program.bindings(t, me.op)) {
                        Transition x = runThread(s, t, null, b == me.op ? null : ops.intern(b), describe);
                        if (x != null) out.add(x.withObligated(true));
                    }
                }
                case SLEEPING -> { }
            }
        }
        tlbEvents(s, out, describe);
        ipiEvents(s, out, describe);
        for (Environment env : environments) environmentEvents(s, v, env, out);
        threadEnvironment(s, v, out);
        return out;
    }

    /** The MMU: a page walk on a miss (an empty entry, a valid PTE) loads the PTE and sets PG_A; an entry may be evicted. */
    private void tlbEvents(MachineState s, List<Transition> out, boolean describe) {
        for (Kva k : layout.kvas()) {
            for (int c = 0; c < layout.cpus(); c++) {
                long pte = s.mem[k.pteAddr()];
                int ta = layout.tlbAddr(k, c);
                if (cfg.tlbFill() && Pte.valid(pte) && !Pte.valid(s.mem[ta])) {
                    MachineState w = s.copy();
                    w.mem[ta] = Pte.tlbEntry(pte);
                    w.mem[k.pteAddr()] = walked(k, pte);
                    out.add(env(w, SpecMapping.Kind.TLB_FILL, c, null, new long[]{k.index()}, false, describe
                            ? cpuNames.get(c) + " page walk loads pte(" + k.name() + ") = " + Hw.pte(pte) + " into its TLB"
                            + (accessedBitLive[k.index()] ? ", sets PG_A" : "") : null));
                }
                if (cfg.tlbEvict() && Pte.valid(s.mem[ta])) {
                    MachineState w = s.copy();
                    w.mem[ta] = 0;
                    out.add(env(w, SpecMapping.Kind.TLB_EVICT, c, null, new long[]{k.index()}, false,
                            describe ? cpuNames.get(c) + " TLB evicts " + k.name() : null));
                }
            }
        }
    }

    /** Each CPU handles each shootdown IPI sent to it on its own: it invalidates, then acknowledges. */
    private void ipiEvents(MachineState s, List<Transition> out, boolean describe) {
        if (layout.kvas().isEmpty()) return;
        for (int c = 0; c < layout.cpus(); c++) {
            long pending = s.mem[layout.ipiAddr(c)];
            for (Kva k : layout.kvas()) {
                if ((pending & (1L << k.index())) == 0) continue;
                MachineState w = s.copy();
                w.mem[layout.tlbAddr(k, c)] = 0;
                w.mem[layout.ipiAddr(c)] &= ~(1L << k.index());
                out.add(env(w, SpecMapping.Kind.IPI, c, "ipi", new long[]{k.index()}, true,
                        describe ? cpuNames.get(c) + " handles the invlpg IPI for " + k.name() + " and acknowledges it" : null));
            }
        }
    }

    private void environmentEvents(MachineState s, View v, Environment env, List<Transition> out) {
        env.events(v, (cpu, label, args, description, obligated, effect) -> {
            MachineState w = s.copy();
            effect.accept(new DirectCtx(layout, w.mem, cpu));
            out.add(env(w, SpecMapping.Kind.HARDWARE, cpu, label, args.clone(), obligated, description));
        });
    }

    private static Transition env(MachineState w, SpecMapping.Kind kind, int cpu, String label, long[] args, boolean obligated, String text) {
        return new Transition(w, kind, -1, cpu, null, 0, false, text == null ? List.of() : List.of(text), null, null,
                obligated, label, args);
    }

    /** Migration of an unpinned thread and signal delivery (Java interrupt semantics, see explorer/README.md). */
    private void threadEnvironment(MachineState s, View v, List<Transition> out) {
        for (int t = 0; t < s.threads.length; t++) {
            ThreadState me = s.threads[t];
            if (me.migrationsLeft != 0 && me.pinned == 0 && program.mayMigrate(t, v)) {
                for (int c = 0; c < layout.cpus(); c++) {
                    if (c == me.cpu) continue;
                    MachineState w = s.copy();
                    w.threads[t].cpu = c;
                    if (w.threads[t].migrationsLeft > 0) w.threads[t].migrationsLeft--;
                    program.onMigrate(t, w.threads[t].locals);
                    out.add(new Transition(w, SpecMapping.Kind.MIGRATE, t, c, me.op, me.steps, false,
                            List.of(threadNames.get(t) + " migrates " + cpuNames.get(me.cpu) + " -> " + cpuNames.get(c)), null, null,
                            false, null, Transition.NO_ARGS));
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
                out.add(new Transition(w, SpecMapping.Kind.SIGNAL, t, x.cpu, me.op, me.steps, false, List.of(what), null, null,
                        false, null, Transition.NO_ARGS));
            }
        }
    }

    /**
     * Runs one transition of thread t (starting {@code start}, or continuing its op, as {@code bound}
     * if not null: {@link Program#bindings}). Null: not enabled.
     */
    private Transition runThread(MachineState s, int t, Op start, Op bound, boolean describe) {
        MachineState w = s.copy();
        ThreadState me = w.threads[t];
        if (start != null) {
            me.op = start;
            me.status = ThreadState.Status.RUNNING;
            me.steps = 0;
            me.log = new long[0];
        } else if (bound != null) {
            me.op = bound;
        }
        Op op = me.op;
        int stepInOp = me.steps;
        int cpu = me.cpu;
        // judged inside the op (w: the thread is running it), where e.g. LWKT forbids migration
        boolean migratable = cfg.migrations() != 0 && program.mayMigrate(t, view(w));
        ReplayCtx ctx = new ReplayCtx(this, w, t, migratable, describe);
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
            return thread(w, t, cpu, op, stepInOp, false, ctx, e.property, e.getMessage());
        } catch (Panic p) {
            return thread(w, t, cpu, op, stepInOp, false, ctx, p.property(), p.getMessage());
        }
        if (completed) {
            long[][] locals = new long[w.threads.length][];
            for (int i = 0; i < locals.length; i++) locals[i] = w.threads[i].locals;
            program.complete(t, op, result, locals);
            me.status = ThreadState.Status.IDLE;
            me.op = null;
            me.steps = 0;
            me.log = new long[0];
        } else {
            me.log = ctx.finalLog();
            me.steps = ctx.loopRestarted() ? 0 : me.steps + 1;   // position since the op / loop iteration began
            if (me.status == ThreadState.Status.SLEEPING) me.op = ops.intern(program.suspended(t, me.op, me.log));
        }
        return thread(w, t, cpu, op, stepInOp, completed, ctx, null, null);
    }

    private static Transition thread(MachineState w, int t, int cpu, Op op, int stepInOp, boolean completed, ReplayCtx ctx,
                                     String errorProperty, String error) {
        return new Transition(w, SpecMapping.Kind.THREAD, t, cpu, op, stepInOp, completed, ctx.executed, errorProperty, error,
                false, null, Transition.NO_ARGS);
    }
}
