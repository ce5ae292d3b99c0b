package kmapcheck.explorer.memattr;

import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.View;
import kmapcheck.memattr.X86Caches;
import kmapcheck.trace.Value;

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
 * <p>{@code chg[p]} is the setattr thread's position in pmap_page_set_memattr: not in it = "idle",
 * after the pat_mode store = "lookup", after sf_buf_invalidate_cache returned FALSE = "fallback".
 * An sf_buf mapping a page the model does not track (after SfBufRecycle) maps to NoPage / "none".
 */
public final class MemAttrMapping implements SpecMapping {
    static final Value NO_PAGE = Value.mv("NoPage");
    private static final List<String> VARS = List.of("mem", "cst", "cval", "old", "wcb", "pat", "chg",
            "bm", "ref", "pte", "tlb", "lastWritten", "rdVal", "rdExp");
    private static final String[] ST = {"I", "C", "D"};

    private final MemAttrProgram pr;
    private final boolean selfSnoop;

    private final List<Invariant> invariants;

    /** @param checked the invariants the model's cfg lists, in its order */
    MemAttrMapping(MemAttrProgram pr, boolean selfSnoop, List<String> checked) {
        this.pr = pr;
        this.selfSnoop = selfSnoop;
        this.invariants = Invariant.selected(checked, Map.of(
                "Coherence", MemAttrMapping::coherence,
                "NoStaleDirtyLine", this::noStaleDirtyLine,
                "SingleWriter", MemAttrMapping::singleWriter), this::typeOk);
    }

    static Value cpu(int c) { return Value.mv("c" + c); }
    static Value page(int p) { return Value.mv("p" + p); }
    static Value buf(int b) { return Value.mv("b" + (b + 1)); }

    @Override public List<String> vars() { return VARS; }

    @Override
    public Map<String, Value> map(View v) {
        X86Caches hw = pr.hw;
        Value.FnBuilder mem = Value.fn(), pat = Value.fn(), chg = Value.fn(), lw = Value.fn(), rv = Value.fn(), re = Value.fn();
        for (int p = 1; p <= pr.pages; p++) {
            mem.put(page(p), Value.of(v.word(hw.ram[p - 1])));
            pat.put(page(p), Value.str(attrName(pr.pat(v, p))));
            chg.put(page(p), Value.str(pr.chg(v, p)));
            lw.put(page(p), Value.of(v.word(hw.lastWritten[p - 1])));
            rv.put(page(p), Value.of(v.word(hw.rdVal[p - 1])));
            re.put(page(p), Value.of(v.word(hw.rdExp[p - 1])));
        }
        Value.FnBuilder cst = Value.fn(), cval = Value.fn(), old = Value.fn(), wcb = Value.fn(), tlb = Value.fn();
        for (int c = 0; c < pr.cpus; c++) {
            Value.FnBuilder s = Value.fn(), val = Value.fn(), o = Value.fn(), w = Value.fn(), t = Value.fn();
            for (int p = 1; p <= pr.pages; p++) {
                long l = v.word(hw.line[c][p - 1]);
                s.put(page(p), Value.str(ST[X86Caches.state(l)]));
                val.put(page(p), Value.of(X86Caches.value(l)));
                o.put(page(p), Value.of(X86Caches.old(l)));
                w.put(page(p), Value.of(v.word(hw.wcb[c][p - 1])));
            }
            for (int b = 0; b < pr.bufs; b++) t.put(buf(b), Value.str(attrName(pr.tlbAttr(v, c, b))));
            cst.put(cpu(c), s.build());
            cval.put(cpu(c), val.build());
            old.put(cpu(c), o.build());
            wcb.put(cpu(c), w.build());
            tlb.put(cpu(c), t.build());
        }
        Value.FnBuilder bm = Value.fn(), ref = Value.fn(), pte = Value.fn();
        for (int b = 0; b < pr.bufs; b++) {
            int p = pr.bm(v, b);
            bm.put(buf(b), p == 0 ? NO_PAGE : page(p));
            ref.put(buf(b), Value.of(pr.ref(v, b)));
            pte.put(buf(b), Value.str(attrName(pr.pteAttr(v, b))));
        }
        Map<String, Value> s = new LinkedHashMap<>();
        s.put("mem", mem.build());
        s.put("cst", cst.build());
        s.put("cval", cval.build());
        s.put("old", old.build());
        s.put("wcb", wcb.build());
        s.put("pat", pat.build());
        s.put("chg", chg.build());
        s.put("bm", bm.build());
        s.put("ref", ref.build());
        s.put("pte", pte.build());
        s.put("tlb", tlb.build());
        s.put("lastWritten", lw.build());
        s.put("rdVal", rv.build());
        s.put("rdExp", re.build());
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

    /** TypeOK (value ranges; the domains are built by construction). */
    boolean typeOk(Map<String, Value> s) {
        Set<String> attrs = Set.of("WB", "UC", "WC"), attrsNone = Set.of("WB", "UC", "WC", "none");
        for (Value p : domain(s, "mem")) {
            if (!val(at(s.get("mem"), p)) || !val(at(s.get("lastWritten"), p))) return false;
            if (!valOrNo(at(s.get("rdVal"), p)) || !valOrNo(at(s.get("rdExp"), p))) return false;
            if (!attrs.contains(str(at(s.get("pat"), p)))) return false;
            if (!Set.of("idle", "lookup", "fallback").contains(str(at(s.get("chg"), p)))) return false;
            for (Value c : domain(s, "cst")) {
                if (!val(at(at(s.get("cval"), c), p)) || !valOrNo(at(at(s.get("wcb"), c), p))) return false;
            }
        }
        for (Value b : domain(s, "ref")) {
            long r = num(at(s.get("ref"), b));
            if (r < 0 || r > pr.maxRef) return false;
            if (!attrsNone.contains(str(at(s.get("pte"), b)))) return false;
            for (Value c : domain(s, "tlb")) if (!attrsNone.contains(str(at(at(s.get("tlb"), c), b)))) return false;
        }
        return true;
    }

    private boolean val(Value x) { long n = num(x); return n >= 0 && n <= pr.maxVal; }
    private boolean valOrNo(Value x) { return num(x) == X86Caches.NO_VAL || val(x); }

    @Override public List<Invariant> invariants() { return invariants; }

    @Override
    public String actionName(Step s) {
        switch (s.kind()) {
            case TLB_FILL:
            case TLB_EVICT: {
                // only entries of sf_buf KVAs mapping tracked pages are spec state (tlb)
                boolean changed = false;
                for (int b = 0; b < pr.bufs; b++)
                    changed |= pr.tlbAttr(s.before(), s.cpu(), b) != pr.tlbAttr(s.after(), s.cpu(), b);
                return !changed ? null : s.kind() == Kind.TLB_FILL ? "TlbFill" : "TlbEvict";
            }
            case MIGRATE:
            case SIGNAL:
                return null;
            default:
                break;
        }
        return switch (s.op().name()) {
            case ALLOC -> s.op().arg(1) < 0 ? "SfBufAllocHit" : "SfBufAllocMiss";
            case FREE -> "SfBufFree";
            case RECYCLE -> "SfBufRecycle";
            case READ_SF -> "ReadSfBuf";
            case WRITE_SF -> "WriteSfBuf";
            case READ_PM -> "ReadPageMap";
            case WRITE_PM -> "WritePageMap";
            case SET_MEMATTR -> switch (s.stepInOp()) {
                case 0 -> "PmapPageSetMemattr";
                case 1 -> "SfBufInvalidateCache";
                default -> "PmapFlushPage";
            };
            case EVICT -> "Evict";
            case WC_DRAIN -> "WcDrain";
            case FILL_SF -> "SpecFillSfBuf";
            case FILL_PM -> "SpecFillPageMap";
            default -> null;
        };
    }

}
