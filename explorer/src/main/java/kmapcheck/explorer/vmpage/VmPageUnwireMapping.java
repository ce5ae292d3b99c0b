package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.View;
import kmapcheck.explorer.vm.ThreadState;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Word;
import kmapcheck.trace.Value;
import kmapcheck.vmpage.VmPage;
import kmapcheck.vmpage.VmPageUnwire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static kmapcheck.explorer.Vals.bool;
import static kmapcheck.explorer.Vals.items;
import static kmapcheck.explorer.Vals.num;
import static kmapcheck.explorer.vmpage.VmPageUnwireProgram.DONE;
import static kmapcheck.explorer.vmpage.VmPageUnwireProgram.HELD;

/**
 * Implementation state -> exactly the variables of spec/vmpage/VmPageUnwire.tla (threads as the MC
 * modules' model values, None). Shared variables come from the machine words and lock words; a
 * thread's pc, old and bx from re-running its current op on its replay log with a {@link ProbeCtx}
 * (the code announces the spec pc and its locals). An idle thread is "idle", "hold" (HELD) or "done"
 * (DONE); there the spec resets old and bx.
 */
public final class VmPageUnwireMapping implements SpecMapping {
    static final Value NONE = Value.mv("None");
    static final List<String> VARS = List.of("rc", "obj", "olock", "busy", "plock", "queue", "pstate", "frees",
            "wirecnt", "sleepers", "sqlock", "pc", "old", "bx", "xowners", "sowners", "wiredBy", "kassert");
    static final List<String> LIVENESS = List.of("NoLostBusyWakeup");

    private final VmPageUnwireProgram prog;
    private final VmPageUnwire page;
    private final List<Invariant> invariants;
    private final List<String> checkedLiveness;

    VmPageUnwireMapping(VmPageUnwireProgram prog, List<String> invariants, List<String> properties) {
        this.prog = prog;
        this.page = prog.page;
        this.invariants = Invariant.selected(invariants, registry, this::typeOk);
        this.checkedLiveness = CheckedProperties.of(properties, LIVENESS, List.of()).liveness();
    }

    Value th(int t) { return Value.mv(prog.names[t]); }

    static Value rcRec(long w) {
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("wires", Value.of(VmPageUnwire.wires(w)));
        f.put("objref", Value.of(VmPage.objref(w)));
        return new Value.Rec(f);
    }

    private static long lockWord(View v, Lock l) { return v.word(new Word(l.addr(), l.name(), null)); }

    private Value holder(long lockWord) { return lockWord == 0 ? NONE : th((int) lockWord - 1); }

    private Value threadSet(long mask) {
        List<Value> s = new ArrayList<>();
        for (int t = 0; t < prog.threads(); t++) if ((mask & (1L << t)) != 0) s.add(th(t));
        return Value.set(s);
    }

    record Local(String pc, long old, long bx) {}

    Local local(View v, int t) {
        Op op = v.op(t);
        String idle = v.local(t, DONE) != 0 ? "done" : v.local(t, HELD) != 0 ? "hold" : "idle";
        if (op == null) return new Local(idle, 0, VmPage.VPB_UNBUSIED);
        ProbeCtx pr = new ProbeCtx(t, v.log(t).clone());
        try {
            prog.run(t, op, pr, new long[]{v.local(t, HELD), v.local(t, DONE)});
        } catch (kmapcheck.explorer.LogReplay.Stop s) {
            // the thread stands here
        }
        String pc = pr.pc == null ? idle : pr.pc;
        return VmPageMapping.betweenOps(pc)
                ? new Local(pc, 0, VmPage.VPB_UNBUSIED) : new Local(pc, pr.old, pr.bx);
    }

    @Override public List<String> vars() { return VARS; }

    @Override
    public Map<String, Value> map(View v) {
        Map<String, Value> s = new LinkedHashMap<>();
        int n = prog.threads();
        s.put("rc", rcRec(v.word(page.refCount) & VmPage.U32));
        s.put("obj", v.word(page.object) != 0 ? Value.str("O") : NONE);
        s.put("olock", holder(lockWord(v, page.objectLock)));
        s.put("busy", VmPageMapping.busyRec(v.word(page.busyLock)));
        s.put("plock", holder(lockWord(v, page.pageLock)));
        s.put("queue", Value.str(v.word(page.queue) == VmPageUnwire.PQ_NONE ? "none" : "inactive"));
        s.put("pstate", Value.str(v.word(page.pstate) != 0 ? "free" : "alloc"));
        s.put("frees", Value.of(v.word(page.frees)));
        s.put("wirecnt", Value.of(v.word(page.wireCount)));
        List<Value> sl = new ArrayList<>();
        for (int t = 0; t < n; t++) if (v.status(t) == ThreadState.Status.SLEEPING) sl.add(th(t));
        s.put("sleepers", Value.set(sl));
        s.put("sqlock", holder(lockWord(v, page.sq)));
        Value.FnBuilder pc = Value.fn(), old = Value.fn(), bx = Value.fn(), wb = Value.fn();
        for (int t = 0; t < n; t++) {
            Local l = local(v, t);
            pc.put(th(t), Value.str(l.pc()));
            old.put(th(t), rcRec(l.old()));
            bx.put(th(t), VmPageMapping.busyRec(l.bx()));
            wb.put(th(t), Value.of(v.word(page.wiredBy[t])));
        }
        s.put("pc", pc.build());
        s.put("old", old.build());
        s.put("bx", bx.build());
        s.put("xowners", threadSet(v.word(page.xowners)));
        s.put("sowners", threadSet(v.word(page.sowners)));
        s.put("wiredBy", wb.build());
        List<Value> ka = new ArrayList<>();
        long kw = v.word(page.kassert);
        for (int i = 0; i < VmPageUnwire.KASSERTS.size(); i++) if ((kw & (1L << i)) != 0) ka.add(Value.str(VmPageUnwire.KASSERTS.get(i)));
        s.put("kassert", Value.set(ka));
        return s;
    }

    // ---- the spec's invariants over the mapped state ----------------------------------------------------
    private static Value.Rec rec(Map<String, Value> s, String var) { return (Value.Rec) s.get(var); }
    private static long wires(Map<String, Value> s) { return num(rec(s, "rc").get("wires")); }
    private static boolean objref(Map<String, Value> s) { return bool(rec(s, "rc").get("objref")); }
    private static boolean isFree(Map<String, Value> s) { return s.get("pstate").equals(Value.str("free")); }
    private static Map<Value, Value> fn(Map<String, Value> s, String var) { return ((Value.Fn) s.get(var)).map(); }
    private static final Value UNBUSIED = VmPageMapping.busyRec(VmPage.VPB_UNBUSIED);

    static boolean freedOnce(Map<String, Value> s) { return num(s.get("frees")) <= 1; }

    static boolean noFreeWhileReferenced(Map<String, Value> s) {
        return !isFree(s) || (wires(s) == 0 && !objref(s) && num(rec(s, "busy").get("sharers")) == 0);
    }

    static boolean wiresMatchGhost(Map<String, Value> s) {
        long sum = 0;
        for (Value w : fn(s, "wiredBy").values()) sum += num(w);
        return wires(s) == sum;
    }

    /** (\A t : pc[t] \notin {"fa_add", "uw_sub", "unq_sub"}) => wirecnt = (rc.wires > 0 ? 1 : 0) */
    static boolean wireCountSettled(Map<String, Value> s) {
        for (Value p : fn(s, "pc").values()) {
            String x = ((Value.Str) p).v();
            if (x.equals("fa_add") || x.equals("uw_sub") || x.equals("unq_sub")) return true;
        }
        return num(s.get("wirecnt")) == (wires(s) > 0 ? 1 : 0);
    }

    /** (Managed /\ pstate = "alloc" /\ rc.wires = 0 /\ busy = UNBUSIED) => queue # "none" */
    boolean queuedWhenUnwired(Map<String, Value> s) {
        if (!page.managed() || isFree(s) || wires(s) != 0 || !s.get("busy").equals(UNBUSIED)) return true;
        return !s.get("queue").equals(Value.str("none"));
    }

    static boolean noAssertionFailure(Map<String, Value> s) { return items(s.get("kassert")).isEmpty(); }

    /** UnreferencedFreed: (\A t : pc[t] \in {"idle", "hold", "done"}) /\ rc = ZERO => pstate = "free" */
    static boolean unreferencedFreed(Map<String, Value> s) {
        if (isFree(s) || wires(s) != 0 || objref(s)) return true;
        for (Value p : fn(s, "pc").values()) if (!VmPageMapping.betweenOps(((Value.Str) p).v())) return true;
        return false;
    }

    /**
     * NoLockHeldOutsideOp: \A t : (pc[t] \in {"idle", "hold", "done"} \/ t \in sleepers) =>
     * olock # t /\ plock # t /\ sqlock # t /\ t \notin xowners \cup sowners
     */
    static boolean noLockHeldOutsideOp(Map<String, Value> s) {
        List<Value> sleepers = items(s.get("sleepers")), xo = items(s.get("xowners")), so = items(s.get("sowners"));
        for (Map.Entry<Value, Value> e : fn(s, "pc").entrySet()) {
            Value t = e.getKey();
            String pc = ((Value.Str) e.getValue()).v();
            if (!VmPageMapping.betweenOps(pc) && !sleepers.contains(t)) continue;
            if (s.get("olock").equals(t) || s.get("plock").equals(t) || s.get("sqlock").equals(t)
                    || xo.contains(t) || so.contains(t)) return false;
        }
        return true;
    }

    boolean typeOk(Map<String, Value> s) {
        Set<Value> threads = new HashSet<>();
        for (int t = 0; t < prog.threads(); t++) threads.add(th(t));
        for (String l : List.of("olock", "plock", "sqlock"))
            if (!s.get(l).equals(NONE) && !threads.contains(s.get(l))) return false;
        // VPRC_WIRE_MASK: the wrap of a StrayUnwirer's unwire (spec Dec)
        if ((wires(s) > prog.threads() && wires(s) != VmPage.VPRC_WIRE_MASK) || num(rec(s, "busy").get("sharers")) > prog.threads()) return false;
        for (Value o : fn(s, "old").values()) if (num(((Value.Rec) o).get("wires")) > prog.threads()) return false;
        return num(s.get("frees")) >= 0;
    }

    private final Map<String, Predicate<Map<String, Value>>> registry = new LinkedHashMap<>();
    {
        registry.put("FreedOnce", VmPageUnwireMapping::freedOnce);
        registry.put("NoFreeWhileReferenced", VmPageUnwireMapping::noFreeWhileReferenced);
        registry.put("WiresMatchGhost", VmPageUnwireMapping::wiresMatchGhost);
        registry.put("WireCountSettled", VmPageUnwireMapping::wireCountSettled);
        registry.put("QueuedWhenUnwired", this::queuedWhenUnwired);
        registry.put("NoAssertionFailure", VmPageUnwireMapping::noAssertionFailure);
        registry.put("NoLockHeldOutsideOp", VmPageUnwireMapping::noLockHeldOutsideOp);
        registry.put("UnreferencedFreed", VmPageUnwireMapping::unreferencedFreed);
        registry.put("WiringOnlyAtHold", VmPageMapping::wiringOnlyAtHold);
        registry.put("BusyExclusive", VmPageMapping::busyExclusive);
        registry.put("BusyOwnerMatchesWord", VmPageMapping::busyOwnerMatchesWord);
        registry.put("WaitersImpliesBusy", VmPageMapping::waitersImpliesBusy);
    }

    @Override public List<Invariant> invariants() { return invariants; }

    /** NoLostBusyWakeup: t asleep on busy while nobody owns the page eventually wakes. */
    @Override
    public List<Liveness> liveness() {
        List<Liveness> out = new ArrayList<>();
        for (String n : checkedLiveness) out.add(new Liveness(n, VmPageMapping::sleepersWhileUnowned));
        return out;
    }

    @Override
    public String actionName(Step s) {
        if (s.kind() != Kind.THREAD) return null;
        Map<String, Value> a = map(s.before()), b = map(s.after());
        if (a.equals(b)) return null;
        Local l = local(s.before(), s.thread());
        return specAction(prog.roles[s.thread()], l, s.op());
    }

    /** The VmPageUnwire.tla action (TLC's name) a step of a thread standing at {@code l.pc()} takes. */
    String specAction(VmPageUnwireProgram.Role role, Local l, Op op) {
        String pc = l.pc();
        switch (pc) {
            case "idle":
                return switch (role) {
                    case Faulter -> "FaWire"; case Daemon -> "DmScan"; case Terminator -> "TmDrop";
                    case StrayUnwirer -> page.managed() ? "UwLd" : "UnqDrop";
                    case StrayFreer -> "FpFree";
                    case ForeignUnbusier -> "SuLd";
                    case Busier, OrphanBusier -> op != null && op.name().equals(VmPageUnwireProgram.BUSY_SU) ? "BsLd" : "BxTry";
                    case Holder -> "Step";
                    case StrayBusier -> switch (op == null ? "" : op.name()) {
                        case VmPageUnwireProgram.STRAY_DG -> "DgLd"; case VmPageUnwireProgram.STRAY_UP -> "UpLd";
                        case VmPageUnwireProgram.STRAY_SU -> "SuLd"; default -> "XuCas"; }; };
            case "hold": return page.managed() ? "UwLd" : "UnqDrop";
            case "uw_cas":
                return page.variant() == VmPageUnwire.Variant.UNWIRE_UNLOCK_BEFORE_CAS && VmPageUnwire.wires(l.old()) == 1
                        ? "UwMvqUnlock" : "UwCas";
            case "uw_casl", "uw_casu": return "UwCas";
            case "uw_sub": return "UwSub";
            case "unq_sub": return "UnqSub";
            case "unq_test": return "UnqTest";
            case "fa_add": return "FaAdd";
            case "uw_free", "tm_free": return "FpFree";
            case "x_try", "xd_try": return "BxTry";
            case "su_try": return "BsLd";
            case "su_cas": return "BsCas";
            case "xd_dg": return "DgLd";
            case "xd_dgcas": return "DgCas";
            case "su_up": return "UpLd";
            case "su_upcas": return "UpCas";
            default: break;
        }
        String[][] suffixes = {{"_sq", "BsSq"}, {"_chk", "BsChk"}, {"_xus", "XuStore"}, {"_xuw", "Wake"},
                {"_xu", "XuCas"}, {"_sucas", "SuCas"}, {"_suw", "Wake"}, {"_su", "SuLd"}, {"_dgw", "Wake"}};
        for (String[] x : suffixes) if (pc.endsWith(x[0])) return x[1];
        return "Step";
    }
}
