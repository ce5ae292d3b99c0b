package kmapcheck.cli;

import kmapcheck.cli.RunOutcome.Status;
import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Outcome;
import kmapcheck.explorer.RunOptions;
import kmapcheck.explorer.search.SearchListener;
import kmapcheck.explorer.Scenario;
import kmapcheck.tlc.SpecSource;
import kmapcheck.tlc.TlcResult;
import kmapcheck.tlc.TlcRunner;
import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Runs manifest entries with TLC or the explorer and judges them. Models expected to fail run TLC
 * with one worker, and an unexpected violation found with several workers is re-checked with one:
 * one-worker breadth-first search makes every counterexample a shortest one and the same on every
 * run (TLC's own advice; several workers race for the first violation).
 */
public final class Runs {
    private final TlcRunner tlc;
    private final Options options;

    /**
     * What a run needs from the command line (issue 14).
     *
     * @param timeoutSeconds per model/scenario: TLC is killed, the explorer stopped; INCOMPLETE
     * @param overrides      {@code -D key=value}: scenario keys replaced (explorer bounds etc.)
     * @param cancel         set on Ctrl-C/SIGTERM: the running tool stops, the row is interrupted
     * @param progressMillis interval of progress reports; 0 = none
     * @param progress       receives (entry, figures) at each interval; may be null
     * @param explorerWorkers the explorer's search threads (0: the scenario's, else the machine's cores)
     */
    public record Options(long timeoutSeconds, Map<String, String> overrides, AtomicBoolean cancel, long progressMillis,
                          BiConsumer<Manifest.Entry, Figures> progress, int explorerWorkers) {
        public static Options defaults(long timeoutSeconds) {
            return new Options(timeoutSeconds, Map.of(), new AtomicBoolean(), 0, null, 0);
        }
    }

    /** Progress figures of either tool; generated is TLC's states generated or the explorer's transitions. */
    public record Figures(long distinct, long generated, long queue, int depth, long millis) {}

    /** TLC with its own timeout, no cancellation and no progress. */
    public Runs(TlcRunner tlc) { this(tlc, Options.defaults(tlc.timeoutSeconds())); }

    /** The entry being run: TLC's progress callback (on its output reader thread) names it. */
    private final AtomicReference<Manifest.Entry> current = new AtomicReference<>();

    public Runs(TlcRunner tlc, Options options) {
        this.options = options;
        this.tlc = new TlcRunner(tlc.workers(), options.timeoutSeconds(), tlc.heap(), new TlcRunner.Control(options.cancel(),
                options.progressMillis(), options.progress() == null ? null : p -> options.progress().accept(current.get(),
                new Figures(p.distinct(), p.generated(), p.queue(), p.depth(), p.millis())))).distributed(tlc.distributedWorkers());
    }

    public RunOutcome run(Manifest.Entry e) throws IOException, InterruptedException {
        current.set(e);
        return e.tool() == Manifest.Tool.TLC ? runTlc(e) : runExplorer(e);
    }

    /** The spec module of a mechanism folder: the one .tla that is not an MC module. */
    public static Path specFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> specs = s.filter(p -> p.toString().endsWith(".tla") && !p.getFileName().toString().startsWith("MC")).sorted().toList();
            if (specs.isEmpty()) throw new Manifest.ManifestException(dir + ": no spec module (a .tla file not named MC*)");
            return specs.get(0);
        }
    }

    /** The spec module an MC module EXTENDS (falling back to the folder's spec module). */
    public static Path specModule(Path dir, String mcModule) throws IOException {
        String text = Files.readString(dir.resolve(mcModule + ".tla"));
        var m = java.util.regex.Pattern.compile("EXTENDS\\s+([A-Za-z0-9_]+)").matcher(text);
        return m.find() && Files.exists(dir.resolve(m.group(1) + ".tla")) ? dir.resolve(m.group(1) + ".tla") : specFile(dir);
    }

    /** Variables and comments of the spec module an MC module extends. */
    public static SpecSource specSource(Path dir, String mcModule) throws IOException {
        return SpecSource.read(specModule(dir, mcModule));
    }

    private volatile long lastTlcPeakRssKb;

    /** Peak RSS of the TLC JVM of the last TLC run, in KiB (0 if unknown): the runner that ran it may be a one-worker copy. */
    public long lastTlcPeakRssKb() { return lastTlcPeakRssKb; }

    private volatile double lastTlcCpuSeconds;

    /** CPU seconds (user + system, all threads) of the TLC JVM of the last TLC run. */
    public double lastTlcCpuSeconds() { return lastTlcCpuSeconds; }

    RunOutcome runTlc(Manifest.Entry e) throws IOException, InterruptedException {
        SpecSource src = e.adHoc() ? SpecSource.read(e.dir().resolve(e.file() + ".tla")) : specSource(e.dir(), e.file());
        boolean sampled = e.mode() == Manifest.Mode.INDUCTIVE_SAMPLED;
        // simulation from random IndInv states with a fixed seed: TLC checks the invariants on every
        // successor it generates (a one-step violation is found even at -depth 1); -depth 2 takes a
        // step from each random initial state and checks the states after it
        List<String> options = sampled ? List.of("-simulate", "num=" + e.samples(), "-depth", "2", "-seed", "20261130") : List.of();
        // a model expected to fail: one worker from the start (shortest, reproducible counterexample)
        TlcRunner runner = (!e.expectsPass() || sampled) && !e.adHoc() ? tlc.withWorkers(1) : tlc;
        TlcResult r = runner.check(e.id(), e.dir(), e.file(), e.cfg(), src.variables(), options);
        if (r.outcome() == TlcResult.Outcome.VIOLATION && (runner.workers() > 1 || runner.distributedWorkers() > 0)) {
            // an unexpected violation found by racing workers: minimise with one worker
            runner = tlc.withWorkers(1);
            TlcResult one = runner.check(e.id(), e.dir(), e.file(), e.cfg(), src.variables(), options);
            if (one.outcome() != TlcResult.Outcome.STOPPED) r = one;
            else runner = tlc;
        }
        lastTlcPeakRssKb = runner.lastPeakRssKb();
        lastTlcCpuSeconds = runner.lastCpuSeconds();
        Trace trace = r.trace() == null ? null : annotate(r.trace(), src, Roles.NONE);
        Judged j = switch (r.outcome()) {
            case PASS -> sampled ? judgeSampled(e, r.generated()) : judgePass(e, r.distinctStates(), true);
            case VIOLATION -> e.mode() == Manifest.Mode.EXHAUSTIVE ? judgeViolation(e, r.kind(), r.property())
                    : judgeCounterexampleToInduction(e, r.kind(), r.property(), trace);
            case ERROR -> new Judged(Status.MISMATCH, RunOutcome.Result.of("error", r.message()), "error: " + r.message());
            case BAD_INPUT -> new Judged(Status.BAD_INPUT, RunOutcome.Result.of("bad-input", r.message()), "bad input: " + r.message());
            case TOOL_FAILURE -> new Judged(Status.TOOL_FAILURE, RunOutcome.Result.of("tool-failure", r.message()), r.message());
            case STOPPED -> stopped(r.message());
        };
        return outcome(e, j, r.distinctStates(), r.generated(), r.depth(), r.millis() / 1000.0, trace, r.message(), runner.workers());
    }

    /**
     * A scenario with the TLC model it pairs with (manifest "model": spec/&lt;mechanism&gt;/MC&lt;model&gt;),
     * which fixes its constants and the properties it checks.
     */
    public static Scenario scenario(Manifest.Entry e) throws IOException { return scenario(e, Map.of()); }

    /** As {@link #scenario(Manifest.Entry)}, with the command line's {@code -D key=value} overrides applied. */
    public static Scenario scenario(Manifest.Entry e, Map<String, String> overrides) throws IOException {
        Path mc = e.adHoc() ? Path.of(e.model())
                : e.dir().getParent().getParent().resolve("spec").resolve(e.mechanism()).resolve("MC" + e.model());
        Scenario s = Scenario.load(e.id(), e.dir().resolve(e.file()), mc.getParent(), mc.getFileName().toString());
        return overrides.isEmpty() ? s : s.with(overrides);
    }

    RunOutcome runExplorer(Manifest.Entry e) {
        ExplorationResult r;
        long t0 = System.nanoTime();
        try {
            Scenario s = scenario(e, options.overrides());
            RunOptions run = RunOptions.defaults().withWorkers(options.explorerWorkers()).withTimeout(options.timeoutSeconds())
                    .withCancel(() -> options.cancel() != null && options.cancel().get());
            if (options.progress() != null && options.progressMillis() > 0) {
                run = run.withProgressSeconds(options.progressMillis() / 1000.0).withListener(new SearchListener() {
                    @Override public void progress(Progress p) {
                        options.progress().accept(e, new Figures(p.distinct(), p.transitions(), p.queue(), p.depth(),
                                (long) (p.seconds() * 1000)));
                    }
                });
            }
            r = Explore.scenario(s, run);
        } catch (IOException | Scenario.ScenarioException x) {
            String msg = x instanceof IOException ? e.dir().resolve(e.file()) + ": cannot read: " + x.getMessage() : x.getMessage();
            return outcome(e, new Judged(Status.BAD_INPUT, RunOutcome.Result.of("bad-input", msg), "bad input: " + msg),
                    -1, -1, -1, (System.nanoTime() - t0) / 1e9, null, msg, 0);
        }
        Judged j = switch (r.verdict()) {
            case PASS -> judgePass(e, r.distinctStates(), options.overrides().isEmpty());
            case VIOLATION -> judgeViolation(e, r.kind(), r.property());
            case INCOMPLETE -> {
                Outcome.Bound b = ((Outcome.Incomplete) r.outcome()).bound();
                if (b instanceof Outcome.Bound.Cancelled) yield stopped("interrupted");
                if (b instanceof Outcome.Bound.Timeout) yield stopped("timeout after " + options.timeoutSeconds() + " s");
                yield new Judged(Status.INCOMPLETE, RunOutcome.Result.of("incomplete", r.message()), "INCOMPLETE: " + r.message());
            }
        };
        Trace trace = r.trace();
        if (trace != null) {
            try {
                Path mc = e.dir().getParent().getParent().resolve("spec").resolve(e.mechanism());
                if (e.model() != null && Files.exists(mc.resolve("MC" + e.model() + ".tla")))
                    trace = annotate(trace, specSource(mc, "MC" + e.model()), Roles.NONE);
            } catch (IOException ignored) {
                // kernel-function annotations are optional
            }
        }
        // DEPTH counts states on the longest shortest path, as TLC does (the explorer counts steps)
        return outcome(e, j, r.distinctStates(), r.transitions(), r.maxDepth() + 1, r.millis() / 1000.0, trace, r.message(), r.workers());
    }

    /** The class, the structured result and the text of one run. */
    record Judged(Status status, RunOutcome.Result result, String actual) {}

    private static RunOutcome outcome(Manifest.Entry e, Judged j, long distinct, long generated, int depth, double seconds,
                                      Trace trace, String note, int workers) {
        return new RunOutcome(e, j.status(), j.result(), j.actual(), j.status() == Status.OK, distinct, generated, depth, seconds,
                trace, note, workers);
    }

    /** Killed on our timeout (INCOMPLETE, never a pass) or stopped by Ctrl-C/SIGTERM. */
    private static Judged stopped(String why) {
        return why.equals("interrupted")
                ? new Judged(Status.INTERRUPTED, RunOutcome.Result.of("interrupted", why), "INTERRUPTED")
                : new Judged(Status.INCOMPLETE, RunOutcome.Result.of("incomplete", why), "INCOMPLETE: " + why);
    }

    /**
     * A complete run without violation meets "pass" if the distinct-state count matches the
     * manifest's (unless -D overrides changed the scenario). With no expectation (a file outside the
     * manifests) a pass is what a user asks for.
     */
    static Judged judgePass(Manifest.Entry e, long distinct, boolean countApplies) {
        if (e.adHoc()) return new Judged(Status.OK, RunOutcome.Result.pass(), "pass");
        if (!e.expectsPass()) return new Judged(Status.MISMATCH, RunOutcome.Result.pass(), "pass");
        if (!countApplies) return new Judged(Status.OK, RunOutcome.Result.pass(), "pass (-D: count not compared)");
        if (e.distinctStates() != null && e.distinctStates() != distinct)
            return new Judged(Status.MISMATCH, RunOutcome.Result.pass(),
                    "pass, but " + distinct + " distinct states (manifest: " + e.distinctStates() + ")");
        return new Judged(Status.OK, RunOutcome.Result.pass(), "pass");
    }

    /**
     * A sampled induction check that found nothing: bounded, so its verdict is "sampled", never
     * "pass"; it meets an expected "pass" (no counterexample to induction expected).
     */
    static Judged judgeSampled(Manifest.Entry e, long generated) {
        String text = "sampled: no counterexample to induction in " + e.samples() + " behaviours (" + generated
                + " states generated; not exhaustive)";
        return new Judged(e.expectsPass() ? Status.OK : Status.MISMATCH, RunOutcome.Result.of("sampled", text), text);
    }

    /**
     * A violation in an inductive model is a counterexample to induction: an IndInv state and one
     * step of the named action to a state violating the named conjunct.
     */
    static Judged judgeCounterexampleToInduction(Manifest.Entry e, String kind, String property, Trace trace) {
        Judged v = judgeViolation(e, kind, property);
        String action = trace != null && trace.actions().size() > 1 ? trace.actions().get(trace.actions().size() - 1).name() : "?";
        return new Judged(v.status(), v.result(), "not inductive: " + property + " after " + action);
    }

    /**
     * A violation meets the expectation only with the same kind and the same property. With no
     * expectation it is reported as a difference (exit 1), as TLC exits non-zero on a violation.
     */
    static Judged judgeViolation(Manifest.Entry e, String kind, String property) {
        boolean ok = !e.adHoc() && !e.expectsPass() && kind.equals(e.kind()) && property.equals(e.property());
        return new Judged(ok ? Status.OK : Status.MISMATCH, RunOutcome.Result.violation(kind, property),
                Manifest.kindWord(kind) + " " + property);
    }

    /** Adds the kernel function (spec comment) and definition site of each action and, for TLC traces, the actor. */
    static Trace annotate(Trace t, SpecSource src, Roles roles) {
        Roles rs = roles != Roles.NONE ? roles : guessRoles(t);
        List<Trace.Action> as = new ArrayList<>();
        for (int i = 0; i < t.actions().size(); i++) {
            Trace.Action a = t.actions().get(i);
            if (a.kernel() == null && src.comments().containsKey(a.name())) a = a.withKernel(src.comments().get(a.name()));
            // file:line of the action's definition, the same for TLC (which gives the body's span) and the explorer
            if (i > 0 && src.location(a.name()) != null) a = a.withLocation(src.location(a.name()));
            if (a.actor().isEmpty() && i > 0) a = a.withActor(rs.actorOf(t.vars(), t.states().get(i - 1), t.states().get(i)));
            as.add(a);
        }
        return new Trace(t.source(), t.model(), t.vars(), t.states(), as, t.violation());
    }

    /**
     * Roles from conventional names: threads are the domain of "pc"; the thread's CPU is in
     * "tcpu" or "cpu"; CPUs are the domain of "tlb".
     */
    static Roles guessRoles(Trace t) {
        List<String> v = t.vars();
        String threads = v.contains("pc") ? "pc" : null;
        String cpuOf = v.contains("tcpu") ? "tcpu" : v.contains("cpu") ? "cpu" : null;
        String cpus = v.contains("tlb") ? "tlb" : null;
        return new Roles(threads, cpuOf, cpus);
    }

}
