package kmapcheck.explorer.lwbuf;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.View;
import kmapcheck.lwbuf.Lwbuf;
import kmapcheck.lwbuf.LwbufSubsystem;
import kmapcheck.machine.Pte;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static kmapcheck.explorer.Vals.at;
import static kmapcheck.explorer.Vals.domain;
import static kmapcheck.explorer.Vals.fn;
import static kmapcheck.explorer.Vals.in;
import static kmapcheck.explorer.Vals.isMv;
import static kmapcheck.explorer.Vals.items;
import static kmapcheck.explorer.lwbuf.LwbufProgram.*;

/**
 * Implementation state -> variables of spec/lwbuf/Lwbuf.tla, and the spec's invariants on it.
 * Model values: CPUs c0.., pages p1.., objects o1.., threads t1.. (as in the MC modules).
 *
 * <p>Refinement points: a thread inside lwbuf_alloc whose objcache_get has not yet succeeded is
 * "idle" (its object counts as in the cache); the transition that takes the object also stores the
 * PTE (the spec's Alloc; AllocInvlpgFirst: the invlpg), so the object is the thread's from then on;
 * a thread inside lwbuf_free has already freed (the spec's Free is its first step). Positions inside
 * lwbuf_kva and lwbuf_set_global come from the replay log and the transitions taken in the op.
 */
public final class LwbufMapping implements SpecMapping {
    static final Value NO_PAGE = Value.mv("NoPage"), NO_OBJ = Value.mv("NoObj"), NO_CPU = Value.mv("NoCpu");
    private static final List<String> VARS =
            List.of("cache", "lm", "mask", "pte", "tlb", "ipi", "tcpu", "pc", "obj", "want", "synced", "glob", "seen", "kcpu");
    static final List<String> PCS = List.of("idle", "holding", "alloc_invlpg", "alloc_pte", "kva_check", "kva_invlpg", "kva_or",
            "sg_sync", "sg_invlpg", "sg_ipi", "sg_wait", "sg_store");

    /** Java checks of the spec's invariants (besides TypeOK), by TLA+ name. */
    static final Map<String, java.util.function.Predicate<Map<String, Value>>> INVARIANTS = Map.of(
            "LW1", LwbufMapping::lw1,
            "NoStaleAccess", LwbufMapping::noStaleAccess,
            "OwnedImpliesMapped", LwbufMapping::ownedImpliesMapped,
            "NoDoubleOwner", LwbufMapping::noDoubleOwner,
            "NoRemoteFillBeforeAck", LwbufMapping::noRemoteFillBeforeAck,
            "NoSleepWhileFree", LwbufMapping::noSleepWhileFree,
            "NoAssertionFailure", s -> !s.containsKey("kassert") || items(s.get("kassert")).isEmpty());
    /** LwbufSleep.tla's variables, after Lwbuf's. */
    private static final List<String> SLEEP_VARS = List.of("getting", "asleep", "decided");
    static final List<String> LIVENESS = List.of("AllocEventuallySucceeds");
    /** LwbufMisuse.tla's variables, after Lwbuf's. */
    private static final List<String> MISUSE_VARS = List.of("stale", "kassert");
    static final Value KASSERT_FREE = Value.str("lwbuf_free: KKASSERT(lwb->m != NULL)");

    private final LwbufSubsystem sys;
    private final LwbufProgram program;
    private final int pages;
    private final List<Invariant> invariants;
    /** pc after each transition of lwbuf_set_global's slow path (SetGlobal, then these steps). */
    private final List<String> setGlobalPcs;
    private final String allocPc;
    /** A model of LwbufSleep.tla: the sleep ghosts are mapped and its actions (names ending in S) named. */
    private final boolean sleepModel;
    private final List<String> checkedLiveness;
    private final boolean testThenSleep;
    /** A model of LwbufMisuse.tla (DoubleFree): stale and kassert mapped, its actions named <action>M. */
    private final boolean misuse;

    /**
     * @param fine    search.granularity = fine (else lock-atomic: pmap_kenter_quick and the shootdown are one step each)
     * @param checked the invariants the model's cfg lists, in its order
     */
    LwbufMapping(LwbufSubsystem sys, LwbufProgram program, int pages, boolean fine, List<String> checked) {
        this(sys, program, pages, fine, checked, null, false);
    }

    /**
     * @param properties    LwbufSleep models: the cfg's PROPERTY names (null: a model of Lwbuf.tla)
     * @param testThenSleep LwbufSleep's SleepVariant TestThenSleep (ObjCache.SleepVariant.TEST_THEN_SLEEP)
     */
    LwbufMapping(LwbufSubsystem sys, LwbufProgram program, int pages, boolean fine, List<String> checked, List<String> properties,
                 boolean testThenSleep) {
        this.sys = sys;
        this.misuse = program.doubleFree();
        this.testThenSleep = testThenSleep;
        this.program = program;
        this.pages = pages;
        this.sleepModel = properties != null;
        this.checkedLiveness = properties == null ? List.of() : CheckedProperties.of(properties, LIVENESS, List.of()).liveness();
        java.util.function.Predicate<Map<String, Value>> type = sleepModel ? st -> typeOk(st) && sleepTypeOk(st) : this::typeOk;
        Map<String, java.util.function.Predicate<Map<String, Value>>> registry = sleepModel ? withSleepTypeOk() : INVARIANTS;
        if (misuse) {
            registry = new java.util.HashMap<>(INVARIANTS);
            registry.put("MisuseTypeOK", st -> typeOk(st) && misuseTypeOk(st));
        }
        this.invariants = Invariant.selected(checked, registry, type);
        boolean noWait = sys.variant() == LwbufSubsystem.Variant.SET_GLOBAL_NO_WAIT;
        if (!fine) setGlobalPcs = List.of("sg_sync", "sg_store");
        else if (program.layout().cpus() == 1) setGlobalPcs = List.of("sg_invlpg", "sg_store");
        else if (noWait) setGlobalPcs = List.of("sg_invlpg", "sg_ipi", "sg_store", "sg_wait");
        else setGlobalPcs = List.of("sg_invlpg", "sg_ipi", "sg_wait", "sg_store");
        this.allocPc = !fine ? null : sys.variant() == LwbufSubsystem.Variant.ALLOC_INVLPG_FIRST ? "alloc_pte" : "alloc_invlpg";
    }

    static Value page(long p) { return p == 0 ? NO_PAGE : Value.numbered("p", p); }
    static Value obj(int o) { return Value.numbered("o", o + 1); }
    static Value cpu(int c) { return Value.numbered("c", c); }
    Value thread(int t) { return Value.mv(program.threadName(t)); }

    @Override public List<String> vars() {
        if (misuse) {
            List<String> all = new ArrayList<>(VARS);
            all.addAll(MISUSE_VARS);
            return all;
        }
        if (!sleepModel) return VARS;
        List<String> all = new ArrayList<>(VARS);
        all.addAll(SLEEP_VARS);
        return all;
    }

    private Map<String, java.util.function.Predicate<Map<String, Value>>> withSleepTypeOk() {
        Map<String, java.util.function.Predicate<Map<String, Value>>> m = new java.util.HashMap<>(INVARIANTS);
        m.put("SleepTypeOK", st -> typeOk(st) && sleepTypeOk(st));
        return m;
    }

    // ---- LwbufSleep.tla: objcache_get's sleep. Alloc's replay log per attempt: [loop carry, lock
    // (INTERLOCKED after a sleep: msleep's return), load of the objcache stack, ...]; INTERLOCKED
    // sleeps at the top of the next iteration (log [CARRY_SLEEP]); TestThenSleep's failed attempt
    // [carry, lock, load, unlock] is followed by ObjCache.waitForPut's [lock, load, unlock, lock] and the sleep.

    /** asleep: t sleeps on the objcache inside lwbuf_alloc. */
    static boolean asleep(View v, int t) { return inOp(v, t, ALLOC) && v.status(t) == kmapcheck.explorer.vm.ThreadState.Status.SLEEPING; }

    /** decided (TestThenSleep): t saw the cache empty under the lock, dropped it, and has not slept yet. */
    boolean decided(View v, int t) {
        if (!testThenSleep || !inOp(v, t, ALLOC)) return false;
        if (v.status(t) == kmapcheck.explorer.vm.ThreadState.Status.SLEEPING || v.status(t) == kmapcheck.explorer.vm.ThreadState.Status.WOKEN) return false;
        long[] log = v.log(t);
        return log.length == 7 && log[2] == 0 && log[5] == 0;
    }

    /** getting: t is inside lwbuf_alloc without an object and has had to wait (asleep, woken, decided, or the loop carries it). */
    boolean getting(View v, int t) {
        if (!inOp(v, t, ALLOC) || allocating(v, t) >= 0) return false;
        var st = v.status(t);
        return st == kmapcheck.explorer.vm.ThreadState.Status.SLEEPING || st == kmapcheck.explorer.vm.ThreadState.Status.WOKEN
                || decided(v, t) || (v.logLength(t) > 0 && v.log(t)[0] == LwbufSubsystem.CARRY_SLEPT);
    }

    private static boolean inOp(View v, int t, String op) { return v.op(t) != null && v.op(t).name().equals(op); }

    /**
     * The object lwbuf_alloc has taken from the objcache in its current attempt, or -1. The
     * attempt's log starts [loop carry, lock or msleep's return, load of the objcache stack, ...]
     * (ObjCache.tryGet); a
     * non-empty stack means the object on top was taken, and the same transition went on to the
     * PTE store (or AllocInvlpgFirst's invlpg).
     */
    static int allocating(View v, int t) {
        if (!inOp(v, t, ALLOC) || v.logLength(t) < 3) return -1;
        long stack = v.log(t)[2];
        return stack == 0 ? -1 : (int) (stack & 0xF) - 1;
    }

    /**
     * DoubleFree: t is inside lwbuf_free, whose one transition panicked (KKASSERT(lwb->m != NULL));
     * the machine has stopped with the state before the call (LwbufMisuse.tla's Panic).
     */
    private boolean panicked(View v, int t) { return misuse && (inOp(v, t, FREE) || inOp(v, t, FREE_STALE)); }

    /** The lwbuf thread t holds in the spec's sense (-1 none). */
    private int held(View v, int t) {
        if (panicked(v, t)) return inOp(v, t, FREE) ? (int) v.local(t, OBJ) : -1;
        if (inOp(v, t, FREE)) return -1;
        if (inOp(v, t, ALLOC)) return allocating(v, t);
        return (int) v.local(t, OBJ);
    }

    /**
     * Position inside lwbuf_kva from its replay log: [curcpu] -> "kva_check" (only when migration
     * can fall between the two reads), [curcpu, cpumask] -> the first slow-path step ("kva_invlpg";
     * "kva_or" for SlowNoInvlpg, which has no invlpg, and KvaOrFirst), [.., first] -> the second.
     */
    private String kvaPc(int logLength) {
        LwbufSubsystem.Variant var = sys.variant();
        return switch (logLength) {
            case 1 -> "kva_check";
            case 2 -> var == LwbufSubsystem.Variant.SLOW_NO_INVLPG || var == LwbufSubsystem.Variant.KVA_OR_FIRST ? "kva_or" : "kva_invlpg";
            default -> var == LwbufSubsystem.Variant.KVA_OR_FIRST ? "kva_invlpg" : "kva_or";
        };
    }

    String pc(View v, int t) {
        if (inOp(v, t, KVA) && v.stepsInOp(t) > 0) return kvaPc(v.logLength(t));
        if (inOp(v, t, SET_GLOBAL) && v.stepsInOp(t) > 0) return setGlobalPcs.get(v.stepsInOp(t) - 1);
        if (inOp(v, t, ALLOC) && allocating(v, t) >= 0) return allocPc;
        return held(v, t) >= 0 ? "holding" : "idle";
    }

    @Override
    public Map<String, Value> map(View v) {
        int n = sys.objects(), cpus = v.layout().cpus();
        int[] held = new int[v.threads()];
        for (int t = 0; t < v.threads(); t++) held[t] = held(v, t);
        List<Value> cache = new ArrayList<>();
        Value.FnBuilder lm = Value.fn(), mask = Value.fn(), pte = Value.fn();
        // DoubleFree: a stale free returns an lwbuf in use, so the objcache is read from its stack
        java.util.List<Integer> stack = misuse ? kmapcheck.lwbuf.ObjCache.contents(v.word(sys.cache().stackWord())) : null;
        for (int o = 0; o < n; o++) {
            boolean used = false;
            for (int t = 0; t < v.threads(); t++) used |= held[t] == o;
            if (misuse ? stack.contains(o) : !used) cache.add(obj(o));
            Lwbuf lwb = sys.obj(o);
            lm.put(obj(o), page(v.word(lwb.m)));
            List<Value> m = new ArrayList<>();
            for (int c = 0; c < cpus; c++) if ((v.word(lwb.cpumask) & (1L << c)) != 0) m.add(cpu(c));
            mask.put(obj(o), Value.set(m));
            long p = v.pte(lwb.kva);
            pte.put(obj(o), Pte.valid(p) ? page(Pte.page(p)) : NO_PAGE);
        }
        List<kmapcheck.machine.Kva> kvas = new ArrayList<>();
        for (int o = 0; o < n; o++) kvas.add(sys.obj(o).kva);
        Value tlb = kmapcheck.explorer.Vals.tlbTable(v, kvas, LwbufMapping::obj, LwbufMapping::cpu, LwbufMapping::page, NO_PAGE);
        Value.FnBuilder ipi = Value.fn();
        for (int c = 0; c < cpus; c++) {
            List<Value> pending = new ArrayList<>();
            for (int o = 0; o < n; o++) if ((v.ipiPending(c) & (1L << sys.obj(o).kva.index())) != 0) pending.add(obj(o));
            ipi.put(cpu(c), Value.set(pending));
        }
        Value.FnBuilder tcpu = Value.fn(), pc = Value.fn(), objv = Value.fn(), want = Value.fn(),
                synced = Value.fn(), glob = Value.fn(), seen = Value.fn(), kcpu = Value.fn();
        for (int t = 0; t < v.threads(); t++) {
            int h = held[t];
            boolean allocating = inOp(v, t, ALLOC) && h >= 0;     // the op's locals are set when it returns
            tcpu.put(thread(t), cpu(v.cpu(t)));
            pc.put(thread(t), Value.str(pc(v, t)));
            objv.put(thread(t), h >= 0 ? obj(h) : NO_OBJ);
            want.put(thread(t), allocating ? page(v.op(t).arg(0)) : h >= 0 ? page(v.local(t, WANT)) : NO_PAGE);
            synced.put(thread(t), Value.of(h >= 0 && !allocating && v.local(t, VA) >= 0));
            glob.put(thread(t), Value.of(h >= 0 && !allocating && v.local(t, GLOB) != 0));
            seen.put(thread(t), h >= 0 && !allocating ? page(v.local(t, SEEN)) : NO_PAGE);
            boolean inKva = inOp(v, t, KVA) && v.stepsInOp(t) > 0;
            kcpu.put(thread(t), inKva ? cpu((int) v.log(t)[0]) : NO_CPU);     // gd captured by lwbuf_kva
        }
        Map<String, Value> s = new LinkedHashMap<>();
        s.put("cache", Value.set(cache));
        s.put("lm", lm.build());
        s.put("mask", mask.build());
        s.put("pte", pte.build());
        s.put("tlb", tlb);
        s.put("ipi", ipi.build());
        s.put("tcpu", tcpu.build());
        s.put("pc", pc.build());
        s.put("obj", objv.build());
        s.put("want", want.build());
        s.put("synced", synced.build());
        s.put("glob", glob.build());
        s.put("seen", seen.build());
        s.put("kcpu", kcpu.build());
        if (misuse) {
            Value.FnBuilder stale = Value.fn();
            boolean fired = false;
            for (int t = 0; t < v.threads(); t++) {
                // lwbuf_alloc's step that takes an object (the spec's AllocM) forgets the stale pointer
                long st = inOp(v, t, ALLOC) && allocating(v, t) >= 0 ? -1 : v.local(t, STALE);
                stale.put(thread(t), st >= 0 ? obj((int) st) : NO_OBJ);
                fired |= panicked(v, t);
            }
            s.put("stale", stale.build());
            s.put("kassert", fired ? Value.set(List.of(KASSERT_FREE)) : Value.set(List.of()));
        }
        if (sleepModel) {
            List<Value> getting = new ArrayList<>(), asleep = new ArrayList<>(), decided = new ArrayList<>();
            for (int t = 0; t < v.threads(); t++) {
                if (getting(v, t)) getting.add(thread(t));
                if (asleep(v, t)) asleep.add(thread(t));
                if (decided(v, t)) decided.add(thread(t));
            }
            s.put("getting", Value.set(getting));
            s.put("asleep", Value.set(asleep));
            s.put("decided", Value.set(decided));
        }
        return s;
    }

    /** NoSleepWhileFree (LwbufSleep.tla): nobody sleeps on the objcache while an object is free. */
    static boolean noSleepWhileFree(Map<String, Value> s) {
        return items(s.get("asleep")).isEmpty() || items(s.get("cache")).isEmpty();
    }

    /** SleepTypeOK's part on the ghosts: asleep and decided are disjoint subsets of getting; a getter is idle without an object. */
    static boolean sleepTypeOk(Map<String, Value> s) {
        List<Value> getting = items(s.get("getting"));
        for (Value t : items(s.get("asleep"))) if (!getting.contains(t) || in(t, s.get("decided"))) return false;
        for (Value t : items(s.get("decided"))) if (!getting.contains(t)) return false;
        for (Value t : getting)
            if (!((Value.Str) at(s.get("pc"), t)).v().equals("idle") || !at(s.get("obj"), t).equals(NO_OBJ)) return false;
        return true;
    }

    /** MisuseTypeOK's part on the ghosts: stale names an object or none; kassert holds only lwbuf_free's KASSERT. */
    boolean misuseTypeOk(Map<String, Value> s) {
        for (Value o : fn(s, "stale").map().values()) {
            boolean ok = o.equals(NO_OBJ);
            for (int i = 0; i < sys.objects(); i++) ok |= o.equals(obj(i));
            if (!ok) return false;
        }
        for (Value k : items(s.get("kassert"))) if (!k.equals(KASSERT_FREE)) return false;
        return true;
    }

    /** AllocEventuallySucceeds: every thread in getting eventually leaves it. */
    @Override
    public List<Liveness> liveness() {
        List<Liveness> out = new ArrayList<>();
        for (String n : checkedLiveness) {
            if (!n.equals("AllocEventuallySucceeds")) throw new IllegalArgumentException(n);
            out.add(new Liveness(n, st -> {
                java.util.Set<String> w = new java.util.HashSet<>();
                for (Value t : items(st.get("getting"))) w.add(((Value.ModelValue) t).name());
                return w;
            }));
        }
        return out;
    }

    // ---- the spec's invariants (spec/lwbuf/Lwbuf.tla), over the mapped variables ----------------

    /** Settling(o): a thread is inside lwbuf_alloc with o (between its PTE store and its return). */
    static boolean settling(Map<String, Value> s, Value o) {
        for (Value t : domain(s, "obj")) {
            String pc = ((Value.Str) at(s.get("pc"), t)).v();
            if (at(s.get("obj"), t).equals(o) && (pc.equals("alloc_invlpg") || pc.equals("alloc_pte"))) return true;
        }
        return false;
    }

    /**
     * LW1: every CPU in an lwbuf's mask has no TLB entry for its KVA other than the current PTE
     * (objects inside lwbuf_alloc excepted: their mask is stored before pmap_kenter_quick).
     */
    static boolean lw1(Map<String, Value> s) {
        for (Value o : domain(s, "mask"))
            for (Value c : domain(s, "tlb")) {
                if (!in(c, at(s.get("mask"), o)) || settling(s, o)) continue;
                Value e = at(at(s.get("tlb"), c), o);
                if (!e.equals(NO_PAGE) && !e.equals(at(s.get("pte"), o))) return false;
            }
        return true;
    }

    /** NoStaleAccess: every access observes the page its allocation asked for. */
    static boolean noStaleAccess(Map<String, Value> s) {
        for (Value t : domain(s, "seen")) {
            Value seen = at(s.get("seen"), t);
            if (!seen.equals(NO_PAGE) && !seen.equals(at(s.get("want"), t))) return false;
        }
        return true;
    }

    /** OwnedImpliesMapped: an lwbuf in use maps the page it was allocated for (once its PTE is stored). */
    static boolean ownedImpliesMapped(Map<String, Value> s) {
        for (Value t : domain(s, "obj")) {
            Value o = at(s.get("obj"), t);
            if (o.equals(NO_OBJ) || ((Value.Str) at(s.get("pc"), t)).v().equals("alloc_pte")) continue;
            Value want = at(s.get("want"), t);
            if (!at(s.get("lm"), o).equals(want) || !at(s.get("pte"), o).equals(want)) return false;
        }
        return true;
    }

    /** NoDoubleOwner: an object is in the objcache or used by exactly one thread. */
    static boolean noDoubleOwner(Map<String, Value> s) {
        List<Value> threads = domain(s, "obj");
        for (Value t : threads) {
            Value o = at(s.get("obj"), t);
            if (o.equals(NO_OBJ)) continue;
            if (in(o, s.get("cache"))) return false;
            for (Value u : threads) if (!u.equals(t) && at(s.get("obj"), u).equals(o)) return false;
        }
        return true;
    }

    /** NoRemoteFillBeforeAck (a reachability witness): a CPU with a pending IPI for o holds no current translation of o. */
    static boolean noRemoteFillBeforeAck(Map<String, Value> s) {
        for (Value c : domain(s, "ipi"))
            for (Value o : items(at(s.get("ipi"), c))) {
                Value e = at(at(s.get("tlb"), c), o);
                if (e.equals(at(s.get("pte"), o))) return false;
            }
        return true;
    }

    /** TypeOK: every variable has the spec's type. */
    boolean typeOk(Map<String, Value> s) {
        for (Value p : fn(s, "lm").map().values()) if (!isPage(p)) return false;
        for (Value p : fn(s, "pte").map().values()) if (!isPage(p)) return false;
        for (Value row : fn(s, "tlb").map().values())
            for (Value p : ((Value.Fn) row).map().values()) if (!isPage(p)) return false;
        for (Value p : fn(s, "want").map().values()) if (!isPage(p)) return false;
        for (Value p : fn(s, "seen").map().values()) if (!isPage(p)) return false;
        for (Value pc : fn(s, "pc").map().values())
            if (!PCS.contains(((Value.Str) pc).v())) return false;
        return true;
    }

    private boolean isPage(Value p) { return isPage(p, pages); }

    /** NoPage or one of the model values p1..p{pages}. */
    static boolean isPage(Value p, int pages) {
        if (p.equals(NO_PAGE)) return true;
        for (int i = 1; i <= pages; i++) if (isMv(p, "p" + i)) return true;
        return false;
    }

    @Override public List<Invariant> invariants() { return invariants; }

    /** The spec action of a hardware or scheduler step (both lwbuf specs name them alike); null for a thread's step. */
    static String environmentAction(Step s) {
        return switch (s.kind()) {
            case TLB_FILL -> "TLBFill";
            case TLB_EVICT -> "TLBEvict";
            case IPI -> "IPIAck";
            case MIGRATE -> "Migrate";
            default -> null;
        };
    }

    @Override
    public String actionName(Step s) {
        String a = lwbufActionName(s);
        if (misuse) {
            if (s.kind() == Kind.THREAD && s.op().name().equals(FREE_STALE)) return "StaleFree";
            return a == null ? null : a + "M";     // LwbufMisuse's wrappers (its Panic is the explorer's panic edge)
        }
        if (!sleepModel) return a;
        if (s.kind() == Kind.THREAD && s.op().name().equals(ALLOC) && a == null) {
            int t = s.thread();
            if (!asleep(s.before(), t) && asleep(s.after(), t)) return decided(s.before(), t) ? "GetSleepLate" : "GetSleep";
            if (!decided(s.before(), t) && decided(s.after(), t)) return "GetTest";
            return null;
        }
        return a == null ? null : a + "S";     // LwbufSleep's wrappers: Lwbuf's action with the ghosts unchanged
    }

    private String lwbufActionName(Step s) {
        if (s.kind() != Kind.THREAD) return environmentAction(s);
        String before = pc(s.before(), s.thread());
        switch (s.op().name()) {
            case ALLOC:
                return switch (before) {
                    case "alloc_invlpg" -> "AllocInvlpg";
                    case "alloc_pte" -> "AllocPte";
                    // the attempt that takes an object (coarse: the whole call); else a stutter (objcache empty)
                    default -> allocating(s.after(), s.thread()) >= 0 || s.completed() ? "Alloc" : null;
                };
            case FREE: return s.stepInOp() == 0 ? "Free" : null;
            case KVA:
                if (s.stepInOp() == 0) return "Kva";
                return switch (before) {
                    case "kva_check" -> "KvaCheck"; case "kva_invlpg" -> "KvaSlowInvlpg"; default -> "KvaSlowOr"; };
            case SET_GLOBAL:
                if (s.stepInOp() == 0) return "SetGlobal";
                return switch (before) {
                    case "sg_sync" -> "SetGlobalSync"; case "sg_invlpg" -> "SetGlobalInvlpg"; case "sg_ipi" -> "SetGlobalIpi";
                    case "sg_wait" -> "SetGlobalWait"; default -> "SetGlobalStore"; };
            case ACCESS: return "Access";
            case HANDOFF: return "HandOff";
            default: return null;
        }
    }

}
