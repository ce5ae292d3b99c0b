package kmapcheck.explorer.memattr;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.memattr.DmapHandoff;
import kmapcheck.memattr.X86Caches;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dmap scenarios (spec/memattr/DmapVisibility.tla, seed 003). Keys, from the model's constants:
 * {@code cpus} (CPUs c0..), {@code combos} (Combos: a ';'-separated list of {@code KVA:SS:READER},
 * e.g. {@code UC:false:cpu}; READER is cpu, devSnoop or devNoSnoop); the invariants are the model
 * cfg's.
 */
public final class DmapMechanism implements Mechanism {
    @Override public String name() { return "dmap"; }

    static final String[] ATTRS = {"WB", "UC", "WC"};

    @Override
    public Map<String, String> settings(kmapcheck.explorer.tla.TlaModel m) {
        Map<String, String> k = new java.util.LinkedHashMap<>();
        k.put("cpus", Integer.toString(m.numbered("CPUs", "c", 0)));
        List<String> combos = new ArrayList<>();
        for (Value c : m.elements("Combos")) {
            if (!(c instanceof Value.Rec r) || !(r.get("kva") instanceof Value.Str kva) || !(r.get("ss") instanceof Value.Bool ss)
                    || !(r.get("reader") instanceof Value.Str reader))
                throw new IllegalArgumentException(m.file() + ": Combos has an element " + c.toTla() + " that is not [kva, ss, reader]");
            combos.add(kva.v() + ":" + ss.v() + ":" + reader.v());
        }
        k.put("combos", String.join(";", combos));
        if (!m.properties().isEmpty())
            throw new IllegalArgumentException(m.file() + ": PROPERTY " + m.properties() + " has no Java check");
        return k;
    }

    static List<DmapProgram.Combo> parse(Scenario s, String spec) {
        List<DmapProgram.Combo> out = new ArrayList<>();
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
        try {
            return new Model(program, new DmapMapping(program, s.model().invariants()));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + s.model().module() + ": " + e.getMessage());
        }
    }
}
