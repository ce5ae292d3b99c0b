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

    static SfBufCache.Variant variant(Scenario s) {
        String v = s.get("variant", "FreeBSDLater");
        return switch (v) {
            case "Rev1219" -> SfBufCache.Variant.REV1219;
            case "Rev1220" -> SfBufCache.Variant.REV1220;
            case "DragonFly2003" -> SfBufCache.Variant.DRAGONFLY2003;
            case "FreeBSDLater" -> SfBufCache.Variant.FREEBSD_LATER;
            case "DragonFly2004" -> SfBufCache.Variant.DRAGONFLY2004;
            default -> throw new Scenario.ScenarioException(s.file() + ": unknown sf_buf variant '" + v
                    + "' (known: Rev1219, Rev1220, DragonFly2003, FreeBSDLater, DragonFly2004)");
        };
    }

    static SfBufCache.Wiring wiring(Scenario s) {
        String w = s.get("wiring", "None");
        return switch (w) {
            case "None" -> SfBufCache.Wiring.NONE;
            case "UnwireAtZero" -> SfBufCache.Wiring.UNWIRE_AT_ZERO;
            case "UnwirePerFree" -> SfBufCache.Wiring.UNWIRE_PER_FREE;
            default -> throw new Scenario.ScenarioException(s.file() + ": unknown wiring '" + w + "' (known: None, UnwireAtZero, UnwirePerFree)");
        };
    }

    static SfBufCache.Bug bug(Scenario s) {
        String b = s.get("bug", "None");
        SfBufCache.Bug bug = kmapcheck.explorer.EnumNames.loose(SfBufCache.Bug.values(), b);
        if (bug == null) throw new Scenario.ScenarioException(s.file() + ": unknown sf_buf bug '" + b + "' (known: None, HitKeepsOnFreeList, "
                + "RemapKeepsMask, HitSkipsShootdown, PGAInverted, PrivateUnpinned, PGATestNew, InvalBeforeStore, QuickMigrate)");
        return bug;
    }

    /** SfBuf.tla's ASSUMEs on the configuration, the preconditions of {@link SfBufCache.Config}. */
    static void checkCombination(SfBufCache.Config c, Scenario s) {
        SfBufCache.Variant v = c.variant();
        SfBufCache.Bug b = c.bug();
        String bad = null;
        if (c.smp() && v != SfBufCache.Variant.FREEBSD_LATER && v != SfBufCache.Variant.DRAGONFLY2004)
            bad = "the SMP sf_buf code is FreeBSDLater or DragonFly2004 only";
        else if (v == SfBufCache.Variant.DRAGONFLY2004 && c.wiring() != SfBufCache.Wiring.NONE)
            bad = "DragonFly2004 is modelled without a wiring protocol";
        else if (b == SfBufCache.Bug.QUICK_MIGRATE && v != SfBufCache.Variant.DRAGONFLY2004)
            bad = "QuickMigrate is DragonFly2004 only";
        else if ((c.pteXchg() || b == SfBufCache.Bug.PGA_TEST_NEW || b == SfBufCache.Bug.INVAL_BEFORE_STORE
                || b == SfBufCache.Bug.REMAP_KEEPS_MASK || b == SfBufCache.Bug.PGA_INVERTED) && v != SfBufCache.Variant.FREEBSD_LATER)
            bad = "sf_buf_map's PTE load/store (and its mutations) is FreeBSDLater only";
        if (bad != null) throw new Scenario.ScenarioException(s.file() + ": " + bad);
    }

    /**
     * Rev 1.219/1.220 (2003): sf_buf_alloc(m) had no flags argument and always slept with PVM|PCATCH
     * (spec ASSUME; kernel-brief §1.2, reconstructed): their scenarios may give SFB_CATCH only (direct
     * callers such as the Lincheck test use the flags of later FreeBSD).
     */
    static boolean flagsAllowed(SfBufCache.Variant v, int flags) {
        return (v != SfBufCache.Variant.REV1219 && v != SfBufCache.Variant.REV1220) || flags == SfBufCache.SFB_CATCH;
    }

    @Override
    public Model build(Scenario s) {
        int cpus = s.getInt("cpus", 1);
        int threads = s.getInt("threads", 2);
        int pages = s.getInt("pages", 2);
        int bufs = s.getInt("bufs", 1);
        int maxHeld = s.getInt("max_held", 1);
        if (threads < 1 || threads > 6) throw new Scenario.ScenarioException(s.file() + ": threads must be 1..6");
        SfBufCache.Config cfg = new SfBufCache.Config(variant(s), s.getBool("wake_one", false), s.getBool("smp", false),
                wiring(s), bug(s), s.getBool("relookup_after_sleep", false), s.getBool("pte_xchg", false));
        checkCombination(cfg, s);
        if (!cfg.smp() && cpus != 1) throw new Scenario.ScenarioException(s.file() + ": UP scenarios have one CPU");
        List<Integer> flagChoices = new ArrayList<>();
        for (String set : s.get("flag_choices", "-").split(";")) {
            int f = flagsOf(set, s);
            if (!flagsAllowed(cfg.variant(), f))
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
        if (bufs < 1 || bufs > 15) throw new Scenario.ScenarioException(s.file() + ": 1..15 sf_bufs, got " + bufs);
        if (pages < 1 || pages > 14) throw new Scenario.ScenarioException(s.file() + ": 1..14 pages, got " + pages);
        Layout layout = new Layout(cpus);
        SfBufCache sys = new SfBufCache(layout, bufs, pages, cfg);
        SfBufProgram program = new SfBufProgram(layout, sys, initialCpu, flagChoices, maxHeld,
                cfg.bug() != SfBufCache.Bug.PRIVATE_UNPINNED, s.getInt("client.max_wire", -1), s.getBool("tlb", cfg.smp()));
        try {
            return new Model(program, new SfBufMapping(sys, program, cpus, s.model().invariants(), s.model().properties()));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + s.model().module() + ": " + e.getMessage());
        }
    }
}
