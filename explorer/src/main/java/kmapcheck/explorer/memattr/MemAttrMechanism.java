package kmapcheck.explorer.memattr;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.memattr.MemAttrKernel;
import kmapcheck.memattr.X86Caches;

import java.util.ArrayList;
import java.util.List;

/**
 * memattr scenarios (spec/memattr/MemAttr.tla). Keys, one per constant of the model:
 * {@code variant} (Fixed, SkipIdleSfBufs, FlushWithoutReenter, NoFlushNoSelfSnoop, ReenterNoInvlpg,
 * NoFallback, InvlpgBeforeReenter, FlushBeforeReenter, ClflushBeforeInvlcaddr, DupAfterSleep, DupAfterSleepRelookup), {@code cpus} (CPUs c0..), {@code pages} (Pages p1..), {@code sf_bufs} (Bufs b1.., may be empty),
 * {@code max_val} (Vals = 0..max_val), {@code new_attrs} (NewAttrs, e.g. UC,WB,WC),
 * {@code max_ref} (MaxRef), {@code cpu.self_snoop} (SelfSnoop), {@code cpu.clflush} (HasClflush),
 * {@code search.granularity} (Granularity; KCpu must be c0, the CPU of the kernel threads),
 * {@code still_pages} (StillPages, page numbers, e.g. 2);
 * the invariants are the model cfg's.
 */
public final class MemAttrMechanism implements Mechanism {
    @Override public String name() { return "memattr"; }

    @Override
    public java.util.Map<String, String> settings(kmapcheck.explorer.tla.TlaModel m) {
        java.util.Map<String, String> k = new java.util.LinkedHashMap<>();
        k.put("variant", m.string("Variant"));
        k.put("cpus", Integer.toString(m.numbered("CPUs", "c", 0)));
        k.put("pages", Integer.toString(m.numbered("Pages", "p", 1)));
        k.put("sf_bufs", Integer.toString(m.numbered("Bufs", "b", 1)));   // may be 0 (pmap_flush_page alone)
        List<kmapcheck.trace.Value> vals = m.elements("Vals");
        List<kmapcheck.trace.Value> range = new ArrayList<>();
        for (int i = 0; i < vals.size(); i++) range.add(kmapcheck.trace.Value.of(i));
        if (!kmapcheck.trace.Value.set(vals).equals(kmapcheck.trace.Value.set(range)))
            throw new IllegalArgumentException(m.file() + ": Vals = " + m.constant("Vals").toTla() + " must be 0..n");
        k.put("max_val", Integer.toString(vals.size() - 1));
        k.put("new_attrs", String.join(",", m.names("NewAttrs")));
        k.put("max_ref", Long.toString(m.integer("MaxRef")));
        k.put("cpu.self_snoop", Boolean.toString(m.bool("SelfSnoop")));
        k.put("cpu.clflush", Boolean.toString(m.bool("HasClflush")));
        // the kernel threads run on cpu 0 (MemAttrProgram); Granularity picks Spec or SpecLockAtomic
        if (!m.constant("KCpu").equals(kmapcheck.trace.Value.mv("c0")))
            throw new IllegalArgumentException(m.file() + ": KCpu = " + m.constant("KCpu").toTla() + " must be c0");
        k.put("search.granularity", m.string("Granularity"));
        List<String> still = new ArrayList<>();
        for (String x : m.names("StillPages")) still.add(x.substring(1));   // p2 -> 2 (a Pages element)
        k.put("still_pages", String.join(",", still));
        if (!m.properties().isEmpty())
            throw new IllegalArgumentException(m.file() + ": PROPERTY " + m.properties() + " has no Java check");
        return k;
    }

    @Override
    public Model build(Scenario s) {
        int cpus = s.getInt("cpus", 2);
        int pages = s.getInt("pages", 1);
        int bufs = s.getInt("sf_bufs", 1);
        int maxVal = s.getInt("max_val", 1);
        int maxRef = s.getInt("max_ref", 1);
        boolean ss = s.getBool("cpu.self_snoop", false);
        boolean clflush = s.getBool("cpu.clflush", true);
        if (pages < 1 || pages > 4 || bufs < 0 || bufs > 4 || maxVal < 0 || maxVal > 15 || maxRef < 1)
            throw new Scenario.ScenarioException(s.file() + ": pages must be 1..4, sf_bufs 0..4, max_val 0..15, max_ref >= 1");
        List<Integer> attrs = new ArrayList<>();
        for (String a : s.get("new_attrs", "WB,UC,WC").split(",")) {
            switch (a.trim()) {
                case "WB" -> attrs.add(Pte.WB);
                case "UC" -> attrs.add(Pte.UC);
                case "WC" -> attrs.add(Pte.WC);
                default -> throw new Scenario.ScenarioException(s.file() + ": new_attrs: unknown memory type '" + a + "'");
            }
        }
        String v = s.get("variant", "Fixed");
        MemAttrKernel.Variant variant = kmapcheck.explorer.EnumNames.loose(MemAttrKernel.Variant.values(), v);
        if (variant == null) throw new Scenario.ScenarioException(s.file() + ": unknown memattr variant '" + v + "' (known: Fixed, "
                + "SkipIdleSfBufs, FlushWithoutReenter, NoFlushNoSelfSnoop, ReenterNoInvlpg, NoFallback, InvlpgBeforeReenter, "
                + "FlushBeforeReenter, ClflushBeforeInvlcaddr, DupAfterSleep, DupAfterSleepRelookup)");
        Layout layout = new Layout(cpus);
        X86Caches hw = new X86Caches(layout, pages, ss);
        MemAttrKernel kern = new MemAttrKernel(layout, hw, bufs, variant, ss, clflush);
        boolean[] still = new boolean[pages];
        for (String x : s.get("still_pages", "").split(",")) {
            if (x.isBlank()) continue;
            int p;
            try { p = Integer.parseInt(x.trim()); } catch (NumberFormatException e) { p = 0; }
            if (p < 1 || p > pages) throw new Scenario.ScenarioException(s.file() + ": still_pages: '" + x + "' is not a page 1.." + pages);
            still[p - 1] = true;
        }
        MemAttrProgram program = new MemAttrProgram(layout, kern, maxVal, maxRef, attrs, clflush, still);
        try {
            return new Model(program, new MemAttrMapping(program, ss, s.get("search.granularity", "fine").equals("lock-atomic"), s.model().invariants()));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + s.model().module() + ": " + e.getMessage());
        }
    }
}
