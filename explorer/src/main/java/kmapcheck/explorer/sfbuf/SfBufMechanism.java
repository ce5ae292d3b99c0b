package kmapcheck.explorer.sfbuf;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.sfbuf.SfBufCache;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * sf_buf scenarios. From the model (the constants of spec/sfbuf/SfBuf.tla): {@code variant}
 * (Variant: Rev1219, Rev1220, DragonFly2003, FreeBSDLater), {@code wake_one} (WakeOne), {@code smp}
 * (SMP: idle threads migrate, {@code env.migrations = -1}, else none), {@code tlb} (TLB: the hardware
 * fills and evicts TLB entries, {@code hw.tlb.fill}, {@code hw.tlb.evict}, and holders read through
 * sf->kva), {@code pte_xchg} (PteXchg), {@code search.granularity} (LockAtomic: lock-atomic, else
 * fine), {@code cpus}
 * (CPUs c1..), {@code threads} (Threads t1..), {@code pages} (Pages p1..), {@code bufs} (BufList
 * b1..), {@code flag_choices} (FlagChoices: flag sets separated by {@code ;}, flags by {@code ,},
 * {@code -} = no flag; e.g. {@code -;CATCH;NOWAIT}), {@code max_held} (MaxHeld), {@code wiring}
 * (Wiring: None, UnwireAtZero, UnwirePerFree), {@code bug} (Bug), {@code relookup_after_sleep}
 * (RelookupAfterSleep), signals (UseSignals: any number, to threads inside msleep, as the spec's
 * Signal; else none), and the cfg's invariants and properties. From the scenario file:
 * {@code thread.cpus} (initial CPU per thread, 0-based: one of the spec's initial states) and
 * {@code client.max_wire} (a page is wired again only while its wire count is below this: the
 * model's CONSTRAINT on wire, -1 = none).
 */
public final class SfBufMechanism implements Mechanism {
    @Override public String name() { return "sfbuf"; }

    @Override
    public Map<String, String> settings(kmapcheck.explorer.tla.TlaModel m) {
        Map<String, String> k = new java.util.LinkedHashMap<>();
        boolean smp = m.bool("SMP"), tlb = m.bool("TLB"), signals = m.bool("UseSignals");
        k.put("variant", m.string("Variant"));
        k.put("wake_one", Boolean.toString(m.bool("WakeOne")));
        k.put("smp", Boolean.toString(smp));
        k.put("tlb", Boolean.toString(tlb));
        k.put("pte_xchg", Boolean.toString(m.bool("PteXchg")));
        k.put("search.granularity", m.bool("LockAtomic") ? "lock-atomic" : "fine");
        k.put("hw.tlb.fill", Boolean.toString(tlb));
        k.put("hw.tlb.evict", Boolean.toString(tlb));
        k.put("env.migrations", smp ? "-1" : "0");
        k.put("cpus", Integer.toString(m.numbered("CPUs", "c", 1)));
        k.put("threads", Integer.toString(m.numbered("Threads", "t", 1)));
        k.put("pages", Integer.toString(m.numbered("Pages", "p", 1)));
        k.put("bufs", Integer.toString(m.numbered("BufList", "b", 1)));
        List<String> sets = new ArrayList<>();
        for (Value set : m.elements("FlagChoices")) {
            List<String> flags = new ArrayList<>();
            for (Value f : ((Value.SetV) set).items()) flags.add(((Value.Str) f).v());
            sets.add(flags.isEmpty() ? "-" : String.join(",", flags));
        }
        k.put("flag_choices", String.join(";", sets));
        k.put("max_held", Long.toString(m.integer("MaxHeld")));
        k.put("wiring", m.string("Wiring"));
        k.put("bug", m.string("Bug"));
        k.put("relookup_after_sleep", Boolean.toString(m.bool("RelookupAfterSleep")));
        k.put("env.signals", signals ? "-1" : "0");
        if (signals) k.put("env.signals.to", "sleepers");
        return k;
    }

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
                case "QUICK" -> f |= SfBufCache.SFBA_QUICK;
                default -> throw new Scenario.ScenarioException(s.file() + ": unknown flag '" + x + "' (CATCH, NOWAIT, PRIV, QUICK, -)");
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
                    s.getBool("relookup_after_sleep", false), s.getBool("pte_xchg", false));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + e.getMessage());
        }
        if (!cfg.smp() && cpus != 1) throw new Scenario.ScenarioException(s.file() + ": UP scenarios have one CPU");
        List<Integer> flagChoices = new ArrayList<>();
        for (String set : s.get("flag_choices", "-").split(";")) {
            int f = flagsOf(set, s);
            if (!cfg.flagsAllowed(f))
                throw new Scenario.ScenarioException(s.file() + ": rev 1.219/1.220 sf_buf_alloc(m) has no flags (always PCATCH): "
                        + "flag_choices must be CATCH only, got '" + set + "'");
            flagChoices.add(f);
        }
        int[] initialCpu = new int[threads];
        String[] cs = s.get("thread.cpus", "").isEmpty() ? new String[0] : s.get("thread.cpus").split(",");
        for (int t = 0; t < threads; t++) {
            initialCpu[t] = t < cs.length ? Integer.parseInt(cs[t].trim()) : 0;
            if (initialCpu[t] < 0 || initialCpu[t] >= cpus)
                throw new Scenario.ScenarioException(s.file() + ": thread.cpus names CPU " + initialCpu[t] + " of " + cpus);
        }
        Layout layout = new Layout(cpus);
        SfBufCache sys;
        try {
            sys = new SfBufCache(layout, bufs, pages, cfg);
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + e.getMessage());
        }
        SfBufProgram program = new SfBufProgram(layout, sys, initialCpu, flagChoices, maxHeld,
                cfg.bug() != SfBufCache.Bug.PRIVATE_UNPINNED, s.getInt("client.max_wire", -1), s.getBool("tlb", cfg.smp()));
        try {
            return new Model(program, new SfBufMapping(sys, program, cpus, s.model().invariants(), s.model().properties()));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + s.model().module() + ": " + e.getMessage());
        }
    }
}
