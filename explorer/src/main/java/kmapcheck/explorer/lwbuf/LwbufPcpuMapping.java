package kmapcheck.explorer.lwbuf;

import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.View;
import kmapcheck.lwbuf.LwbufPcpu;
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
import static kmapcheck.explorer.Vals.items;
import static kmapcheck.explorer.lwbuf.LwbufPcpuProgram.*;

/**
 * Implementation state -> variables of spec/lwbuf/LwbufPcpu.tla, and its invariants. KVA index k
 * is the spec's k + 1; handler thread h&lt;c&gt; is the spec's agent c.
 *
 * <p>Refinement points: lwbuf_alloc's first transition takes the lwbuf and stores the PTE (Alloc);
 * the lwbuf it took is read from the replay log ([curcpu, lock, load of the list, ...] and, when the
 * list was empty, [.., lock, load of kernel_map, ...]). lwbuf_free's and lwbuf_free_remote's first
 * transition is Free / IpiqProcess; their further transitions are kmem_free's steps.
 */
public final class LwbufPcpuMapping implements SpecMapping {
    static final Value NO_PAGE = Value.mv("NoPage"), NO_KVA = Value.mv("NoKva"), NO_CPU = Value.mv("NoCpu");
    private static final List<String> VARS = List.of("kfree", "home", "fpages", "ipiq", "lm", "mask", "pte", "tlb", "sdipi",
            "tcpu", "pc", "kv", "want", "synced", "seen");
    static final List<String> PCS = List.of("idle", "holding", "kmem", "al_invlpg", "kv_invlpg", "kv_or",
            "kf_clear", "kf_invlpg", "kf_ipi", "kf_wait", "kf_release");

    static final Map<String, java.util.function.Predicate<Map<String, Value>>> INVARIANTS = Map.of(
            "LW1", LwbufPcpuMapping::lw1,
            "NoStaleAccess", LwbufMapping::noStaleAccess,          // the same text over seen/want
            "FreedKvaNotCached", LwbufPcpuMapping::freedKvaNotCached,
            "HomeListsOnly", LwbufPcpuMapping::homeListsOnly,
            "KvaAccounted", LwbufPcpuMapping::kvaAccounted,
            "KmemMapped", LwbufPcpuMapping::kmemMapped);

    /** The action properties with a Java check (PROPERTY lines of the models). */
    static final List<String> ACTIONS = List.of("SurplusOnly");

    private final LwbufPcpu sys;
    private final LwbufPcpuProgram program;
    private final int pages;
    /** LWBUF_BOOT_PAGES (the model's Reserve), from the scenario's constants, not from the mutable kernel class. */
    private final int reserve;
    private final List<Invariant> invariants;
    private final boolean surplusOnly;
    /** pc after each kmem_free transition (the first is Free / IpiqProcess). */
    private final List<String> kmemFreePcs;

    /**
     * @param checked    the invariants the model's cfg lists, in its order
     * @param properties the cfg's PROPERTY names: the action property SurplusOnly
     */
    LwbufPcpuMapping(LwbufPcpu sys, LwbufPcpuProgram program, int pages, int reserve, List<String> checked, List<String> properties) {
        this.sys = sys;
        this.program = program;
        this.pages = pages;
        this.reserve = reserve;
        this.invariants = Invariant.selected(checked, INVARIANTS, this::typeOk);
        this.surplusOnly = CheckedProperties.of(properties, List.of(), ACTIONS).actions().contains("SurplusOnly");
        boolean shootdown = sys.variant() == LwbufPcpu.Variant.SHIPPED && program.layout().cpus() > 1;
        this.kmemFreePcs = shootdown ? List.of("kf_clear", "kf_invlpg", "kf_ipi", "kf_wait", "kf_release")
                : List.of("kf_clear", "kf_invlpg", "kf_release");
    }

    static Value page(long p) { return p == 0 ? NO_PAGE : Value.numbered("p", p); }
    static Value kva(int k) { return Value.of(k + 1); }
    static Value cpu(int c) { return Value.numbered("c", c); }

    @Override public List<String> vars() { return VARS; }

    private static boolean inOp(View v, int t, String op) { return v.op(t) != null && v.op(t).name().equals(op); }

    /** The lwbuf lwbuf_alloc took in its first transition (from the replay log). */
    static int allocated(View v, int t) {
        long[] log = v.log(t);
        long list = log[2];
        return list != 0 ? (int) (list & 0xF) - 1 : Long.numberOfTrailingZeros(log[4]);
    }

    /** Agent name: t1.. for clients, the CPU for a handler. */
    private Value agent(int t) { return program.isHandler(t) ? cpu(program.handlerCpu(t)) : Value.mv(program.threadName(t)); }

    String pc(View v, int t) {
        int steps = v.stepsInOp(t);
        if (v.op(t) != null && steps > 0) {
            switch (v.op(t).name()) {
                case ALLOC: return "al_invlpg";
                case KVA: return steps == 1 ? "kv_invlpg" : "kv_or";
                case FREE: case FREE_REMOTE: return kmemFreePcs.get(steps - 1);
                default: throw new IllegalStateException("op " + v.op(t) + " in progress after " + steps + " steps");
            }
        }
        if (program.isHandler(t)) return "idle";
        return switch ((int) v.local(t, KIND)) { case 1 -> "holding"; case 2 -> "kmem"; default -> "idle"; };
    }

    /** The KVA agent t works on or holds, -1 none. */
    private int kvOf(View v, int t) {
        boolean started = v.op(t) != null && v.stepsInOp(t) > 0;
        if (program.isHandler(t)) return started ? (int) v.op(t).arg(0) : -1;
        if (started && inOp(v, t, ALLOC)) return allocated(v, t);
        return (int) v.local(t, OBJ);
    }

    @Override
    public Map<String, Value> map(View v) {
        int cpus = v.layout().cpus(), n = sys.kvas();
        List<Value> kfree = new ArrayList<>();
        List<Value> home = new ArrayList<>(), lm = new ArrayList<>(), mask = new ArrayList<>(), pte = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if ((v.word(sys.kernelMap()) & (1L << k)) != 0) kfree.add(kva(k));
            long gd = v.word(sys.gd(k));
            home.add(gd == 0 ? NO_CPU : cpu((int) gd - 1));
            lm.add(page(v.word(sys.m(k))));
            List<Value> m = new ArrayList<>();
            for (int c = 0; c < cpus; c++) if ((v.word(sys.cpumask(k)) & (1L << c)) != 0) m.add(cpu(c));
            mask.add(Value.set(m));
            long p = v.pte(sys.kva(k));
            pte.add(Pte.valid(p) ? page(Pte.page(p)) : NO_PAGE);
        }
        Value.FnBuilder fpages = Value.fn(), ipiq = Value.fn(), sdipi = Value.fn();
        for (int c = 0; c < cpus; c++) {
            List<Value> list = new ArrayList<>();
            for (int k : LwbufPcpu.list(v.word(sys.fpages(c)))) list.add(kva(k));
            fpages.put(cpu(c), Value.seq(list));
            List<Value> q = new ArrayList<>();
            for (int k : LwbufPcpu.pending(v.word(sys.ipiq(c)))) q.add(kva(k));
            ipiq.put(cpu(c), Value.set(q));
            List<Value> sd = new ArrayList<>();
            for (int k = 0; k < n; k++) if ((v.ipiPending(c) & (1L << sys.kva(k).index())) != 0) sd.add(kva(k));
            sdipi.put(cpu(c), Value.set(sd));
        }
        Value.FnBuilder tlb = Value.fn();
        for (int c = 0; c < cpus; c++) {
            List<Value> row = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                long e = v.tlb(sys.kva(k), c);
                row.add(Pte.valid(e) ? page(Pte.page(e)) : NO_PAGE);
            }
            tlb.put(cpu(c), Value.seq(row));
        }
        Value.FnBuilder tcpu = Value.fn(), pc = Value.fn(), kv = Value.fn(), want = Value.fn(), synced = Value.fn(), seen = Value.fn();
        for (int t = 0; t < v.threads(); t++) {
            Value a = agent(t);
            String p = pc(v, t);
            int k = kvOf(v, t);
            pc.put(a, Value.str(p));
            kv.put(a, k >= 0 ? kva(k) : NO_KVA);
            if (program.isHandler(t)) continue;
            tcpu.put(a, cpu(v.cpu(t)));
            boolean allocating = inOp(v, t, ALLOC) && v.stepsInOp(t) > 0;
            boolean freeing = inOp(v, t, FREE) && v.stepsInOp(t) > 0;      // Free has reset the ghosts
            want.put(a, allocating ? page(v.op(t).arg(0)) : freeing ? NO_PAGE : page(v.local(t, WANT)));
            synced.put(a, Value.of(!allocating && !freeing && v.local(t, KIND) == 1 && v.local(t, VA) >= 0));
            seen.put(a, allocating || freeing ? NO_PAGE : page(v.local(t, SEEN)));
        }
        Map<String, Value> s = new LinkedHashMap<>();
        s.put("kfree", Value.set(kfree));
        s.put("home", Value.seq(home));
        s.put("fpages", fpages.build());
        s.put("ipiq", ipiq.build());
        s.put("lm", Value.seq(lm));
        s.put("mask", Value.seq(mask));
        s.put("pte", Value.seq(pte));
        s.put("tlb", tlb.build());
        s.put("sdipi", sdipi.build());
        s.put("tcpu", tcpu.build());
        s.put("pc", pc.build());
        s.put("kv", kv.build());
        s.put("want", want.build());
        s.put("synced", synced.build());
        s.put("seen", seen.build());
        return s;
    }

    // ---- the spec's invariants (spec/lwbuf/LwbufPcpu.tla) over the mapped variables -------------

    /** f[k] for a KVA-indexed function (a sequence: the domain is 1..NKva). */
    static Value atKva(Value f, Value k) { return items(f).get((int) ((Value.Int) k).v() - 1); }

    /** The KVA pages 1..NKva. */
    static List<Value> kvaDomain(Map<String, Value> s) {
        List<Value> out = new ArrayList<>();
        for (int k = 0; k < items(s.get("home")).size(); k++) out.add(kva(k));
        return out;
    }

    /** LW1: a CPU in an lwbuf's mask caches no translation of its KVA but the PTE's. */
    static boolean lw1(Map<String, Value> s) {
        for (Value k : kvaDomain(s))
            for (Value c : items(atKva(s.get("mask"), k))) {
                Value e = atKva(at(s.get("tlb"), c), k);
                if (!e.equals(NO_PAGE) && !e.equals(atKva(s.get("pte"), k))) return false;
            }
        return true;
    }

    /** FreedKvaNotCached: a KVA back in kernel_map is in no TLB. */
    static boolean freedKvaNotCached(Map<String, Value> s) {
        for (Value k : items(s.get("kfree")))
            for (Value c : domain(s, "tlb")) if (!atKva(at(s.get("tlb"), c), k).equals(NO_PAGE)) return false;
        return true;
    }

    /** KmemMapped: a kmem_alloc user's KVA translates to the page it asked for. */
    static boolean kmemMapped(Map<String, Value> s) {
        Value kmem = Value.str("kmem");
        for (Value t : domain(s, "want"))
            if (at(s.get("pc"), t).equals(kmem) && !atKva(s.get("pte"), at(s.get("kv"), t)).equals(at(s.get("want"), t))) return false;
        return true;
    }

    /** HomeListsOnly: a CPU's free list and passive-IPI queue hold only lwbufs whose home it is. */
    static boolean homeListsOnly(Map<String, Value> s) {
        for (Value c : domain(s, "fpages")) {
            for (Value k : items(at(s.get("fpages"), c))) if (!atKva(s.get("home"), k).equals(c)) return false;
            for (Value k : items(at(s.get("ipiq"), c))) if (!atKva(s.get("home"), k).equals(c)) return false;
        }
        return true;
    }

    /** KvaAccounted: every KVA page is in exactly one place; a free one is no lwbuf's. */
    static boolean kvaAccounted(Map<String, Value> s) {
        for (Value k : kvaDomain(s)) {
            int places = in(k, s.get("kfree")) ? 1 : 0;
            for (Value a : domain(s, "kv")) if (at(s.get("kv"), a).equals(k)) places++;
            for (Value c : domain(s, "ipiq")) if (in(k, at(s.get("ipiq"), c))) places++;
            for (Value c : domain(s, "fpages")) for (Value x : items(at(s.get("fpages"), c))) if (x.equals(k)) places++;
            if (places != 1) return false;
            if (in(k, s.get("kfree")) && !atKva(s.get("home"), k).equals(NO_CPU)) return false;
        }
        return true;
    }

    /** TypeOK (the parts a mapping can get wrong): pages and pcs in their sets. */
    boolean typeOk(Map<String, Value> s) {
        for (String var : List.of("lm", "pte")) for (Value p : items(s.get(var))) if (!isPage(p)) return false;
        for (String var : List.of("want", "seen")) for (Value p : fn(s, var).map().values()) if (!isPage(p)) return false;
        for (Value row : fn(s, "tlb").map().values()) for (Value p : items(row)) if (!isPage(p)) return false;
        for (Value pc : fn(s, "pc").map().values()) if (!PCS.contains(((Value.Str) pc).v())) return false;
        return true;
    }

    private boolean isPage(Value p) { return LwbufMapping.isPage(p, pages); }

    @Override public List<Invariant> invariants() { return invariants; }

    /** SurplusOnly, the spec's action property [][SurplusStep]_vars; checked when the model's cfg lists it. */
    @Override
    public List<ActionProperty> actionProperties() {
        return surplusOnly ? List.of(new ActionProperty("SurplusOnly", (a, b) -> surplusStep(a, b, reserve))) : List.of();
    }

    /**
     * SurplusStep: an agent whose pc enters kf_clear (lwbuf_free deciding to kmem_free the KVA) does so
     * only when its CPU's free list held more than Reserve lwbufs before the step. The agent's CPU
     * (CpuOf): a handler agent is its CPU, a thread runs on tcpu.
     */
    static boolean surplusStep(Map<String, Value> a, Map<String, Value> b, int reserve) {
        Value.Fn pc = fn(a, "pc"), pc2 = fn(b, "pc"), tcpu = fn(a, "tcpu");
        Value enter = Value.str("kf_clear");
        for (Map.Entry<Value, Value> e : pc2.map().entrySet()) {
            if (!e.getValue().equals(enter) || pc.get(e.getKey()).equals(enter)) continue;
            Value c = tcpu.map().containsKey(e.getKey()) ? tcpu.get(e.getKey()) : e.getKey();
            if (items(at(a.get("fpages"), c)).size() <= reserve) return false;
        }
        return true;
    }

    @Override
    public String actionName(Step s) {
        if (s.kind() != Kind.THREAD) return LwbufMapping.environmentAction(s);
        String before = pc(s.before(), s.thread());
        switch (s.op().name()) {
            case ALLOC: return s.stepInOp() == 0 ? "Alloc" : "AllocInvlpgOr";
            case KMEM_ALLOC: return s.after().local(s.thread(), KIND) == 2 ? "KmemAlloc" : "KmemAllocFail";
            case ACCESS: return "Access";
            case KVA: return s.stepInOp() == 0 ? "Kva" : s.stepInOp() == 1 ? "KvaInvlpg" : "KvaOr";
            case FREE: case FREE_REMOTE:
                if (s.stepInOp() == 0) return s.op().name().equals(FREE) ? "Free" : "IpiqProcess";
                return switch (before) {
                    case "kf_clear" -> "KfClear"; case "kf_invlpg" -> "KfInvlpg"; case "kf_ipi" -> "KfIpi";
                    case "kf_wait" -> "KfWait"; default -> "KfRelease"; };
            default: return null;
        }
    }
}
