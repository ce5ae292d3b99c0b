package kmapcheck.explorer;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Small programs that exercise one explorer feature each. */
final class ToyPrograms {
    private ToyPrograms() {}

    /** A program from per-thread scripts (each thread runs its ops once, in order). */
    static class Scripted implements Program {
        final Layout layout;
        final List<List<String>> scripts;
        final BiFunction<String, Ctx, Long> body;
        final Set<String> fairOps;

        Scripted(Layout layout, List<List<String>> scripts, Set<String> fairOps, BiFunction<String, Ctx, Long> body) {
            this.layout = layout;
            this.scripts = scripts;
            this.body = body;
            this.fairOps = fairOps;
        }

        @Override public Layout layout() { return layout; }
        @Override public int threads() { return scripts.size(); }
        @Override public String threadName(int t) { return "t" + (t + 1); }
        @Override public String cpuName(int c) { return "c" + c; }
        @Override public int initialCpu(int t) { return 0; }
        @Override public long[] initialLocals(int t) { return new long[]{0}; }

        @Override
        public List<Op> choices(int t, View v) {
            int next = (int) v.local(t, 0);
            return next < scripts.get(t).size() ? List.of(new Op(scripts.get(t).get(next))) : List.of();
        }

        @Override public long run(int t, Op op, Ctx ctx, long[] locals) { return body.apply(op.name(), ctx); }
        @Override public void complete(int t, Op op, long result, long[][] locals) { locals[t][0]++; }
        @Override public boolean mayMigrate(int t, View v) { return false; }
        @Override public boolean fair(int t, Op op) { return fairOps.contains(op.name()); }
    }

    /** Maps words to integer variables and thread statuses to "status"; invariants given. */
    static SpecMapping mapping(List<Word> words, List<SpecMapping.Invariant> invs, List<SpecMapping.Liveness> live) {
        return new SpecMapping() {
            @Override public List<String> vars() {
                List<String> v = new ArrayList<>();
                for (Word w : words) v.add(w.name());
                v.add("status");
                return v;
            }

            @Override public Map<String, Value> map(View v) {
                Map<String, Value> m = new LinkedHashMap<>();
                for (Word w : words) m.put(w.name(), Value.of(v.word(w)));
                Value.FnBuilder st = Value.fn();
                for (int t = 0; t < v.threads(); t++)
                    st.put("t" + (t + 1), Value.str(v.status(t).name().toLowerCase() + (v.op(t) == null ? "" : ":" + v.op(t).name())));
                m.put("status", st.build());
                return m;
            }

            @Override public List<Invariant> invariants() { return invs; }
            @Override public List<Liveness> liveness() { return live; }
            @Override public String actionName(Step s) { return s.kind() != Kind.THREAD ? s.kind().name() : s.op().name(); }
        };
    }

    /** Threads sleeping in the given op name. */
    static Set<String> sleepingIn(Map<String, Value> m, String op) {
        Set<String> out = new LinkedHashSet<>();
        ((Value.Fn) m.get("status")).map().forEach((k, v) -> {
            if (((Value.Str) v).v().startsWith("sleeping:" + op)) out.add(k.toTla());
        });
        return out;
    }

    /**
     * One free buffer counter under a lock; t1 takes and frees it, t2 and t3 wait for it
     * interruptibly (msleep with PCATCH). {@code wakeAll} false = wakeup_one.
     */
    static Explorer lostWakeup(boolean wakeAll, int signals) {
        Layout l = new Layout(1);
        Lock lock = l.lock("lock");
        Word free = l.guarded("free", 1, lock);
        Word want = l.guarded("want", 0, lock);
        WaitQueue q = l.waitQueue("freeq", lock);
        Scripted p = new Scripted(l, List.of(List.of("take", "give"), List.of("take"), List.of("take")), Set.of("give"), (op, ctx) -> {
            ctx.lock(lock);
            if (op.equals("give")) {
                ctx.store(free, ctx.load(free) + 1);
                if (ctx.load(want) > 0) { if (wakeAll) ctx.wakeupAll(q); else ctx.wakeupOne(q); }
                ctx.unlock(lock);
                return 0L;
            }
            long got = ctx.loop(0, c -> {
                if (ctx.load(free) > 0) { ctx.store(free, ctx.load(free) - 1); return Ctx.Loop.done(1); }
                ctx.store(want, ctx.load(want) + 1);
                int err = ctx.msleep(q, true);
                ctx.store(want, ctx.load(want) - 1);
                if (err != 0) return Ctx.Loop.done(0);
                return Ctx.Loop.again(0);
            });
            ctx.unlock(lock);
            return got;
        });
        SpecMapping m = mapping(List.of(free, want), List.of(),
                List.of(new SpecMapping.Liveness("NoLostWakeup", s -> ((Value.Int) s.get("free")).v() > 0 ? sleepingIn(s, "take") : Set.of())));
        // no deadlock check: in these scripts a waiter may legitimately sleep forever once the buffer is taken for good
        return new Explorer("toy/lostWakeup", p, m, new ExplorerConfig(100_000, 1000, false, false, 0, signals, false, true));
    }
}
