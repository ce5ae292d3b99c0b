package kmapcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kmapcheck.trace.TraceText;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The subcommands. */
final class Commands {
    private Commands() {}

    static final String CHECK_HELP = """
            usage: kmapcheck check [--out DIR] [--workers N] [--include-optional] [MECHANISM...]
              Runs every default TLC model and explorer scenario (of the named mechanisms, or all),
              prints the summary table (expected, actual, distinct states, depth, wall time), writes
              out/summary.txt, out/summary.json and every counterexample under out/traces/ as JSON
              (TLC -dumpTrace json shape) and text. Exit 0 iff every row met its expected verdict.
              --workers N          TLC worker threads (default 2)
              --include-optional   also run models marked "default": false (bigger configurations)
            """;
    static final String TLC_HELP = """
            usage: kmapcheck tlc [--out DIR] [--workers N] [--timeout S] [--include-optional] (MODEL... | --all)
              MODEL is mechanism/name (e.g. lwbuf/OrBug2009) or a mechanism (all its default models).
              Prints the verdict against the manifest and the counterexample; writes traces under out/.
            """;
    static final String EXPLORE_HELP = """
            usage: kmapcheck explore [--out DIR] [--include-optional] (SCENARIO... | --all)
              SCENARIO is mechanism/name (jpf-config/<mechanism>/<name>.jpf) or a mechanism.
              Exhaustive exploration of the Java reference implementation; a run that hits a bound
              (search.max_states / search.max_depth) is INCOMPLETE, never a pass.
            """;
    static final String LIST_HELP = """
            usage: kmapcheck list
              Lists every model and scenario with its expected verdict ('*' = runs in check).
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
            if (hit.isEmpty()) {
                List<String> known = all.stream().filter(e -> tool == null || e.tool() == tool).map(Manifest.Entry::id).distinct().toList();
                throw new Main.UsageException("unknown " + (tool == Manifest.Tool.EXPLORER ? "scenario" : "model") + " '" + id
                        + "' (known: " + String.join(", ", known) + ")");
            }
            for (Manifest.Entry e : hit) if (!out.contains(e)) out.add(e);
        }
        return out;
    }

    static int check(Main.Args a, PrintStream out) throws Exception {
        if (help(a, out, CHECK_HELP)) return 0;
        a.allow("out", "workers", "include-optional", "timeout");
        Path root = Main.root();
        List<Manifest.Entry> all = Manifest.load(root, a.positional);
        List<Manifest.Entry> sel = select(all, a.positional, a.positional.isEmpty(), a.flag("include-optional"), null);
        return runAndReport(sel, a, root, out, true);
    }

    static int tlc(Main.Args a, PrintStream out) throws Exception {
        if (help(a, out, TLC_HELP)) return 0;
        a.allow("out", "workers", "include-optional", "all", "timeout");
        if (a.positional.isEmpty() && !a.flag("all")) throw new Main.UsageException("tlc needs MODEL... or --all (see kmapcheck tlc --help)");
        Path root = Main.root();
        List<Manifest.Entry> sel = select(Manifest.load(root, a.positional), a.positional, a.flag("all"), a.flag("include-optional"), Manifest.Tool.TLC);
        return runAndReport(sel, a, root, out, false);
    }

    static int explore(Main.Args a, PrintStream out) throws Exception {
        if (help(a, out, EXPLORE_HELP)) return 0;
        a.allow("out", "include-optional", "all");
        if (a.positional.isEmpty() && !a.flag("all")) throw new Main.UsageException("explore needs SCENARIO... or --all (see kmapcheck explore --help)");
        Path root = Main.root();
        List<Manifest.Entry> sel = select(Manifest.load(root, a.positional), a.positional, a.flag("all"), a.flag("include-optional"), Manifest.Tool.EXPLORER);
        return runAndReport(sel, a, root, out, false);
    }

    static int list(Main.Args a, PrintStream out) throws Exception {
        if (help(a, out, LIST_HELP)) return 0;
        a.allow();
        for (Manifest.Entry e : Manifest.load(Main.root()))
            out.printf("%s %-34s %-9s %-34s %s%n", e.dflt() ? "*" : " ", e.id(), e.tool().label(), e.expectedText(), e.description());
        return 0;
    }

    static int runAndReport(List<Manifest.Entry> sel, Main.Args a, Path root, PrintStream out, boolean summaryFiles) throws Exception {
        Path outDir = a.out(root);
        Runs.checkScenarios(sel);
        Runs runs = new Runs(a.tlc());
        List<RunOutcome> results = new ArrayList<>();
        out.println(Summary.header());
        for (Manifest.Entry e : sel) {
            RunOutcome r = runs.run(e);
            results.add(r);
            out.println(Summary.row(r));
            Main.writeTrace(outDir, r);
            if (!summaryFiles && r.trace() != null) out.print(TraceText.forStdout().render(r.trace()));
        }
        int bad = (int) results.stream().filter(r -> !r.ok()).count();
        out.println(Summary.footer(results));
        if (summaryFiles) {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("summary.txt"), Summary.table(results));
            Files.writeString(outDir.resolve("summary.json"), Summary.json(results));
            out.println("traces: " + outDir.resolve("traces") + "   summary: " + outDir.resolve("summary.txt"));
            Reports.write(outDir, results, out);
        }
        return bad == 0 ? 0 : 1;
    }
}
