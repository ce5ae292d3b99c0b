package kmapcheck.explorer.sfbuf;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.sfbuf.SfBufCache;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * sf_buf scenarios; keys mirror the constants of spec/sfbuf/SfBuf.tla:
 * {@code variant} (Rev1219, Rev1220, DragonFly2003, FreeBSDLater), {@code wake_one}, {@code smp},
 * {@code cpus}, {@code threads}, {@code pages}, {@code bufs}, {@code flag_choices} (flag sets separated
 * by {@code ;}, flags by {@code ,}, {@code -} = no flag; e.g. {@code CATCH;-;NOWAIT}),
 * {@code max_held}, {@code wiring} (None, UnwireAtZero, UnwirePerFree), {@code bug},
 * {@code relookup_after_sleep}, {@code thread.cpus} (initial CPU per thread, 0-based),
 * {@code check.liveness} (NoLostWakeup,AllocProgress: the PROPERTY lines of the MC model),
 * {@code check.skip} (invariants the MC model does not list), {@code client.max_wire} (a page is wired
 * again only while its wire count is below this: the MC model's CONSTRAINT on wire, -1 = none). UseSignals is {@code env.signals > 0}.
 */
public final class SfBufMechanism implements Mechanism {
    @Override public String name() { return "sfbuf"; }

    /** thread.cpus from the spec's Init choice of cpu (threads t1.., CPUs c1..). */
    @Override
    public Map<String, String> initialOverrides(Map<String, Value> init) {
        Value.Fn cpu = (Value.Fn) init.get("cpu");
        List<String> cpus = new ArrayList<>();
        for (int t = 1; ; t++) {
            Value c = cpu.get(Value.mv("t" + t));
            if (c == null) break;
            cpus.add(Integer.toString(Integer.parseInt(c.toTla().substring(1)) - 1));
        }
        return Map.of("thread.cpus", String.join(",", cpus));
    }

    static int flagsOf(String set, Scenario s) {
        int f = 0;
        for (String x : set.split(",")) {
            switch (x.trim()) {
                case "-", "" -> { }
                case "CATCH" -> f |= SfBufCache.SFB_CATCH;
                case "NOWAIT" -> f |= SfBufCache.SFB_NOWAIT;
                case "PRIV" -> f |= SfBufCache.SFB_CPUPRIVATE;
                default -> throw new Scenario.ScenarioException(s.file() + ": unknown flag '" + x + "' (CATCH, NOWAIT, PRIV, -)");
            }
        }
        return f;
    }

    @Override
    public Model build(Scenario s) {
        int cpus = s.getInt("cpus", 1);
        int threads = s.getInt("threads", 2);
        int pages = s.getInt("pages", 2);
        int bufs = s.getInt("bufs", 1);
        int maxHeld = s.getInt("max_held", 1);
        if (threads < 1 || threads > 6) throw new Scenario.ScenarioException(s.file() + ": threads must be 1..6");
        SfBufCache.Config cfg;
        try {
            cfg = new SfBufCache.Config(SfBufCache.Variant.parse(s.get("variant", "FreeBSDLater")),
                    s.getBool("wake_one", false), s.getBool("smp", false),
                    SfBufCache.Wiring.parse(s.get("wiring", "None")), SfBufCache.Bug.parse(s.get("bug", "None")),
                    s.getBool("relookup_after_sleep", false));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + e.getMessage());
        }
        if (!cfg.smp() && cpus != 1) throw new Scenario.ScenarioException(s.file() + ": UP scenarios have one CPU");
        List<Integer> flagChoices = new ArrayList<>();
        for (String set : s.get("flag_choices", "-").split(";")) flagChoices.add(flagsOf(set, s));
        int[] initialCpu = new int[threads];
        String[] cs = s.get("thread.cpus", "").isEmpty() ? new String[0] : s.get("thread.cpus").split(",");
        for (int t = 0; t < threads; t++) {
            initialCpu[t] = t < cs.length ? Integer.parseInt(cs[t].trim()) : 0;
            if (initialCpu[t] < 0 || initialCpu[t] >= cpus)
                throw new Scenario.ScenarioException(s.file() + ": thread.cpus names CPU " + initialCpu[t] + " of " + cpus);
        }
        Set<String> skip = new LinkedHashSet<>(s.getList("check.skip", ""));
        List<String> live = new ArrayList<>(new LinkedHashSet<>(s.getList("check.liveness", "")));
        Layout layout = new Layout(cpus);
        SfBufCache sys;
        try {
            sys = new SfBufCache(layout, bufs, pages, cfg);
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + e.getMessage());
        }
        SfBufProgram program = new SfBufProgram(layout, sys, initialCpu, flagChoices, maxHeld,
                cfg.bug() != SfBufCache.Bug.PRIVATE_UNPINNED, s.getInt("client.max_wire", -1));
        return new Model(program, new SfBufMapping(sys, program, cpus, skip, live));
    }
}
