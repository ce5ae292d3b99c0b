package kmapcheck.explorer.memattr;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.memattr.DmapHandoff;
import kmapcheck.memattr.X86Caches;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dmap scenarios (spec/memattr/DmapVisibility.tla, seed 003). Keys: {@code cpus} (CPUs c0..),
 * {@code combos}: the spec's Combos, either {@code safe} (SafeCombo, as MCDmapSafe) or a
 * ';'-separated list of {@code KVA:SS:READER} (e.g. {@code UC:false:cpu}); READER is cpu,
 * devSnoop or devNoSnoop.
 */
public final class DmapMechanism implements Mechanism {
    @Override public String name() { return "dmap"; }

    static final String[] ATTRS = {"WB", "UC", "WC"};

    /** SafeCombo of DmapVisibility.tla. */
    static boolean safe(DmapProgram.Combo k) {
        return (k.kva() == Pte.WB && k.reader() != 2) || (k.kva() != Pte.WB && k.ss());
    }

    static List<DmapProgram.Combo> parse(Scenario s, String spec) {
        List<DmapProgram.Combo> out = new ArrayList<>();
        if (spec.equals("safe")) {
            for (int a = 0; a < 3; a++)
                for (boolean ss : new boolean[]{false, true})
                    for (int r = 0; r < 3; r++) {
                        DmapProgram.Combo k = new DmapProgram.Combo(a, ss, r);
                        if (safe(k)) out.add(k);
                    }
            return out;
        }
        for (String one : spec.split(";")) {
            String[] f = one.trim().split(":");
            if (f.length != 3) throw new Scenario.ScenarioException(s.file() + ": combos: '" + one + "' is not KVA:SS:READER");
            int a = List.of(ATTRS).indexOf(f[0].trim()), r = List.of(DmapProgram.READERS).indexOf(f[2].trim());
            if (a < 0 || r < 0 || !(f[1].trim().equals("true") || f[1].trim().equals("false")))
                throw new Scenario.ScenarioException(s.file() + ": combos: bad combination '" + one + "'");
            out.add(new DmapProgram.Combo(a, Boolean.parseBoolean(f[1].trim()), r));
        }
        return out;
    }

    /** Replay: start configured as the TLC trace's Init state (cfg). */
    @Override
    public Map<String, String> initialOverrides(Map<String, Value> init) {
        Value.Rec cfg = (Value.Rec) init.get("cfg");
        return Map.of("combos", ((Value.Str) cfg.get("kva")).v() + ":" + ((Value.Bool) cfg.get("ss")).v() + ":"
                + ((Value.Str) cfg.get("reader")).v());
    }

    @Override
    public Model build(Scenario s) {
        int cpus = s.getInt("cpus", 2);
        List<DmapProgram.Combo> combos = parse(s, s.get("combos"));
        if (combos.isEmpty()) throw new Scenario.ScenarioException(s.file() + ": combos is empty");
        DmapProgram.Combo first = combos.get(0);
        Layout layout = new Layout(cpus);
        X86Caches hw = new X86Caches(layout, 1, first.ss());
        DmapHandoff buf = new DmapHandoff(layout, hw, first.kva());
        DmapProgram program = new DmapProgram(layout, hw, buf, combos);
        return new Model(program, new DmapMapping(program));
    }
}
