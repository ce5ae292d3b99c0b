package kmapcheck.adequacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import kmapcheck.tlc.TlcRunner;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kmapcheck mutate}: how many plausible bugs the checks would miss (opt-in; not part of check). */
public final class MutateCommand {
    public static final String HELP = """
            usage: kmapcheck mutate [--json] [--out DIR] [--java-only | --spec-only] [--lincheck]
                                    [--classes C,...] [--pit-timeout-ms MS]
                                    [--threads N] [--workers N] [--timeout S] [MECHANISM...]
              Mutation analysis, per mechanism (all when none is named). Opt-in and slow (minutes per
              mechanism); not part of 'check'.
              java  PIT 1.30.2 mutates reference-impl's kernel classes (package kmapcheck.<mechanism>);
                    the killing tests are the mechanism's default explorer scenarios, each asserting its
                    manifest verdict (kmapcheck.adequacy.ScenarioVerdicts): a mutant is killed when an
                    expected-pass scenario violates or a buggy scenario changes verdict; a scenario that
                    hits a search bound or PIT's timeout makes it 'timed out'. Second, conform's state sets
                    without TLC (kmapcheck.adequacy.ScenarioReachableSets): each scenario whose model passes
                    (no CONSTRAINT, no SYMMETRY) counts its distinct abstract (mapped) states; more than the
                    model's distinct states in the manifest (the search stops there), or fewer where the
                    manifest expects no TLC-only states, or a state the mapping cannot build kills. PIT's
                    coverage-based test selection, cheapest test first, N threads (default 2). Report:
                    OUT/mutate/<mechanism>/pit/.
              spec  every mutation of spec/<mechanism>/mutations.json (name, kernel meaning, file, exact
                    find text, replace text) checked by TLC on the default models that use the mutated
                    module: killed when a model misses its manifest verdict; a find text that does not
                    occur exactly once is bad input (a stale catalogue).
              --lincheck  also run the PIT mutants against reference-impl's Lincheck tests of the
                    mechanism (lwbuf, sfbuf, vmpage; 200 Lincheck executions per test) and print their
                    kill rate beside the explorer's.
              Prints the kill matrix (mechanism x side: mutants, equivalent, killed, survived, not
              reached, timed out, score = killed / non-equivalent mutants) and every survivor with its
              reason: 'equivalent' (why) or 'gap' (what would catch it) from the catalogue or from
              jpf-config/<mechanism>/pit-survivors.json, else UNEXPLAINED. Writes OUT/mutate/summary.json.
              --reuse      judge the last PIT report (OUT/mutate/<mechanism>/pit/mutations.xml) against the
                           current annotations instead of running PIT again (with --java-only)
              --classes C,...  mutate only these top-level classes of the mechanism's package (names
                           relative to kmapcheck.<mechanism>, e.g. VmPage,nfs.NfsWritePath; nested
                           classes included); only their annotations are judged, and the row is
                           labelled with the classes: a part of the mechanism, not its score. One
                           mechanism; with --java-only (also with --reuse).
              --pit-timeout-ms MS  PIT's --timeoutConst (default 8000): a mutant times out after its
                           tests' normal time x 1.25 + MS of wall clock; raise it on a loaded machine
              --json       the kill matrix and survivors as JSON instead of text
              --workers N  TLC worker threads (default 2);  --timeout S  per TLC model run (default 120)
              Exit 0: every explorer/spec side scores >= 95 %, no UNEXPLAINED survivor, no stale annotation;
              1 otherwise; 2 bad input (unknown mechanism or option, broken or stale catalogue/annotations).
            """;

    static final double GOAL = 0.95;

    private MutateCommand() {}

    public static int run(Path root, List<String> mechanisms, Map<String, String> opts, PrintStream out) throws Exception {
        if (opts.containsKey("help")) { out.print(HELP); return 0; }
        try {
            Options.allow(opts, "mutate", "json", "out", "workers", "timeout", "threads", "java-only", "spec-only", "lincheck", "reuse",
                    "classes", "pit-timeout-ms", "help");
            if (opts.containsKey("java-only") && opts.containsKey("spec-only")) throw new BadInput("--java-only and --spec-only exclude each other");
            boolean json = opts.containsKey("json");
            PrintStream log = json ? System.err : out;
            Path outDir = Path.of(opts.getOrDefault("out", root.resolve("out").toString())).resolve("mutate");
            int threads = Options.positiveInt(opts, "threads", 2);
            TlcRunner tlc = new TlcRunner(Options.positiveInt(opts, "workers", 2), Options.positiveInt(opts, "timeout", 120), "3g");
            Path sources = root.resolve("reference-impl/src/main/java");
            List<String> mechs = Options.mechanisms(root, mechanisms);
            int timeoutConst = Options.positiveInt(opts, "pit-timeout-ms", Pit.DEFAULT_TIMEOUT_CONST_MS);
            List<String> classes = opts.containsKey("classes") ? classes(root, mechs, opts) : List.of();
            // validate every input file before the long runs
            Map<String, List<SpecMutations.Mutation>> catalogues = new HashMap<>();
            Map<String, List<PitSurvivors.Annotation>> notes = new HashMap<>();
            for (String m : mechs) {
                if (!opts.containsKey("java-only")) catalogues.put(m, SpecMutations.load(SpecMutations.catalogueOf(root, m), m));
                notes.put(m, inClasses(PitSurvivors.load(PitSurvivors.fileOf(root, m), m, sources), PitSurvivors.Annotation::file, m, classes));
            }
            List<KillMatrix.Judged> results = new ArrayList<>();
            List<String> comparisons = new ArrayList<>();
            for (String m : mechs) {
                if (!opts.containsKey("spec-only")) {
                    long t0 = System.nanoTime();
                    List<Pit.Mutant> ms;
                    if (opts.containsKey("reuse")) {
                        Path xml = outDir.resolve(m).resolve("pit").resolve("mutations.xml");
                        if (!Files.exists(xml)) throw new BadInput(xml + ": no PIT report to reuse (run 'kmapcheck mutate " + m + "' first)");
                        log.println("mutate " + m + ": PIT report of the last run, " + xml);
                        ms = Pit.parse(xml);
                    } else {
                        log.println("mutate " + m + ": PIT, killing tests = default explorer scenarios ...");
                        ms = Pit.run(root, m, Pit.Killers.EXPLORER, outDir.resolve(m).resolve("pit"), threads, classes, timeoutConst);
                    }
                    ms = inClasses(ms, Pit.Mutant::file, m, classes);
                    String side = classes.isEmpty() ? "java/explorer" : "java/explorer [" + String.join(",", classes) + "]";
                    KillMatrix.Judged j = KillMatrix.pit(m, side, ms, notes.get(m), (System.nanoTime() - t0) / 1e9);
                    results.add(j);
                    log.println(KillMatrix.format(j.row()));
                    if (opts.containsKey("lincheck") && hasLincheckTests(root, m)) {
                        log.println("mutate " + m + ": PIT, killing tests = Lincheck tests ...");
                        long t1 = System.nanoTime();
                        List<Pit.Mutant> ls = Pit.run(root, m, Pit.Killers.LINCHECK, outDir.resolve(m).resolve("pit-lincheck"), threads, classes, timeoutConst);
                        KillMatrix.Judged jl = KillMatrix.pit(m, "java/lincheck", ls, List.of(), (System.nanoTime() - t1) / 1e9);
                        results.add(new KillMatrix.Judged(jl.row(), List.of(), List.of()));   // its survivors are the explorer's business
                        log.println(KillMatrix.format(jl.row()));
                        comparisons.add(compare(m, ms, ls));
                    }
                }
                if (!opts.containsKey("java-only")) {
                    log.println("mutate " + m + ": spec catalogue through TLC ...");
                    long t0 = System.nanoTime();
                    List<SpecMutations.Outcome> os = new ArrayList<>();
                    for (SpecMutations.Mutation mu : catalogues.get(m)) {
                        SpecMutations.Outcome o = SpecMutations.run(root, m, mu, tlc);
                        os.add(o);
                        log.printf("  %-28s %-9s %s (%d models, %.0f s)%n", mu.name(), o.status(), o.detail(), o.modelsRun(), o.seconds());
                    }
                    KillMatrix.Judged j = KillMatrix.spec(m, os, (System.nanoTime() - t0) / 1e9);
                    results.add(j);
                }
            }
            Files.createDirectories(outDir);
            String summary = json(results, comparisons);
            Files.writeString(outDir.resolve("summary.json"), summary);
            if (json) out.println(summary);
            else print(results, comparisons, out);
            boolean ok = true;
            for (KillMatrix.Judged j : results) {
                if (j.row().side().equals("java/lincheck")) continue;   // a second opinion, not a goal
                ok &= j.row().score() >= GOAL && j.stale().isEmpty()
                        && j.survivors().stream().noneMatch(s -> s.verdict().equals("UNEXPLAINED"));
            }
            return ok ? 0 : 1;
        } catch (BadInput e) {
            System.err.println("kmapcheck: " + e.getMessage());
            return 2;
        }
    }

    /** --classes: names relative to kmapcheck.MECH, each with a source file under reference-impl. */
    static List<String> classes(Path root, List<String> mechs, Map<String, String> opts) {
        if (mechs.size() != 1) throw new BadInput("--classes needs exactly one mechanism");
        if (!opts.containsKey("java-only")) throw new BadInput("--classes needs --java-only (the spec catalogue is per mechanism)");
        List<String> out = new ArrayList<>();
        for (String c : opts.get("classes").split(",")) {
            String name = c.strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")
                    || !Files.exists(root.resolve("reference-impl/src/main/java").resolve(sourceOf(mechs.get(0), name))))
                throw new BadInput("--classes: no class '" + name + "' in kmapcheck." + mechs.get(0)
                        + " (a top-level class relative to the package, e.g. VmPage or nfs.NfsWritePath)");
            out.add(name);
        }
        return out;
    }

    /** The source file (relative to a source root) of top-level class {@code name} of kmapcheck.MECH. */
    static String sourceOf(String mech, String name) {
        return "kmapcheck/" + mech + "/" + name.replace('.', '/') + ".java";
    }

    /**
     * The mutants or annotations ({@code file}: an item's source file) of the named classes' source
     * files, all when none is named: a --reuse report may hold other classes' mutants, and other
     * classes' annotations are not judged (so not stale).
     */
    static <T> List<T> inClasses(List<T> items, java.util.function.Function<T, String> file, String mech, List<String> classes) {
        if (classes.isEmpty()) return items;
        List<String> files = classes.stream().map(c -> sourceOf(mech, c)).toList();
        return items.stream().filter(x -> files.contains(file.apply(x))).toList();
    }

    static boolean hasLincheckTests(Path root, String mech) throws java.io.IOException {
        Path d = root.resolve("reference-impl/src/test/java/kmapcheck").resolve(mech);
        if (!Files.isDirectory(d)) return false;
        try (var s = Files.list(d)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith("LincheckTest.java"));
        }
    }

    /** Which of the same PIT mutants each set of killing tests kills. */
    static String compare(String mech, List<Pit.Mutant> explorer, List<Pit.Mutant> lincheck) {
        Map<String, String> byKey = new HashMap<>();
        for (Pit.Mutant m : lincheck) byKey.put(key(m), m.status());
        int n = 0, e = 0, l = 0, both = 0;
        for (Pit.Mutant m : explorer) {
            String ls = byKey.get(key(m));
            if (ls == null || m.status().equals("NON_VIABLE")) continue;
            n++;
            boolean ek = m.status().equals("KILLED"), lk = ls.equals("KILLED");
            if (ek) e++;
            if (lk) l++;
            if (ek && lk) both++;
        }
        return String.format("%s: of the same %d PIT mutants the explorer's scenarios kill %d (%.1f%%), the Lincheck tests %d (%.1f%%);"
                        + " both %d, only the explorer %d, only Lincheck %d. A Lincheck pass is bounded (%d executions per test here).",
                mech, n, e, n == 0 ? 0 : 100.0 * e / n, l, n == 0 ? 0 : 100.0 * l / n, both, e - both, l - both, Pit.LINCHECK_BUDGET);
    }

    private static String key(Pit.Mutant m) {
        return m.mutatedClass() + "#" + m.method() + "#" + m.line() + "#" + m.mutator() + "#" + m.description();
    }

    static void print(List<KillMatrix.Judged> results, List<String> comparisons, PrintStream out) {
        out.println();
        out.println("SURVIVORS");
        for (KillMatrix.Judged j : results) for (KillMatrix.Survivor s : j.survivors()) out.println("  " + s);
        for (KillMatrix.Judged j : results) for (String s : j.stale()) out.println("  STALE " + s);
        out.println();
        out.println("KILL MATRIX (score = killed / non-equivalent mutants; goal >= 95 % on the explorer and spec sides)");
        int w = Math.max(16, results.stream().mapToInt(j -> j.row().side().length()).max().orElse(0));
        out.println(KillMatrix.header(w));
        for (KillMatrix.Judged j : results) out.println(KillMatrix.format(j.row(), w));
        for (String c : comparisons) out.println(c);
    }

    static String json(List<KillMatrix.Judged> results, List<String> comparisons) throws java.io.IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (KillMatrix.Judged j : results) {
            KillMatrix.Row r = j.row();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("mechanism", r.mechanism());
            x.put("side", r.side());
            x.put("mutants", r.mutants());
            x.put("equivalent", r.equivalent());
            x.put("killed", r.killed());
            x.put("survived", r.survived());
            x.put("notReached", r.notReached());
            x.put("timedOut", r.timedOut());
            x.put("other", r.other());
            x.put("score", Math.round(r.score() * 1000) / 1000.0);
            x.put("seconds", Math.round(r.seconds()));
            x.put("survivors", j.survivors());
            x.put("stale", j.stale());
            rows.add(x);
        }
        m.put("matrix", rows);
        m.put("lincheckComparison", comparisons);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    }
}
