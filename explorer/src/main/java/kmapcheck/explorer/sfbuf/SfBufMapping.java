package kmapcheck.explorer.sfbuf;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.vm.ThreadState;
import kmapcheck.explorer.View;
import kmapcheck.machine.Pte;
import kmapcheck.sfbuf.SfBuf;
import kmapcheck.sfbuf.SfBufCache;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static kmapcheck.explorer.sfbuf.SfBufProgram.*;
import static kmapcheck.explorer.Vals.bool;
import static kmapcheck.explorer.Vals.items;
import static kmapcheck.explorer.Vals.num;

/**
 * Implementation state -> the variables of spec/sfbuf/SfBuf.tla (exactly those, in the spec's
 * order), the spec's invariants under the same names, its liveness properties, and the spec action
 * each Java step refines. Model values as in the MC modules: threads t1.., pages p1.., sf_bufs
 * b1.. (sf_bufs[0] = b1), CPUs c1.., and None.
 *
 * <p>Refinement points: every critical section of sf_buf_lock is one Java transition (one
 * {@code Ctx.atomic} body after the lock acquire, see SfBufCache), so a thread between transitions
 * is idle, asleep (Java SLEEPING = spec sleepq) or woken (Java WOKEN = spec woken). Ghosts
 * (holds, asked, privcpu, seen) and the client pc (wired/unwire) are the client's locals.
 */
public final class SfBufMapping implements SpecMapping {
    static final Value NONE = Value.mv("None");
    static final List<String> VARS = List.of("bm", "ref", "freeq", "want", "used", "peak", "sleepq", "woken", "sigpend",
            "pc", "req", "fl", "holds", "cpu", "pinned", "pte", "pteA", "tlb", "mask", "wire", "asked", "privcpu", "seen");

    private final SfBufCache sys;
    private final SfBufProgram program;
    private final int cpus;
    private final List<Invariant> invariants;
    private final List<String> live;
    private final boolean sf11;

    /** Liveness properties with a Java check (PROPERTY lines of the models). */
    static final List<String> LIVENESS = List.of("NoLostWakeup", "AllocProgress");

    /**
     * @param checked    the invariants the model's cfg lists, in its order
     * @param properties the cfg's PROPERTY names: liveness ({@link #LIVENESS}) and the action property SF11
     */
    SfBufMapping(SfBufCache sys, SfBufProgram program, int cpus, List<String> checked, List<String> properties) {
        this.sys = sys;
        this.program = program;
        this.cpus = cpus;
        Map<String, java.util.function.Predicate<Map<String, Value>>> registry = new LinkedHashMap<>();
        registry.put("SF1", SfBufMapping::sf1);
        registry.put("SF2", SfBufMapping::sf2);
        registry.put("SF3", SfBufMapping::sf3);
        registry.put("SF4", SfBufMapping::sf4);
        registry.put("SF9", SfBufMapping::sf9);
        registry.put("RefMatchesHolds", this::refMatchesHolds);
        registry.put("StablePTE", SfBufMapping::stablePte);
        registry.put("MaskSound", SfBufMapping::maskSound);
        registry.put("SF7", this::sf7);
        registry.put("SF8", SfBufMapping::sf8);
        registry.put("NoStaleRead", SfBufMapping::noStaleRead);
        registry.put("WireBalance", this::wireBalance);
        registry.put("NoUnwireWhileReferenced", this::noUnwireWhileReferenced);
        this.invariants = Invariant.selected(checked, registry, this::typeOk);
        CheckedProperties checks = CheckedProperties.of(properties, LIVENESS, List.of("SF11"));
        this.live = checks.liveness();
        this.sf11 = checks.actions().contains("SF11");
    }

    static Value thread(int t) { return Value.mv("t" + (t + 1)); }
    static Value buf(int b) { return Value.mv("b" + (b + 1)); }
    static Value cpu(int c) { return Value.mv("c" + (c + 1)); }
    static Value page(long p) { return p == 0 ? NONE : Value.mv("p" + p); }
    static Value flags(long f) {
        List<Value> s = new ArrayList<>();
        if ((f & SfBufCache.SFB_CATCH) != 0) s.add(Value.str("CATCH"));
        if ((f & SfBufCache.SFB_NOWAIT) != 0) s.add(Value.str("NOWAIT"));
        if ((f & SfBufCache.SFB_CPUPRIVATE) != 0) s.add(Value.str("PRIV"));
        return Value.set(s);
    }

    @Override public List<String> vars() { return VARS; }

    static boolean inMsleep(View v, int t) {
        ThreadState.Status s = v.status(t);
        return s == ThreadState.Status.SLEEPING || s == ThreadState.Status.WOKEN;
    }

    /** The alloc op a sleeping/woken thread is in. */
    static Op allocOp(View v, int t) { return v.op(t); }

    private boolean sigpend(View v, int t) {
        if (!inMsleep(v, t)) return false;
        if (!sys.config().catches((int) allocOp(v, t).arg(1))) return false;
        return v.status(t) == ThreadState.Status.WOKEN && (wokenBySignal(v, t) || v.signalPending(t));
    }

    /** Was thread t woken by a signal (msleep returns EINTR) rather than by a wakeup? */
    static boolean wokenBySignal(View v, int t) { return v.wokenBySignal(t); }

    @Override
    public Map<String, Value> map(View v) {
        int nb = sys.nbufs(), nt = v.threads();
        boolean smp = sys.config().smp();
        Value.FnBuilder bm = Value.fn(), ref = Value.fn(), pte = Value.fn(), pteA = Value.fn(), mask = Value.fn();
        for (int b = 0; b < nb; b++) {
            SfBuf sf = sys.buf(b);
            bm.put(buf(b), page(v.word(sf.m)));
            ref.put(buf(b), Value.of(v.word(sf.refCount)));
            long p = v.pte(sf.kva);
            pte.put(buf(b), Pte.valid(p) ? page(Pte.page(p)) : NONE);
            pteA.put(buf(b), Value.of(Pte.accessed(p)));
            List<Value> m = new ArrayList<>();
            if (smp) for (int c = 0; c < cpus; c++) if ((v.word(sf.cpumask) & (1L << c)) != 0) m.add(cpu(c));
            mask.put(buf(b), Value.set(m));
        }
        List<Value> freeq = new ArrayList<>();
        for (int b : SfBufCache.freeList(v.word(sys.freelistWord()))) freeq.add(buf(b));
        List<kmapcheck.machine.Kva> kvas = new ArrayList<>();
        for (int b = 0; b < nb; b++) kvas.add(sys.buf(b).kva);
        Value tlb = kmapcheck.explorer.Vals.tlbTable(v, kvas, SfBufMapping::buf, SfBufMapping::cpu, SfBufMapping::page, NONE);
        List<Value> sleepq = new ArrayList<>(), woken = new ArrayList<>();
        Value.FnBuilder sig = Value.fn(), pc = Value.fn(), req = Value.fn(), fl = Value.fn(), holds = Value.fn(),
                cpu = Value.fn(), pinned = Value.fn(), asked = Value.fn(), privcpu = Value.fn(), seen = Value.fn();
        for (int t = 0; t < nt; t++) {
            Value tv = thread(t);
            boolean ms = inMsleep(v, t);
            if (v.status(t) == ThreadState.Status.SLEEPING) sleepq.add(tv);
            if (v.status(t) == ThreadState.Status.WOKEN) woken.add(tv);
            sig.put(tv, Value.of(sigpend(v, t)));
            long cpc = v.local(t, CPC);
            pc.put(tv, Value.str(ms ? "msleep" : cpc == PC_WIRED ? "wired" : cpc == PC_UNWIRE ? "unwire" : "idle"));
            req.put(tv, ms ? page(allocOp(v, t).arg(0)) : cpc != PC_IDLE ? page(v.local(t, REQ)) : NONE);
            fl.put(tv, ms ? flags(allocOp(v, t).arg(1)) : Value.set(List.of()));
            cpu.put(tv, cpu(v.cpu(t)));
            pinned.put(tv, Value.of(v.pinned(t)));
            Value.FnBuilder h = Value.fn(), a = Value.fn(), pr = Value.fn(), se = Value.fn();
            for (int b = 0; b < nb; b++) {
                h.put(buf(b), Value.of(v.local(t, at(b, HOLDS))));
                a.put(buf(b), page(v.local(t, at(b, ASKED))));
                long pcpu = v.local(t, at(b, PRIV));
                pr.put(buf(b), pcpu == 0 ? NONE : cpu((int) pcpu - 1));
                long s = v.local(t, at(b, SEEN));
                se.put(buf(b), s == SEEN_FAULT ? Value.str("fault") : page(s));
            }
            holds.put(tv, h.build());
            asked.put(tv, a.build());
            privcpu.put(tv, pr.build());
            seen.put(tv, se.build());
        }
        Value.FnBuilder wire = Value.fn();
        for (int p = 1; p <= sys.pages(); p++) wire.put(page(p), Value.of(v.word(sys.wireWord(p))));
        Map<String, Value> s = new LinkedHashMap<>();
        s.put("bm", bm.build());
        s.put("ref", ref.build());
        s.put("freeq", Value.seq(freeq));
        s.put("want", Value.of(v.word(sys.wantWord())));
        s.put("used", Value.of(v.word(sys.usedWord())));
        s.put("peak", Value.of(v.word(sys.peakWord())));
        s.put("sleepq", Value.set(sleepq));
        s.put("woken", Value.set(woken));
        s.put("sigpend", sig.build());
        s.put("pc", pc.build());
        s.put("req", req.build());
        s.put("fl", fl.build());
        s.put("holds", holds.build());
        s.put("cpu", cpu.build());
        s.put("pinned", pinned.build());
        s.put("pte", pte.build());
        s.put("pteA", pteA.build());
        s.put("tlb", tlb);
        s.put("mask", mask.build());
        s.put("wire", wire.build());
        s.put("asked", asked.build());
        s.put("privcpu", privcpu.build());
        s.put("seen", seen.build());
        return s;
    }

    // ---- the spec's invariants over the mapped variables -----------------------------------------

    private static Value.Fn f(Map<String, Value> s, String var) { return (Value.Fn) s.get(var); }
    private static Value get(Value fn, Value k) { return ((Value.Fn) fn).get(k); }
    private static List<Value> dom(Map<String, Value> s, String var) { return List.copyOf(f(s, var).map().keySet()); }

    private long heldCount(Map<String, Value> s, Value b) {
        long n = 0;
        for (Value t : dom(s, "holds")) n += num(get(get(s.get("holds"), t), b));
        return n;
    }

    private boolean isPage(Value p) {
        if (p.equals(NONE)) return true;
        for (int i = 1; i <= sys.pages(); i++) if (p.equals(page(i))) return true;
        return false;
    }

    boolean typeOk(Map<String, Value> s) {
        int nt = dom(s, "pc").size(), nb = sys.nbufs();
        for (Value p : f(s, "bm").map().values()) if (!isPage(p)) return false;
        for (Value r : f(s, "ref").map().values()) if (num(r) < 0) return false;
        if (num(s.get("want")) < 0 || num(s.get("want")) > nt) return false;
        if (num(s.get("used")) < 0 || num(s.get("used")) > nb || num(s.get("peak")) < 0 || num(s.get("peak")) > nb) return false;
        for (Value t : dom(s, "holds"))
            for (Value h : ((Value.Fn) get(s.get("holds"), t)).map().values())
                if (num(h) < 0 || num(h) > program.maxHeld) return false;
        for (Value p : f(s, "pte").map().values()) if (!isPage(p)) return false;
        for (Value w : f(s, "wire").map().values()) if (num(w) < 0) return false;
        for (Value p : f(s, "req").map().values()) if (!isPage(p)) return false;
        return true;
    }

    /** SF1: at most one sf_buf maps a page. */
    static boolean sf1(Map<String, Value> s) {
        List<Value> bs = dom(s, "bm");
        for (Value b1 : bs)
            for (Value b2 : bs)
                if (!b1.equals(b2) && get(s.get("bm"), b1).equals(get(s.get("bm"), b2)) && !get(s.get("bm"), b1).equals(NONE)) return false;
        return true;
    }

    /** SF2: hashed (sf->m /= NULL) <=> PTE valid; unhashed => unreferenced (chains derived from m). */
    static boolean sf2(Map<String, Value> s) {
        for (Value b : dom(s, "bm")) {
            boolean unhashed = get(s.get("bm"), b).equals(NONE);
            if (unhashed != get(s.get("pte"), b).equals(NONE)) return false;
            if (unhashed && num(get(s.get("ref"), b)) != 0) return false;
        }
        return true;
    }

    /** SF3: on the free list <=> ref_count = 0; no duplicates. */
    static boolean sf3(Map<String, Value> s) {
        List<Value> q = items(s.get("freeq"));
        for (Value b : dom(s, "ref")) if (q.contains(b) != (num(get(s.get("ref"), b)) == 0)) return false;
        return q.size() == new LinkedHashSet<>(q).size();
    }

    /** SF4: used counts the referenced buffers; peak >= used. */
    static boolean sf4(Map<String, Value> s) {
        long n = 0;
        for (Value r : f(s, "ref").map().values()) if (num(r) > 0) n++;
        return num(s.get("used")) == n && num(s.get("peak")) >= num(s.get("used"));
    }

    /** SF9: want = threads in the msleep loop = sleepq \cup woken (disjoint). */
    static boolean sf9(Map<String, Value> s) {
        Set<Value> ms = new LinkedHashSet<>();
        for (Value t : dom(s, "pc")) if (((Value.Str) get(s.get("pc"), t)).v().equals("msleep")) ms.add(t);
        Set<Value> u = new LinkedHashSet<>(items(s.get("sleepq")));
        u.addAll(items(s.get("woken")));
        for (Value x : items(s.get("sleepq"))) if (items(s.get("woken")).contains(x)) return false;
        return num(s.get("want")) == ms.size() && u.equals(ms);
    }

    boolean refMatchesHolds(Map<String, Value> s) {
        for (Value b : dom(s, "ref")) if (num(get(s.get("ref"), b)) != heldCount(s, b)) return false;
        return true;
    }

    static boolean stablePte(Map<String, Value> s) {
        for (Value b : dom(s, "ref"))
            if (num(get(s.get("ref"), b)) > 0 && !get(s.get("pte"), b).equals(get(s.get("bm"), b))) return false;
        for (Value t : dom(s, "holds"))
            for (Value b : dom(s, "ref")) {
                if (num(get(get(s.get("holds"), t), b)) == 0) continue;
                Value a = get(get(s.get("asked"), t), b);
                if (!get(s.get("bm"), b).equals(a) || !get(s.get("pte"), b).equals(a)) return false;
            }
        return true;
    }

    /** MaskSound (SF6): a CPU in cpumask caches no translation other than the current PTE. */
    static boolean maskSound(Map<String, Value> s) {
        for (Value b : dom(s, "mask"))
            for (Value c : items(get(s.get("mask"), b))) {
                Value e = get(get(s.get("tlb"), c), b);
                if (!e.equals(NONE) && !e.equals(get(s.get("pte"), b))) return false;
            }
        return true;
    }

    /** SF7 (SMP): non-private reference held => mask = CPUs; private only => its CPU in mask. */
    boolean sf7(Map<String, Value> s) {
        if (!sys.config().smp()) return true;
        List<Value> all = dom(s, "tlb");
        for (Value t : dom(s, "holds"))
            for (Value b : dom(s, "mask")) {
                if (num(get(get(s.get("holds"), t), b)) == 0) continue;
                Value pc = get(get(s.get("privcpu"), t), b);
                List<Value> m = items(get(s.get("mask"), b));
                if (pc.equals(NONE) ? !m.equals(all) : !m.contains(pc)) return false;
            }
        return true;
    }

    /** SF8 (the PG_A rule): PG_A clear => no CPU of cpumask has an entry for the KVA. */
    static boolean sf8(Map<String, Value> s) {
        for (Value b : dom(s, "mask")) {
            if (bool(get(s.get("pteA"), b))) continue;
            for (Value c : items(get(s.get("mask"), b))) if (!get(get(s.get("tlb"), c), b).equals(NONE)) return false;
        }
        return true;
    }

    /** NoStaleRead: every access observes the page its allocation asked for. */
    static boolean noStaleRead(Map<String, Value> s) {
        for (Value t : dom(s, "seen"))
            for (Value b : dom(s, "bm")) {
                Value x = get(get(s.get("seen"), t), b);
                if (!x.equals(NONE) && !x.equals(get(get(s.get("asked"), t), b))) return false;
            }
        return true;
    }

    private long sendfileRefs(Map<String, Value> s, Value p) {
        long n = 0;
        for (Value t : dom(s, "pc")) {
            String pc = ((Value.Str) get(s.get("pc"), t)).v();
            if ((pc.equals("wired") || pc.equals("msleep") || pc.equals("unwire")) && get(s.get("req"), t).equals(p)) n++;
        }
        for (Value b : dom(s, "bm")) if (get(s.get("bm"), b).equals(p)) n += heldCount(s, b);
        return n;
    }

    boolean wireBalance(Map<String, Value> s) {
        if (sys.config().wiring() == SfBufCache.Wiring.NONE) return true;
        for (Value p : dom(s, "wire")) if (num(get(s.get("wire"), p)) != sendfileRefs(s, p)) return false;
        return true;
    }

    boolean noUnwireWhileReferenced(Map<String, Value> s) {
        if (sys.config().wiring() == SfBufCache.Wiring.NONE) return true;
        for (Value p : dom(s, "wire")) if (sendfileRefs(s, p) > 0 && num(get(s.get("wire"), p)) <= 0) return false;
        return true;
    }

    @Override public List<Invariant> invariants() { return invariants; }

    // ---- liveness ------------------------------------------------------------------------------

    private static Set<String> msleepers(Map<String, Value> s) {
        Set<String> out = new LinkedHashSet<>();
        for (Value t : dom(s, "pc")) if (((Value.Str) get(s.get("pc"), t)).v().equals("msleep")) out.add(t.toTla());
        return out;
    }

    /**
     * NoLostWakeup == [](want > 0 /\ freeq # <<>> => <>(woken # {} \/ want = 0)): the sleepers wait
     * while the premise holds and the goal does not. From such a state the only obligated steps are
     * frees (they keep freeq non-empty and want unchanged) and woken threads (goal reached), so
     * "cannot leave" here is exactly "the goal is never reached".
     * AllocProgress == \A t : [](pc[t] = "msleep" => <>(pc[t] # "msleep")).
     */
    /**
     * SF11 (LRU order), the spec's action property [][LRUStep]_freeq: the free list changes only by
     * a miss taking the head, a free appending at the tail, or a hit reviving a still-mapped idle
     * buffer from anywhere (the others keep their order). Checked when the model's cfg lists it.
     */
    @Override
    public List<ActionProperty> actionProperties() {
        return sf11 ? List.of(new ActionProperty("SF11", SfBufMapping::lruStep)) : List.of();
    }

    static boolean lruStep(Map<String, Value> a, Map<String, Value> b) {
        List<Value> q = ((Value.Seq) a.get("freeq")).items(), q2 = ((Value.Seq) b.get("freeq")).items();
        if (q.equals(q2)) return true;
        Value.Fn ref = (Value.Fn) a.get("ref"), ref2 = (Value.Fn) b.get("ref");
        Value.Fn bm = (Value.Fn) a.get("bm"), bm2 = (Value.Fn) b.get("bm");
        java.util.function.BiPredicate<Value, Long> refIs = (x, n) -> ((Value.Int) ref.get(x)).v() == n;
        java.util.function.BiPredicate<Value, Long> ref2Is = (x, n) -> ((Value.Int) ref2.get(x)).v() == n;
        // a miss takes the head (least recently freed)
        if (!q.isEmpty() && q2.equals(q.subList(1, q.size())) && refIs.test(q.get(0), 0L) && ref2Is.test(q.get(0), 1L)) return true;
        // a free appends at the tail
        if (q2.size() == q.size() + 1 && q2.subList(0, q.size()).equals(q)) {
            Value x = q2.get(q.size());
            if (refIs.test(x, 1L) && ref2Is.test(x, 0L)) return true;
        }
        // a hit revives a still-mapped idle buffer from anywhere
        for (int i = 0; i < q.size(); i++) {
            Value x = q.get(i);
            List<Value> rest = new ArrayList<>(q);
            rest.remove(i);
            if (q2.equals(rest) && refIs.test(x, 0L) && ref2Is.test(x, 1L) && !bm.get(x).equals(NONE) && bm2.get(x).equals(bm.get(x)))
                return true;
        }
        return false;
    }

    @Override
    public List<Liveness> liveness() {
        List<Liveness> out = new ArrayList<>();
        for (String name : live) {
            switch (name) {
                case "NoLostWakeup" -> out.add(new Liveness(name, s ->
                        num(s.get("want")) > 0 && !items(s.get("freeq")).isEmpty() && items(s.get("woken")).isEmpty()
                                ? msleepers(s) : Set.of()));
                case "AllocProgress" -> out.add(new Liveness(name, SfBufMapping::msleepers));
                default -> throw new IllegalArgumentException("unknown liveness property " + name);
            }
        }
        return out;
    }

    // ---- actions -------------------------------------------------------------------------------

    private boolean mapped(View v, long page) {
        for (int b = 0; b < sys.nbufs(); b++) if (v.word(sys.buf(b).m) == page) return true;
        return false;
    }

    private long held(View v, int t) { return program.totalHeld(v, t); }

    @Override
    public String actionName(Step s) {
        switch (s.kind()) {
            case TLB_FILL: return "TLBFill";
            case TLB_EVICT: return "TLBEvict";
            case MIGRATE: return "Migrate";
            case SIGNAL: {
                Value before = get(map(s.before()).get("sigpend"), thread(s.thread()));
                Value after = get(map(s.after()).get("sigpend"), thread(s.thread()));
                return before.equals(after) ? null : "Signal";
            }
            default: break;
        }
        int t = s.thread();
        View b = s.before(), a = s.after();
        switch (s.op().name()) {
            case ALLOC: {
                long page = s.op().arg(0);
                boolean got = held(a, t) > held(b, t);
                if (b.status(t) == ThreadState.Status.WOKEN) {
                    if (!s.completed()) return "SleepExitRetry";
                    if (!got) return "SleepExitSignal";
                    return sys.config().relookupAfterSleep() && mapped(b, page) ? "SleepExitHit" : "SleepExitTake";
                }
                if (!s.completed()) return "SleepEnter";
                if (!got) return "AllocNoWait";
                return mapped(b, page) ? "AllocHit" : "AllocMiss";
            }
            case FREE: return "Free";
            case REF: return "Ref";
            case ACCESS: return "Access";
            case PIN: return "Pin";
            case UNPIN: return "Unpin";
            case WIRE: return "SendfileWire";
            case UNWIRE: return "Unwire";
            default: return null;
        }
    }

}
