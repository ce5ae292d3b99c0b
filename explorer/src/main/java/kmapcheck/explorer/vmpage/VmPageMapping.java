package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.vm.ThreadState;
import kmapcheck.explorer.View;
import kmapcheck.machine.Lock;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;
import kmapcheck.trace.Value;
import kmapcheck.vmpage.VmPage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static kmapcheck.explorer.vmpage.VmPageProgram.DONE;
import static kmapcheck.explorer.vmpage.VmPageProgram.HELD;
import static kmapcheck.explorer.Vals.bool;
import static kmapcheck.explorer.Vals.items;
import static kmapcheck.explorer.Vals.num;

/**
 * Implementation state -> exactly the variables of spec/vmpage/VmPage.tla (model values as in the MC
 * modules: the threads' names, pmaps p1.., None), the spec's invariants by name over them, and its
 * liveness properties.
 *
 * <p>Shared variables are read from the machine words (ref_count, busy_lock, m->object, the rw_lock
 * word, the pv list, the pmap and sleepqueue lock words, the sleep queue, the ghost words). A thread's
 * pc, old, bx and pm are obtained by re-running its current operation on its replay log with a
 * {@link ProbeCtx}: the vm_page code announces the spec pc it is at and its locals; the pc where the log
 * ends is where the thread stands. An idle thread is "idle", "hold" (it owns a wiring) or "done" (a
 * Terminator whose object is dead); there the spec resets old/bx/pm.
 *
 * <p>{@link #actionName} names the VmPage.tla action (TLC's name for it) that each thread step refines:
 * the action whose entry pc the thread stood at. Steps that map to the same spec state (a failed lock
 * retry, the re-acquire of the sleepqueue lock after a wakeup) are stutters.
 */
public final class VmPageMapping implements SpecMapping {
    static final Value NONE = Value.mv("None");
    static final List<String> VARS = List.of("rc", "obj", "olock", "busy", "mapped", "wmapped", "plock", "pstate",
            "frees", "sleepers", "sqlock", "pc", "old", "bx", "pm", "xowners", "sowners", "wiredBy", "kassert",
            "vp3a", "uflow", "pvlock", "pte", "tlb", "ipi", "diq", "mdirty", "wrote", "opte");

    private final VmPageProgram prog;
    private final VmPage page;
    private final List<Invariant> invariants;
    private final List<String> checkedLiveness;
    private final boolean stabilityLemma;

    /** Temporal properties with a Java check. */
    static final List<String> LIVENESS = List.of("NoLostBusyWakeup", "OrphanEventuallyFreed", "BlockedTransient");

    /**
     * @param invariants the model cfg's INVARIANT names, in order
     * @param properties its PROPERTY names: liveness ({@link #LIVENESS}) and the action property StabilityLemma
     */
    VmPageMapping(VmPageProgram prog, List<String> invariants, List<String> properties) {
        this.prog = prog;
        this.page = prog.page;
        this.invariants = Invariant.selected(invariants, INVARIANTS, this::typeOk);
        CheckedProperties checks = CheckedProperties.of(properties, LIVENESS, List.of("StabilityLemma"));
        this.checkedLiveness = checks.liveness();
        this.stabilityLemma = checks.actions().contains("StabilityLemma");
    }

    Value th(int t) { return Value.mv(prog.names[t]); }
    static Value pmap(int p) { return Value.numbered("p", p + 1); }
    static Value cpu(int c) { return Value.numbered("c", c); }

    /** A PTE word as the spec's [v, rw, m]. */
    static Value pteRec(long e) {
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("v", Value.of((e & VmPage.PTE_V) != 0));
        f.put("rw", Value.of((e & VmPage.PTE_RW) != 0));
        f.put("m", Value.of((e & VmPage.PTE_M) != 0));
        return new Value.Rec(f);
    }

    static Value tlbVal(long e) { return Value.str(e == VmPage.TLB_W ? "w" : e == VmPage.TLB_R ? "r" : "none"); }
    static Value holder(long lockWord, VmPageMapping m) { return lockWord == 0 ? NONE : m.th((int) lockWord - 1); }

    static Value rcRec(long w) {
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("wires", Value.of(VmPage.wires(w)));
        f.put("objref", Value.of(VmPage.objref(w)));
        f.put("blocked", Value.of(VmPage.blocked(w)));
        return new Value.Rec(f);
    }

    static Value busyRec(long b) {
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("shared", Value.of((b & VmPage.VPB_BIT_SHARED) != 0));
        f.put("excl", Value.of((b & VmPage.VPB_BIT_EXCLUSIVE) != 0));
        f.put("waiters", Value.of((b & VmPage.VPB_BIT_WAITERS) != 0));
        f.put("sharers", Value.of(VmPage.sharers(b)));
        return new Value.Rec(f);
    }

    private static long lockWord(View v, Lock l) { return v.word(new Word(l.addr(), l.name(), null)); }

    private Value threadSet(long mask) {
        List<Value> s = new ArrayList<>();
        for (int t = 0; t < prog.threads(); t++) if ((mask & (1L << t)) != 0) s.add(th(t));
        return Value.set(s);
    }

    /** pc, old, bx, pm, opte of thread t. */
    record Local(String pc, long old, long bx, int pm, long opte) {}

    /** A thread's position: its op, its replay log and its driver locals (what {@link #local} depends on). */
    private record Position(int t, Op op, long held, long done, long[] log, int hash) {
        Position(int t, Op op, long held, long done, long[] log) {
            this(t, op, held, done, log, java.util.Objects.hash(t, op, held, done) * 31 + java.util.Arrays.hashCode(log));
        }
        @Override public int hashCode() { return hash; }
        @Override public boolean equals(Object o) {
            return o instanceof Position x && x.hash == hash && x.t == t && x.held == held && x.done == done
                    && x.op.equals(op) && java.util.Arrays.equals(x.log, log);
        }
    }

    /**
     * Memo of {@link #local}: map() runs on every explored transition (StabilityLemma is an action
     * property), and a transition changes one thread's position at most, so the other threads'
     * replays are repeated work. Bounded: cleared when it grows past {@value #MEMO_MAX} entries.
     */
    private final java.util.concurrent.ConcurrentHashMap<Position, Local> memo = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MEMO_MAX = 1 << 17;

    Local local(View v, int t) {
        Op op = v.op(t);
        String idle = v.local(t, DONE) != 0 ? "done" : v.local(t, HELD) != 0 ? "hold" : "idle";
        if (op == null) return new Local(idle, 0, VmPage.VPB_UNBUSIED, -1, 0);
        Position key = new Position(t, op, v.local(t, HELD), v.local(t, DONE), v.log(t));
        Local l = memo.get(key);
        if (l != null) return l;
        ProbeCtx pr = new ProbeCtx(t, key.log().clone());
        try {
            prog.run(t, op, pr, new long[]{v.local(t, HELD), v.local(t, DONE)});
        } catch (kmapcheck.explorer.LogReplay.Stop s) {
            // the thread stands here
        }
        String pc = pr.pc == null ? idle : pr.pc;
        l = betweenOps(pc)
                ? new Local(pc, 0, VmPage.VPB_UNBUSIED, -1, 0) : new Local(pc, pr.old, pr.bx, pr.pm, pr.opte);
        if (memo.size() > MEMO_MAX) memo.clear();
        memo.put(key, l);
        return l;
    }

    @Override public List<String> vars() { return VARS; }

    @Override
    public Map<String, Value> map(View v) {
        Map<String, Value> s = new LinkedHashMap<>();
        int n = prog.threads();
        s.put("rc", rcRec(v.word(page.refCount) & VmPage.U32));
        s.put("obj", v.word(page.object) != 0 ? Value.str("O") : NONE);
        s.put("olock", olock(v));
        s.put("busy", busyRec(v.word(page.busyLock)));
        long pv = v.word(page.pv);
        List<Value> wmapped = new ArrayList<>();
        Value.FnBuilder plock = Value.fn();
        for (int p = 0; p < page.pmaps(); p++) {
            if ((pv & (1L << (8 + p))) != 0) wmapped.add(pmap(p));
            plock.put(pmap(p), holder(lockWord(v, page.pmapLock[p]), this));
        }
        s.put("mapped", mapped(v));
        s.put("wmapped", Value.set(wmapped));
        s.put("plock", plock.build());
        s.put("pstate", Value.str(v.word(page.pstate) != 0 ? "free" : "alloc"));
        s.put("frees", Value.of(v.word(page.frees)));
        List<Value> sl = new ArrayList<>();
        for (int t = 0; t < n; t++) if (v.status(t) == ThreadState.Status.SLEEPING) sl.add(th(t));
        s.put("sleepers", Value.set(sl));
        s.put("sqlock", holder(lockWord(v, page.sq), this));
        Value.FnBuilder pc = Value.fn(), old = Value.fn(), bx = Value.fn(), pm = Value.fn(), wb = Value.fn(), op = Value.fn();
        for (int t = 0; t < n; t++) {
            Local l = local(v, t);
            pc.put(th(t), Value.str(l.pc()));
            old.put(th(t), rcRec(l.old()));
            bx.put(th(t), busyRec(l.bx()));
            pm.put(th(t), l.pm() < 0 ? NONE : pmap(l.pm()));
            wb.put(th(t), Value.of(v.word(page.wiredBy[t])));
            op.put(th(t), pteRec(l.opte()));
        }
        s.put("pc", pc.build());
        s.put("old", old.build());
        s.put("bx", bx.build());
        s.put("pm", pm.build());
        s.put("xowners", threadSet(v.word(page.xowners)));
        s.put("sowners", threadSet(v.word(page.sowners)));
        s.put("wiredBy", wb.build());
        List<Value> ka = new ArrayList<>();
        long kw = v.word(page.kassert);
        for (int i = 0; i < VmPage.KASSERTS.size(); i++) if ((kw & (1L << i)) != 0) ka.add(Value.str(VmPage.KASSERTS.get(i)));
        s.put("kassert", Value.set(ka));
        s.put("vp3a", Value.of(v.word(page.vp3a)));
        s.put("uflow", Value.of(v.word(page.uflow) != 0));
        s.put("pvlock", holder(lockWord(v, page.pvLock), this));
        Value.FnBuilder pte = Value.fn(), tlb = Value.fn(), ipi = Value.fn();
        for (int p = 0; p < page.pmaps(); p++) pte.put(pmap(p), pteRec(v.word(page.pte[p])));
        long iw = v.word(page.ipi);
        for (int c = 0; c < page.cpus(); c++) {
            Value.FnBuilder row = Value.fn();
            List<Value> pend = new ArrayList<>();
            for (int p = 0; p < page.pmaps(); p++) {
                row.put(pmap(p), tlbVal(v.word(page.tlb[c][p])));
                if ((iw & (1L << (8 * c + p))) != 0) pend.add(pmap(p));
            }
            tlb.put(cpu(c), row.build());
            ipi.put(cpu(c), Value.set(pend));
        }
        s.put("pte", pte.build());
        s.put("tlb", tlb.build());
        s.put("ipi", ipi.build());
        s.put("diq", threadSet(v.word(page.di)));
        s.put("mdirty", Value.of(v.word(page.mdirty) != 0));
        s.put("wrote", Value.of(v.word(page.wrote) != 0));
        s.put("opte", op.build());
        return s;
    }

    private Value olock(View v) {
        long ow = v.word(page.olock);
        Map<String, Value> ol = new LinkedHashMap<>();
        ol.put("w", holder(ow & 0xFF, this));
        ol.put("r", threadSet(ow >>> 8));
        return new Value.Rec(ol);
    }

    private Value mapped(View v) {
        long pv = v.word(page.pv);
        List<Value> mapped = new ArrayList<>();
        for (int p = 0; p < page.pmaps(); p++) if ((pv & (1L << p)) != 0) mapped.add(pmap(p));
        return Value.set(mapped);
    }

    /** The variables StabilityLemma reads; it holds when rc is unchanged. */
    static final Set<String> STABILITY_READS = Set.of("rc", "olock", "busy", "mapped", "xowners");

    /** rc, olock, busy, mapped and xowners as {@link #map(View)} gives them (StabilityLemma is checked on every step). */
    @Override
    public java.util.function.Function<View, Map<String, Value>> mapper(Set<String> vars) {
        if (!STABILITY_READS.containsAll(vars)) return SpecMapping.super.mapper(vars);
        boolean rc = vars.contains("rc"), olock = vars.contains("olock"), busy = vars.contains("busy"),
                mapped = vars.contains("mapped"), xowners = vars.contains("xowners");
        return v -> {
            Map<String, Value> s = new LinkedHashMap<>(8);
            if (rc) s.put("rc", rcRec(v.word(page.refCount) & VmPage.U32));
            if (olock) s.put("olock", olock(v));
            if (busy) s.put("busy", busyRec(v.word(page.busyLock)));
            if (mapped) s.put("mapped", mapped(v));
            if (xowners) s.put("xowners", threadSet(v.word(page.xowners)));
            return s;
        };
    }

    // ---- accessors over the mapped state -------------------------------------------------------------
    private static Value.Rec rec(Map<String, Value> s, String var) { return (Value.Rec) s.get(var); }
    private static long rcWires(Map<String, Value> s) { return num(rec(s, "rc").get("wires")); }
    private static boolean rcBit(Map<String, Value> s, String f) { return bool(rec(s, "rc").get(f)); }
    private static boolean busyBit(Map<String, Value> s, String f) { return bool(rec(s, "busy").get(f)); }
    private static long sharers(Map<String, Value> s) { return num(rec(s, "busy").get("sharers")); }
    private static List<Value> set(Map<String, Value> s, String var) { return items(s.get(var)); }
    private static boolean isFree(Map<String, Value> s) { return s.get("pstate").equals(Value.str("free")); }
    private static Map<Value, Value> fn(Map<String, Value> s, String var) { return ((Value.Fn) s.get(var)).map(); }
    private static final Value UNBUSIED = busyRec(VmPage.VPB_UNBUSIED);

    static boolean noFreeWhileReferenced(Map<String, Value> s) {
        return !isFree(s) || (rcWires(s) == 0 && !rcBit(s, "objref") && !rcBit(s, "blocked")
                && set(s, "mapped").isEmpty() && sharers(s) == 0);
    }

    static boolean freedOnce(Map<String, Value> s) { return num(s.get("frees")) <= 1; }

    static boolean noUnderflow(Map<String, Value> s) {
        if (bool(s.get("uflow"))) return false;
        for (Value w : fn(s, "wiredBy").values()) if (num(w) < 0) return false;
        return true;
    }

    static boolean noUseAfterFree(Map<String, Value> s) {
        if (!isFree(s)) return true;
        for (Value w : fn(s, "wiredBy").values()) if (num(w) != 0) return false;
        return true;
    }

    static boolean wiresMatchGhost(Map<String, Value> s) {
        long sum = 0;
        for (Value w : fn(s, "wiredBy").values()) sum += num(w);
        return rcWires(s) == sum;
    }

    static boolean objrefMatchesObject(Map<String, Value> s) {
        if (!rec(s, "olock").get("w").equals(NONE)) return true;
        return rcBit(s, "objref") == s.get("obj").equals(Value.str("O"));
    }

    static boolean blockedHasNoWires(Map<String, Value> s) {
        return !rcBit(s, "blocked") || rcWires(s) <= num(s.get("vp3a"));
    }

    static boolean busyExclusive(Map<String, Value> s) {
        List<Value> x = set(s, "xowners");
        if (x.size() > 1) return false;
        if (!x.isEmpty() && !set(s, "sowners").isEmpty()) return false;
        return !busyBit(s, "excl") || (!busyBit(s, "shared") && sharers(s) == 0);
    }

    static boolean busyOwnerMatchesWord(Map<String, Value> s) {
        boolean excl = busyBit(s, "excl"), shared = busyBit(s, "shared");
        if (excl != !set(s, "xowners").isEmpty()) return false;
        if (shared != !excl) return false;
        return !shared || sharers(s) == set(s, "sowners").size();
    }

    static boolean waitersImpliesBusy(Map<String, Value> s) {
        return !busyBit(s, "waiters") || busyBit(s, "excl") || sharers(s) > 0;
    }

    static boolean noAssertionFailure(Map<String, Value> s) { return set(s, "kassert").isEmpty(); }

    private static boolean pteBit(Value e, String f) { return bool(((Value.Rec) e).get(f)); }

    /** wrote => mdirty \/ \E p : pte[p].m */
    static boolean dirtyTracked(Map<String, Value> s) {
        if (!bool(s.get("wrote")) || bool(s.get("mdirty"))) return true;
        for (Value e : fn(s, "pte").values()) if (pteBit(e, "m")) return true;
        return false;
    }

    /** \A c, p : plock[p] = None => (tlb[c][p] # "none" => pte[p].v) /\ (tlb[c][p] = "w" => pte[p].rw) */
    static boolean tlbCoherent(Map<String, Value> s) {
        Map<Value, Value> pte = fn(s, "pte"), plock = fn(s, "plock");
        for (Value row : fn(s, "tlb").values()) {
            for (Map.Entry<Value, Value> e : ((Value.Fn) row).map().entrySet()) {
                if (!plock.get(e.getKey()).equals(NONE)) continue;
                String x = ((Value.Str) e.getValue()).v();
                if (!x.equals("none") && !pteBit(pte.get(e.getKey()), "v")) return false;
                if (x.equals("w") && !pteBit(pte.get(e.getKey()), "rw")) return false;
            }
        }
        return true;
    }

    /** pstate = "free" => \A c, p : tlb[c][p] = "none" */
    static boolean noStaleTlbAfterFree(Map<String, Value> s) {
        if (!isFree(s)) return true;
        for (Value row : fn(s, "tlb").values())
            for (Value x : ((Value.Fn) row).map().values()) if (!x.equals(Value.str("none"))) return false;
        return true;
    }

    /** pc \in {"idle", "hold", "done"}: the thread is between operations (VmPage.tla and VmPageUnwire.tla). */
    static boolean betweenOps(String pc) { return pc.equals("idle") || pc.equals("hold") || pc.equals("done"); }

    /**
     * NoLockHeldOutsideOp: \A t : (pc[t] \in {"idle", "hold", "done"} \/ t \in sleepers) =>
     * olock.w # t /\ t \notin olock.r /\ (\A p : plock[p] # t) /\ pvlock # t /\ sqlock # t /\ t \notin diq
     * /\ t \notin xowners \cup sowners
     */
    static boolean noLockHeldOutsideOp(Map<String, Value> s) {
        Value.Rec ol = rec(s, "olock");
        List<Value> readers = items(ol.get("r")), sleepers = set(s, "sleepers"), diq = set(s, "diq"),
                xo = set(s, "xowners"), so = set(s, "sowners");
        Collection<Value> plock = fn(s, "plock").values();
        for (Map.Entry<Value, Value> e : fn(s, "pc").entrySet()) {
            Value t = e.getKey();
            String pc = ((Value.Str) e.getValue()).v();
            if (!betweenOps(pc) && !sleepers.contains(t)) continue;
            if (ol.get("w").equals(t) || readers.contains(t) || plock.contains(t) || s.get("pvlock").equals(t)
                    || s.get("sqlock").equals(t) || diq.contains(t) || xo.contains(t) || so.contains(t)) return false;
        }
        return true;
    }

    /** PvMatchesPte: pvlock = None => \A p : (p \in mapped <=> pte[p].v) /\ (p \in wmapped <=> pte[p].rw) */
    static boolean pvMatchesPte(Map<String, Value> s) {
        if (!s.get("pvlock").equals(NONE)) return true;
        List<Value> mapped = set(s, "mapped"), wmapped = set(s, "wmapped");
        for (Map.Entry<Value, Value> e : fn(s, "pte").entrySet()) {
            if (mapped.contains(e.getKey()) != pteBit(e.getValue(), "v")) return false;
            if (wmapped.contains(e.getKey()) != pteBit(e.getValue(), "rw")) return false;
        }
        return true;
    }

    static final Set<String> RELOCK_PCS = Set.of("rm_relock", "bzx_relock", "bzs_relock", "mp_relock");

    /** RelockUnlocked: \A t : pc[t] \in RELOCK_PCS => olock.w # t /\ t \notin olock.r /\ sqlock # t */
    static boolean relockUnlocked(Map<String, Value> s) {
        Value.Rec ol = rec(s, "olock");
        List<Value> readers = items(ol.get("r"));
        for (Map.Entry<Value, Value> e : fn(s, "pc").entrySet()) {
            Value t = e.getKey();
            if (!RELOCK_PCS.contains(((Value.Str) e.getValue()).v())) continue;
            if (ol.get("w").equals(t) || readers.contains(t) || s.get("sqlock").equals(t)) return false;
        }
        return true;
    }

    /**
     * PmapWalkDone: \A t : (pc[t] \in {"rm_tb_drop", "rm_wp_xu"} => mapped = {}) /\ (pc[t] = "wp_tb_drop" => wmapped = {})
     */
    static boolean pmapWalkDone(Map<String, Value> s) {
        for (Value pc : fn(s, "pc").values()) {
            String x = ((Value.Str) pc).v();
            if ((x.equals("rm_tb_drop") || x.equals("rm_wp_xu")) && !set(s, "mapped").isEmpty()) return false;
            if (x.equals("wp_tb_drop") && !set(s, "wmapped").isEmpty()) return false;
        }
        return true;
    }

    /** WiringOnlyAtHold: \A t : pc[t] \in {"idle", "hold", "done"} => wiredBy[t] = IF pc[t] = "hold" THEN 1 ELSE 0 */
    static boolean wiringOnlyAtHold(Map<String, Value> s) {
        Map<Value, Value> wb = fn(s, "wiredBy");
        for (Map.Entry<Value, Value> e : fn(s, "pc").entrySet()) {
            String pc = ((Value.Str) e.getValue()).v();
            if (betweenOps(pc) && num(wb.get(e.getKey())) != (pc.equals("hold") ? 1 : 0)) return false;
        }
        return true;
    }

    boolean typeOk(Map<String, Value> s) {
        Set<Value> threads = new HashSet<>();
        for (int t = 0; t < prog.threads(); t++) threads.add(th(t));
        Value w = rec(s, "olock").get("w");
        if (!w.equals(NONE) && !threads.contains(w)) return false;
        if (sharers(s) > prog.threads()) return false;
        for (Value b : fn(s, "bx").values()) if (num(((Value.Rec) b).get("sharers")) > prog.threads()) return false;
        if (num(s.get("vp3a")) < 0 || num(s.get("frees")) < 0) return false;
        Value pvl = s.get("pvlock");
        if (!pvl.equals(NONE) && !threads.contains(pvl)) return false;
        return set(s, "mapped").containsAll(set(s, "wmapped"));
    }

    private static final Map<String, Predicate<Map<String, Value>>> INVARIANTS = new LinkedHashMap<>();
    static {
        INVARIANTS.put("NoFreeWhileReferenced", VmPageMapping::noFreeWhileReferenced);
        INVARIANTS.put("FreedOnce", VmPageMapping::freedOnce);
        INVARIANTS.put("NoUnderflow", VmPageMapping::noUnderflow);
        INVARIANTS.put("NoUseAfterFree", VmPageMapping::noUseAfterFree);
        INVARIANTS.put("WiresMatchGhost", VmPageMapping::wiresMatchGhost);
        INVARIANTS.put("ObjrefMatchesObject", VmPageMapping::objrefMatchesObject);
        INVARIANTS.put("BlockedHasNoWires", VmPageMapping::blockedHasNoWires);
        INVARIANTS.put("BusyExclusive", VmPageMapping::busyExclusive);
        INVARIANTS.put("BusyOwnerMatchesWord", VmPageMapping::busyOwnerMatchesWord);
        INVARIANTS.put("WaitersImpliesBusy", VmPageMapping::waitersImpliesBusy);
        INVARIANTS.put("NoAssertionFailure", VmPageMapping::noAssertionFailure);
        INVARIANTS.put("DirtyTracked", VmPageMapping::dirtyTracked);
        INVARIANTS.put("TlbCoherent", VmPageMapping::tlbCoherent);
        INVARIANTS.put("NoStaleTlbAfterFree", VmPageMapping::noStaleTlbAfterFree);
        INVARIANTS.put("NoLockHeldOutsideOp", VmPageMapping::noLockHeldOutsideOp);
        INVARIANTS.put("WiringOnlyAtHold", VmPageMapping::wiringOnlyAtHold);
        INVARIANTS.put("PvMatchesPte", VmPageMapping::pvMatchesPte);
        INVARIANTS.put("RelockUnlocked", VmPageMapping::relockUnlocked);
        INVARIANTS.put("PmapWalkDone", VmPageMapping::pmapWalkDone);
    }

    /** The invariants the scenario's model checks, in its cfg order (TLC reports the first violated). */
    @Override public List<Invariant> invariants() { return invariants; }

    /** StabilityLemma (VP4, r352110's central claim), evaluated on every step when the model checks it. */
    @Override
    public List<ActionProperty> actionProperties() {
        return stabilityLemma ? List.of(new ActionProperty("StabilityLemma", VmPageMapping::stabilityLemma, STABILITY_READS)) : List.of();
    }

    /**
     * [][\A T : StablePre(T) => rc'.wires <= rc.wires]_vars with StablePre(T) == olock.w = T /\
     * (busy = UNBUSIED \/ (busy.excl /\ xowners = {T})) /\ mapped = {}.
     */
    static boolean stabilityLemma(Map<String, Value> a, Map<String, Value> b) {
        if (!set(a, "mapped").isEmpty() || rcWires(b) <= rcWires(a)) return true;
        Value w = rec(a, "olock").get("w");
        if (w.equals(NONE)) return true;
        boolean unbusied = rec(a, "busy").equals(UNBUSIED);
        boolean xbusiedByW = busyBit(a, "excl") && set(a, "xowners").equals(List.of(w));
        return !(unbusied || xbusiedByW);
    }

    /**
     * P ~> Q as "from every state where P holds for t, an obligated path reaches one where it does not".
     * NoLostBusyWakeup: t asleep on busy while nobody owns the page. OrphanEventuallyFreed and
     * BlockedTransient concern the page, not a thread: they are attributed to the first thread.
     */
    @Override
    public List<Liveness> liveness() {
        List<Liveness> out = new ArrayList<>();
        String first = prog.names[0];
        for (String n : checkedLiveness) {
            switch (n) {
                case "NoLostBusyWakeup" -> out.add(new Liveness(n, VmPageMapping::sleepersWhileUnowned));
                case "OrphanEventuallyFreed" -> out.add(new Liveness(n,
                        s -> !rcBit(s, "objref") && !isFree(s) ? Set.of(first) : Set.of()));
                case "BlockedTransient" -> out.add(new Liveness(n, s -> rcBit(s, "blocked") ? Set.of(first) : Set.of()));
                default -> throw new IllegalArgumentException(n);
            }
        }
        return out;
    }

    /** NoLostBusyWakeup's waiting set: the sleepers on the busy lock while no thread owns it (ghost). */
    static Set<String> sleepersWhileUnowned(Map<String, Value> s) {
        Set<String> w = new HashSet<>();
        if (!set(s, "xowners").isEmpty() || !set(s, "sowners").isEmpty()) return w;
        for (Value t : set(s, "sleepers")) w.add(((Value.ModelValue) t).name());
        return w;
    }

    @Override
    public String actionName(Step s) {
        if (s.kind() == Kind.HARDWARE) {
            return switch (s.label()) {
                case VmPageProgram.FILL -> "TLBFill";
                case VmPageProgram.WRITE -> "UserWrite";
                case VmPageProgram.ACK -> "IpiAck";
                default -> null;
            };
        }
        if (s.kind() != Kind.THREAD) return null;
        Map<String, Value> a = map(s.before()), b = map(s.after());
        if (a.equals(b)) return null;
        return specAction(prog.roles[s.thread()], local(s.before(), s.thread()).pc(), s.op());
    }

    private boolean bug5() { return page.variant() == VmPage.Variant.BUSY_SLEEP_PLAIN_STORE; }

    /**
     * The VmPage.tla action (operator name, as TLC reports it) that a step of a thread standing at spec
     * pc {@code pc} takes: the pc determines it (each pc is the entry of exactly one action of the role).
     */
    String specAction(VmPageProgram.Role role, String pc, Op op) {
        switch (pc) {
            case "idle":
                return switch (role) {
                    case Faulter -> "FaStart"; case PmapHolder -> "PhStart"; case Remover -> "RmLock";
                    case Terminator -> "TmStart"; case Mapper -> "MpStart"; case Busier -> "BzStart";
                    case WriteProtector -> "WpStart"; case Unmapper, RangeUnmapper -> "UmClear";
                    case StrayUnwirer -> op != null && op.name().equals(VmPageProgram.RELEASE) ? "RlObj" : "UwLd";
                    case StrayXunbusier -> "XuCas"; case StraySunbusier -> "SuLd"; };
            case "hold": return op != null && op.name().equals(VmPageProgram.RELEASE) ? "RlObj" : "UwLd";
            case "fa_wire": return "FaWire";
            case "ph_cas": return "PhCas";
            case "uw_ld": return "UwLd";
            case "uw_cas": return "UwCas";
            case "rl_obj": return "RlObj";
            case "rl_busy": return "RlBusy";
            case "rl_try": return "RlTry";
            case "rlk_drop": return "RlkDrop";
            case "rlk_map": return "RlkMap";
            case "rlk_busy": return "RlkBusy";
            case "rlk_wired": return "RlkWired";
            case "rm_relock": return "RmLock";
            case "rm_busy": return "RmBusy";
            case "rm_wired": return "RmWired";
            case "rm_wp_op", "rm_tb_op": return "RaClear";
            case "wp_tb_op": return "RwLd";
            case "tm_drop": return "TmDrop";
            case "tm_ld": return "TmLd";
            case "tm_st": return "TmSt";
            case "mp_busy": return "MpBusy";
            case "mp_enter": return "MpEnter";
            case "mp_store": return "MpStore";
            case "mp_relock": return "MpRelock";
            case "wp_busy": return "WpBusy";
            case "bzx_relock", "bzs_relock": return "BzStart";
            case "bzx_try": return "BzxTry";
            case "bzs_try": return "BzsLd";
            case "bzs_cas": return "BzsCas";
            default: break;
        }
        String[][] suffixes = {
                {"_tb_ld", "TbLd"}, {"_tb_cas", "TbCas"}, {"_tb_drop", "TbDrop"},
                {"_wld", "RwReld"}, {"_wcas", "RwCas"}, {"_cl", "RaClearLast"}, {"_diw", "DiWait"},
                {"_il", "InvLocal"}, {"_is", "InvSend"}, {"_iw", "InvWait"},
                {"_xus", "XuStore"}, {"_xuw", "XuWake"}, {"_xu", "XuCas"},
                {"_sucas", "SuCas"}, {"_suw", "SuWake"}, {"_su", "SuLd"},
                {"_sq", bug5() ? "BsSqBug" : "BsSq"}, {"_chk", bug5() ? "BsChkBug" : "BsChk"},
                {"_wait", bug5() ? "BsWaitBug" : "BsWait"},
                {"_sb", "FpSb"}, {"_obj", "FpObj"}, {"_ost", "FpOst"}, {"_xb", "FpXb"}, {"_fin", "FpFin"}};
        for (String[] x : suffixes) if (pc.endsWith(x[0])) return x[1];
        return "Step";
    }


    static Value unbusied() { return UNBUSIED; }
    static WaitQueue unused() { return null; }
}
