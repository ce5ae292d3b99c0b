package kmapcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.RunOptions;
import kmapcheck.explorer.Scenario;
import kmapcheck.tlc.TlcResult;
import kmapcheck.tlc.TlcRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code kmapcheck bench --growth MECH}: how both checkers scale with the model's sets. The base is
 * a default passing model of the mechanism and its paired scenario; each row changes the size of
 * one set (CPUs and threads 2-4, pages, objects, buffers 1-3), plus the 3-CPU x 3-thread row. A row
 * is a generated MC module (same spec, same cfg, other model values) in a private copy of the spec
 * folder; the explorer takes its constants from that module, so both sides check one configuration.
 * TLC runs with and without SYMMETRY (Permutations of the symmetric sets); the explorer's symmetry
 * runs where the program offers the same sets ({@code Program.symmetricSets}), else its row says why. A run that hits
 * the per-run limit is INCOMPLETE, never a pass.
 */
final class Growth {
    private Growth() {}

    /**
     * A set of model values a model defines as {@code MC<name> == {p1, p2}} or {@code <<b1, b2>>};
     * {@code aliases}: other definitions over exactly the same model values (vm_page's
     * {@code MCInitMapped == {p1}} beside {@code MCPmaps == {p1}}), which grow with it as one set.
     */
    record Dimension(String name, String prefix, int first, int size, boolean sequence, List<String> aliases) {
        Dimension(String name, String prefix, int first, int size, boolean sequence) { this(name, prefix, first, size, sequence, List.of()); }

        /** This definition and its aliases. */
        List<String> names() {
            List<String> out = new ArrayList<>(List.of(name));
            out.addAll(aliases);
            return out;
        }

        /** Its elements when it has {@code n} of them. */
        List<String> elements(int n) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) out.add(prefix + (first + i));
            return out;
        }
    }

    private static final Pattern SET_DEF = Pattern.compile("(?m)^(MC(\\w+))\\s*==\\s*(\\{|<<)\\s*([a-z]+\\d+(?:\\s*,\\s*[a-z]+\\d+)*)\\s*(\\}|>>)\\s*$");
    private static final Pattern ELEM = Pattern.compile("([a-z]+)(\\d+)");
    /** A cfg line {@code p1 = p1} declaring a model value. */
    private static final Pattern MODEL_VALUE_LINE = Pattern.compile("([a-z]+\\d+)\\s*=\\s*([a-z]+\\d+)");

    /** A definition {@code MC<name> == {...}} or {@code <<...>>} of a literal set or sequence (possibly empty). */
    private static final Pattern ANY_SET_DEF = Pattern.compile("(?m)^MC(\\w+)\\s*==\\s*(\\{|<<)(.*)(\\}|>>)\\s*$");

    /**
     * The sets of model values a generated row may resize, in the order the module defines them.
     * Definitions over exactly the same model values are one set (the first named, the others its
     * aliases): resizing one alone would declare its model values twice or leave the module
     * inconsistent. A set sharing some but not all model values with another is not grown.
     */
    static List<Dimension> dimensions(String mcText) {
        List<Candidate> cs = candidates(mcText).stream().filter(Candidate::numbered).toList();
        List<Dimension> out = new ArrayList<>();
        java.util.Set<String> prefixes = new java.util.LinkedHashSet<>();
        for (Candidate c : cs) prefixes.add(c.prefix());
        java.util.Map<String, Dimension> byPrefix = new LinkedHashMap<>();
        for (String prefix : prefixes) {
            // the largest set over these model values grows; definitions equal to it grow with it
            Candidate top = null;
            for (Candidate c : cs) if (c.prefix().equals(prefix) && (top == null || c.size() > top.size())) top = c;
            List<String> aliases = new ArrayList<>();
            for (Candidate c : cs)
                if (c != top && c.prefix().equals(prefix) && c.elements().equals(top.elements()) && c.sequence() == top.sequence()) aliases.add(c.name());
            byPrefix.put(prefix, new Dimension(top.name(), prefix, top.first(), top.size(), top.sequence(), List.copyOf(aliases)));
        }
        // in the order the module defines the grown sets
        for (Candidate c : cs) {
            Dimension d = byPrefix.get(c.prefix());
            if (d.name().equals(c.name())) out.add(d);
        }
        return out;
    }

    /** A literal set or sequence definition of the MC module, and whether it is numbered model values. */
    private record Candidate(String name, List<String> elements, boolean sequence, String prefix, int first, boolean numbered) {
        int size() { return elements.size(); }
    }

    private static List<Candidate> candidates(String mcText) {
        List<Candidate> out = new ArrayList<>();
        Matcher m = ANY_SET_DEF.matcher(mcText);
        while (m.find()) {
            if (m.group(2).equals("{") != m.group(4).equals("}")) continue;
            String body = m.group(3).strip();
            List<String> els = body.isEmpty() ? List.of() : splitTop(body);
            boolean seq = m.group(2).equals("<<");
            String prefix = null;
            int first = 0;
            boolean numbered = !els.isEmpty();
            if (numbered) {
                Matcher e = ELEM.matcher(els.get(0));
                numbered = e.matches();
                if (numbered) {
                    prefix = e.group(1);
                    first = Integer.parseInt(e.group(2));
                    for (int i = 0; i < els.size(); i++) numbered &= els.get(i).equals(prefix + (first + i));
                }
            }
            out.add(new Candidate(m.group(1), els, seq, prefix, first, numbered));
        }
        return out;
    }

    /** The comma-separated items of a set or sequence body, commas inside nested braces or brackets kept. */
    private static List<String> splitTop(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            boolean pair = i + 1 < body.length() && body.charAt(i + 1) == ch;
            if (ch == '{' || ch == '(' || ch == '[' || (ch == '<' && pair)) { depth++; if (ch == '<') i++; }
            else if (ch == '}' || ch == ')' || ch == ']' || (ch == '>' && pair)) { depth--; if (ch == '>') i++; }
            else if (ch == ',' && depth == 0) { out.add(body.substring(from, i).strip()); from = i + 1; }
        }
        out.add(body.substring(from).strip());
        return out;
    }

    /**
     * The literal sets of the module that no row resizes, each with why ("Threads (model values r, h,
     * f are not numbered)"); the aliases that grow with another set are listed too.
     */
    static List<String> notGrown(String mcText) {
        List<Dimension> dims = dimensions(mcText);
        List<String> out = new ArrayList<>();
        for (Candidate c : candidates(mcText)) {
            Dimension own = null;
            for (Dimension d : dims) if (d.names().contains(c.name())) own = d;
            if (own != null) {
                if (!own.name().equals(c.name())) out.add(c.name() + " (grows with " + own.name() + ": the same model values)");
                continue;
            }
            String why;
            if (c.elements().isEmpty()) why = "empty";
            else if (c.numbered()) {
                String other = dims.stream().filter(d -> d.prefix().equals(c.prefix())).map(Dimension::name).findFirst().orElse("?");
                why = "shares model values " + c.prefix() + "* with " + other + " but is another set";
            } else if (c.elements().stream().allMatch(x -> x.matches("[A-Za-z_]\\w*")))
                why = "model values " + String.join(", ", c.elements()) + " are not numbered";
            else why = "not model values";
            out.add(c.name() + " (" + why + ")");
        }
        return out;
    }

    /** The sizes a row may give a set: CPUs and threads 2-4, the others 1-3. */
    static List<Integer> range(Dimension d) {
        return d.name().equals("CPUs") || d.name().equals("Threads") ? List.of(2, 3, 4) : List.of(1, 2, 3);
    }

    /** The module text with {@code sizes} applied (sets not named keep theirs) and, if {@code sym}, a symmetry set. */
    static String rewriteModule(String text, String oldName, String newName, List<Dimension> dims, Map<String, Integer> sizes,
                                List<String> symSets) {
        String t = text.replaceFirst("MODULE\\s+" + Pattern.quote(oldName) + "\\b", "MODULE " + newName);
        List<String> constants = new ArrayList<>();
        for (Dimension d : dims) {
            int n = sizes.getOrDefault(d.name(), d.size());
            List<String> els = d.elements(n);
            String def = "MC" + d.name() + " == " + (d.sequence() ? "<<" : "{") + String.join(", ", els) + (d.sequence() ? ">>" : "}");
            for (String n2 : d.names()) {
                String def2 = "MC" + n2 + def.substring(def.indexOf(" == "));
                t = t.replaceFirst("(?m)^MC" + n2 + "\\s*==.*$", Matcher.quoteReplacement(def2));
            }
            for (String x : els) if (!constants.contains(x)) constants.add(x);
        }
        // the model values of the resized sets replace theirs in the CONSTANTS line; others stay
        Matcher c = Pattern.compile("(?m)^CONSTANTS?\\s+(.*)$").matcher(t);
        if (!c.find()) throw new IllegalArgumentException(oldName + ".tla: no CONSTANTS line to resize");
        List<String> keep = new ArrayList<>();
        for (String x : c.group(1).split("\\s*,\\s*")) if (!belongs(x.strip(), dims) && !keep.contains(x.strip())) keep.add(x.strip());
        for (String x : constants) if (!keep.contains(x)) keep.add(x);
        t = t.substring(0, c.start()) + "CONSTANTS " + String.join(", ", keep) + t.substring(c.end());
        if (!symSets.isEmpty()) {
            // Permutations comes from the standard module TLC
            if (!Pattern.compile("(?m)^EXTENDS[^\\n]*\\bTLC\\b").matcher(t).find()) t = t.replaceFirst("(?m)^(EXTENDS .*)$", "$1, TLC");
            String perms = String.join(" \\cup ", symSets.stream().map(x -> "Permutations(MC" + x + ")").toList());
            t = t.replaceFirst("(?m)^====", Matcher.quoteReplacement("GrowthSymmetry == " + perms + "\n===="));
        }
        return t;
    }

    private static boolean belongs(String constant, List<Dimension> dims) {
        Matcher e = ELEM.matcher(constant);
        if (!e.matches()) return false;
        for (Dimension d : dims) if (d.prefix().equals(e.group(1))) return true;
        return false;
    }

    /** The cfg with the model values of the resized sets, and a SYMMETRY line if asked. */
    static String rewriteCfg(String cfg, List<Dimension> dims, Map<String, Integer> sizes, boolean sym) {
        StringBuilder out = new StringBuilder();
        boolean inserted = false;
        for (String line : cfg.split("\n", -1)) {
            String s = line.strip();
            Matcher a = MODEL_VALUE_LINE.matcher(s);
            if (a.matches() && a.group(1).equals(a.group(2)) && belongs(a.group(1), dims)) {
                if (!inserted) {
                    java.util.Set<String> declared = new java.util.LinkedHashSet<>();
                    for (Dimension d : dims) declared.addAll(d.elements(sizes.getOrDefault(d.name(), d.size())));
                    for (String x : declared) out.append("    ").append(x).append(" = ").append(x).append('\n');
                    inserted = true;
                }
                continue;
            }
            if (sym && s.startsWith("SYMMETRY")) continue;
            out.append(line).append('\n');
        }
        if (sym) out.append("SYMMETRY GrowthSymmetry\n");
        return out.toString().replaceAll("\n+$", "\n");
    }

    /** The cfg checks a temporal property (a PROPERTY or PROPERTIES line), whatever its form. */
    static boolean checksLiveness(String cfg) {
        return checksLiveness(cfg, "");
    }

    /**
     * The cfg checks a temporal property other than a pure action property: one that {@code modules}
     * (the text of the folder's modules) does not define as {@code [][A]_v}. TLC checks {@code [][A]_v}
     * on every step it takes, as it checks an invariant on every state, so under SYMMETRY it is as
     * sound as an invariant (A and Next symmetric in the permuted sets); any other PROPERTY is not.
     */
    static boolean checksLiveness(String cfg, String modules) {
        for (String p : properties(cfg))
            if (!Pattern.compile("(?m)^" + Pattern.quote(p) + "\\s*==\\s*\\[\\]\\s*\\[").matcher(modules).find()) return true;
        return false;
    }

    /** The names the cfg's PROPERTY and PROPERTIES statements check. */
    static List<String> properties(String cfg) {
        return kmapcheck.tlc.CfgText.names(cfg, k -> k.startsWith("PROPERT"));
    }

    /** One configuration of the table: a label and the size of each resized set. */
    record Row(String label, Map<String, Integer> sizes) {}

    static List<Row> rows(List<Dimension> dims) {
        List<Row> out = new ArrayList<>();
        out.add(new Row("base", Map.of()));
        for (Dimension d : dims)
            for (int n : range(d)) if (n != d.size()) out.add(new Row(d.name() + "=" + n, Map.of(d.name(), n)));
        boolean hasCpus = dims.stream().anyMatch(d -> d.name().equals("CPUs"));
        boolean hasThreads = dims.stream().anyMatch(d -> d.name().equals("Threads"));
        if (hasCpus && hasThreads) out.add(new Row("CPUs=3,Threads=3", Map.of("CPUs", 3, "Threads", 3)));
        return out;
    }

    /** The least a stored explorer state can take: its fingerprint (8 bytes) and parent id (4), StateStore. */
    static final int MIN_EXPLORER_BYTES_PER_STATE = 12;

    /** One measured run of the table. */
    /** @param cpuSeconds user + system CPU of the run's JVM (TLC's child; the explorer's own), 0 if not measured */
    record Figures(String row, String tool, int workers, boolean symmetry, String verdict, long distinct, double seconds,
                   long peakBytes, long storeBytes, double cpuSeconds) {
        double statesPerSecond() { return seconds <= 0 || distinct < 0 ? 0 : distinct / seconds; }

        /**
         * Explorer: what the search keeps at its end per state (its state store and liveness
         * graph, from their array sizes: {@link ExplorationResult#storeBytes}); TLC: peak RSS per
         * state. -1 (printed "-") where there is no measure: no states, or an explorer run with
         * none (0), which is never replaced by its peak heap.
         */
        double bytesPerState() {
            long b = tool.equals("explorer") ? storeBytes : peakBytes;
            if (distinct <= 0 || b <= 0) return -1;
            double per = (double) b / distinct;
            // the explorer's store keeps at least a fingerprint and a parent id per state: a retained
            // measure below that is the GC measure disturbed (garbage left before the run), not a figure
            return tool.equals("explorer") && per < MIN_EXPLORER_BYTES_PER_STATE ? -1 : per;
        }

        /** bytes/state as printed: a whole number, or "-" where there is no measure. */
        String bytesPerStateText() {
            double b = bytesPerState();
            return b < 0 ? "-" : String.format("%.0f", b);
        }

        /** A run the row could not make (the explorer could not build the configuration, or a refused option). */
        static Figures notApplicable(String row, String tool, int workers, boolean symmetry, String why) {
            return new Figures(row, tool, workers, symmetry, "n/a (" + why + ")", -1, 0, 0, 0, 0);
        }
    }

    static int run(Main.Args a, PrintStream out) throws Exception {
        String mech = a.opts.get("growth");
        Path root = Main.root();
        List<Manifest.Entry> all = Manifest.load(root, List.of(mech));
        String baseName = a.opts.get("base");
        Manifest.Entry model = null, scenario = null;
        for (Manifest.Entry e : all) {
            if (!e.mechanism().equals(mech) || !e.expectsPass()) continue;
            if (e.tool() == Manifest.Tool.TLC && model == null && (baseName != null ? e.name().equals(baseName) : e.dflt())
                    && e.mode() == Manifest.Mode.EXHAUSTIVE) model = e;
        }
        if (model == null)
            throw new Main.UsageException("bench --growth " + mech + ": no " + (baseName == null ? "default passing" : "passing") + " TLC model"
                    + (baseName == null ? "" : " named " + baseName) + " (see kmapcheck list " + mech + ")");
        for (Manifest.Entry e : all)
            if (e.tool() == Manifest.Tool.EXPLORER && e.mechanism().equals(mech) && model.name().equals(e.model())) { scenario = e; break; }
        int limit = a.intOpt("limit", 120);
        boolean json = a.flag("json");
        int explorerWorkers = a.explorerWorkers();
        TlcRunner tlc = new TlcRunner(a.workers(), limit, a.heap());
        String mcName = model.file();
        String mcText = Files.readString(model.dir().resolve(mcName + ".tla"));
        String cfgText = Files.readString(model.cfg());
        List<Dimension> dims = dimensions(mcText);
        StringBuilder modules = new StringBuilder();
        try (Stream<Path> fs = Files.list(model.dir())) {
            for (Path p : fs.filter(x -> x.toString().endsWith(".tla")).sorted().toList()) modules.append(Files.readString(p)).append('\n');
        }
        String modulesText = modules.toString();
        String symOpt = a.opts.getOrDefault("sym-sets", "Threads,Pages");
        List<String> symSets = symOpt.strip().equals("none") ? List.of() : List.of(symOpt.split(",")).stream().map(String::strip)
                .filter(s -> dims.stream().anyMatch(d -> d.name().equals(s) && !d.sequence())).toList();
        boolean markdown = a.flag("markdown");
        if (!json) {
            for (String line : header(mech, model.id(), scenario == null ? null : scenario.id(), dims, notGrown(mcText), symSets, limit))
                out.println(line);
            if (markdown) {
                out.println();
                out.println("| row | tool | workers | symmetry | verdict | distinct | states/s | time | peak memory | bytes/state |");
                out.println("|---|---|---|---|---|---|---|---|---|---|");
            } else
                out.printf("%-20s %-9s %3s %-4s %-24s %10s %10s %9s %10s %9s%n", "ROW", "TOOL", "W", "SYM", "VERDICT", "DISTINCT", "STATES/S",
                        "TIME", "PEAK", "B/STATE");
        }
        ObjectMapper om = new ObjectMapper();
        Path tmp = Files.createTempDirectory("kmapcheck-growth-");
        try {
            copyTla(model.dir(), tmp);
            for (Row row : rows(dims)) {
                String name = "MCGrowth" + row.label().replaceAll("[^A-Za-z0-9]", "");
                List<Figures> figs = new ArrayList<>();
                for (boolean sym : symSets.isEmpty() ? List.of(false) : List.of(false, true)) {
                    if (sym && checksLiveness(cfgText, modulesText)) {
                        // TLC would run, but a liveness verdict under SYMMETRY is unsound (it warns so)
                        figs.add(Figures.notApplicable(row.label(), "tlc", tlc.workers(), true,
                                "SYMMETRY is unsound with the cfg's liveness PROPERTY"));
                        continue;
                    }
                    String mod = name + (sym ? "Sym" : "");
                    Files.writeString(tmp.resolve(mod + ".tla"), rewriteModule(mcText, mcName, mod, dims, row.sizes(), sym ? symSets : List.of()));
                    Files.writeString(tmp.resolve(mod + ".cfg"), rewriteCfg(cfgText, dims, row.sizes(), sym));
                    TlcResult r = tlc.check(mech + "/" + mod, tmp, mod, List.of());
                    figs.add(new Figures(row.label(), "tlc", tlc.workers(), sym, tlcVerdict(r), r.distinctStates(), r.millis() / 1000.0,
                            tlc.lastPeakRssKb() * 1024, 0, tlc.lastCpuSeconds()));
                }
                if (scenario != null) {
                    // the row's limit is time: the scenario's own state bound is lifted
                    Manifest.Entry sc = scenario;
                    Scenario s;
                    try {
                        s = Scenario.load(sc.id(), sc.dir().resolve(sc.file()), tmp, name)
                                .with(Map.of("search.max_states", Integer.toString(Integer.MAX_VALUE)));
                    } catch (RuntimeException e) {
                        s = null;
                        figs.add(Figures.notApplicable(row.label(), "explorer", explorerWorkers, false, reason(e)));
                    }
                    if (s != null) {
                        Scenario s0 = s;
                        figs.add(explorerOrNa(row.label(), explorerWorkers, false, () -> explorerRun(s0, false, row.label(), explorerWorkers, limit)));
                        if (!symSets.isEmpty())
                            figs.add(explorerWithSymmetry(s, symSets, row.label(), explorerWorkers, limit));
                    }
                }
                for (Figures f : figs) {
                    if (markdown && !json) out.println(markdownRow(f));
                    else print(out, om, json, mech, f);
                }
                out.flush();
            }
        } finally {
            TlcRunner.deleteTree(tmp);
        }
        return 0;
    }

    /**
     * The explorer on the row's scenario with {@code search.symmetry} over TLC's sets; a set the
     * program does not offer, or a liveness property, refuses it (the row says why, no figures).
     */
    private static Figures explorerWithSymmetry(Scenario s, List<String> symSets, String row, int workers, int limit) {
        return explorerOrNa(row, workers, true,
                () -> explorerRun(s.with(Map.of("search.symmetry", String.join(", ", symSets))), true, row, workers, limit));
    }

    /**
     * The explorer's run of a row, or "n/a (why)" where the explorer cannot build the row's
     * configuration (e.g. a size its program does not support, a refused symmetry): that row's
     * explorer side only, never the whole table.
     */
    static Figures explorerOrNa(String row, int workers, boolean symmetry, java.util.function.Supplier<Figures> run) {
        try {
            return run.get();
        } catch (Scenario.ScenarioException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            return Figures.notApplicable(row, "explorer", workers, symmetry, reason(e));
        }
    }

    /** The message of a build failure without the file name before its first ": ". */
    static String reason(RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int colon = why.indexOf(": ");
        if (colon > 0 && why.substring(0, colon).matches("\\S*[/.]\\S*")) why = why.substring(colon + 2);
        return why.strip().replace('\n', ' ').replace('|', '/');
    }

    /** The header lines of a table: base, sets grown and not grown (with why), symmetry, limit. */
    static List<String> header(String mech, String modelId, String scenarioId, List<Dimension> dims, List<String> notGrown,
                               List<String> symSets, int limit) {
        List<String> out = new ArrayList<>();
        out.add("growth of " + mech + " from " + modelId + (scenarioId == null ? " (no paired scenario: TLC only)" : " and " + scenarioId)
                + "; sets grown " + dims.stream().map(d -> d.name() + "=" + d.size()
                        + (d.aliases().isEmpty() ? "" : " (with " + String.join(", ", d.aliases()) + ")")).toList()
                + "; TLC symmetry over " + (symSets.isEmpty() ? "none" : symSets) + "; limit " + limit + " s per run");
        out.add("not grown: " + (notGrown.isEmpty() ? "none" : String.join("; ", notGrown)));
        return out;
    }

    /** One run as a row of the README's markdown table. */
    static String markdownRow(Figures f) {
        boolean none = f.distinct() < 0;
        return "| " + f.row() + " | " + f.tool() + " | " + f.workers() + " | " + (f.symmetry() ? "yes" : "no") + " | " + f.verdict()
                + " | " + (none ? "-" : Long.toString(f.distinct())) + " | " + (none ? "-" : String.format("%.0f", f.statesPerSecond()))
                + " | " + (none ? "-" : String.format("%.1fs", f.seconds())) + " | " + (none || f.peakBytes() <= 0 ? "-" : (f.peakBytes() >> 20) + "M")
                + " | " + f.bytesPerStateText() + " |";
    }

    /** One explorer row: the scenario within the row's time limit, its peak heap and retained bytes. */
    private static Figures explorerRun(Scenario s, boolean symmetry, String row, int workers, int limit) {
        return Bench.measuredExplorerRun(() -> s, RunOptions.defaults().withWorkers(workers).withTimeout(limit)).figures(row, symmetry);
    }

    private static void print(PrintStream out, ObjectMapper om, boolean json, String mech, Figures f) throws IOException {
        if (json) {
            out.println(json(om, mech + "/" + f.row(), f));
        } else {
            out.printf("%-20s %-9s %3d %-4s %-24s %10s %10s %8.1fs %9dM %9s%n", f.row(), f.tool(), f.workers(), f.symmetry() ? "yes" : "no",
                    f.verdict().length() > 24 ? f.verdict().substring(0, 23) + "…" : f.verdict(), f.distinct() < 0 ? "-" : Long.toString(f.distinct()),
                    f.distinct() < 0 ? "-" : String.format("%.0f", f.statesPerSecond()), f.seconds(), f.peakBytes() >> 20,
                    f.bytesPerStateText());
        }
    }

    /** One run as the JSON object of {@code bench --json} and {@code bench --growth --json}. */
    static String json(ObjectMapper om, String id, Figures f) throws IOException {
        ObjectNode o = om.createObjectNode();
        o.put("id", id);
        o.put("tool", f.tool());
        o.put("workers", f.workers());
        o.put("symmetry", f.symmetry());
        o.put("verdict", f.verdict());
        o.put("distinctStates", f.distinct());
        o.put("seconds", f.seconds());
        o.put("statesPerSecond", Math.round(f.statesPerSecond()));
        o.put("peakBytes", f.peakBytes());
        if (f.cpuSeconds() <= 0) o.putNull("cpuSeconds");
        else o.put("cpuSeconds", Math.round(f.cpuSeconds() * 10) / 10.0);
        if (f.bytesPerState() < 0) o.putNull("bytesPerState");
        else o.put("bytesPerState", Math.round(f.bytesPerState()));
        return om.writeValueAsString(o);
    }

    static String tlcVerdict(TlcResult r) {
        return switch (r.outcome()) {
            case PASS -> "pass";
            case VIOLATION -> "violates " + r.property();
            case STOPPED -> "INCOMPLETE (" + r.message() + ")";
            default -> r.outcome().name().toLowerCase() + ": " + r.message();
        };
    }

    static String explorerVerdict(ExplorationResult r) {
        return switch (r.verdict()) {
            case PASS -> "pass";
            case VIOLATION -> "violates " + r.property();
            case INCOMPLETE -> "INCOMPLETE (" + ((kmapcheck.explorer.Outcome.Incomplete) r.outcome()).bound().describe() + ")";
        };
    }

    /** The folder's modules (spec and MC), so a generated MC module finds what it EXTENDS. */
    private static void copyTla(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".tla")).toList()) Files.copy(p, to.resolve(p.getFileName()));
        }
    }
}
