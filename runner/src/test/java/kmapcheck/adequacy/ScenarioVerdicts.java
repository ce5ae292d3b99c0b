package kmapcheck.adequacy;

import kmapcheck.TestRoot;
import kmapcheck.cli.Manifest;
import kmapcheck.cli.Runs;
import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * PIT's killing tests for {@code kmapcheck mutate}: one test per default explorer scenario of the
 * mechanisms in {@code -Dkmapcheck.mechanisms} (comma-separated), asserting its manifest verdict
 * (MutantVerdict). Not a surefire test (the class name does not end in Test): PIT runs it.
 *
 * <p>A run that hits a search bound is neither killed nor survived: PIT has no such status, so the
 * test parks past PIT's per-test timeout and PIT records the mutant as TIMED_OUT.
 */
class ScenarioVerdicts {
    static Stream<Arguments> scenarios() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String m : System.getProperty("kmapcheck.mechanisms", "lwbuf").split(","))
            for (Manifest.Entry e : ScenarioBatch.defaultScenarios(TestRoot.get(), m.strip())) out.add(Arguments.of(e.id(), e));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void meetsItsManifestVerdict(String id, Manifest.Entry e) throws Exception {
        // With its paired MC model (constants, properties), as `kmapcheck check` runs it.
        ExplorationResult r = Explore.scenario(Runs.scenario(e));
        MutantVerdict.Judged j = MutantVerdict.judge(e, r);
        if (j.outcome() == MutantVerdict.Outcome.INCOMPLETE) Thread.sleep(Long.getLong("kmapcheck.incomplete.parkMillis", 600_000));
        if (j.outcome() != MutantVerdict.Outcome.MEETS) fail(id + ": " + j.detail() + " (" + r.message() + ")");
    }
}
