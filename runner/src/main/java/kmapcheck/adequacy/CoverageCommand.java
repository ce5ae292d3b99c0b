package kmapcheck.adequacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import kmapcheck.cli.Manifest;
import kmapcheck.tlc.TlcRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code kmapcheck coverage}: how much of the kernel code and of the specs the default configurations reach. */
public final class CoverageCommand {
    public static final String HELP = """
            usage: kmapcheck coverage [--json] [--out DIR] [--workers N] [MECHANISM...]
              What the default configurations reach, per mechanism (all when none is named):
              - code: JaCoCo line and branch coverage of reference-impl's kernel classes
                (package kmapcheck.<mechanism>) while a child JVM with JaCoCo's agent runs every default
                explorer scenario of the mechanism; JaCoCo's HTML report in OUT/coverage/<mechanism>/;
              - spec: TLC -coverage of every default passing model: how often each action of the
                next-state relation was taken (generated states), and the actions never taken.
              jpf-config/<mechanism>/unreached.json lists what no default configuration can reach and
              why (code by source text, spec actions by Module!Action). Everything else unreached is
              printed as a GAP (file:line for lines, file:line for lines with branches never taken,
              Module!Action for actions); an explanation of something that is reached is STALE.
              --json        one JSON object per mechanism (mechanism, lines, linesCovered, branches,
                            branchesCovered, specActions, specActionsNeverTaken, gaps, ...) instead of text
              --workers N   TLC worker threads (default 2)
              Exit 0: no gap, no stale explanation, every scenario/model met its expected verdict;
              1: some gap, stale explanation or failed run; 2: bad input (unknown mechanism, a broken
              or stale unreached.json).
            """;

    /** Everything measured for one mechanism. */
    public record MechanismCoverage(String mechanism, CodeCoverage.Result code, List<SpecCoverage.Action> actions,
                                    Gaps.Judgement judgement, List<String> runs, List<String> failedRuns, Path html,
                                    double seconds) {
        public List<String> neverTaken() { return actions.stream().filter(a -> !a.taken()).map(SpecCoverage.Action::id).toList(); }
        public boolean ok() { return judgement.clean() && failedRuns.isEmpty(); }
    }

    private CoverageCommand() {}

    public static int run(Path root, List<String> mechanisms, Map<String, String> opts, PrintStream out) throws Exception {
        if (opts.containsKey("help")) { out.print(HELP); return 0; }
        try {
            Options.allow(opts, "coverage", "json", "out", "workers", "help");
            Path outDir = Path.of(opts.getOrDefault("out", root.resolve("out").toString()));
            TlcRunner tlc = new TlcRunner(Options.positiveInt(opts, "workers", 2), 600, "3g");
            List<MechanismCoverage> all = new ArrayList<>();
            for (String m : Options.mechanisms(root, mechanisms)) {
                MechanismCoverage c = measure(root, m, outDir, tlc, opts.containsKey("json") ? null : out);
                all.add(c);
                if (!opts.containsKey("json")) printText(c, root, out);
            }
            if (opts.containsKey("json")) out.println(json(all));
            else printSummary(all, out);
            return all.stream().allMatch(MechanismCoverage::ok) ? 0 : 1;
        } catch (BadInput e) {
            System.err.println("kmapcheck: " + e.getMessage());
            return 2;
        }
    }

    /** Runs the scenarios under JaCoCo and the passing models under TLC -coverage; judges the result. */
    public static MechanismCoverage measure(Path root, String mech, Path outDir, TlcRunner tlc, PrintStream progress) throws Exception {
        long t0 = System.nanoTime();
        Path sources = root.resolve("reference-impl/src/main/java");
        Unreached.Explanations ex = Unreached.load(Unreached.fileOf(root, mech), mech, sources);
        Path dir = outDir.resolve("coverage").resolve(mech);
        Files.createDirectories(dir);
        Path exec = dir.resolve("jacoco.exec");
        Files.deleteIfExists(exec);
        if (progress != null) progress.println("coverage " + mech + ": default explorer scenarios under JaCoCo ...");
        List<String> runs = new ArrayList<>(), failed = new ArrayList<>();
        runScenariosWithAgent(root, mech, exec, runs, failed);
        CodeCoverage.Result code = CodeCoverage.analyse(mech, exec, CodeCoverage.referenceImplClasses(), sources, dir);
        if (progress != null) progress.println("coverage " + mech + ": default passing TLC models with -coverage ...");
        List<List<SpecCoverage.Action>> perModel = new ArrayList<>();
        for (Manifest.Entry e : Manifest.load(root, List.of(mech))) {
            // inductive models start from arbitrary IndInv states: their action counts say nothing about reachability
            if (e.tool() != Manifest.Tool.TLC || !e.dflt() || !e.expectsPass() || !e.mechanism().equals(mech)
                    || e.mode() != Manifest.Mode.EXHAUSTIVE) continue;
            TlcRunner.Raw raw = tlc.runRaw(e.dir(), e.file(), e.dir().resolve(e.file() + ".cfg"), List.of("-coverage", "60"));
            boolean passed = raw.exitCode() == 0;
            String line = "tlc " + e.id() + " " + (passed ? "pass" : "FAILED (exit " + raw.exitCode() + ")") + String.format(" %.1fs", raw.millis() / 1000.0);
            runs.add(line);
            if (!passed) failed.add(line);
            perModel.add(SpecCoverage.parse(e.name(), raw.output()));
        }
        List<SpecCoverage.Action> actions = SpecCoverage.merge(perModel);
        Gaps.Judgement j = Gaps.judge(code.code(), actions, ex);
        return new MechanismCoverage(mech, code, actions, j, runs, failed, dir.resolve("index.html"), (System.nanoTime() - t0) / 1e9);
    }

    /** A child JVM with JaCoCo's agent (only the mechanism's package instrumented) runs the scenarios. */
    static void runScenariosWithAgent(Path root, String mech, Path exec, List<String> runs, List<String> failed)
            throws IOException, InterruptedException {
        String agent = "-javaagent:" + CodeCoverage.agentJar() + "=destfile=" + exec.toAbsolutePath()
                + ",append=false,includes=kmapcheck." + mech + ".*";
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-XX:+UseParallelGC", agent, "-cp", System.getProperty("java.class.path"),
                ScenarioBatch.class.getName(), root.toString(), mech);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES)) p.destroyForcibly();
        for (String l : output.lines().toList()) {
            if (!l.startsWith(ScenarioBatch.PREFIX)) continue;
            String r = "explorer " + l.substring(ScenarioBatch.PREFIX.length());
            runs.add(r);
            if (r.split(" ")[2].equals("FAILED")) failed.add(r);
        }
        if (p.exitValue() != 0 || !Files.exists(exec))
            throw new IllegalStateException("the scenario JVM failed (exit " + p.exitValue() + "):\n" + output);
    }

    static String pct(int covered, int total) { return total == 0 ? "-" : String.format("%.1f%%", 100.0 * covered / total); }

    static void printText(MechanismCoverage c, Path root, PrintStream out) {
        CodeCoverage.Result r = c.code();
        out.printf("%n== %s: code %d/%d lines (%s), %d/%d branches (%s); spec %d/%d actions taken (%.0f s)%n", c.mechanism(),
                r.linesCovered(), r.lines(), pct(r.linesCovered(), r.lines()), r.branchesCovered(), r.branches(),
                pct(r.branchesCovered(), r.branches()), c.actions().size() - c.neverTaken().size(), c.actions().size(), c.seconds());
        out.println("  runs:");
        for (String s : c.runs()) out.println("    " + s);
        out.println("  spec actions (generated states, summed over the default passing models):");
        for (SpecCoverage.Action a : c.actions())
            out.printf("    %-40s %10d%s%n", a.id(), a.generated(), a.taken() ? "" : "   NEVER TAKEN");
        if (!c.judgement().explained().isEmpty()) {
            out.println("  explained in " + root.relativize(Unreached.fileOf(root, c.mechanism())) + ":");
            for (Gaps.Explained e : c.judgement().explained()) out.println("    " + e.where() + "  -- " + e.reason());
        }
        for (Gaps.Gap g : c.judgement().gaps()) out.println("  " + g);
        for (String s : c.judgement().stale()) out.println("  STALE " + s);
        for (String s : c.failedRuns()) out.println("  FAILED RUN " + s);
        out.println("  HTML: " + c.html());
    }

    static void printSummary(List<MechanismCoverage> all, PrintStream out) {
        out.printf("%n%-9s %-20s %-20s %-14s %5s %5s %s%n", "MECH", "LINES", "BRANCHES", "SPEC ACTIONS", "GAPS", "STALE", "NEVER TAKEN");
        for (MechanismCoverage c : all) {
            CodeCoverage.Result r = c.code();
            out.printf("%-9s %-20s %-20s %-14s %5d %5d %s%n", c.mechanism(),
                    r.linesCovered() + "/" + r.lines() + " " + pct(r.linesCovered(), r.lines()),
                    r.branchesCovered() + "/" + r.branches() + " " + pct(r.branchesCovered(), r.branches()),
                    (c.actions().size() - c.neverTaken().size()) + "/" + c.actions().size(),
                    c.judgement().gaps().size(), c.judgement().stale().size(), String.join(" ", c.neverTaken()));
        }
    }

    public static String json(List<MechanismCoverage> all) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MechanismCoverage c : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mechanism", c.mechanism());
            m.put("lines", c.code().lines());
            m.put("linesCovered", c.code().linesCovered());
            m.put("branches", c.code().branches());
            m.put("branchesCovered", c.code().branchesCovered());
            m.put("specActions", c.actions().size());
            m.put("specActionsNeverTaken", c.neverTaken());
            Map<String, Long> taken = new LinkedHashMap<>();
            for (SpecCoverage.Action a : c.actions()) taken.put(a.id(), a.generated());
            m.put("specActionGenerated", taken);
            m.put("gaps", c.judgement().gaps());
            m.put("explained", c.judgement().explained());
            m.put("stale", c.judgement().stale());
            m.put("runs", c.runs());
            m.put("failedRuns", c.failedRuns());
            m.put("html", c.html().toString());
            m.put("ok", c.ok());
            list.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list);
    }
}
