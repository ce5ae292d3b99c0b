package kmapcheck.cli;

import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: one clear line on stderr and exit code 2 (the CLI runs in a child JVM, as users run it). */
class CliTest {
    record Run(int code, String out, String err) {}

    static Run cli(String... args) throws IOException, InterruptedException { return cliIn(TestRoot.get(), args); }

    static void assertOneLineError(Run r, String fragment) {
        assertEquals(2, r.code(), "exit code; stderr: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), "exactly one line on stderr: " + r.err());
        assertTrue(r.err().startsWith("kmapcheck: "), r.err());
        assertTrue(r.err().contains(fragment), r.err());
    }

    @Test void unknownModel() throws Exception { assertOneLineError(cli("tlc", "lwbuf/NoSuchModel"), "unknown model 'lwbuf/NoSuchModel'"); }

    @Test void unknownScenario() throws Exception { assertOneLineError(cli("explore", "nosuch/Thing"), "unknown scenario 'nosuch/Thing'"); }

    @Test void unknownOption() throws Exception { assertOneLineError(cli("check", "--frobnicate"), "unknown option --frobnicate"); }

    @Test void unknownCommand() throws Exception { assertOneLineError(cli("frob"), "unknown command 'frob'"); }

    @Test void badWorkers() throws Exception { assertOneLineError(cli("tlc", "--workers", "zero", "lwbuf/Fixed"), "--workers needs a positive integer"); }

    @Test void workersWithoutAValue() throws Exception { assertOneLineError(cli("tlc", "lwbuf/Fixed", "--workers"), "--workers needs a value"); }

    @Test void classesTakeAValue() throws Exception {
        assertOneLineError(cli("mutate", "vmpage", "--java-only", "--classes"), "--classes needs a value");
        assertOneLineError(cli("mutate", "vmpage", "--java-only", "--classes", "NoSuch"), "--classes: no class 'NoSuch' in kmapcheck.vmpage");
    }

    @Test void unknownMechanismNamesTheKnownOnes() throws Exception {
        assertOneLineError(cli("tlc", "nosuch"), "unknown model 'nosuch' (no mechanism 'nosuch'; mechanisms: lwbuf, memattr, sfbuf, vmpage");
    }

    @Test void badHeap() throws Exception { assertOneLineError(cli("tlc", "--heap", "lots", "lwbuf/Fixed"), "--heap needs a size like 2g"); }

    /** conform takes --heap for its child JVM (explorer and judge) and checks it like tlc's. */
    @Test void conformBadHeap() throws Exception {
        assertOneLineError(cli("conform", "--heap", "lots", "lwbuf/Fixed"), "--heap needs a size like 2g");
    }

    @Test void missingTlaFile() throws Exception { assertOneLineError(cli("tlc", "no/such/Spec.tla"), "no/such/Spec.tla: no such file"); }

    @Test void missingArguments() throws Exception { assertOneLineError(cli("tlc"), "tlc needs MODEL... or --all"); }

    /** A repository with spec/lwbuf's Fixed model and one scenario file paired with it. */
    static Path repoWithScenario(String jpf, String conform) throws IOException {
        Path tmp = Files.createTempDirectory("kmapcheck-cli-");
        Path spec = Files.createDirectories(tmp.resolve("spec/lwbuf"));
        for (String f : List.of("Lwbuf.tla", "MCFixed.tla", "MCFixed.cfg"))
            Files.copy(TestRoot.get().resolve("spec/lwbuf").resolve(f), spec.resolve(f));
        Files.writeString(spec.resolve("manifest.json"), "{\"mechanism\":\"lwbuf\",\"spec\":\"Lwbuf.tla\",\"models\":"
                + "[{\"name\":\"Fixed\",\"module\":\"MCFixed.tla\",\"expect\":\"pass\",\"distinctStates\":3988}]}");
        Path jc = Files.createDirectories(tmp.resolve("jpf-config/lwbuf"));
        Files.writeString(jc.resolve("Probe.jpf"), jpf);
        Files.writeString(jc.resolve("manifest.json"), "{\"mechanism\":\"lwbuf\",\"scenarios\":[{\"name\":\"Probe\","
                + "\"file\":\"Probe.jpf\",\"model\":\"Fixed\",\"expect\":\"pass\",\"distinctStates\":12244" + conform + "}]}");
        return tmp;
    }

    static Run cliIn(Path root, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dkmapcheck.root=" + root, Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    @Test
    void scenarioWithUnknownKeyIsBadInput() throws Exception {
        Path root = repoWithScenario("target = lwbuf\nsearch.max_stats = 10\n", "");
        Run r = cliIn(root, "explore", "lwbuf/Probe");
        assertOneLineError(r, "unknown key 'search.max_stats'");
        assertTrue(r.err().contains("Probe.jpf"), r.err());
        assertTrue(r.out().isEmpty(), "nothing runs: " + r.out());
    }

    @Test
    void scenarioThatDisagreesWithItsModelIsBadInput() throws Exception {
        Path root = repoWithScenario("target = lwbuf\ncpus = 3\n", "");
        for (String cmd : List.of("explore", "check", "conform")) {
            Run r = cliIn(root, cmd, "lwbuf/Probe");
            assertOneLineError(r, "Probe.jpf: cpus = 3 disagrees with MCFixed");
        }
    }

    @Test
    void conformReasonsMustBeWellFormed() throws Exception {
        Path root = repoWithScenario("target = lwbuf\n", ",\"conform\":{\"tlcOnyl\":\"typo\"}");
        assertOneLineError(cliIn(root, "conform", "lwbuf/Probe"), "tlcOnyl");
    }

    /** A repository with one broken .jpf paired with lwbuf's Fixed model, run through the CLI: exit 2 before anything runs. */
    static Run brokenScenario(String jpf, String... extra) throws Exception {
        Path tmp = repoWithScenario(jpf, "");
        List<String> args = new ArrayList<>(List.of("explore", "lwbuf/Probe", "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        Cli.Run r = Cli.run(tmp, null, args.toArray(String[]::new));
        Cli.deleteTree(tmp);
        return new Run(r.code(), r.out(), r.err());
    }

    static final String JPF = "target = lwbuf\nvariant = Fixed\nsearch.max_states = 10\n";

    @Test void scenarioWithUnknownKey() throws Exception {
        assertOneLineError(brokenScenario(JPF + "search.max_stats = 10\n"), "Probe.jpf: unknown key 'search.max_stats'");
    }

    @Test void scenarioWithNegativeBound() throws Exception {
        assertOneLineError(brokenScenario(JPF.replace("= 10", "= -5")), "Probe.jpf: key 'search.max_states' must be at least 1, got -5");
    }

    @Test void scenarioWithARepeatedKey() throws Exception {
        assertOneLineError(brokenScenario(JPF + "variant = OrBug2009\n"), "Probe.jpf: key 'variant' is given twice");
    }

    @Test void scenarioWithAValueOfTheWrongType() throws Exception {
        assertOneLineError(brokenScenario(JPF + "hw.tlb.fill = maybe\n"), "Probe.jpf: key 'hw.tlb.fill' must be true or false, got 'maybe'");
        assertOneLineError(brokenScenario(JPF + "cpus = two\n"), "Probe.jpf: key 'cpus' must be an integer, got 'two'");
    }

    @Test void overrideOfAnUnknownKeyNamesTheOption() throws Exception {
        assertOneLineError(brokenScenario(JPF, "-D", "search.max_stats=5"), "unknown key 'search.max_stats' (set by -D search.max_stats=5)");
    }

    @Test
    void manifestMustListEveryModel() throws Exception {
        Path tmp = Files.createTempDirectory("kmapcheck-cli-");
        Path sd = Files.createDirectories(tmp.resolve("spec/toy"));
        Files.writeString(sd.resolve("Toy.tla"), "---- MODULE Toy ----\n====\n");
        Files.writeString(sd.resolve("MCToy.tla"), "---- MODULE MCToy ----\nEXTENDS Toy\n====\n");
        Files.writeString(sd.resolve("MCToy.cfg"), "");
        Files.writeString(sd.resolve("MCOther.tla"), "---- MODULE MCOther ----\n====\n");
        Files.writeString(sd.resolve("manifest.json"), "{\"mechanism\":\"toy\",\"models\":[{\"name\":\"Toy\",\"module\":\"MCToy.tla\",\"expect\":\"pass\",\"distinctStates\":1}]}");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dkmapcheck.root=" + tmp, Main.class.getName(), "list"));
        Process p = new ProcessBuilder(cmd).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor());
        assertTrue(err.contains("MCOther.tla is not listed in the manifest"), err);
    }

    @Test
    void helpForEveryCommand() throws Exception {
        for (String c : List.of("check", "tlc", "explore", "replay", "validate", "conform", "list", "bench", "report")) {
            Run r = cli(c, "--help");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().startsWith("usage: kmapcheck " + c), c + ": " + r.out());
        }
    }
}
