package kmapcheck.cli;

import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
import kmapcheck.tlc.TlcRunner;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kmapcheck bench: for every model and scenario (default and, with --include-optional, the bigger
 * opt-in configurations), TLC and the explorer side by side: distinct states, states/s, wall time,
 * peak memory (TLC: the child JVM's peak RSS; explorer: peak Java heap of this JVM during the run)
 * and CPU seconds (user + system of all threads: TLC's child JVM; this JVM during the exploration).
 * The CPU figures make a comparison on a shared machine fair: wall time there measures the load.
 */
final class Bench {
    private Bench() {}

    static final String HELP = """
            usage: kmapcheck bench [--workers N] [--timeout S] [--heap SIZE] [--include-optional] [--json] [MECHANISM...]
              Prints, per model name, TLC's and the explorer's distinct states, states/s, wall time,
              CPU seconds (all threads of the JVM) and peak memory side by side, then the verdicts, and
              the explorer/TLC ratios of states/s and of states per CPU second. Figures only: no
              pass/fail on speed.
                   kmapcheck bench --growth MECHANISM [--base MODEL] [--limit S] [--json|--markdown] [--workers N]
                                   [--sym-sets Threads,Pages|none]
              A growth table from a default passing model (or --base) and its scenario: one row per size
              of each set (CPUs, threads 2-4; pages, objects, buffers 1-3) and CPUs=3,Threads=3, TLC
              with and without SYMMETRY over --sym-sets, the explorer beside it. A run past --limit
              seconds (default 120) is INCOMPLETE. --json: one object per run (id, tool, workers,
              symmetry, verdict, distinctStates, seconds, statesPerSecond, peakBytes, bytesPerState,
              cpuSeconds).
              Definitions over the same model values grow as one set; the header lists the sets not
              grown and why. A row the explorer cannot build says "n/a (why)" on its explorer side.
              --markdown: the table as in the spec READMEs.
            """;

    static int run(Main.Args a, PrintStream out) throws Exception {
        if (Commands.help(a, out, HELP)) return 0;
        if (a.opts.containsKey("growth")) {
            a.allow("growth", "workers", "heap", "limit", "json", "base", "sym-sets", "markdown");
            if (!a.positional.isEmpty()) throw new Main.UsageException("bench --growth MECHANISM takes no other argument, got " + a.positional);
            return Growth.run(a, out);
        }
        a.allow("workers", "include-optional", "timeout", "heap", "json");
        boolean json = a.flag("json");
        com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
        Path root = Main.root();
        List<Manifest.Entry> sel = Commands.select(Manifest.load(root, a.positional), a.positional, a.positional.isEmpty(),
                a.flag("include-optional"), null);
        Map<String, Manifest.Entry[]> byModel = new LinkedHashMap<>();
        for (Manifest.Entry e : sel) {
            String key = e.mechanism() + "/" + (e.tool() == Manifest.Tool.TLC ? e.name() : e.model());
            Manifest.Entry[] pair = byModel.computeIfAbsent(key, k -> new Manifest.Entry[2]);
            pair[e.tool() == Manifest.Tool.TLC ? 0 : 1] = e;
        }
        TlcRunner tlc = a.tlc();
        Runs runs = new Runs(tlc);
        int explorerWorkers = a.explorerWorkers();
        String fmt = "%-40s | %10s %11s %8s %8s %8s | %10s %11s %8s %8s %8s%n";
        if (!json) out.printf(fmt, "MODEL", "TLC dist.", "states/s", "time", "cpu", "peakRSS",
                "EXPL dist.", "states/s", "time", "cpu", "peakHeap");
        List<String> verdicts = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        for (var en : byModel.entrySet()) {
            String[] tlcCols = {"-", "-", "-", "-", "-"}, exCols = {"-", "-", "-", "-", "-"};
            double[] tlcRate = null, exRate = null;   // {states/s, states per CPU second}
            Manifest.Entry t = en.getValue()[0], x = en.getValue()[1];
            if (t != null) {
                RunOutcome r = runs.run(t);
                tlcCols = cols(r.distinctStates(), r.seconds(), runs.lastTlcCpuSeconds(), runs.lastTlcPeakRssKb() / 1024 + "M");
                tlcRate = rates(r.distinctStates(), r.seconds(), runs.lastTlcCpuSeconds());
                if (json) out.println(Growth.json(om, en.getKey(), new Growth.Figures(en.getKey(), "tlc", r.workers(), t.file().endsWith("Sym"),
                        r.actual(), r.distinctStates(), r.seconds(), runs.lastTlcPeakRssKb() * 1024, 0, runs.lastTlcCpuSeconds())));
                verdicts.add("tlc      " + t.id() + ": " + r.actual() + (r.ok() ? "" : "  (MISMATCH: expected " + t.expectedText() + ")"));
            }
            if (x != null) {
                Measured m = measuredExplorerRun(() -> Runs.scenario(x), kmapcheck.explorer.RunOptions.defaults().withWorkers(explorerWorkers));
                ExplorationResult r = m.result();
                exCols = cols(r.distinctStates(), r.millis() / 1000.0, m.cpuSeconds(), (m.peakHeapBytes() >> 20) + "M");
                exRate = rates(r.distinctStates(), r.millis() / 1000.0, m.cpuSeconds());
                if (json) out.println(Growth.json(om, en.getKey(), m.figures(en.getKey(), false)));
                verdicts.add("explorer " + x.id() + ": " + r.verdict() + (r.property() == null ? "" : " " + r.property()));
            }
            if (!json) out.printf(fmt, en.getKey(), tlcCols[0], tlcCols[1], tlcCols[2], tlcCols[3], tlcCols[4],
                    exCols[0], exCols[1], exCols[2], exCols[3], exCols[4]);
            if (tlcRate != null && exRate != null) ratios.add(ratioLine(en.getKey(), tlcRate, exRate));
        }
        if (!json) {
            out.println();
            verdicts.forEach(out::println);
            if (!ratios.isEmpty()) {
                out.println();
                out.println("explorer / TLC (same workers: " + explorerWorkers + " explorer, TLC as run):");
                ratios.forEach(out::println);
            }
        }
        return 0;
    }

    private static String[] cols(long distinct, double seconds, double cpuSeconds, String mem) {
        String rate = seconds <= 0 ? "-" : String.format("%.0f", distinct / seconds);
        String cpu = cpuSeconds <= 0 ? "-" : String.format("%.1fs", cpuSeconds);
        return new String[]{Long.toString(distinct), rate, String.format("%.2fs", seconds), cpu, mem};
    }

    /** {states per wall second, states per CPU second}; 0 where a time is unknown. */
    static double[] rates(long distinct, double seconds, double cpuSeconds) {
        return new double[]{seconds > 0 ? distinct / seconds : 0, cpuSeconds > 0 ? distinct / cpuSeconds : 0};
    }

    /** One model's explorer/TLC ratios: of states per wall second, and of states per CPU second. */
    static String ratioLine(String model, double[] tlc, double[] explorer) {
        return String.format("  %-40s states/s %s   states per CPU second %s", model,
                ratio(explorer[0], tlc[0]), ratio(explorer[1], tlc[1]));
    }

    private static String ratio(double a, double b) {
        return a <= 0 || b <= 0 ? "-" : String.format("%.2fx", a / b);
    }

    /**
     * One explorer run as bench and the growth table measure it: the peak heap from a reset before
     * it, the CPU seconds of this JVM (all threads) across building the scenario and searching.
     */
    record Measured(ExplorationResult result, double cpuSeconds, long peakHeapBytes) {
        /** The run as a row of figures; bytes per state from what the search keeps ({@link ExplorationResult#storeBytes}). */
        Growth.Figures figures(String row, boolean symmetry) {
            return new Growth.Figures(row, "explorer", result.workers(), symmetry, Growth.explorerVerdict(result), result.distinctStates(),
                    result.millis() / 1000.0, peakHeapBytes, result.storeBytes(), cpuSeconds);
        }
    }

    /** A scenario built inside the measured window (reading its model is part of the run, as TLC's parse is of TLC's). */
    interface ScenarioSource<E extends Exception> { kmapcheck.explorer.Scenario build() throws E; }

    static <E extends Exception> Measured measuredExplorerRun(ScenarioSource<E> scenario, kmapcheck.explorer.RunOptions opts) throws E {
        resetPeaks();
        long cpu0 = processCpuNanos();
        ExplorationResult r = Explore.scenario(scenario.build(), opts);
        return new Measured(r, (processCpuNanos() - cpu0) / 1e9, peakHeapBytes());
    }

    /** CPU time of this JVM (all threads) in nanoseconds, or 0 where the platform does not say. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
            return Math.max(0, os.getProcessCpuTime());
        return 0;
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    /** Peak heap use since {@link #resetPeaks}, in bytes (all heap pools). */
    static long peakHeapBytes() { return peakHeapMb() * 1024 * 1024; }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum / (1024 * 1024);
    }
}
