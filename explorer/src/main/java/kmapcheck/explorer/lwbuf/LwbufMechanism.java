package kmapcheck.explorer.lwbuf;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.lwbuf.LwbufPcpu;
import kmapcheck.lwbuf.LwbufSubsystem;
import kmapcheck.machine.Layout;

/**
 * lwbuf scenarios. From the model (spec/lwbuf/Lwbuf.tla's constants): {@code cpus} (CPUs c0..),
 * {@code pages} (Pages p1..), {@code objs} (Objs o1..), {@code threads} (Threads t1..),
 * {@code variant} (Variant: Fixed, OrBug2009, OrLatent, MaskAllQuick, SlowNoInvlpg, AllocInvlpgFirst,
 * SetGlobalNoWait, KvaOrFirst; the client variants NoAccessContract, MigrateInKva and DoubleFree are
 * the Fixed kernel code with {@code client.access_contract = false} (callers skip lwbuf_kva),
 * {@code client.migrate = in-kva} (no DragonFly LWKT guarantee inside lwbuf_kva; else
 * {@code between-calls}) or {@code client.double_free = true} (spec/lwbuf/LwbufMisuse.tla: a
 * client frees its lwbuf a second time)), {@code search.granularity} (Granularity: Fine -> fine, LockAtomic ->
 * lock-atomic), and the cfg's invariants. From the
 * scenario file: {@code thread.cpus} (initial CPU per thread, comma separated: one of the spec's
 * initial states), {@code thread.N.program} (a scripted program for thread N, e.g.
 * {@code lwbuf_alloc(p1|p2); lwbuf_kva; access; handoff(t2)}; without it the thread is the spec's
 * most general client). Models of spec/lwbuf/LwbufSleep.tla (constant SleepVariant) add
 * {@code objcache.sleep} (SleepVariant: Interlocked -> interlocked, TestThenSleep -> test-then-sleep),
 * the ghost of who had to wait, and the PROPERTY AllocEventuallySucceeds.
 */
public final class LwbufMechanism implements Mechanism {
    @Override public String name() { return "lwbuf"; }

    @Override
    public java.util.Map<String, String> settings(kmapcheck.explorer.tla.TlaModel m) {
        if (isPcpu(m)) return pcpuSettings(m);
        java.util.Map<String, String> k = new java.util.LinkedHashMap<>();
        k.put("cpus", Integer.toString(m.numbered("CPUs", "c", 0)));
        k.put("pages", Integer.toString(m.numbered("Pages", "p", 1)));
        k.put("objs", Integer.toString(m.numbered("Objs", "o", 1)));
        k.put("threads", Integer.toString(m.numbered("Threads", "t", 1)));
        String variant = m.string("Variant");
        boolean clientVariant = variant.equals("NoAccessContract") || variant.equals("MigrateInKva") || variant.equals("DoubleFree");
        k.put("variant", clientVariant ? "Fixed" : variant);
        k.put("client.access_contract", Boolean.toString(!variant.equals("NoAccessContract")));
        k.put("client.migrate", variant.equals("MigrateInKva") ? "in-kva" : "between-calls");
        k.put("client.double_free", Boolean.toString(variant.equals("DoubleFree")));
        String granularity = m.string("Granularity");
        k.put("search.granularity", switch (granularity) {
            case "Fine" -> "fine";
            case "LockAtomic" -> "lock-atomic";
            default -> throw new IllegalArgumentException("Granularity = \"" + granularity + "\" (known: Fine, LockAtomic)");
        });
        if (isSleep(m)) {
            // LwbufSleep.tla (objcache_get's sleep and objcache_put's wakeup): its PROPERTY lines are checked by LwbufMapping
            String sv = m.string("SleepVariant");
            k.put("objcache.sleep", switch (sv) {
                case "Interlocked" -> "interlocked";
                case "TestThenSleep" -> "test-then-sleep";
                default -> throw new IllegalArgumentException("SleepVariant = \"" + sv + "\" (known: Interlocked, TestThenSleep)");
            });
            return k;
        }
        // PROPERTY: only the action property SurplusOnly has a Java check (LwbufPcpuMapping.ACTIONS)
        SpecMapping.CheckedProperties.of(m.properties(), java.util.List.of(), LwbufPcpuMapping.ACTIONS);
        return k;
    }

    /** A model of LwbufSleep.tla (it alone has the constant SleepVariant). */
    static boolean isSleep(kmapcheck.explorer.tla.TlaModel m) { return m.constants().containsKey("SleepVariant"); }

    /** thread.cpus from the spec's tcpu (threads t1.., CPUs c0..). */
    @Override
    public java.util.Map<String, String> initialOverrides(java.util.Map<String, kmapcheck.trace.Value> init) {
        kmapcheck.trace.Value.Fn tcpu = (kmapcheck.trace.Value.Fn) init.get("tcpu");
        java.util.List<String> cpus = new java.util.ArrayList<>();
        for (int t = 1; ; t++) {
            kmapcheck.trace.Value c = tcpu.get(kmapcheck.trace.Value.mv("t" + t));
            if (c == null) break;
            cpus.add(c.toTla().substring(1));
        }
        return java.util.Map.of("thread.cpus", String.join(",", cpus));
    }

    @Override
    public Model build(Scenario s) {
        if (isPcpu(s.model())) return buildPcpu(s);
        int cpus = s.getInt("cpus", 2);
        int pages = s.getInt("pages", 2);
        int objs = s.getInt("objs", 1);
        int threads = s.getInt("threads", 2);
        if (pages < 1 || pages > 8) throw new Scenario.ScenarioException(s.file() + ": pages must be 1..8");
        if (threads < 1 || threads > 6) throw new Scenario.ScenarioException(s.file() + ": threads must be 1..6");
        String v = s.get("variant", "Fixed");
        LwbufSubsystem.Variant variant = kmapcheck.explorer.EnumNames.loose(LwbufSubsystem.Variant.values(), v);
        if (variant == null) throw new Scenario.ScenarioException(s.file() + ": unknown lwbuf variant '" + v + "' (known: Fixed, OrBug2009, "
                + "OrLatent, MaskAllQuick, SlowNoInvlpg, AllocInvlpgFirst, SetGlobalNoWait, KvaOrFirst)");
        int[] initialCpu = initialCpus(s, threads, cpus);
        boolean contract = s.getBool("client.access_contract", true);
        boolean doubleFree = s.getBool("client.double_free", false);
        String migrate = s.get("client.migrate", "between-calls");
        if (!migrate.equals("between-calls") && !migrate.equals("in-kva"))
            throw new Scenario.ScenarioException(s.file() + ": client.migrate must be between-calls or in-kva");
        boolean fine = s.explorerConfig().granularity() == kmapcheck.explorer.vm.Granularity.FINE;
        Layout layout = new Layout(cpus);
        boolean sleepModel = isSleep(s.model());
        String sleep = s.get("objcache.sleep", "interlocked");
        if (!sleep.equals("interlocked") && !sleep.equals("test-then-sleep"))
            throw new Scenario.ScenarioException(s.file() + ": objcache.sleep must be interlocked or test-then-sleep");
        if (!sleepModel && !sleep.equals("interlocked"))
            throw new Scenario.ScenarioException(s.file() + ": objcache.sleep = " + sleep + " needs a model of LwbufSleep.tla");
        boolean testThenSleep = sleep.equals("test-then-sleep");
        // ObjCache's stack word holds a 4-bit id per object
        if (objs < 1 || objs > 15) throw new Scenario.ScenarioException(s.file() + ": objcache holds 1..15 objects, got " + objs);
        LwbufSubsystem sys = !sleepModel ? new LwbufSubsystem(layout, objs, variant)
                : new LwbufSubsystem(layout, objs, variant,
                        testThenSleep ? kmapcheck.lwbuf.ObjCache.SleepVariant.TEST_THEN_SLEEP : kmapcheck.lwbuf.ObjCache.SleepVariant.INTERLOCKED);
        kmapcheck.explorer.Script[] scripts = new kmapcheck.explorer.Script[threads];
        for (int t = 0; t < threads; t++) {
            String text = s.get("thread." + (t + 1) + ".program", "");
            if (!text.isEmpty()) scripts[t] = kmapcheck.explorer.Script.parse(text, s.file() + ": thread." + (t + 1) + ".program");
        }
        LwbufProgram program = new LwbufProgram(layout, sys, pages, initialCpu, contract, migrate.equals("in-kva"), doubleFree, scripts);
        try {
            return new Model(program, new LwbufMapping(sys, program, pages, fine, s.model().invariants(),
                    sleepModel ? s.model().properties() : null, testThenSleep));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + s.model().module() + ": " + e.getMessage());
        }
    }

    /** thread.cpus: the initial CPU of each thread (default t mod cpus). */
    private static int[] initialCpus(Scenario s, int threads, int cpus) {
        int[] initialCpu = new int[threads];
        String[] cs = s.get("thread.cpus", "").isEmpty() ? new String[0] : s.get("thread.cpus").split(",");
        for (int t = 0; t < threads; t++) {
            initialCpu[t] = t < cs.length ? Integer.parseInt(cs[t].trim()) : t % cpus;
            if (initialCpu[t] < 0 || initialCpu[t] >= cpus)
                throw new Scenario.ScenarioException(s.file() + ": thread.cpus names CPU " + initialCpu[t] + " of " + cpus);
        }
        return initialCpu;
    }

    // ---- spec/lwbuf/LwbufPcpu.tla (per-CPU free lists, L4) ------------------------------------------

    /** A model of LwbufPcpu.tla (it alone has the constant NKva). */
    static boolean isPcpu(kmapcheck.explorer.tla.TlaModel m) { return m.constants().containsKey("NKva"); }

    /**
     * LwbufPcpu's constants: {@code cpus}, {@code pages}, {@code threads} (clients t1..; the explorer
     * adds a passive-IPI handler per CPU), {@code kvas} (NKva), {@code reserve} (Reserve),
     * {@code lwbuf_pages} / {@code kmem_pages} (LwbufPages / KmemPages, comma separated page numbers),
     * {@code variant} (Shipped, KremoveQuickFree). BootOrder must be the CPUs in order.
     */
    private static java.util.Map<String, String> pcpuSettings(kmapcheck.explorer.tla.TlaModel m) {
        java.util.Map<String, String> k = new java.util.LinkedHashMap<>();
        int cpus = m.numbered("CPUs", "c", 0);
        k.put("cpus", Integer.toString(cpus));
        k.put("pages", Integer.toString(m.numbered("Pages", "p", 1)));
        k.put("threads", Integer.toString(m.numbered("Threads", "t", 1)));
        m.numbered("BootOrder", "c", 0);
        k.put("kvas", Long.toString(m.integer("NKva")));
        k.put("reserve", Long.toString(m.integer("Reserve")));
        k.put("lwbuf_pages", pageNumbers(m, "LwbufPages"));
        k.put("kmem_pages", pageNumbers(m, "KmemPages"));
        k.put("variant", m.string("Variant"));
        // PROPERTY: only the action property SurplusOnly has a Java check (LwbufPcpuMapping.ACTIONS)
        SpecMapping.CheckedProperties.of(m.properties(), java.util.List.of(), LwbufPcpuMapping.ACTIONS);
        return k;
    }

    private static String pageNumbers(kmapcheck.explorer.tla.TlaModel m, String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String p : m.names(name)) {
            if (!p.matches("p[1-9]")) throw new IllegalArgumentException(m.file() + ": " + name + " has " + p + ", not a page p1..p9");
            out.add(p.substring(1));
        }
        java.util.Collections.sort(out);
        return String.join(",", out);
    }

    private static int[] numbers(Scenario s, String key) {
        String text = s.get(key, "");
        if (text.isEmpty()) return new int[0];
        try {
            return java.util.Arrays.stream(text.split(",")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + key + " must be comma-separated page numbers, got '" + text + "'");
        }
    }

    private static Model buildPcpu(Scenario s) {
        int cpus = s.getInt("cpus", 2);
        int pages = s.getInt("pages", 2);
        int threads = s.getInt("threads", 1);
        int kvas = s.getInt("kvas", 2);
        int reserve = s.getInt("reserve", 0);
        int[] lwbufPages = numbers(s, "lwbuf_pages"), kmemPages = numbers(s, "kmem_pages");
        for (int p : lwbufPages) if (p < 1 || p > pages) throw new Scenario.ScenarioException(s.file() + ": lwbuf_pages names page " + p);
        for (int p : kmemPages) if (p < 1 || p > pages) throw new Scenario.ScenarioException(s.file() + ": kmem_pages names page " + p);
        String v = s.get("variant", "Shipped");
        LwbufPcpu.Variant variant = kmapcheck.explorer.EnumNames.loose(LwbufPcpu.Variant.values(), v);
        if (variant == null)
            throw new Scenario.ScenarioException(s.file() + ": unknown per-CPU lwbuf variant '" + v + "' (known: Shipped, KremoveQuickFree)");
        int[] initialCpu = initialCpus(s, threads, cpus);
        if (kvas < 1 || kvas > 15) throw new Scenario.ScenarioException(s.file() + ": 1..15 KVA pages, got " + kvas);
        if (reserve * cpus > kvas) throw new Scenario.ScenarioException(s.file() + ": the boot reserve needs " + reserve * cpus + " KVA pages");
        Layout layout = new Layout(cpus);
        LwbufPcpu sys = new LwbufPcpu(layout, kvas, reserve, variant);
        LwbufPcpuProgram program = new LwbufPcpuProgram(layout, sys, initialCpu, lwbufPages, kmemPages);
        try {
            return new Model(program, new LwbufPcpuMapping(sys, program, pages, reserve, s.model().invariants(), s.model().properties()));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + s.model().module() + ": " + e.getMessage());
        }
    }
}
