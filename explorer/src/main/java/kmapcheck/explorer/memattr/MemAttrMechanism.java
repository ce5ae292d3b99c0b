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
 * memattr scenarios (spec/memattr/MemAttr.tla). Keys, one per constant of the MC modules:
 * {@code variant} (Fixed, SkipIdleSfBufs, FlushWithoutReenter, NoFlushNoSelfSnoop, ReenterNoInvlpg,
 * NoFallback), {@code cpus} (CPUs c0..), {@code pages} (Pages p1..), {@code bufs} (Bufs b1..),
 * {@code max_val} (Vals = 0..max_val), {@code new_attrs} (NewAttrs, e.g. WB,UC,WC),
 * {@code max_ref} (MaxRef), {@code cpu.self_snoop} (SelfSnoop), {@code cpu.clflush} (HasClflush).
 */
public final class MemAttrMechanism implements Mechanism {
    @Override public String name() { return "memattr"; }

    @Override
    public Model build(Scenario s) {
        int cpus = s.getInt("cpus", 2);
        int pages = s.getInt("pages", 1);
        int bufs = s.getInt("bufs", 1);
        int maxVal = s.getInt("max_val", 1);
        int maxRef = s.getInt("max_ref", 1);
        boolean ss = s.getBool("cpu.self_snoop", false);
        boolean clflush = s.getBool("cpu.clflush", true);
        if (pages < 1 || pages > 4 || bufs < 1 || bufs > 4 || maxVal < 0 || maxVal > 15 || maxRef < 1)
            throw new Scenario.ScenarioException(s.file() + ": pages/bufs must be 1..4, max_val 0..15, max_ref >= 1");
        List<Integer> attrs = new ArrayList<>();
        for (String a : s.get("new_attrs", "WB,UC,WC").split(",")) {
            switch (a.trim()) {
                case "WB" -> attrs.add(Pte.WB);
                case "UC" -> attrs.add(Pte.UC);
                case "WC" -> attrs.add(Pte.WC);
                default -> throw new Scenario.ScenarioException(s.file() + ": new_attrs: unknown memory type '" + a + "'");
            }
        }
        MemAttrKernel.Variant variant;
        try {
            variant = MemAttrKernel.Variant.parse(s.get("variant", "Fixed"));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + e.getMessage());
        }
        Layout layout = new Layout(cpus);
        X86Caches hw = new X86Caches(layout, pages, ss);
        MemAttrKernel kern = new MemAttrKernel(layout, hw, bufs, variant, ss, clflush);
        MemAttrProgram program = new MemAttrProgram(layout, kern, maxVal, maxRef, attrs);
        return new Model(program, new MemAttrMapping(program, ss));
    }
}
