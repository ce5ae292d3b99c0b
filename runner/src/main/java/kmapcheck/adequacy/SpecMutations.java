package kmapcheck.adequacy;

import com.fasterxml.jackson.databind.JsonNode;
import kmapcheck.cli.Manifest;
import kmapcheck.tlc.CfgText;
import kmapcheck.tlc.TlcResult;
import kmapcheck.tlc.TlcRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The catalogue of kernel-semantic spec mutations, {@code spec/<mechanism>/mutations.json}:
 * <pre>
 * { "mechanism": "lwbuf",
 *   "mutations": [ { "name": "FreeKeepsMask",                    // unique
 *                    "meaning": "the kernel bug it stands for",
 *                    "file": "Lwbuf.tla",                        // a module of spec/<mechanism>/
 *                    "find": "exact text, exactly once in file",
 *                    "replace": "its replacement",
 *                    "equivalent": "optional: why no behaviour changes that matters",
 *                    "gap": "optional: which configuration or property would catch it" } ] }
 * </pre>
 * A {@code find} that occurs zero or several times is bad input (a stale catalogue). Each mutant
 * is checked by TLC on the default models whose MC module depends on the mutated module: killed
 * when a model no longer meets its manifest verdict (passing models first, the first kill stops).
 * A buggy model is judged by the set of properties it breaks, not by the one TLC reports first
 * ({@link #sameBreaks}).
 */
public final class SpecMutations {
    public record Mutation(String name, String meaning, String file, String find, String replace, String equivalent, String gap) {}

    /** @param status killed, survived or timed out */
    public record Outcome(Mutation mutation, String status, String detail, int modelsRun, double seconds) {}

    private SpecMutations() {}

    public static Path catalogueOf(Path root, String mechanism) { return root.resolve("spec").resolve(mechanism).resolve("mutations.json"); }

    public static List<Mutation> load(Path catalogue, String mechanism) throws IOException {
        if (!Files.exists(catalogue)) throw new BadInput(catalogue + ": no mutation catalogue for " + mechanism);
        JsonNode root = Unreached.readMechanismFile(catalogue, mechanism, "mutations");
        List<Mutation> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode n : root.path("mutations")) {
            Unreached.onlyKeys(n, catalogue, "name", "meaning", "file", "find", "replace", "equivalent", "gap");
            Mutation m = new Mutation(Unreached.text(n, "name", catalogue), Unreached.text(n, "meaning", catalogue),
                    Unreached.text(n, "file", catalogue), Unreached.text(n, "find", catalogue),
                    n.path("replace").isTextual() ? n.get("replace").asText() : null,
                    n.hasNonNull("equivalent") ? n.get("equivalent").asText() : null, n.hasNonNull("gap") ? n.get("gap").asText() : null);
            if (m.replace() == null) throw new BadInput(catalogue + ": " + m.name() + ": missing \"replace\"");
            if (!names.add(m.name())) throw new BadInput(catalogue + ": mutation name " + m.name() + " used twice");
            if (m.find().equals(m.replace())) throw new BadInput(catalogue + ": " + m.name() + ": replace equals find");
            if (m.equivalent() != null && m.gap() != null) throw new BadInput(catalogue + ": " + m.name() + ": both equivalent and gap");
            Path f = catalogue.getParent().resolve(m.file());
            if (!Files.exists(f)) throw new BadInput(catalogue + ": " + m.name() + ": no module " + m.file());
            apply(Files.readString(f), m, catalogue);
            out.add(m);
        }
        if (out.isEmpty()) throw new BadInput(catalogue + ": no mutations");
        return out;
    }

    /** The module text with the mutation applied; the find text must occur exactly once. */
    static String apply(String text, Mutation m, Path catalogue) {
        int i = text.indexOf(m.find());
        if (i < 0) throw new BadInput(catalogue + ": " + m.name() + ": \"find\" text not in " + m.file() + " (stale catalogue)");
        if (text.indexOf(m.find(), i + 1) >= 0) throw new BadInput(catalogue + ": " + m.name() + ": \"find\" text occurs more than once in " + m.file());
        return text.substring(0, i) + m.replace() + text.substring(i + m.find().length());
    }

    private static final Pattern USES = Pattern.compile("(?:EXTENDS|INSTANCE)\\s+([\\w\\s,]+)");

    /** Does module {@code mc} of {@code dir} EXTEND or INSTANCE {@code target} (transitively)? */
    static boolean dependsOn(Path dir, String mc, String target, Set<String> seen) throws IOException {
        if (mc.equals(target)) return true;
        if (!seen.add(mc) || !Files.exists(dir.resolve(mc + ".tla"))) return false;
        Matcher x = USES.matcher(Files.readString(dir.resolve(mc + ".tla")));
        while (x.find())
            for (String u : x.group(1).split("[,\\s]+"))
                if (!u.isBlank() && dependsOn(dir, u.strip(), target, seen)) return true;
        return false;
    }

    /** Runs one mutant through TLC on the default models that depend on the mutated module. */
    public static Outcome run(Path root, String mechanism, Mutation m, TlcRunner tlc) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path src = root.resolve("spec").resolve(mechanism);
        Path tmp = Files.createTempDirectory("kmapcheck-mutant-");
        try {
            try (Stream<Path> s = Files.list(src)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, tmp.resolve(f.getFileName()));
            }
            Path mod = tmp.resolve(m.file());
            Files.writeString(mod, apply(Files.readString(mod), m, catalogueOf(root, mechanism)));
            String target = m.file().replaceAll("\\.tla$", "");
            List<Manifest.Entry> models = new ArrayList<>();
            for (Manifest.Entry e : Manifest.load(root, List.of(mechanism)))
                // only models run from Init judge a mutant: an inductive model would also kill mutants no behaviour reaches
                if (e.tool() == Manifest.Tool.TLC && e.dflt() && e.mechanism().equals(mechanism) && e.mode() == Manifest.Mode.EXHAUSTIVE
                        && dependsOn(src, e.file(), target, new HashSet<>()))
                    models.add(e);
            models.sort(Comparator.comparing(e -> !e.expectsPass()));   // passing models first
            if (models.isEmpty()) throw new BadInput(catalogueOf(root, mechanism) + ": " + m.name() + ": no default model uses " + m.file());
            int run = 0;
            String timedOut = null;
            for (Manifest.Entry e : models) {
                run++;
                TlcResult r = tlc.check(e.id(), tmp, e.file(), List.of());
                MutantVerdict.Judged j = judge(e, r, m, root, mechanism);
                if (j.outcome() == MutantVerdict.Outcome.KILLS && !e.expectsPass() && r.outcome() == TlcResult.Outcome.VIOLATION)
                    j = sameBreaks(e, r, src, tmp, tlc);
                if (j.outcome() == MutantVerdict.Outcome.KILLS)
                    return new Outcome(m, "killed", e.name() + ": " + j.detail(), run, (System.nanoTime() - t0) / 1e9);
                if (j.outcome() == MutantVerdict.Outcome.INCOMPLETE && timedOut == null) timedOut = e.name() + ": " + j.detail();
            }
            return new Outcome(m, timedOut != null ? "timed out" : "survived",
                    timedOut != null ? timedOut : "every model of " + m.file() + " met its verdict", run, (System.nanoTime() - t0) / 1e9);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A buggy model whose mutant reports property Q where the manifest expects P. With several TLC
     * workers, which of two violated properties is reported first varies from run to run (seen with
     * memattr's SkipIdleSfBufs, which breaks both Coherence and NoStaleDirtyLine), so Q alone is no
     * kill. Each property is re-checked alone: the mutant meets the verdict iff it still breaks P and
     * the unmutated model breaks Q too; it kills if it no longer breaks P or newly breaks Q.
     */
    static MutantVerdict.Judged sameBreaks(Manifest.Entry e, TlcResult first, Path src, Path mutated, TlcRunner tlc)
            throws IOException, InterruptedException {
        String expected = e.property(), other = first.property();
        TlcResult p = checkAlone(e, mutated, expected, tlc);
        if (p.outcome() == TlcResult.Outcome.PASS)
            return new MutantVerdict.Judged(MutantVerdict.Outcome.KILLS, "no longer breaks " + expected + " (checked alone); breaks " + other);
        if (p.outcome() == TlcResult.Outcome.ERROR) return new MutantVerdict.Judged(MutantVerdict.Outcome.KILLS, "TLC error: " + p.message());
        if (p.outcome() != TlcResult.Outcome.VIOLATION)
            return new MutantVerdict.Judged(MutantVerdict.Outcome.INCOMPLETE, expected + " checked alone: " + p.outcome());
        TlcResult q = checkAlone(e, src, other, tlc);
        if (q.outcome() == TlcResult.Outcome.PASS)
            return new MutantVerdict.Judged(MutantVerdict.Outcome.KILLS, "newly breaks " + first.kind() + " " + other
                    + " (the unmutated model does not, checked alone)");
        if (q.outcome() != TlcResult.Outcome.VIOLATION)
            return new MutantVerdict.Judged(MutantVerdict.Outcome.INCOMPLETE, other + " checked alone on the unmutated model: " + q.outcome());
        return new MutantVerdict.Judged(MutantVerdict.Outcome.MEETS, "breaks " + expected + " and " + other
                + ", as the unmutated model does (each checked alone; TLC reported " + other + " first)");
    }

    /** TLC on model {@code e} of folder {@code dir} with its cfg reduced to {@code property}. */
    private static TlcResult checkAlone(Manifest.Entry e, Path dir, String property, TlcRunner tlc) throws IOException, InterruptedException {
        Path cfg = Files.createTempFile("kmapcheck-alone-", ".cfg");
        try {
            Files.writeString(cfg, CfgText.checkingOnly(Files.readString(e.cfg()), property));
            return tlc.check(e.id(), dir, e.file(), cfg, List.of());
        } finally {
            Files.deleteIfExists(cfg);
        }
    }

    /** A TLC result of a mutated model against the model's manifest verdict; a mutant that does not parse is bad input. */
    static MutantVerdict.Judged judge(Manifest.Entry e, TlcResult r, Mutation m, Path root, String mechanism) {
        return switch (r.outcome()) {
            case PASS -> MutantVerdict.judge(e, true, null, null);
            case VIOLATION -> MutantVerdict.judge(e, true, r.kind(), r.property());
            case STOPPED, TOOL_FAILURE -> MutantVerdict.judge(e, false, null, null);      // timed out or crashed: no verdict
            case BAD_INPUT -> throw new BadInput(catalogueOf(root, mechanism) + ": " + m.name() + ": the mutated spec does not parse: " + r.message());
            case ERROR -> new MutantVerdict.Judged(MutantVerdict.Outcome.KILLS, "TLC error: " + r.message());
        };
    }
}
