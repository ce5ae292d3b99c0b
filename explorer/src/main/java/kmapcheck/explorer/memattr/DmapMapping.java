package kmapcheck.explorer.memattr;

import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.View;
import kmapcheck.memattr.DmapHandoff;
import kmapcheck.memattr.X86Caches;
import kmapcheck.trace.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static kmapcheck.explorer.Vals.at;
import static kmapcheck.explorer.Vals.domain;
import static kmapcheck.explorer.memattr.DmapProgram.*;
import static kmapcheck.explorer.Vals.num;

/**
 * Implementation state -> variables of spec/memattr/DmapVisibility.tla (CPUs c0.., NoCpu as in its
 * MC modules), its invariants (TypeOK, Visible, SingleWriter), and the action of each step.
 */
public final class DmapMapping implements SpecMapping {
    static final Value NO_CPU = Value.mv("NoCpu");
    private static final List<String> VARS = List.of("cfg", "mem", "cst", "cval", "wcb", "phase", "wcpu", "lastRead");
    private static final String[] ST = {"I", "C", "D"};
    private static final String[] PHASES = {"prior", "written", "handed"};

    private final DmapProgram pr;

    private final List<Invariant> invariants;

    /** @param checked the invariants the model's cfg lists, in its order */
    DmapMapping(DmapProgram pr, List<String> checked) {
        this.pr = pr;
        this.invariants = Invariant.selected(checked, Map.of(
                "Visible", DmapMapping::visible,
                "SingleWriter", DmapMapping::singleWriter), DmapMapping::typeOk);
    }

    @Override public List<String> vars() { return VARS; }

    @Override
    public Map<String, Value> map(View v) {
        X86Caches hw = pr.hw;
        int p = DmapHandoff.PAGE;
        Map<String, Value> cfg = new LinkedHashMap<>();
        cfg.put("kva", Value.str(MemAttrProgram.attrName(v.word(pr.buf.kvaAttr))));
        cfg.put("ss", Value.of(v.word(hw.cpuidSS) != 0));
        cfg.put("reader", Value.str(READERS[(int) v.word(pr.reader)]));
        Value.FnBuilder cst = Value.fn(), cval = Value.fn(), wcb = Value.fn();
        for (int c = 0; c < pr.cpus; c++) {
            long l = v.word(hw.line[c][p - 1]);
            cst.put(MemAttrMapping.cpu(c), Value.str(ST[X86Caches.state(l)]));
            cval.put(MemAttrMapping.cpu(c), Value.of(X86Caches.value(l)));
            wcb.put(MemAttrMapping.cpu(c), Value.of(v.word(hw.wcb[c][p - 1])));
        }
        long w = v.word(pr.buf.wcpu);
        Map<String, Value> s = new LinkedHashMap<>();
        s.put("cfg", new Value.Rec(cfg));
        s.put("mem", Value.of(v.word(hw.ram[p - 1])));
        s.put("cst", cst.build());
        s.put("cval", cval.build());
        s.put("wcb", wcb.build());
        s.put("phase", Value.str(PHASES[(int) v.word(pr.buf.phase)]));
        s.put("wcpu", w < 0 ? NO_CPU : MemAttrMapping.cpu((int) w));
        s.put("lastRead", Value.of(v.word(pr.buf.lastRead)));
        return s;
    }

    private static String str(Value x) { return ((Value.Str) x).v(); }

    /** Visible == lastRead \in {NoVal, NewV}. */
    static boolean visible(Map<String, Value> s) {
        long r = num(s.get("lastRead"));
        return r == X86Caches.NO_VAL || r == DmapHandoff.NEW_V;
    }

    static boolean singleWriter(Map<String, Value> s) {
        for (Value c : domain(s, "cst")) {
            if (!str(at(s.get("cst"), c)).equals("D")) continue;
            for (Value d : domain(s, "cst")) if (!d.equals(c) && !str(at(s.get("cst"), d)).equals("I")) return false;
        }
        return true;
    }

    static boolean typeOk(Map<String, Value> s) {
        Value.Rec cfg = (Value.Rec) s.get("cfg");
        if (!Set.of("WB", "UC", "WC").contains(str(cfg.get("kva")))) return false;
        if (!Set.of("cpu", "devSnoop", "devNoSnoop").contains(str(cfg.get("reader")))) return false;
        long m = num(s.get("mem"));
        if (m != 0 && m != 1) return false;
        for (Value c : domain(s, "cst")) {
            long cv = num(at(s.get("cval"), c)), wb = num(at(s.get("wcb"), c));
            if ((cv != 0 && cv != 1) || (wb != 1 && wb != X86Caches.NO_VAL)) return false;
        }
        long r = num(s.get("lastRead"));
        return r == 0 || r == 1 || r == X86Caches.NO_VAL;
    }

    @Override public List<Invariant> invariants() { return invariants; }

    @Override
    public String actionName(Step s) {
        if (s.kind() == Kind.HARDWARE) {     // the caches' events (DmapProgram.environment)
            return switch (s.label()) {
                case FILL -> "SpecFill";
                case EVICT -> "Evict";
                case WC_DRAIN -> "WcDrain";
                default -> throw new IllegalStateException("unknown hardware event " + s.label());
            };
        }
        if (s.kind() != Kind.THREAD) return null;
        return switch (s.op().name()) {
            case PRIOR -> "PriorDmapWrite";
            case PRODUCE -> "ProducerWrite";
            case HANDOFF -> "Handoff";
            case CPU_READ -> "CpuReadDmap";
            case DEV_READ -> "DeviceRead";
            case BOOT -> INIT_CHOICE;    // Init's choice of cfg (see DmapProgram)
            default -> null;
        };
    }

}
