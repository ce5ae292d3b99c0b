package kmapcheck.adequacy;

import kmapcheck.cli.Manifest;
import kmapcheck.explorer.conform.AbstractGraph;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;

/**
 * PIT's second killing test ({@code ScenarioReachableSets}): {@code conform}'s state-set comparison
 * without TLC. {@code conform} needs TLC in a child JVM, which loads unmutated classes; but for a pair
 * whose model passes, the manifest caches TLC's side: the model's distinct-state count N (kept true by
 * ManifestVerdictsTest and by conform's own cross-check), and whether TLC-only states are expected
 * ({@code conform.tlcOnly}). A pair that conforms has its explorer's abstract states inside TLC's
 * reachable set ({@code javaOnly = 0}), and equal to it without TLC-only states. So, for the
 * (possibly mutated) explorer's count A of distinct abstract states:
 * <ol>
 *   <li>A &gt; N: some explorer state is outside TLC's reachable set (any pair): killed;</li>
 *   <li>A &lt; N where no TLC-only states are expected: unexplained TLC-only states: killed.</li>
 * </ol>
 * A mapping that cannot build a state is a refinement failure too (the test fails on its exception).
 * The count is exact only where TLC's count is of the same states: pairs whose cfg has a CONSTRAINT
 * (TLC decides which states are in the model) or SYMMETRY (TLC counts classes, the explorer's
 * representatives may map to several members of one) are not judged, nor pairs whose model is
 * expected to violate (no cached count: TLC stops at the violation).
 */
public final class ReachableSets {
    private ReachableSets() {}

    private static final Pattern UNCOUNTABLE = Pattern.compile("(?m)^\\s*(CONSTRAINTS?|SYMMETRY)\\b");

    /** Why the pair cannot be judged by counting, or null when it can. */
    public static String notCountable(Manifest.Entry model) throws IOException {
        if (!model.expectsPass() || model.distinctStates() == null) return "model " + model.name() + " has no cached distinct-state count";
        if (model.mode() != Manifest.Mode.EXHAUSTIVE) return "model " + model.name() + " is not checked exhaustively";
        var m = UNCOUNTABLE.matcher(stripComments(Files.readString(model.cfg())));
        return m.find() ? model.cfg().getFileName() + " has " + m.group(1) : null;
    }

    /** A cfg without its {@code \* } line comments and {@code (* *)} block comments. */
    static String stripComments(String cfg) {
        return cfg.replaceAll("(?s)\\(\\*.*?\\*\\)", "").replaceAll("\\\\\\*[^\\n]*", "");
    }

    /** The search stops as soon as the count exceeds this: criterion 1 is met. */
    public static long limit(Manifest.Entry model) { return model.distinctStates(); }

    /** The count of a (possibly mutated) explorer judged against TLC's cached side of the pair. */
    public static MutantVerdict.Judged judge(Manifest.Entry scenario, Manifest.Entry model, AbstractGraph.Count c) {
        long n = model.distinctStates();
        String pair = scenario.id() + " ~ MC" + model.name();
        if (c.exceeded() || c.abstractStates() > n)
            return new MutantVerdict.Judged(MutantVerdict.Outcome.KILLS, pair + ": more than " + n + " abstract states (TLC's count):"
                    + " some explorer state is not reachable in the model (" + c.concreteStates() + " implementation states explored)");
        if (c.bound() != null)
            return new MutantVerdict.Judged(MutantVerdict.Outcome.INCOMPLETE, pair + ": hit " + c.bound() + " at " + c.abstractStates() + " abstract states");
        if (c.abstractStates() < n && scenario.conform().tlcOnly() == null)
            return new MutantVerdict.Judged(MutantVerdict.Outcome.KILLS, pair + ": " + c.abstractStates() + " abstract states, TLC's count is "
                    + n + ": " + (n - c.abstractStates()) + " TLC-only states and the manifest expects none");
        return new MutantVerdict.Judged(MutantVerdict.Outcome.MEETS, pair + ": " + c.abstractStates() + " abstract states of " + n);
    }
}
