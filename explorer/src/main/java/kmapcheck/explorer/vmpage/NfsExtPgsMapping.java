package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.View;
import kmapcheck.trace.Value;
import kmapcheck.vmpage.nfs.NfsWritePath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static kmapcheck.explorer.vmpage.NfsExtPgsProgram.NAMES;
import static kmapcheck.explorer.vmpage.NfsExtPgsProgram.OLD;
import static kmapcheck.explorer.vmpage.NfsExtPgsProgram.PHASE;
import static kmapcheck.explorer.Vals.bool;
import static kmapcheck.explorer.Vals.items;
import static kmapcheck.explorer.Vals.num;

/**
 * Implementation state -> exactly the variables of spec/vmpage/NfsExtPgs.tla: pages are the MC modules'
 * model values pg1.., threads the spec's strings "nfsiod", "sock", "drv", "vm" (so pc/old/todo are
 * functions with a string domain: records, as TLC prints them), "O"/"None" and "vm"/"None" strings.
 *
 * <p>Shared variables come from the machine words: ref_count, m->object and the allocator state per
 * page, paging_in_progress (iobusy), the three mbuf references (holders: the RPC layer's rq_mreq,
 * so_snd's sb_mb, the driver's TX slot), ext_count, the RPC state, TCP's sent/acked, the object lock
 * word, and the ghost words. pc, old and todo of a thread inside an op come from re-running the op on
 * its replay log ({@link NfsProbeCtx}); an idle thread is "idle" ("n_wait" / "done" for the nfsiod by
 * its phase) with todo {} and its last old (the spec keeps it).
 */
public final class NfsExtPgsMapping implements SpecMapping {
    static final List<String> VARS = List.of("rc", "obj", "pstate", "iobusy", "holders", "extcnt", "rpc", "sent",
            "acked", "olock", "pc", "old", "todo", "bufw", "extw", "frees", "uflow");
    static final long WC = 1073741824L;

    private final NfsExtPgsProgram prog;
    private final NfsWritePath nfs;
    private final List<Invariant> invariants;
    private final boolean noLeak, writeCompletes;

    /**
     * @param invariants the model cfg's INVARIANT names, in order
     * @param properties its PROPERTY names (NoLeak and WriteCompletes have Java checks)
     */
    NfsExtPgsMapping(NfsExtPgsProgram prog, List<String> invariants, List<String> properties) {
        this.prog = prog;
        this.nfs = prog.nfs;
        this.invariants = Invariant.selected(invariants, INVARIANTS, this::typeOk);
        List<String> live = CheckedProperties.of(properties, List.of("NoLeak", "WriteCompletes"), List.of()).liveness();
        this.noLeak = live.contains("NoLeak");
        this.writeCompletes = live.contains("WriteCompletes");
    }

    static Value page(int p) { return Value.mv("pg" + (p + 1)); }

    static Value rcRec(long w) {
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("wires", Value.of(NfsWritePath.wires(w)));
        f.put("objref", Value.of(NfsWritePath.objref(w)));
        f.put("blocked", Value.of(NfsWritePath.blocked(w)));
        return new Value.Rec(f);
    }

    private Value pageSet(long mask) {
        List<Value> s = new ArrayList<>();
        for (int p = 0; p < nfs.pages(); p++) if ((mask & (1L << p)) != 0) s.add(page(p));
        return Value.set(s);
    }

    record Local(String pc, long old, long todo) {}

    Local local(View v, int t) {
        Op op = v.op(t);
        long ph = v.local(t, PHASE);
        String idle = t != NfsExtPgsProgram.NFSIOD ? "idle"
                : ph == NfsExtPgsProgram.WAIT ? "n_wait" : ph == NfsExtPgsProgram.DONE ? "done" : "idle";
        long keptOld = v.local(t, OLD);
        if (op == null) return new Local(idle, keptOld, 0);
        NfsProbeCtx pr = new NfsProbeCtx(t, v.log(t));
        try {
            prog.run(t, op, pr, new long[]{v.local(t, PHASE), keptOld});
        } catch (kmapcheck.explorer.LogReplay.Stop s) {
            // the thread stands here
        }
        return new Local(pr.pc == null ? idle : pr.pc, pr.old >= 0 ? pr.old : keptOld, pr.todo);
    }

    @Override public List<String> vars() { return VARS; }

    @Override
    public Map<String, Value> map(View v) {
        Map<String, Value> s = new LinkedHashMap<>();
        int n = nfs.pages();
        Value.FnBuilder rc = Value.fn(), obj = Value.fn(), pst = Value.fn(), bufw = Value.fn(), extw = Value.fn(),
                frees = Value.fn();
        for (int p = 0; p < n; p++) {
            rc.put(page(p), rcRec(v.word(nfs.refCount[p]) & NfsWritePath.U32));
            obj.put(page(p), Value.str(v.word(nfs.object[p]) != 0 ? "O" : "None"));
            long ps = v.word(nfs.pstate[p]);
            pst.put(page(p), Value.str(ps == NfsWritePath.PG_ALLOC ? "alloc" : ps == NfsWritePath.PG_FREE ? "free" : "reused"));
            bufw.put(page(p), Value.of(v.word(nfs.bufw[p])));
            extw.put(page(p), Value.of(v.word(nfs.extw[p])));
            frees.put(page(p), Value.of(v.word(nfs.frees[p])));
        }
        s.put("rc", rc.build());
        s.put("obj", obj.build());
        s.put("pstate", pst.build());
        s.put("iobusy", Value.of(v.word(nfs.pip) != 0));
        List<Value> h = new ArrayList<>();
        if (v.word(nfs.rpcHold) != 0) h.add(Value.str("rpc"));
        if (v.word(nfs.sbMb) != 0) h.add(Value.str("sb"));
        if (v.word(nfs.txSlot) != 0) h.add(Value.str("tx"));
        s.put("holders", Value.set(h));
        s.put("extcnt", Value.of(v.word(nfs.extCount)));
        long r = v.word(nfs.rpcState);
        s.put("rpc", Value.str(r == NfsWritePath.RPC_NONE ? "none" : r == NfsWritePath.RPC_INFLIGHT ? "inflight"
                : r == NfsWritePath.RPC_REPLIED ? "replied" : "timedout"));
        s.put("sent", Value.of(v.word(nfs.sent) != 0));
        s.put("acked", Value.of(v.word(nfs.acked) != 0));
        s.put("olock", Value.str(v.word(nfs.olock) != 0 ? "vm" : "None"));
        Map<String, Value> pc = new LinkedHashMap<>(), old = new LinkedHashMap<>(), todo = new LinkedHashMap<>();
        for (int t = 0; t < NAMES.length; t++) {
            Local l = local(v, t);
            pc.put(NAMES[t], Value.str(l.pc()));
            old.put(NAMES[t], rcRec(l.old() & NfsWritePath.U32));
            todo.put(NAMES[t], pageSet(l.todo()));
        }
        s.put("pc", new Value.Rec(pc));
        s.put("old", new Value.Rec(old));
        s.put("todo", new Value.Rec(todo));
        s.put("bufw", bufw.build());
        s.put("extw", extw.build());
        s.put("frees", frees.build());
        s.put("uflow", Value.of(v.word(nfs.uflow) != 0));
        return s;
    }

    // ---- the spec's invariants over the mapped variables -------------------------------------------
    private static Map<Value, Value> fn(Map<String, Value> s, String var) { return ((Value.Fn) s.get(var)).map(); }
    private static List<Value> set(Map<String, Value> s, String var) { return items(s.get(var)); }

    /** \A p \in Pages : pstate[p] # "alloc" => holders = {} */
    static boolean noFreeWhileMbufRef(Map<String, Value> s) {
        if (set(s, "holders").isEmpty()) return true;
        for (Value st : fn(s, "pstate").values()) if (!st.equals(Value.str("alloc"))) return false;
        return true;
    }

    static boolean freedOnce(Map<String, Value> s) {
        for (Value f : fn(s, "frees").values()) if (num(f) > 1) return false;
        return true;
    }

    static boolean noUnderflow(Map<String, Value> s) { return !bool(s.get("uflow")) && num(s.get("extcnt")) >= 0; }

    static boolean wiresMatchGhost(Map<String, Value> s) {
        Map<Value, Value> rc = fn(s, "rc"), bw = fn(s, "bufw"), ew = fn(s, "extw");
        for (Value p : rc.keySet())
            if (num(((Value.Rec) rc.get(p)).get("wires")) != num(bw.get(p)) + num(ew.get(p))) return false;
        return true;
    }

    static boolean extRefMatches(Map<String, Value> s) { return num(s.get("extcnt")) == set(s, "holders").size(); }

    /** The spec's ZERO, [wires |-> 0, objref |-> FALSE, blocked |-> FALSE], written out (not through rcRec). */
    static final Value ZERO = new Value.Rec(Map.of("wires", Value.of(0L), "objref", Value.of(false), "blocked", Value.of(false)));

    /** NoFreeWhileReferenced: \A p \in Pages : pstate[p] # "alloc" => rc[p] = ZERO */
    static boolean noFreeWhileReferenced(Map<String, Value> s) {
        Map<Value, Value> rc = fn(s, "rc");
        for (Map.Entry<Value, Value> e : fn(s, "pstate").entrySet())
            if (!e.getValue().equals(Value.str("alloc")) && !rc.get(e.getKey()).equals(ZERO)) return false;
        return true;
    }

    /** NoLockHeldOutsideOp: olock = "vm" => pc["vm"] # "idle" */
    static boolean noLockHeldOutsideOp(Map<String, Value> s) {
        return !s.get("olock").equals(Value.str("vm"))
                || !((Value.Rec) s.get("pc")).get("vm").equals(Value.str("idle"));
    }

    private static boolean rcOk(Value r) {
        long w = num(((Value.Rec) r).get("wires"));
        return w >= 0 && w < WC;
    }

    boolean typeOk(Map<String, Value> s) {
        for (Value r : fn(s, "rc").values()) if (!rcOk(r)) return false;
        for (Value r : ((Value.Rec) s.get("old")).fields().values()) if (!rcOk(r)) return false;
        Set<Value> holders = Set.of(Value.str("rpc"), Value.str("sb"), Value.str("tx"));
        if (!holders.containsAll(set(s, "holders"))) return false;
        Set<Value> pages = new HashSet<>();
        for (int p = 0; p < nfs.pages(); p++) pages.add(page(p));
        for (Value t : ((Value.Rec) s.get("todo")).fields().values())
            if (!pages.containsAll(((Value.SetV) t).items())) return false;
        return true;
    }

    private static final Map<String, Predicate<Map<String, Value>>> INVARIANTS = new LinkedHashMap<>();
    static {
        INVARIANTS.put("NoFreeWhileMbufRef", NfsExtPgsMapping::noFreeWhileMbufRef);
        INVARIANTS.put("FreedOnce", NfsExtPgsMapping::freedOnce);
        INVARIANTS.put("NoUnderflow", NfsExtPgsMapping::noUnderflow);
        INVARIANTS.put("WiresMatchGhost", NfsExtPgsMapping::wiresMatchGhost);
        INVARIANTS.put("ExtRefMatches", NfsExtPgsMapping::extRefMatches);
        INVARIANTS.put("NoFreeWhileReferenced", NfsExtPgsMapping::noFreeWhileReferenced);
        INVARIANTS.put("NoLockHeldOutsideOp", NfsExtPgsMapping::noLockHeldOutsideOp);
    }

    @Override public List<Invariant> invariants() { return invariants; }

    /**
     * NoLeak == \A p : (~rc[p].objref /\ pstate[p] = "alloc") ~> pstate[p] # "alloc", per page. The
     * explorer's liveness properties are per thread: page pg(k+1) is attributed to thread k (at most
     * four pages; the report then names that thread, read it as the page).
     */
    @Override
    public List<Liveness> liveness() {
        List<Liveness> l = new ArrayList<>();
        if (noLeak) l.add(new Liveness("NoLeak", s -> {
            Set<String> w = new HashSet<>();
            Map<Value, Value> rc = fn(s, "rc"), ps = fn(s, "pstate");
            for (int p = 0; p < nfs.pages(); p++) {
                boolean objref = bool(((Value.Rec) rc.get(page(p))).get("objref"));
                if (!objref && ps.get(page(p)).equals(Value.str("alloc"))) w.add(NAMES[p]);
            }
            return w;
        }));
        // WriteCompletes == <>(pc["nfsiod"] = "done"): the nfsiod waits until it is done
        if (writeCompletes) l.add(new Liveness("WriteCompletes", s ->
                ((Value.Rec) s.get("pc")).get("nfsiod").equals(Value.str("done"))
                        ? Set.of() : Set.of(NAMES[NfsExtPgsProgram.NFSIOD])));
        return l;
    }

    @Override
    public String actionName(Step s) {
        if (s.kind() != Kind.THREAD) return null;
        Map<String, Value> a = map(s.before()), b = map(s.after());
        if (a.equals(b)) return null;
        return specAction(local(s.before(), s.thread()).pc(), s.op());
    }

    /** The NfsExtPgs.tla action a step of a thread standing at spec pc {@code pc} takes. */
    static String specAction(String pc, Op op) {
        switch (pc) {
            case "idle", "n_wait":
                return switch (op.name()) {
                    case NfsExtPgsProgram.WRITE -> "NBuild";
                    case NfsExtPgsProgram.REPLY -> "NReply";
                    case NfsExtPgsProgram.TIMEOUT -> "NTimeout";
                    case NfsExtPgsProgram.OUTPUT -> "SOutput";
                    case NfsExtPgsProgram.ACK -> "SAck";
                    case NfsExtPgsProgram.CLOSE -> "SClose";
                    case NfsExtPgsProgram.TXDONE -> "DTxDone";
                    case NfsExtPgsProgram.REMOVE -> "VRemove";
                    case NfsExtPgsProgram.TERMINATE -> "VTerm";
                    case NfsExtPgsProgram.REUSE -> "VReuse";
                    default -> "Step";
                };
            case "n_wire": return "NWire";
            case "n_send": return "NSend";
            case "n_mfree": return "NMfree";
            case "n_bufdone": return "NBufdone";
            case "v_rm_chk": return "VRmChk";
            case "v_fp_ld": return "VFpLd";
            case "v_fp_st": return "VFpSt";
            case "v_fp_fin": return "VFpFin";
            case "v_tm": return "VTmDrop";
            default: break;
        }
        if (pc.endsWith("_ld")) return "UwLd";
        if (pc.endsWith("_cas")) return "UwCas";
        if (pc.endsWith("_free")) return "UwFree";
        return "Step";
    }

}
