package kmapcheck.explorer.memattr;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.View;
import kmapcheck.memattr.X86Caches;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static kmapcheck.explorer.Vals.at;
import static kmapcheck.explorer.Vals.domain;
import static kmapcheck.explorer.Vals.fn;
import static kmapcheck.explorer.memattr.MemAttrProgram.*;
import static kmapcheck.explorer.Vals.num;

/**
 * Implementation state -> variables of spec/memattr/MemAttr.tla (model values c0.., p1.., b1..,
 * NoPage as in its MC modules), the spec's invariants on them, and the spec action of each step.
 *
 * <p>{@code chg[p]} is the setattr thread's pc in pmap_page_set_memattr ({@link MemAttrProgram#chg}),
 * {@code fb[p]} the sf_buf it found, {@code lk} / {@code slk} the holders of sf_buf_lock and cpu 0's
 * sysmaps lock, {@code apc}/{@code ab}/{@code arec} the sf_buf client's pc in an alloc miss or
 * recycle, {@code ipi} the pending shootdown IPIs (by sf_buf KVA), {@code cpte}/{@code ctlb}
 * cpu 0's CMAP2 and its TLB entry. A PTE or TLB entry is an Entry [pg, at]; one mapping a page the
 * model does not track (after SfBufRecycle) is NoEntry [pg |-> NoPage, at |-> "none"].
 */
public final class MemAttrMapping implements SpecMapping {
    static final Value NO_PAGE = Value.mv("NoPage");
    private static final List<String> VARS = List.of("mem", "cst", "cval", "old", "wcb", "pat", "chg", "fb",
            "lk", "apc", "ab", "arec", "bm", "chain", "ref", "pte", "tlb", "ipi", "slk", "cpte", "ctlb",
            "lastWritten", "rdVal", "rdExp", "ucPassedWc");
    private static final Value NONE = Value.str("none");
    private static final Set<String> CHG_STATES = Set.of("idle", "lookup", "reload", "store", "invl", "ipi", "wait",
            "flush", "fallback", "fpEnter", "fpInvl", "fpFlush", "fpClear");
    private static final String[] ST = {"I", "C", "D"};

    private final MemAttrProgram pr;
    private final boolean selfSnoop;
    /** search.granularity = lock-atomic: the steps are SpecLockAtomic's actions. */
    private final boolean lockAtomic;

    private final List<Invariant> invariants;

    /** @param checked the invariants the model's cfg lists, in its order */
    MemAttrMapping(MemAttrProgram pr, boolean selfSnoop, boolean lockAtomic, List<String> checked) {
        this.pr = pr;
        this.selfSnoop = selfSnoop;
        this.lockAtomic = lockAtomic;
        this.invariants = Invariant.selected(checked, Map.of(
                "Coherence", MemAttrMapping::coherence,
                "NoStaleDirtyLine", this::noStaleDirtyLine,
                "SingleWriter", MemAttrMapping::singleWriter,
                "UcFlushesWC", MemAttrMapping::ucFlushesWc), this::typeOk);
    }

    static Value cpu(int c) { return Value.numbered("c", c); }
    static Value page(int p) { return Value.numbered("p", p); }
    static Value buf(int b) { return Value.numbered("b", b + 1); }
    /** A function over Bufs; over the empty set TLC's value is the empty sequence {@code <<>>}. */
    private Value overBufs(Value.FnBuilder f) { return pr.bufs == 0 ? Value.seq(List.of()) : f.build(); }

    /** b1.. or NoBuf ("none") for -1. */
    static Value bufOrNone(int b) { return b < 0 ? NONE : buf(b); }

    /** Entry(pg, at) of a PTE / TLB entry; NoEntry unless it maps a tracked page. */
    private Value entry(long e) {
        int p = pr.pageOf(e);
        Map<String, Value> r = new LinkedHashMap<>();
        r.put("pg", p == 0 ? NO_PAGE : page(p));
        r.put("at", Value.str(attrName(p == 0 ? -1 : pr.attrOf(e))));
        return new Value.Rec(r);
    }

    @Override public List<String> vars() { return VARS; }

    @Override
    public Map<String, Value> map(View v) {
        X86Caches hw = pr.hw;
        Value.FnBuilder mem = Value.fn(), pat = Value.fn(), chg = Value.fn(), fb = Value.fn(), lw = Value.fn(), rv = Value.fn(), re = Value.fn();
        Value.FnBuilder chain = Value.fn();
        for (int p = 1; p <= pr.pages; p++) {
            List<Value> ch = new ArrayList<>();
            for (int b : pr.chain(v, p)) ch.add(buf(b));
            chain.put(page(p), Value.seq(ch));
            mem.put(page(p), Value.of(v.word(hw.ram[p - 1])));
            pat.put(page(p), Value.str(attrName(pr.pat(v, p))));
            String pc = pr.chg(v, p);
            chg.put(page(p), Value.str(pc));
            boolean holdsFound = !Set.of("idle", "lookup", "fallback").contains(pc) && !pc.startsWith("fp");
            fb.put(page(p), bufOrNone(holdsFound ? pr.found(v, p) : -1));
            lw.put(page(p), Value.of(v.word(hw.lastWritten[p - 1])));
            rv.put(page(p), Value.of(v.word(hw.rdVal[p - 1])));
            re.put(page(p), Value.of(v.word(hw.rdExp[p - 1])));
        }
        Value.FnBuilder cst = Value.fn(), cval = Value.fn(), old = Value.fn(), wcb = Value.fn(), tlb = Value.fn(), ipi = Value.fn();
        Value.FnBuilder ucPassed = Value.fn();
        for (int c = 0; c < pr.cpus; c++) {
            Value.FnBuilder s = Value.fn(), val = Value.fn(), o = Value.fn(), w = Value.fn(), t = Value.fn();
            for (int p = 1; p <= pr.pages; p++) {
                long l = v.word(hw.line[c][p - 1]);
                s.put(page(p), Value.str(ST[X86Caches.state(l)]));
                val.put(page(p), Value.of(X86Caches.value(l)));
                o.put(page(p), Value.of(X86Caches.old(l)));
                w.put(page(p), Value.of(v.word(hw.wcb[c][p - 1])));
            }
            List<Value> pending = new ArrayList<>();
            for (int b = 0; b < pr.bufs; b++) {
                t.put(buf(b), entry(v.tlb(pr.kern.sfKva[b], c)));
                if ((v.ipiPending(c) & (1L << pr.kern.sfKva[b].index())) != 0) pending.add(buf(b));
            }
            ipi.put(cpu(c), Value.set(pending));
            cst.put(cpu(c), s.build());
            cval.put(cpu(c), val.build());
            old.put(cpu(c), o.build());
            wcb.put(cpu(c), w.build());
            ucPassed.put(cpu(c), Value.of(v.word(hw.ucPassedWc[c]) != 0));
            tlb.put(cpu(c), overBufs(t));
        }
        Value.FnBuilder bm = Value.fn(), ref = Value.fn(), pte = Value.fn();
        for (int b = 0; b < pr.bufs; b++) {
            int p = pr.bm(v, b);
            bm.put(buf(b), p == 0 ? NO_PAGE : page(p));
            ref.put(buf(b), Value.of(pr.ref(v, b)));
            pte.put(buf(b), entry(v.pte(pr.kern.sfKva[b])));
        }
        Map<String, Value> s = new LinkedHashMap<>();
        s.put("mem", mem.build());
        s.put("cst", cst.build());
        s.put("cval", cval.build());
        s.put("old", old.build());
        s.put("wcb", wcb.build());
        s.put("pat", pat.build());
        s.put("chg", chg.build());
        s.put("fb", fb.build());
        int lkPage = pr.pageHolding(v, pr.kern.sfBufLock), slkPage = pr.pageHolding(v, pr.kern.sysmapsLock[0]);
        s.put("lk", lkPage > 0 ? page(lkPage) : pr.holder(v, pr.kern.sfBufLock) == pr.clientThread() ? Value.str("alloc") : NONE);
        Op alloc = v.op(pr.clientThread());
        int ab = alloc == null ? -1 : MemAttrProgram.allocBuf(alloc, pr.kern.variant());
        s.put("apc", Value.str(pr.apc(v)));
        s.put("ab", bufOrNone(ab));
        s.put("arec", Value.of(ab >= 0 && alloc.name().equals(RECYCLE)));
        s.put("bm", overBufs(bm));
        s.put("chain", chain.build());
        s.put("ref", overBufs(ref));
        s.put("pte", overBufs(pte));
        s.put("tlb", tlb.build());
        s.put("ipi", ipi.build());
        s.put("slk", slkPage > 0 ? page(slkPage) : NONE);
        s.put("cpte", entry(v.pte(pr.kern.cmap2[0])));
        s.put("ctlb", entry(v.tlb(pr.kern.cmap2[0], 0)));
        s.put("lastWritten", lw.build());
        s.put("rdVal", rv.build());
        s.put("rdExp", re.build());
        s.put("ucPassedWc", ucPassed.build());
        return s;
    }

    // ---- invariants of MemAttr.tla -------------------------------------------------------------

    private static String str(Value x) { return ((Value.Str) x).v(); }

    /** Coherence == \A p : rdVal[p] = rdExp[p]. */
    static boolean coherence(Map<String, Value> s) {
        for (Value p : domain(s, "rdVal")) if (!at(s.get("rdVal"), p).equals(at(s.get("rdExp"), p))) return false;
        return true;
    }

    /** NoStaleDirtyLine == ~SelfSnoop => \A p : chg[p] = "idle" => \A c : ~(old[c][p] /\ cst[c][p] = "D"). */
    boolean noStaleDirtyLine(Map<String, Value> s) {
        if (selfSnoop) return true;
        for (Value p : domain(s, "chg")) {
            if (!str(at(s.get("chg"), p)).equals("idle")) continue;
            for (Value c : domain(s, "cst"))
                if (((Value.Bool) at(at(s.get("old"), c), p)).v() && str(at(at(s.get("cst"), c), p)).equals("D")) return false;
        }
        return true;
    }

    /** SingleWriter: a dirty line is the only copy. */
    static boolean singleWriter(Map<String, Value> s) {
        for (Value p : domain(s, "mem"))
            for (Value c : domain(s, "cst")) {
                if (!str(at(at(s.get("cst"), c), p)).equals("D")) continue;
                for (Value d : domain(s, "cst"))
                    if (!d.equals(c) && !str(at(at(s.get("cst"), d), p)).equals("I")) return false;
            }
        return true;
    }

    /** UcFlushesWC == \A c : ~ucPassedWc[c]. */
    static boolean ucFlushesWc(Map<String, Value> s) {
        for (Value c : domain(s, "ucPassedWc")) if (((Value.Bool) at(s.get("ucPassedWc"), c)).v()) return false;
        return true;
    }

    /** TypeOK (value ranges; the domains are built by construction; ucPassedWc is BOOLEAN by construction). */
    boolean typeOk(Map<String, Value> s) {
        Set<String> attrs = Set.of("WB", "UC", "WC");
        for (Value p : domain(s, "mem")) {
            if (!val(at(s.get("mem"), p)) || !val(at(s.get("lastWritten"), p))) return false;
            if (!valOrNo(at(s.get("rdVal"), p)) || !valOrNo(at(s.get("rdExp"), p))) return false;
            if (!attrs.contains(str(at(s.get("pat"), p)))) return false;
            if (!CHG_STATES.contains(str(at(s.get("chg"), p)))) return false;
            for (Value c : domain(s, "cst")) {
                if (!val(at(at(s.get("cval"), c), p)) || !valOrNo(at(at(s.get("wcb"), c), p))) return false;
            }
        }
        if (pr.bufs > 0) for (Value b : domain(s, "ref")) {
            long r = num(at(s.get("ref"), b));
            if (r < 0 || r > pr.maxRef) return false;
            if (!entryOk(at(s.get("pte"), b), attrs)) return false;
            for (Value c : domain(s, "tlb")) if (!entryOk(at(at(s.get("tlb"), c), b), attrs)) return false;
        }
        return entryOk(s.get("cpte"), attrs) && entryOk(s.get("ctlb"), attrs);
    }

    /** Entries == {NoEntry} \cup [pg : Pages, at : Attrs]. */
    private static boolean entryOk(Value e, Set<String> attrs) {
        Value.Rec r = (Value.Rec) e;
        boolean none = r.get("pg").equals(NO_PAGE);
        return none ? str(r.get("at")).equals("none") : attrs.contains(str(r.get("at")));
    }

    private boolean val(Value x) { long n = num(x); return n >= 0 && n <= pr.maxVal; }
    private boolean valOrNo(Value x) { return num(x) == X86Caches.NO_VAL || val(x); }

    @Override public List<Invariant> invariants() { return invariants; }

    @Override
    public String actionName(Step s) {
        switch (s.kind()) {
            case TLB_FILL:
            case TLB_EVICT: {
                // spec state: the entries of sf_buf KVAs (tracked pages) and cpu 0's CADDR2
                boolean fill = s.kind() == Kind.TLB_FILL;
                for (int b = 0; b < pr.bufs; b++)
                    if (!entry(s.before().tlb(pr.kern.sfKva[b], s.cpu())).equals(entry(s.after().tlb(pr.kern.sfKva[b], s.cpu()))))
                        return fill ? "TlbFill" : "TlbEvict";
                if (s.cpu() == 0 && !entry(s.before().tlb(pr.kern.cmap2[0], 0)).equals(entry(s.after().tlb(pr.kern.cmap2[0], 0))))
                    return fill ? "TlbFillCaddr" : "TlbEvictCaddr";
                return null;
            }
            case IPI:
                return "ShootdownAck";
            case HARDWARE:          // the program's cache environment (MemAttrProgram.environment)
                return switch (s.label()) {
                    case EVICT -> "Evict";
                    case WC_DRAIN -> "WcDrain";
                    case FILL_SF -> "SpecFillSfBuf";
                    case FILL_PM -> "SpecFillPageMap";
                    case FILL_CADDR -> "SpecFillCaddr";
                    default -> throw new IllegalStateException("unknown hardware event " + s.label());
                };
            case MIGRATE:
            case SIGNAL:
                return null;
            default:
                break;
        }
        boolean coarse = lockAtomic;
        return switch (s.op().name()) {
            case ALLOC, RECYCLE, AFTER_SLEEP -> {
                boolean sleeper = s.op().name().equals(AFTER_SLEEP);
                if (MemAttrProgram.allocBuf(s.op(), pr.kern.variant()) < 0) yield sleeper ? "SfBufAllocAfterSleep" : "SfBufAllocHit";
                if (s.stepInOp() == 0) {
                    String miss = sleeper ? "SfBufAllocAfterSleep" : s.op().name().equals(ALLOC) ? "SfBufAllocMiss" : "SfBufRecycle";
                    yield coarse ? miss + "LockAtomic" : miss;
                }
                yield List.of("SfBufAllocInvlpg", "SfBufAllocIpi", "SfBufAllocWait").get(s.stepInOp() - 1);
            }
            case FREE -> "SfBufFree";
            case READ_SF -> "ReadSfBuf";
            case WRITE_SF -> "WriteSfBuf";
            // a UC page-map access drains this CPU's WC buffer first, one entry per step (pageRead)
            case READ_PM, WRITE_PM -> {
                int p = (int) s.op().arg(0);
                if (pr.pat(s.before(), p) == kmapcheck.machine.Pte.UC && pr.pendingWc(s.before(), s.cpu())) yield "WcDrain";
                yield s.op().name().equals(READ_PM) ? "ReadPageMap" : "WritePageMap";
            }
            case SET_MEMATTR -> {
                if (s.stepInOp() == 0) yield "PmapPageSetMemattr";
                if (coarse) yield s.stepInOp() == 1 ? "SfBufInvalidateCache" : "PmapFlushPage";
                yield switch (pr.chg(s.before(), (int) s.op().arg(0))) {
                    case "lookup" -> "SfBufInvalidateLookup";
                    case "reload" -> "SfBufInvalidateReload";
                    case "store" -> "QenterStore";
                    case "invl" -> "QenterInvlpg";
                    case "ipi" -> "QenterIpi";
                    case "wait" -> "QenterWait";
                    case "flush" -> "SfBufInvalidateFlush";
                    case "fallback" -> pr.hasClflush ? "PmapFlushPageLock" : "PmapFlushPageWbinvd";
                    case "fpEnter" -> "PmapFlushPageEnter";
                    case "fpInvl" -> "PmapFlushPageInvl";
                    case "fpFlush" -> "PmapFlushPageClflush";
                    case "fpClear" -> "PmapFlushPageClear";
                    default -> null;
                };
            }
            default -> null;
        };
    }

}
