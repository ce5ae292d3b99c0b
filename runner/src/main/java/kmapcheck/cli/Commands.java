package kmapcheck.cli;

import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Scenario;
import kmapcheck.trace.TraceText;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The subcommands. */
final class Commands {
    private Commands() {}

    static final String RUN_OPTIONS = """
              --out DIR            output folder (default out/); one run at a time per folder (lock DIR/.lock)
              --workers N          TLC worker threads for models expected to pass (default 2); models
                                   expected to fail run with 1 (shortest, reproducible counterexamples)
              --timeout S          per model/scenario (default 1800): TLC is killed, the explorer stopped,
                                   the row is INCOMPLETE (exit 3), never a pass
              --heap SIZE          TLC's Java heap (default 4g)
              --progress S         a progress line every S seconds (default 10; 0 = none), in place on a terminal
              -D key=value         replace a scenario (.jpf) key, e.g. -D search.max_states=100000
              --include-optional   also run models marked "default": false (bigger configurations)
            """;
    static final String CHECK_HELP = """
            usage: kmapcheck check [OPTIONS] [MECHANISM...]
              Runs every default TLC model and explorer scenario (of the named mechanisms, or all),
              prints the summary table (expected, actual, distinct states, depth, wall time), writes
              out/summary.txt, out/summary.json (JSON Schema: summary.schema.json in the runner), out/junit.xml
              (one testcase per row), every counterexample under out/traces/ as JSON (TLC -dumpTrace json
              shape) and text, and the HTML report out/report/. Exit code: see kmapcheck --help.
            """ + RUN_OPTIONS + """
            examples:
              kmapcheck check
              kmapcheck check lwbuf sfbuf --timeout 120 --workers 1
            """;
    static final String TLC_HELP = """
            usage: kmapcheck tlc [OPTIONS] (MODEL... | --all)
                   kmapcheck tlc [OPTIONS] path/to/Spec.tla [--config path/to/X.cfg]
              MODEL is mechanism/name (e.g. lwbuf/OrBug2009) or a mechanism (all its default models).
              Prints the verdict against the manifest and the counterexample; writes traces, summary.json
              and junit.xml under out/. A .tla file outside the manifests is checked with --config (default:
              the .cfg beside it): no expectation, the verdict is printed; exit 0 on pass, 1 on a violation.
              --distributed N   TLC's distributed mode: a TLCServer JVM and N TLCWorker JVMs on loopback
                                (RMI port 10997, one distributed run per machine at a time); the way to
                                spread one model over many machines. A model expected to fail, and any
                                violation found, is (re)checked by one ordinary TLC worker, which names
                                the property and gives the shortest counterexample.
            """ + RUN_OPTIONS + """
            examples:
              kmapcheck tlc lwbuf/OrBug2009
              kmapcheck tlc --distributed 2 sfbuf/BenchSMPC2B2 --include-optional
              kmapcheck tlc spec/lwbuf/MCFixed.tla --config spec/lwbuf/MCFixed.cfg --workers 1
            """;
    static final String EXPLORE_HELP = """
            usage: kmapcheck explore [OPTIONS] (SCENARIO... | --all)
                   kmapcheck explore [OPTIONS] path/to/x.jpf --model path/to/MCx.tla
              SCENARIO is mechanism/name (jpf-config/<mechanism>/<name>.jpf) or a mechanism. A scenario
              takes its constants and properties from its TLC model (the manifest's "model", or --model).
              Exhaustive exploration of the Java reference implementation; a run that hits a bound
              (search.max_states / search.max_depth) or --timeout is INCOMPLETE, never a pass. A .jpf file
              outside the manifests has no expectation: exit 0 on pass, 1 on a violation.
            """ + RUN_OPTIONS + """
            examples:
              kmapcheck explore lwbuf/MigrateInKva
              kmapcheck explore sfbuf/Fixed -D search.max_states=50000 --timeout 30
            """;
    static final String LIST_HELP = """
            usage: kmapcheck list [MECHANISM | MECHANISM/NAME ...]
              Lists models and scenarios (all, or those of the named mechanisms / ids) with their expected
              verdicts ('*' = runs in check).
            examples:
              kmapcheck list
              kmapcheck list lwbuf
            """;

    static boolean help(Main.Args a, PrintStream out, String text) {
        if (a.flag("help")) { out.print(text); return true; }
        return false;
    }

    /** Resolves ids/mechanisms to manifest entries of one tool (or both). */
    static List<Manifest.Entry> select(List<Manifest.Entry> all, List<String> ids, boolean allFlag, boolean optional,
                                       Manifest.Tool tool) {
        List<Manifest.Entry> out = new ArrayList<>();
        if (allFlag || ids.isEmpty()) {
            for (Manifest.Entry e : all) if ((tool == null || e.tool() == tool) && (e.dflt() || optional)) out.add(e);
            return out;
        }
        for (String id : ids) {
            List<Manifest.Entry> hit = new ArrayList<>();
            for (Manifest.Entry e : all) {
                if (tool != null && e.tool() != tool) continue;
                if (e.id().equals(id) || (e.mechanism().equals(id) && (e.dflt() || optional))) hit.add(e);
            }
            if (hit.isEmpty()) throw unknown(all, id, tool);
            for (Manifest.Entry e : hit) if (!out.contains(e)) out.add(e);
        }
        return out;
    }

    /** "unknown model 'x'": the known ids of x's mechanism, or the known mechanisms. */
    private static Main.UsageException unknown(List<Manifest.Entry> loaded, String id, Manifest.Tool tool) {
        String what = tool == Manifest.Tool.EXPLORER ? "scenario" : tool == Manifest.Tool.TLC ? "model" : "model or scenario";
        String mech = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        List<String> same = loaded.stream().filter(e -> (tool == null || e.tool() == tool) && e.mechanism().equals(mech))
                .map(Manifest.Entry::id).distinct().toList();
        String hint;
        if (!same.isEmpty()) hint = "known: " + String.join(", ", same);
        else {
            List<String> mechs;
            try {
                mechs = Manifest.load(Main.root()).stream().map(Manifest.Entry::mechanism).distinct().toList();
            } catch (IOException e) {
                mechs = List.of();
            }
            hint = "no mechanism '" + mech + "'; mechanisms: " + String.join(", ", mechs) + "; see kmapcheck list";
        }
        return new Main.UsageException("unknown " + what + " '" + id + "' (" + hint + ")");
    }

    static int check(Main.Args a, PrintStream out) throws Exception {
        if (help(a, out, CHECK_HELP)) return 0;
        a.allow("out", "workers", "include-optional", "timeout", "heap", "progress", "D");
        Path root = Main.root();
        List<Manifest.Entry> all = Manifest.load(root, a.positional);
        List<Manifest.Entry> sel = select(all, a.positional, a.positional.isEmpty(), a.flag("include-optional"), null);
        return runAndReport(sel, a, root, out, true);
    }

    static int tlc(Main.Args a, PrintStream out) throws Exception {
        if (help(a, out, TLC_HELP)) return 0;
        a.allow("out", "workers", "include-optional", "all", "timeout", "config", "heap", "progress", "distributed");
        if (a.positional.isEmpty() && !a.flag("all")) throw new Main.UsageException("tlc needs MODEL... or --all (see kmapcheck tlc --help)");
        Path root = Main.root();
        List<Manifest.Entry> sel;
        if (a.positional.size() == 1 && a.positional.get(0).endsWith(".tla")) {
            sel = List.of(adHocTlc(Path.of(a.positional.get(0)), a.opts.get("config")));
        } else {
            if (a.flag("config")) throw new Main.UsageException("--config goes with a .tla file (kmapcheck tlc path/to/Spec.tla --config X.cfg)");
            sel = select(Manifest.load(root, a.positional), a.positional, a.flag("all"), a.flag("include-optional"), Manifest.Tool.TLC);
        }
        return runAndReport(sel, a, root, out, true);
    }

    static Manifest.Entry adHocTlc(Path tla, String config) {
        if (!Files.isRegularFile(tla)) throw new Main.UsageException(tla + ": no such file");
        Path cfg = config != null ? Path.of(config) : tla.resolveSibling(tla.getFileName().toString().replaceAll("\\.tla$", ".cfg"));
        if (!Files.isRegularFile(cfg))
            throw new Main.UsageException(cfg + ": no such file" + (config == null ? " (give the model's configuration with --config X.cfg)" : ""));
        return Manifest.Entry.adHocTlc(tla, cfg);
    }

    static int explore(Main.Args a, PrintStream out) throws Exception {
        if (help(a, out, EXPLORE_HELP)) return 0;
        a.allow("out", "include-optional", "all", "timeout", "progress", "D", "model", "workers");
        if (a.positional.isEmpty() && !a.flag("all")) throw new Main.UsageException("explore needs SCENARIO... or --all (see kmapcheck explore --help)");
        Path root = Main.root();
        List<Manifest.Entry> sel;
        if (a.positional.size() == 1 && a.positional.get(0).endsWith(".jpf")) {
            Path jpf = Path.of(a.positional.get(0));
            if (!Files.isRegularFile(jpf)) throw new Main.UsageException(jpf + ": no such file");
            String model = a.opts.get("model");
            if (model == null) throw new Main.UsageException(jpf + ": a scenario outside the manifests needs --model path/to/MCx.tla (the model giving its constants and properties)");
            if (!Files.isRegularFile(Path.of(model))) throw new Main.UsageException(model + ": no such file");
            sel = List.of(Manifest.Entry.adHocScenario(jpf, Path.of(model)));
        } else {
            sel = select(Manifest.load(root, a.positional), a.positional, a.flag("all"), a.flag("include-optional"), Manifest.Tool.EXPLORER);
        }
        return runAndReport(sel, a, root, out, true);
    }

    static int list(Main.Args a, PrintStream out) throws Exception {
        if (help(a, out, LIST_HELP)) return 0;
        a.allow();
        List<Manifest.Entry> all = Manifest.load(Main.root(), a.positional);
        List<Manifest.Entry> sel = a.positional.isEmpty() ? all : select(all, a.positional, false, true, null);
        for (Manifest.Entry e : sel)
            out.printf("%s %-34s %-9s %-34s %s%n", e.dflt() ? "*" : " ", e.id(), e.tool().label(), e.expectedText(), e.description());
        return 0;
    }

    /**
     * Checks every selected scenario file before anything runs: unknown keys, types, ranges, keys
     * given twice, -D keys no scenario reads (bad input, exit 2, naming the file and the key).
     */
    static void preflight(List<Manifest.Entry> sel, Main.Args a) throws IOException {
        for (Manifest.Entry e : sel) {
            if (e.tool() != Manifest.Tool.EXPLORER) continue;
            try {
                Explore.explorer(Runs.scenario(e, a.defines));
            } catch (Scenario.ScenarioException x) {
                String m = x.getMessage();
                for (String k : a.defines.keySet())
                    if (m.contains("'" + k + "'")) m += " (set by -D " + k + "=" + a.defines.get(k) + ")";
                throw new Scenario.ScenarioException(m);
            }
        }
    }

    static int runAndReport(List<Manifest.Entry> sel, Main.Args a, Path root, PrintStream out, boolean summaryFiles) throws Exception {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        preflight(sel, a);
        Path outDir = a.out(root);
        OutLock.acquire(outDir, System.err);
        ProgressLine progress = new ProgressLine(System.err, ProgressLine.terminal());
        Runs runs = a.runs(progress);
        boolean oneOff = sel.size() == 1 || !summaryFiles;
        List<RunOutcome> results = new ArrayList<>();
        out.println(Summary.header());
        for (Manifest.Entry e : sel) {
            if (Interrupts.CANCEL.get()) break;
            RunOutcome r = runs.run(e);
            progress.clear();
            results.add(r);
            out.println(Summary.row(r));
            Main.writeTrace(outDir, r);
            if (r.status() == RunOutcome.Status.BAD_INPUT || r.status() == RunOutcome.Status.TOOL_FAILURE)
                System.err.println("kmapcheck: " + e.id() + ": " + r.result().detail());
            if (oneOff && r.trace() != null && !Interrupts.CANCEL.get()) out.print(TraceText.forStdout().render(r.trace()));
        }
        boolean interrupted = Interrupts.CANCEL.get();
        out.println(Summary.footer(results, interrupted));
        int code = RunOutcome.Status.exitCode(results, interrupted);
        if (summaryFiles) {
            Files.createDirectories(outDir);
            Summary.RunInfo info = new Summary.RunInfo(concat(a.cmd, a.raw), start, (System.nanoTime() - t0) / 1e9, a.workers(),
                    a.timeout(), interrupted, code);
            Files.writeString(outDir.resolve("summary.txt"), Summary.table(results, interrupted));
            Files.writeString(outDir.resolve("summary.json"), Summary.json(results, info, root));
            Files.writeString(outDir.resolve("junit.xml"), Summary.junit(results, info));
            out.println("traces: " + outDir.resolve("traces") + "   summary: " + outDir.resolve("summary.txt")
                    + " (.json, junit.xml)");
            Reports.write(outDir, results, out);
        }
        return code;
    }

    private static List<String> concat(String cmd, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(cmd);
        l.addAll(rest);
        return l;
    }
}
