package kmapcheck.cli;

import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
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
import java.util.stream.Stream;

/** Runs manifest entries with TLC or the explorer and judges them. */
public final class Runs {
    private final TlcRunner tlc;

    public Runs(TlcRunner tlc) { this.tlc = tlc; }

    public RunOutcome run(Manifest.Entry e) throws IOException, InterruptedException {
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

    RunOutcome runTlc(Manifest.Entry e) throws IOException, InterruptedException {
        SpecSource src = specSource(e.dir(), e.file());
        TlcResult r = tlc.check(e.id(), e.dir(), e.file(), src.variables());
        Trace trace = r.trace() == null ? null : annotate(r.trace(), src, Roles.NONE);
        Verdict v = switch (r.outcome()) {
            case PASS -> judgePass(e, r.distinctStates());
            case VIOLATION -> judgeViolation(e, r.kind(), r.property());
            default -> new Verdict("error: " + r.message(), false);
        };
        return new RunOutcome(e, v.actual(), v.ok(), r.distinctStates(), r.generated(), r.depth(), r.millis() / 1000.0, trace, r.message());
    }

    /**
     * A scenario with the TLC model it pairs with (manifest "model": spec/&lt;mechanism&gt;/MC&lt;model&gt;),
     * which fixes its constants and the properties it checks.
     */
    public static Scenario scenario(Manifest.Entry e) throws IOException {
        Path specDir = e.dir().getParent().getParent().resolve("spec").resolve(e.mechanism());
        return Scenario.load(e.id(), e.dir().resolve(e.file()), specDir, "MC" + e.model());
    }

    /**
     * Loads and builds every scenario among {@code entries} (with its model) before anything runs:
     * a broken scenario or one that disagrees with its model is bad input (one line, exit 2).
     */
    public static void checkScenarios(List<Manifest.Entry> entries) throws IOException {
        for (Manifest.Entry e : entries) if (e.tool() == Manifest.Tool.EXPLORER) Explore.explorer(scenario(e));
    }

    RunOutcome runExplorer(Manifest.Entry e) {
        Scenario s;
        try {
            s = scenario(e);
        } catch (IOException x) {
            return new RunOutcome(e, "error: " + x.getMessage(), false, 0, 0, 0, 0, null, x.getMessage());
        }
        ExplorationResult r;
        try {
            r = Explore.scenario(s);
        } catch (Scenario.ScenarioException x) {
            return new RunOutcome(e, "error: " + x.getMessage(), false, 0, 0, 0, 0, null, x.getMessage());
        }
        Verdict v = switch (r.verdict()) {
            case PASS -> judgePass(e, r.distinctStates());
            case VIOLATION -> judgeViolation(e, r.kind(), r.property());
            default -> new Verdict("INCOMPLETE: " + r.message(), false);
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
        return new RunOutcome(e, v.actual(), v.ok(), r.distinctStates(), r.transitions(), r.maxDepth() + 1, r.millis() / 1000.0, trace, r.message());
    }

    record Verdict(String actual, boolean ok) {}

    /** A complete run without violation meets "pass" if the distinct-state count matches the manifest's. */
    static Verdict judgePass(Manifest.Entry e, long distinct) {
        if (!e.expectsPass()) return new Verdict("pass", false);
        if (e.distinctStates() != null && e.distinctStates() != distinct)
            return new Verdict("pass, but " + distinct + " distinct states (manifest: " + e.distinctStates() + ")", false);
        return new Verdict("pass", true);
    }

    /** A violation meets the expectation only with the same kind and the same property. */
    static Verdict judgeViolation(Manifest.Entry e, String kind, String property) {
        return new Verdict(Manifest.kindWord(kind) + " " + property,
                !e.expectsPass() && kind.equals(e.kind()) && property.equals(e.property()));
    }

    /** Adds the kernel function (spec comment) of each action and, for TLC traces, the actor. */
    static Trace annotate(Trace t, SpecSource src, Roles roles) {
        Roles rs = roles != Roles.NONE ? roles : guessRoles(t);
        List<Trace.Action> as = new ArrayList<>();
        for (int i = 0; i < t.actions().size(); i++) {
            Trace.Action a = t.actions().get(i);
            if (a.kernel() == null && src.comments().containsKey(a.name())) a = a.withKernel(src.comments().get(a.name()));
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
