package kmapcheck.conform;

import kmapcheck.TestRoot;
import kmapcheck.cli.Manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which manifest verdicts {@code ConformTest} asserts from its conform runs, so that
 * {@code ManifestVerdictsTest} runs only the other default entries (each default scenario and
 * model is then run once). A conform pair yields a verdict only where its child computes it under
 * the plain run's conditions ({@link Conform#explorerVerdict}, {@link Conform#tlcVerdict}): a pass
 * with its distinct-state count, of an exhaustive default entry that expects one, paired with a
 * model whose cfg has no PROPERTY (only the verdict search and TLC's model checker check
 * properties); a model's pass also needs a pair whose TLC-only states are not expected (the
 * scenario explores the model's whole reachable set). Violations, with their traces, come from the
 * plain runs only. ConformTest fails if a pair selected here does not establish the verdict.
 */
public final class ConformVerdicts {
    private ConformVerdicts() {}

    private static final Pattern PROPERTY = Pattern.compile("^\\s*PROPERT(Y|IES)\\b", Pattern.MULTILINE);

    /** The key of an entry in both tests: tool and id (a scenario and its model share the id). */
    public static String key(Manifest.Entry e) { return e.tool().label() + " " + e.id(); }

    static boolean passWithCount(Manifest.Entry e) {
        return e.dflt() && !e.adHoc() && e.expectsPass() && e.distinctStates() != null && e.mode() == Manifest.Mode.EXHAUSTIVE
                && e.config() == null;
    }

    static boolean hasProperty(Manifest.Entry model) {
        try {
            return PROPERTY.matcher(Files.readString(model.cfg())).find();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** The conform run of this default pair asserts the scenario's verdict (the explorer's pass). */
    public static boolean assertsScenario(Manifest.Entry scenario, Manifest.Entry model) {
        return passWithCount(scenario) && !hasProperty(model);
    }

    /** The conform run of this default pair asserts the model's verdict (TLC's pass). */
    public static boolean assertsModel(Manifest.Entry scenario, Manifest.Entry model) {
        return scenario.dflt() && passWithCount(model) && scenario.conform().tlcOnly() == null && !hasProperty(model);
    }

    /** The default pairs ConformTest runs (scenario, then its model), of the selected mechanisms. */
    public static List<Manifest.Entry[]> pairs(List<Manifest.Entry> all) {
        List<Manifest.Entry[]> out = new ArrayList<>();
        for (Manifest.Entry e : all)
            if (e.tool() == Manifest.Tool.EXPLORER && e.dflt() && TestRoot.selected(e.mechanism()))
                out.add(new Manifest.Entry[]{e, Conform.modelOf(all, e)});
        return out;
    }

    /** Keys of the entries whose verdicts ConformTest asserts (selected mechanisms). */
    public static Set<String> asserted(List<Manifest.Entry> all) {
        Set<String> out = new LinkedHashSet<>();
        for (Manifest.Entry[] p : pairs(all)) {
            if (assertsScenario(p[0], p[1])) out.add(key(p[0]));
            if (assertsModel(p[0], p[1])) out.add(key(p[1]));
        }
        return out;
    }
}
