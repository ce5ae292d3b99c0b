package kmapcheck.adequacy;

import kmapcheck.TestRoot;
import kmapcheck.cli.Manifest;
import kmapcheck.cli.Runs;
import kmapcheck.conform.Conform;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Scenario;
import kmapcheck.explorer.conform.AbstractGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * PIT's second killing tests for {@code kmapcheck mutate}, after {@link ScenarioVerdicts}: one test per
 * default explorer scenario of the mechanisms in {@code -Dkmapcheck.mechanisms} whose pair
 * {@link ReachableSets} can judge by counting, exploring in this JVM (so with PIT's mutant) and comparing
 * its number of distinct abstract states with the model's TLC count in the manifest: more (the search
 * stops there) or, where no TLC-only states are expected, fewer is a kill; so is a mapping exception.
 * Not a surefire test (the class name does not end in Test): PIT runs it; ReachableSetsTest checks its
 * criteria on the unmutated code.
 *
 * <p>A run that hits a search bound within TLC's count is neither killed nor survived: it parks past
 * PIT's per-test timeout, as in ScenarioVerdicts, and PIT records the mutant as TIMED_OUT.
 */
class ScenarioReachableSets {
    static Stream<Arguments> pairs() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String m : System.getProperty("kmapcheck.mechanisms", "lwbuf").split(",")) {
            List<Manifest.Entry> all = Manifest.load(TestRoot.get(), List.of(m.strip()));
            for (Manifest.Entry e : ScenarioBatch.defaultScenarios(TestRoot.get(), m.strip())) {
                Manifest.Entry model = Conform.modelOf(all, e);
                if (ReachableSets.notCountable(model) == null) out.add(Arguments.of(e.id(), e, model));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void staysInsideTlcsReachableSet(String id, Manifest.Entry e, Manifest.Entry model) throws Exception {
        Scenario s = Runs.scenario(e);
        AbstractGraph.Count c = AbstractGraph.count(Explore.explorer(s), s.explorerConfig(), ReachableSets.limit(model));
        MutantVerdict.Judged j = ReachableSets.judge(e, model, c);
        if (j.outcome() == MutantVerdict.Outcome.INCOMPLETE) Thread.sleep(Long.getLong("kmapcheck.incomplete.parkMillis", 600_000));
        if (j.outcome() != MutantVerdict.Outcome.MEETS) fail(j.detail());
    }
}
