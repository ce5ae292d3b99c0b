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
 * <p>Refinement points: a thread between transitions is idle (the client's pc: idle, wired,
 * unwire), asleep in msleep (Java SLEEPING = spec sleepq) or woken (Java WOKEN = spec woken), or
 * inside an operation (Java RUNNING): in sf_buf_lock's critical section before a hardware-visible
 * primitive, or between sf_buf_mext's sf_buf_page and sf_buf_free. Its spec pc and the locals the
 * spec carries there (cur, opte, pend, tgt) are read by re-running the operation on its replay log
 * ({@link SfProbeCtx}): the sf_buf code announces them ({@code SfBufProbe}). A thread whose
 * sf_buf_free is past ref_count-- (rev 1.219's free_inval) no longer holds its reference, as in the
 * spec's Free. Ghosts (holds, asked, privcpu, seen) and the client pc are the client's locals.
 */
public final class SfBufMapping implements SpecMapping {
    static final Value NONE = Value.mv("None");
    static final List<String> VARS = List.of("bm", "ref", "freeq", "want", "used", "peak", "sleepq", "woken", "sigpend",
            "lock", "pc", "req", "fl", "cur", "opte", "pend", "tgt", "holds", "cpu", "pinned", "pte", "pteA", "tlb", "mask",
            "ipi", "wire", "asked", "privcpu", "seen");
    /** sf_buf_alloc's critical-section pcs (the spec's AllocPcs). */
    static final Set<String> ALLOC_PCS = Set.of("map_store", "map_load", "up_inval", "sd_local", "sd_ipi", "sd_wait");
    static final Value NO_PTE = opteRec(0);
    /** The spec's ClientPcs \cup CSPcs. */
    static final Set<String> PCS = Set.of("idle", "msleep", "wired", "unwire", "mext", "map_store", "map_load", "up_inval",
            "sd_local", "sd_ipi", "sd_wait", "free_inval");

    private final SfBufCache sys;
    private final SfBufProgram program;
    private final int cpus;
    private final kmapcheck.machine.Word lockWord;
    private final List<Invariant> invariants;
    private final List<String> live;
    private final boolean sf11;

    /** Liveness properties with a Java check (PROPERTY lines of the models). */
    static final List<String> LIVENESS = List.of("NoLostWakeup", "AllocProgress", "NoLostWakeupLazy");

    /**
     * @param checked    the invariants the model's cfg lists, in its order
     * @param properties the cfg's PROPERTY names: liveness ({@link #LIVENESS}) and the action property SF11
     */
    SfBufMapping(SfBufCache sys, SfBufProgram program, int cpus, List<String> checked, List<String> properties) {
        this.sys = sys;
        this.program = program;
        this.cpus = cpus;
        this.lockWord = new kmapcheck.machine.Word(sys.lock().addr(), sys.lock().name(), null);
        for (int b = 0; b < sys.nbufs(); b++)
            if (sys.buf(b).kva.index() != b) throw new IllegalStateException("sf_buf " + b + " has KVA index " + sys.buf(b).kva.index());
        Map<String, java.util.function.Predicate<Map<String, Value>>> registry = new LinkedHashMap<>();
        registry.put("SF1", SfBufMapping::sf1);
        registry.put("SF2", SfBufMapping::sf2);
        registry.put("SF3", SfBufMapping::sf3);
        registry.put("SF3Lazy", SfBufMapping::sf3Lazy);
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
        registry.put("WakeupNotLost", SfBufMapping::wakeupNotLost);
        registry.put("SignalOnlyCatching", this::signalOnlyCatching);
        registry.put("IdleUnmapped", this::idleUnmapped);
        this.invariants = Invariant.selected(checked, registry, this::typeOk);
        CheckedProperties checks = CheckedProperties.of(properties, LIVENESS, List.of("SF11"));
        this.live = checks.liveness();
        this.sf11 = checks.actions().contains("SF11");
    }

    static Value thread(int t) { return Value.numbered("t", t + 1); }
    static Value buf(int b) { return Value.numbered("b", b + 1); }
    static Value cpu(int c) { return Value.numbered("c", c + 1); }
    static Value page(long p) { return p == 0 ? NONE : Value.numbered("p", p); }
    static Value flags(long f) {
        List<Value> s = new ArrayList<>();
        if ((f & SfBufCache.SFB_CATCH) != 0) s.add(Value.str("CATCH"));
        if ((f & SfBufCache.SFB_NOWAIT) != 0) s.add(Value.str("NOWAIT"));
        if ((f & SfBufCache.SFB_CPUPRIVATE) != 0) s.add(Value.str("PRIV"));
        if ((f & SfBufCache.SFBA_QUICK) != 0) s.add(Value.str("QUICK"));
        return Value.set(s);
    }

    /** The spec's [pg |-> ..., a |-> ...] of a PTE word (NoPte for an invalid one). */
    static Value opteRec(long pte) {
        Map<String, Value> r = new LinkedHashMap<>();
        r.put("pg", Pte.valid(pte) ? page(Pte.page(pte)) : NONE);
        r.put("a", Value.of(Pte.valid(pte) && Pte.accessed(pte)));
        return new Value.Rec(r);
    }

    private Value cpuSet(long bits) {
        List<Value> m = new ArrayList<>();
        for (int c = 0; c < cpus; c++) if ((bits & (1L << c)) != 0) m.add(cpu(c));
        return Value.set(m);
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

    /**
     * Thread t's spec pc and critical-section locals; {@code locals}: its client locals as the spec
     * sees them (a copy, with a reference already given up by sf_buf_free).
     */
    record Local(String pc, int cur, long opte, boolean pend, long tgt, long req, long flags, long[] locals, boolean aborted) {
        Local(String pc, int cur, long opte, boolean pend, long tgt, long req, long flags, long[] locals) {
            this(pc, cur, opte, pend, tgt, req, flags, locals, false);
        }
    }

    /** The client state before the thread's current operation (or between operations). */
    private static Local client(long[] l, boolean aborted) {
        long cpc = l[CPC];
        String pc = cpc == PC_WIRED ? "wired" : cpc == PC_UNWIRE ? "unwire" : "idle";
        return new Local(pc, -1, 0, false, 0, cpc != PC_IDLE ? l[REQ] : 0, 0, l, aborted);
    }

    Local local(View v, int t) {
        long[] l = new long[program.initialLocals(t).length];
        for (int i = 0; i < l.length; i++) l[i] = v.local(t, i);
        ThreadState.Status st = v.status(t);
        if (st == ThreadState.Status.SLEEPING || st == ThreadState.Status.WOKEN)
            return new Local("msleep", -1, 0, false, 0, v.op(t).arg(0), v.op(t).arg(1), l);
        if (st == ThreadState.Status.IDLE) return client(l, false);
        Op op = v.op(t);
        SfProbeCtx pr = new SfProbeCtx(t, v.log(t));
        try {
            program.run(t, op, pr, l.clone());
            throw new IllegalStateException("thread " + (t + 1) + " in " + op + ": its replay log covers the whole operation");
        } catch (kmapcheck.explorer.LogReplay.Stop stop) {
            // the thread stands here
        }
        // The first transition of the operation panicked (a KASSERT in its software section, e.g.
        // sf_buf_free of an unreferenced buffer past HitKeepsOnFreeList's SF3 violation): the state
        // it leaves is a dead end whose words are those before the operation but for sf_buf_lock,
        // taken by the aborted transition. As in the spec (which excludes these states by its
        // constraint), the operation has not happened: the thread is still at its client pc.
        if (!pr.started) return client(l, true);
        if (pr.pc == null) throw new IllegalStateException("thread " + (t + 1) + " in " + op + " stopped at an unannounced point");
        switch (op.name()) {
            case ALLOC:
                return new Local(pr.pc, pr.cur, pr.opte, pr.pend, pr.tgt, op.arg(0), op.arg(1), l);
            case FREE:
                if (pr.pc.equals("mext")) return new Local("mext", pr.cur, 0, false, 0, pr.page, 0, l);
                program.released(l, (int) op.arg(0), 0);          // rev 1.219 free_inval: the reference is gone
                return new Local(pr.pc, pr.cur, 0, false, 0, 0, 0, l);
            default:
                throw new IllegalStateException("thread " + (t + 1) + " stands inside " + op);
        }
    }

    /**
     * The spec has no chain order (its AllocHit takes any sf_buf mapping the page), so the mapping
     * forgets the hash chains; it checks that they agree with sf->m (spec SF2: the chain of page p
     * holds exactly the sf_bufs whose m is p, each once). Every step ends with both or neither
     * updated (both are written before the critical section's first hardware primitive).
     */
    private void checkChains(View v) {
        for (int p = 1; p <= sys.pages(); p++) {
            List<Integer> chain = SfBufCache.freeList(v.word(sys.chainWord(p)));
            List<Integer> mapping = new ArrayList<>();
            for (int b = 0; b < sys.nbufs(); b++) if (v.word(sys.buf(b).m) == p) mapping.add(b);
            if (chain.size() != mapping.size() || !new java.util.HashSet<>(chain).equals(new java.util.HashSet<>(mapping)))
                throw new IllegalStateException("sf_buf hash chain of page " + p + " " + chain
                        + " disagrees with the sf_bufs mapping it " + mapping);
        }
    }

    @Override
    public Map<String, Value> map(View v) {
        int nb = sys.nbufs(), nt = v.threads();
        boolean masks = sys.config().smp() || sys.config().dfly2004();   // S8's cpumask code is not #ifdef SMP
        Value.FnBuilder bm = Value.fn(), ref = Value.fn(), pte = Value.fn(), pteA = Value.fn(), mask = Value.fn();
        for (int b = 0; b < nb; b++) {
            SfBuf sf = sys.buf(b);
            bm.put(buf(b), page(v.word(sf.m)));
            ref.put(buf(b), Value.of(v.word(sf.refCount)));
            long p = v.pte(sf.kva);
            pte.put(buf(b), Pte.valid(p) ? page(Pte.page(p)) : NONE);
            pteA.put(buf(b), Value.of(Pte.accessed(p)));
            mask.put(buf(b), masks ? cpuSet(v.word(sf.cpumask)) : Value.set(List.of()));
        }
        checkChains(v);
        List<kmapcheck.machine.Kva> kvas = new ArrayList<>();
        for (int b = 0; b < nb; b++) kvas.add(sys.buf(b).kva);
        Value tlb = kmapcheck.explorer.Vals.tlbTable(v, kvas, SfBufMapping::buf, SfBufMapping::cpu, SfBufMapping::page, NONE);
        Value.FnBuilder ipi = Value.fn();
        for (int c = 0; c < cpus; c++) {
            long bits = v.ipiPending(c);
            List<Value> pending = new ArrayList<>();
            for (int b = 0; b < nb; b++) if ((bits & (1L << b)) != 0) pending.add(buf(b));
            ipi.put(cpu(c), Value.set(pending));
        }
        List<Value> sleepq = new ArrayList<>(), woken = new ArrayList<>();
        Value.FnBuilder sig = Value.fn(), pc = Value.fn(), req = Value.fn(), fl = Value.fn(), cur = Value.fn(), opte = Value.fn(),
                pend = Value.fn(), tgt = Value.fn(), holds = Value.fn(), cpu = Value.fn(), pinned = Value.fn(), asked = Value.fn(),
                privcpu = Value.fn(), seen = Value.fn();
        long aborted = 0;
        for (int t = 0; t < nt; t++) {
            Value tv = thread(t);
            Local x = local(v, t);
            if (x.aborted()) aborted |= 1L << t;
            if (v.status(t) == ThreadState.Status.SLEEPING) sleepq.add(tv);
            if (v.status(t) == ThreadState.Status.WOKEN) woken.add(tv);
            sig.put(tv, Value.of(sigpend(v, t)));
            pc.put(tv, Value.str(x.pc()));
            req.put(tv, page(x.req()));
            fl.put(tv, flags(x.flags()));
            cur.put(tv, x.cur() < 0 ? NONE : buf(x.cur()));
            opte.put(tv, opteRec(x.opte()));
            pend.put(tv, Value.of(x.pend()));
            tgt.put(tv, cpuSet(x.tgt()));
            cpu.put(tv, cpu(v.cpu(t)));
            pinned.put(tv, Value.of(v.pinned(t)));
            long[] l = x.locals();
            Value.FnBuilder h = Value.fn(), a = Value.fn(), pr = Value.fn(), se = Value.fn();
            for (int b = 0; b < nb; b++) {
                h.put(buf(b), Value.of(l[at(b, HOLDS)]));
                a.put(buf(b), page(l[at(b, ASKED)]));
                long pcpu = l[at(b, PRIV)];
                pr.put(buf(b), pcpu == 0 ? NONE : cpu((int) pcpu - 1));
                long s = l[at(b, SEEN)];
                se.put(buf(b), s == SEEN_FAULT ? Value.str("fault") : page(s));
            }
            holds.put(tv, h.build());
            asked.put(tv, a.build());
            privcpu.put(tv, pr.build());
            seen.put(tv, se.build());
        }
        Value.FnBuilder wire = Value.fn();
        for (int p = 1; p <= sys.pages(); p++) wire.put(page(p), Value.of(v.word(sys.wireWord(p))));
        long holder = v.word(lockWord);
        if (holder != 0 && (aborted & (1L << (holder - 1))) != 0) holder = 0;   // taken by the aborted transition
        Map<String, Value> s = new LinkedHashMap<>(64);
        s.put("bm", bm.build());
        s.put("ref", ref.build());
        s.put("freeq", freeq(v));
        s.put("want", Value.of(v.word(sys.wantWord())));
        s.put("used", Value.of(v.word(sys.usedWord())));
        s.put("peak", Value.of(v.word(sys.peakWord())));
        s.put("sleepq", Value.set(sleepq));
        s.put("woken", Value.set(woken));
        s.put("sigpend", sig.build());
        s.put("lock", holder == 0 ? NONE : thread((int) holder - 1));
        s.put("pc", pc.build());
        s.put("req", req.build());
        s.put("fl", fl.build());
        s.put("cur", cur.build());
        s.put("opte", opte.build());
        s.put("pend", pend.build());
        s.put("tgt", tgt.build());
        s.put("holds", holds.build());
        s.put("cpu", cpu.build());
        s.put("pinned", pinned.build());
        s.put("pte", pte.build());
        s.put("pteA", pteA.build());
        s.put("tlb", tlb);
        s.put("mask", mask.build());
        s.put("ipi", ipi.build());
        s.put("wire", wire.build());
        s.put("asked", asked.build());
        s.put("privcpu", privcpu.build());
        s.put("seen", seen.build());
        return s;
    }

    // ---- the spec's invariants over the mapped variables -----------------------------------------

    private static Value.Fn f(Map<String, Value> s, String var) { return (Value.Fn) s.get(var); }
    private static Value get(Value fn, Value k) { return ((Value.Fn) fn).get(k); }
    private static List<Value> dom(Map<String, Value> s, String var) { return f(s, var).keys(); }

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
        for (Value pc : f(s, "pc").map().values()) if (!PCS.contains(((Value.Str) pc).v())) return false;
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

    private static String pcOf(Map<String, Value> s, Value t) { return ((Value.Str) get(s.get("pc"), t)).v(); }

    /** Remapping(b): some thread's remap of b has its PTE store still to come. */
    static boolean remapping(Map<String, Value> s, Value b) {
        for (Value t : dom(s, "cur")) if (get(s.get("cur"), t).equals(b) && bool(get(s.get("pend"), t))) return true;
        return false;
    }

    /** Owed(b): the CPUs the lock holder's SHOOTDOWN of b still owes an invalidation. */
    static Set<Value> owed(Map<String, Value> s, Value b) {
        Set<Value> out = new LinkedHashSet<>();
        for (Value t : dom(s, "cur")) {
            if (!get(s.get("cur"), t).equals(b)) continue;
            switch (pcOf(s, t)) {
                case "sd_local" -> out.add(get(s.get("cpu"), t));
                case "sd_ipi" -> out.addAll(items(get(s.get("tgt"), t)));
                case "sd_wait" -> { for (Value c : items(get(s.get("tgt"), t))) if (items(get(s.get("ipi"), c)).contains(b)) out.add(c); }
                default -> { }
            }
        }
        return out;
    }

    /** Deciding(b): the lock holder stored b's new PTE and has not yet applied the PG_A rule (map_load). */
    static boolean deciding(Map<String, Value> s, Value b) {
        for (Value t : dom(s, "cur")) if (get(s.get("cur"), t).equals(b) && pcOf(s, t).equals("map_load")) return true;
        return false;
    }

    /** InFlight(b): threads inside sf_buf_alloc's critical section for b (their ref_count++ not yet returned). */
    static long inFlight(Map<String, Value> s, Value b) {
        long n = 0;
        for (Value t : dom(s, "cur")) if (get(s.get("cur"), t).equals(b) && ALLOC_PCS.contains(pcOf(s, t))) n++;
        return n;
    }

    /** SF2: hashed (sf->m /= NULL) <=> PTE valid (but mid-remap); unhashed => unreferenced (chains derived from m). */
    static boolean sf2(Map<String, Value> s) {
        for (Value b : dom(s, "bm")) {
            boolean unhashed = get(s.get("bm"), b).equals(NONE);
            if (!remapping(s, b) && unhashed != get(s.get("pte"), b).equals(NONE)) return false;
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

    /** SF3Lazy (DragonFly 2004): every unreferenced buffer is on the free queue (which may hold referenced ones); no duplicates. */
    static boolean sf3Lazy(Map<String, Value> s) {
        List<Value> q = items(s.get("freeq"));
        for (Value b : dom(s, "ref")) if (num(get(s.get("ref"), b)) == 0 && !q.contains(b)) return false;
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

    /** RefMatchesHolds: ref_count = references held + references sf_buf_alloc took and has not yet returned. */
    boolean refMatchesHolds(Map<String, Value> s) {
        for (Value b : dom(s, "ref")) if (num(get(s.get("ref"), b)) != heldCount(s, b) + inFlight(s, b)) return false;
        return true;
    }

    /** StablePTE (SF5 + SF10): a referenced buffer's PTE maps sf->m (but mid-remap); holders get their page. */
    static boolean stablePte(Map<String, Value> s) {
        for (Value b : dom(s, "ref"))
            if (num(get(s.get("ref"), b)) > 0 && !remapping(s, b) && !get(s.get("pte"), b).equals(get(s.get("bm"), b))) return false;
        for (Value t : dom(s, "holds"))
            for (Value b : dom(s, "ref")) {
                if (num(get(get(s.get("holds"), t), b)) == 0) continue;
                Value a = get(get(s.get("asked"), t), b);
                if (!get(s.get("bm"), b).equals(a) || !get(s.get("pte"), b).equals(a)) return false;
            }
        return true;
    }

    /** MaskSound (SF6): a CPU in cpumask (not owed an invalidation) caches no translation other than the current PTE. */
    static boolean maskSound(Map<String, Value> s) {
        for (Value b : dom(s, "mask")) {
            if (deciding(s, b)) continue;
            Set<Value> owed = owed(s, b);
            for (Value c : items(get(s.get("mask"), b))) {
                if (owed.contains(c)) continue;
                Value e = get(get(s.get("tlb"), c), b);
                if (!e.equals(NONE) && !e.equals(get(s.get("pte"), b))) return false;
            }
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

    /** SF8 (the PG_A rule): PG_A clear => no CPU of cpumask (not owed an invalidation) has an entry for the KVA. */
    static boolean sf8(Map<String, Value> s) {
        for (Value b : dom(s, "mask")) {
            if (bool(get(s.get("pteA"), b)) || deciding(s, b)) continue;
            Set<Value> owed = owed(s, b);
            for (Value c : items(get(s.get("mask"), b)))
                if (!owed.contains(c) && !get(get(s.get("tlb"), c), b).equals(NONE)) return false;
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
            if ((pc.equals("wired") || pc.equals("msleep") || pc.equals("unwire") || ALLOC_PCS.contains(pc)) && get(s.get("req"), t).equals(p)) n++;
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

    /**
     * WakeupNotLost (the state form of NoLostWakeup): lock = None /\ want > 0 /\ freeq # <<>> =>
     * woken # {}.
     */
    static boolean wakeupNotLost(Map<String, Value> s) {
        return !(s.get("lock").equals(NONE) && num(s.get("want")) > 0 && !items(s.get("freeq")).isEmpty())
                || !items(s.get("woken")).isEmpty();
    }

    /**
     * SignalOnlyCatching: a signal is pending only for a sleep with PCATCH (SFB_CATCH; DragonFly 2003
     * always). Catches is evaluated here from the mapped flags, not asked of the kernel code.
     */
    boolean signalOnlyCatching(Map<String, Value> s) {
        boolean always = sys.config().variant() == SfBufCache.Variant.DRAGONFLY2003;
        for (Value t : dom(s, "sigpend"))
            if (bool(get(s.get("sigpend"), t)) && !always && !items(get(s.get("fl"), t)).contains(Value.str("CATCH"))) return false;
        return true;
    }

    /** IdleUnmapped (rev 1.219): an unreferenced buffer maps no page (sf_buf_free unhashed and unmapped it). */
    boolean idleUnmapped(Map<String, Value> s) {
        if (sys.config().variant() != SfBufCache.Variant.REV1219) return true;
        for (Value b : dom(s, "ref")) if (num(get(s.get("ref"), b)) == 0 && !get(s.get("bm"), b).equals(NONE)) return false;
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
        return sf11 ? List.of(new ActionProperty("SF11", SfBufMapping::lruStep, LRU_READS)) : List.of();
    }

    /** The variables LRUStep reads; its subscript is freeq, and it holds when freeq is unchanged. */
    static final Set<String> LRU_READS = Set.of("freeq", "ref", "bm");

    /** bm, ref and freeq as {@link #map(View)} gives them, without the rest (SF11 is checked on every step). */
    @Override
    public java.util.function.Function<View, Map<String, Value>> mapper(Set<String> vars) {
        if (!LRU_READS.containsAll(vars)) return SpecMapping.super.mapper(vars);
        boolean wantBm = vars.contains("bm"), wantRef = vars.contains("ref"), wantFreeq = vars.contains("freeq");
        int nb = sys.nbufs();
        return v -> {
            Map<String, Value> s = new LinkedHashMap<>(8);
            if (wantBm || wantRef) {
                Value.FnBuilder bm = Value.fn(), ref = Value.fn();
                for (int b = 0; b < nb; b++) {
                    SfBuf sf = sys.buf(b);
                    bm.put(buf(b), page(v.word(sf.m)));
                    ref.put(buf(b), Value.of(v.word(sf.refCount)));
                }
                if (wantBm) s.put("bm", bm.build());
                if (wantRef) s.put("ref", ref.build());
            }
            if (wantFreeq) s.put("freeq", freeq(v));
            return s;
        };
    }

    private Value freeq(View v) {
        List<Value> freeq = new ArrayList<>();
        for (int b : SfBufCache.freeList(v.word(sys.freelistWord()))) freeq.add(buf(b));
        return Value.seq(freeq);
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
                // NoLostWakeupLazy == [](want > 0 /\ (\E b : ref[b] = 0) => <>(woken # {} \/ want = 0));
                // frees keep an unreferenced buffer unreferenced, so the same reasoning as NoLostWakeup
                case "NoLostWakeupLazy" -> out.add(new Liveness(name, s ->
                        num(s.get("want")) > 0 && hasUnreferenced(s) && items(s.get("woken")).isEmpty()
                                ? msleepers(s) : Set.of()));
                default -> throw new IllegalArgumentException("unknown liveness property " + name);
            }
        }
        return out;
    }

    private static boolean hasUnreferenced(Map<String, Value> s) {
        for (Value r : f(s, "ref").map().values()) if (num(r) == 0) return true;
        return false;
    }

    // ---- actions -------------------------------------------------------------------------------

    private boolean mapped(View v, long page) {
        for (int b = 0; b < sys.nbufs(); b++) if (v.word(sys.buf(b).m) == page) return true;
        return false;
    }

    private long held(View v, int t) { return program.totalHeld(v, t); }

    /** The spec action of a step inside a critical section, by the pc the thread stood at. */
    static final Map<String, String> CS_ACTIONS = Map.of("map_store", "MapStore", "map_load", "MapLoad", "up_inval", "UpInval",
            "sd_local", "ShootLocal", "sd_ipi", "ShootIPI", "sd_wait", "ShootWait", "free_inval", "FreeInval", "mext", "Free");

    @Override
    public String actionName(Step s) {
        switch (s.kind()) {
            case TLB_FILL: return "TLBFill";
            case TLB_EVICT: return "TLBEvict";
            case IPI: return "IPIAck";
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
        ThreadState.Status was = b.status(t), now = a.status(t);
        if (was == ThreadState.Status.RUNNING) return CS_ACTIONS.get(local(b, t).pc());
        switch (s.op().name()) {
            case ALLOC: {
                long page = s.op().arg(0);
                // the reference is granted when sf_buf_alloc returns; a step that stays in the critical
                // section has taken it (ref_count++) already
                boolean got = held(a, t) > held(b, t) || (!s.completed() && now == ThreadState.Status.RUNNING);
                if (was == ThreadState.Status.WOKEN) {
                    if (now == ThreadState.Status.SLEEPING) return "SleepExitRetry";
                    if (!got) return "SleepExitSignal";
                    return sys.config().relookupAfterSleep() && mapped(b, page) ? "SleepExitHit" : "SleepExitTake";
                }
                if (now == ThreadState.Status.SLEEPING) return "SleepEnter";
                if (!got) return "AllocNoWait";
                return mapped(b, page) ? "AllocHit" : "AllocMiss";
            }
            case FREE: return s.completed() || !local(a, t).pc().equals("mext") ? "Free" : "MextPage";
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
