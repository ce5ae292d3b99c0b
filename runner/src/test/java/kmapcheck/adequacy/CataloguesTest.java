package kmapcheck.adequacy;

import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adequacy input files of every mechanism are current: every spec mutation's find text occurs
 * exactly once, every unreached.json and pit-survivors.json anchor names exactly one source line.
 * (A stale file makes 'coverage'/'mutate' exit 2; this catches it in mvn verify without running them.)
 */
class CataloguesTest {
    @Test
    void everyMechanismHasACurrentCatalogueAndCurrentAnnotations() throws Exception {
        Path root = TestRoot.get();
        Path sources = root.resolve("reference-impl/src/main/java");
        List<String> mechs = Options.mechanisms(root, List.of());
        assertTrue(mechs.containsAll(List.of("lwbuf", "memattr", "sfbuf", "vmpage")), mechs.toString());
        for (String m : mechs) {
            List<SpecMutations.Mutation> ms = SpecMutations.load(SpecMutations.catalogueOf(root, m), m);
            assertTrue(ms.size() >= 10, m + ": at least 10 spec mutations, found " + ms.size());
            Unreached.load(Unreached.fileOf(root, m), m, sources);
            PitSurvivors.load(PitSurvivors.fileOf(root, m), m, sources);
            assertTrue(Files.isDirectory(sources.resolve(CodeCoverage.packagePath(m))), m + ": kernel package");
        }
    }
}
