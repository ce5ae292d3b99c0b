package kmapcheck.cli;

import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Explorer;
import kmapcheck.link.Replay;
import kmapcheck.link.Validate;
import kmapcheck.trace.Trace;
import kmapcheck.trace.TraceJson;
import kmapcheck.trace.TraceText;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** replay / validate: the spec <-> implementation link (issue 2 §6). */
final class Links {
    private Links() {}

    static final String REPLAY_HELP = """
            usage: kmapcheck replay [--out DIR] [--workers N] [--timeout S] [--heap SIZE] [--extend PROPERTY] MODEL
              Runs TLC on MODEL (e.g. lwbuf/OrBug2009), then replays its counterexample step by step on
              the Java implementation (the scenario whose manifest "model" is MODEL): each spec step
              drives the Java calls and hardware choices that map to the next TLC state. With
              --extend PROPERTY, continues in Java to the nearest state violating PROPERTY
              (e.g. lwbuf/OrBug2009 --extend NoStaleAccess: the stale TLB entry is actually read);
              PROPERTY must be an invariant of the spec that the explorer checks (else exit 2 at once).
              TLC runs with one worker unless --workers says otherwise: its counterexample is then the
              first of its breadth-first search (with several workers it may return another one, which
              the Java code may not be able to follow: the spec allows more than the code does, e.g.
              sf_buf's wakeup_one may wake any sleeper, the Java sleep queue is FIFO).
              Exit 0 iff the counterexample is reproduced (and extended).
            example:
              kmapcheck replay lwbuf/OrBug2009 --extend NoStaleAccess
            """;
    static final String VALIDATE_HELP = """
            usage: kmapcheck validate [--out DIR] [--workers N] [--timeout S] [--heap SIZE] SCENARIO
              Explores SCENARIO (e.g. lwbuf/OrBug2009) and checks its counterexample against the spec
              with TLC: every Java state, mapped to the spec's variables, must satisfy TypeOK, every
              step must be a Next step or a stutter, and the last state must violate the same
              invariant. Exit 0 iff TLC accepts the trace.
            example:
              kmapcheck validate lwbuf/MigrateInKva
            """;

    static Manifest.Entry scenarioFor(List<Manifest.Entry> all, String modelId) {
        for (Manifest.Entry e : all)
            if (e.tool() == Manifest.Tool.EXPLORER && (e.mechanism() + "/" + e.model()).equals(modelId)) return e;
        throw new Main.UsageException("no scenario in jpf-config/ pairs with model '" + modelId + "'");
    }

    static int replay(Main.Args a, PrintStream out) throws Exception {
        if (Commands.help(a, out, REPLAY_HELP)) return 0;
        a.allow("out", "workers", "extend", "timeout", "heap");
        if (a.positional.size() != 1) throw new Main.UsageException("replay needs exactly one MODEL (see kmapcheck replay --help)");
        Path root = Main.root();
        List<Manifest.Entry> all = Manifest.load(root, a.positional);
        Manifest.Entry model = Commands.select(all, a.positional, false, true, Manifest.Tool.TLC).get(0);
        Manifest.Entry sc = scenarioFor(all, model.id());
        String prop = a.opts.get("extend");
        if (prop != null) checkExtendable(model, sc, prop);
        OutLock.acquire(a.out(root), System.err);
        RunOutcome tlc = new Runs(a.tlc(1)).run(model);
        if (tlc.trace() == null) {
            out.println("kmapcheck: TLC found no counterexample for " + model.id() + " (" + tlc.actual() + "): nothing to replay");
            return tlc.status() == RunOutcome.Status.OK || tlc.status() == RunOutcome.Status.MISMATCH ? 1 : tlc.status().exitCode;
        }
        Replay.Result r = Replay.run(tlc.trace(), Runs.scenario(sc));
        Trace t = r.javaTrace();
        if (r.reproduced() && prop != null) {
            List<Explorer.Edge> more = Replay.extendTo(r.explorer(), r.end(), prop, 200_000);
            if (more == null) {
                out.println("replay: no state violating " + prop + " is reachable from the replayed state (within 200000 states)");
                return 1;
            }
            List<Explorer.Edge> path = new ArrayList<>(replayPath(r));
            path.addAll(more);
            t = r.explorer().traceOf("replay", r.explorer().root(), path, new Trace.Violation("invariant", prop, null,
                    "TLC counterexample for " + r.finalViolation() + " replayed, then extended in Java"));
        }
        if (t != null) {
            Path dir = a.out(root).resolve("traces").resolve(model.mechanism());
            Files.createDirectories(dir);
            TraceJson.write(t, dir.resolve(model.name() + ".replay.json"));
            Files.writeString(dir.resolve(model.name() + ".replay.txt"), new TraceText(false).render(t));
            out.print(TraceText.forStdout().render(t));
        }
        out.println("replay: " + r.message());
        return r.reproduced() ? 0 : 1;
    }

    /**
     * {@code --extend PROP} before any search: PROP must be an operator of the model's spec and
     * an invariant the scenario's spec mapping checks on Java states (else bad input).
     */
    static void checkExtendable(Manifest.Entry model, Manifest.Entry sc, String prop) throws java.io.IOException {
        Path spec = Runs.specModule(model.dir(), model.file());
        if (kmapcheck.tlc.SpecSource.read(spec).definition(prop) == null
                && kmapcheck.tlc.SpecSource.read(model.dir().resolve(model.file() + ".tla")).definition(prop) == null)
            throw new Main.UsageException("--extend " + prop + ": no such operator in " + spec + " or " + model.file() + ".tla");
        List<String> checked = Explore.explorer(Runs.scenario(sc)).mapping().invariants().stream()
                .map(kmapcheck.explorer.SpecMapping.Invariant::name).toList();
        if (!checked.contains(prop))
            throw new Main.UsageException("--extend " + prop + ": not an invariant the explorer checks for " + sc.id()
                    + " (it checks: " + String.join(", ", checked) + ")");
    }

    /** The edges of a replay result, recovered from its trace by re-walking (paths are deterministic). */
    private static List<Explorer.Edge> replayPath(Replay.Result r) {
        List<Explorer.Edge> path = new ArrayList<>();
        Explorer.Node cur = r.explorer().root();
        Trace t = r.javaTrace();
        for (int i = 1; i < t.states().size(); i++) {
            Trace.Action want = t.actions().get(i);
            Explorer.Edge hit = null;
            for (Explorer.Edge e : r.explorer().expand(cur))
                if (e.mapped().equals(t.states().get(i).values()) && e.impl().equals(want.impl())) { hit = e; break; }
            if (hit == null) throw new IllegalStateException("replay path not reproducible at step " + i);
            path.add(hit);
            cur = hit.to();
        }
        return path;
    }

    static int validate(Main.Args a, PrintStream out) throws Exception {
        if (Commands.help(a, out, VALIDATE_HELP)) return 0;
        a.allow("out", "workers", "timeout", "heap");
        if (a.positional.size() != 1) throw new Main.UsageException("validate needs exactly one SCENARIO (see kmapcheck validate --help)");
        Path root = Main.root();
        List<Manifest.Entry> all = Manifest.load(root, a.positional);
        Manifest.Entry sc = Commands.select(all, a.positional, false, true, Manifest.Tool.EXPLORER).get(0);
        ExplorationResult r = Explore.scenario(Runs.scenario(sc));
        if (r.trace() == null) {
            out.println("kmapcheck: the exploration of " + sc.id() + " found no counterexample (" + r.verdict() + "): nothing to validate");
            return 1;
        }
        Path specDir = root.resolve("spec").resolve(sc.mechanism());
        String prop = "invariant".equals(r.kind()) ? r.property() : null;
        Validate.Result v = Validate.run(a.tlc(), specDir, "MC" + sc.model(), r.trace(), prop);
        out.println("validate " + sc.id() + " against MC" + sc.model() + ": " + v.message());
        return v.accepted() ? 0 : 1;
    }
}
