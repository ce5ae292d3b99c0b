package kmapcheck.cli;

import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per exit-code class (README "Exit codes"), each through the CLI in a child JVM:
 * 0 ok, 1 verdict differs, 2 bad input, 3 INCOMPLETE, 4 tool failure, 130 interrupted.
 */
class ExitCodesTest {
    @Test
    void everyRunAsExpectedIs0() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        Cli.Run r = Cli.run(TestRoot.get(), null, "tlc", "lwbuf/OrBug2009", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("invariant LW1 violated after 6 steps"), r.out());
        Cli.deleteTree(out);
    }

    @Test
    void aVerdictThatDiffersFromTheManifestIs1() throws Exception {
        Path root = Cli.rootWith("lwbuf");
        Path m = root.resolve("spec/lwbuf/manifest.json");
        Files.writeString(m, Files.readString(m).replaceFirst("\"distinctStates\": 3988", "\"distinctStates\": 3989"));
        Cli.Run r = Cli.run(root, null, "tlc", "lwbuf/Fixed", "--out", root.resolve("out").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("pass, but 3988 distinct states (manifest: 3989)"), r.out());
        Cli.deleteTree(root);
    }

    @Test
    void aTlaParseErrorIs2WithTlcsFileAndLine() throws Exception {
        Path root = Cli.rootWith("lwbuf");
        Path mc = root.resolve("spec/lwbuf/MCOrBug2009.tla");
        List<String> lines = Files.readAllLines(mc);
        int end = lines.size();
        while (!lines.get(end - 1).startsWith("====")) end--;
        lines.add(end - 1, "Broken == 1 +");          // the parser meets "====" on the next line
        Files.write(mc, lines);
        Cli.Run r = Cli.run(root, null, "tlc", "lwbuf/OrBug2009", "--out", root.resolve("out").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        String want = mc + ":" + (end + 1) + ":1: parse error";
        assertTrue(r.err().contains(want), "stderr names the file and line (" + want + "): " + r.err());
        Cli.deleteTree(root);
    }

    @Test
    void aCfgErrorIs2WithTheCfgLine() throws Exception {
        Path root = Cli.rootWith("lwbuf");
        Path cfg = root.resolve("spec/lwbuf/MCFixed.cfg");
        List<String> lines = Files.readAllLines(cfg);
        lines.add("INVARIANT NoSuchInvariant");
        Files.write(cfg, lines);
        Cli.Run r = Cli.run(root, null, "tlc", "lwbuf/Fixed", "--out", root.resolve("out").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(cfg + ":" + lines.size() + ": The invariant NoSuchInvariant"), r.err());
        Cli.deleteTree(root);
    }

    @Test
    void aTruncatedTraceOrSummaryIs2NamingTheFile() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        assertEquals(0, Cli.run(TestRoot.get(), null, "explore", "lwbuf/OrBug2009", "--out", out.toString()).code());
        Path trace = out.resolve("traces/lwbuf/OrBug2009.explorer.json");
        String json = Files.readString(trace);
        Files.writeString(trace, json.substring(0, json.length() / 2));
        Cli.Run r = Cli.run(TestRoot.get(), null, "report", "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
        assertTrue(r.err().startsWith("kmapcheck: " + trace + ": malformed trace JSON"), r.err());
        Files.writeString(out.resolve("summary.json"), "{\"rows\": [");
        Cli.Run s = Cli.run(TestRoot.get(), null, "report", "--out", out.toString());
        assertEquals(2, s.code(), s.err());
        assertTrue(s.err().startsWith("kmapcheck: " + out.resolve("summary.json") + ": malformed JSON"), s.err());
        Cli.deleteTree(out);
    }

    @Test
    void aTimeoutIs3IncompleteForTlcAndTheExplorer() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        long t0 = System.nanoTime();
        // FixedTwoObjs takes about 80 s on 2 cores; the 2 s timeout must kill TLC
        Cli.Run r = Cli.run(TestRoot.get(), null, "tlc", "lwbuf/FixedTwoObjs", "--timeout", "2", "--out", out.toString());
        double s = (System.nanoTime() - t0) / 1e9;
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("INCOMPLETE: timeout after 2 s"), r.out());
        assertTrue(s < 30, "TLC was killed at the timeout, not run to its end: " + s + " s");
        // the explorer: lwbuf/Fixed with two lwbuf objects is far bigger than 2 s
        Cli.Run x = Cli.run(TestRoot.get(), null, "explore", "lwbuf/Fixed", "-D", "objs=2", "--timeout", "2", "--out", out.toString());
        assertEquals(3, x.code(), x.out() + x.err());
        assertTrue(x.out().contains("INCOMPLETE: timeout after 2 s"), x.out());
        Cli.deleteTree(out);
    }

    @Test
    void aKilledTlcIs4ToolFailure() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        Cli.Started c = Cli.start(TestRoot.get(), null, "tlc", "lwbuf/FixedTwoObjs", "--progress", "1", "--out", out.toString());
        c.await("lwbuf/FixedTwoObjs (tlc):", 60);      // TLC is model checking
        ProcessHandle tlc = tlcChild(c.process());
        assertTrue(tlc.destroyForcibly(), "SIGKILL sent");
        Cli.Run r = c.finish(60);
        assertEquals(4, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("TLC killed by signal 9 (out of memory?)"), r.err());
        Cli.deleteTree(out);
    }

    @Test
    void sigintIs130WithSummaryReportAndNoLeftovers() throws Exception {
        // A background job started without job control inherits SIGINT as ignored, and a JVM keeps
        // an inherited ignored SIGINT ignored: the CLI cannot see Ctrl-C there, and neither can this test.
        org.junit.jupiter.api.Assumptions.assumeFalse(sigintIgnoredHere(),
                "SIGINT is ignored by this test JVM's environment (a background job without job control)");
        Path out = Files.createTempDirectory("kmapcheck-out-");
        Path tmp = Files.createTempDirectory("kmapcheck-tmp-");
        Cli.Started c = Cli.start(TestRoot.get(), tmp, "check", "lwbuf/Fixed", "lwbuf/FixedTwoObjs", "lwbuf/OrBug2009", "--progress", "1", "--out", out.toString());
        c.await("lwbuf/Fixed ", 60);                      // a first row is done
        c.await("lwbuf/FixedTwoObjs (tlc):", 120);         // the long model is running
        ProcessHandle tlc = tlcChild(c.process());
        signal("INT", c.process());
        Cli.Run r = c.finish(120);                         // generous: CI machines may be loaded
        assertEquals(130, r.code(), r.out() + r.err());
        assertFalse(tlc.isAlive(), "TLC's JVM is gone");
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"interrupted\" : true"), summary);
        assertTrue(summary.contains("\"status\" : \"interrupted\""), summary);
        assertTrue(Files.exists(out.resolve("report/index.html")));
        assertTrue(Files.exists(out.resolve("junit.xml")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("kmapcheck")).toList(), "temp dirs removed");
        }
        Cli.deleteTree(out);
        Cli.deleteTree(tmp);
    }

    /** Bit 2 (SIGINT) of SigIgn in /proc/self/status; false where there is no /proc. */
    static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return false;
        for (String l : Files.readAllLines(status))
            if (l.startsWith("SigIgn:")) return (Long.parseLong(l.substring(7).strip(), 16) & (1L << 1)) != 0;
        return false;
    }

    @Test
    void sigtermKillsTheTlcChildAndIs130() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        Cli.Started c = Cli.start(TestRoot.get(), null, "tlc", "lwbuf/FixedTwoObjs", "--progress", "1", "--out", out.toString());
        c.await("lwbuf/FixedTwoObjs (tlc):", 60);
        sigtermKillsChildAndIs130(c, tlcChild(c.process()), "TLC's JVM", "INTERRUPTED", out);
    }

    /** SIGTERM to the main process only, as a service manager would: exit 130, {@code child} gone, {@code marker} printed. */
    private static void sigtermKillsChildAndIs130(Cli.Started c, ProcessHandle child, String what, String marker, Path out) throws Exception {
        signal("TERM", c.process());
        Cli.Run r = c.finish(60);
        assertEquals(130, r.code(), r.out() + r.err());
        child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(child.isAlive(), what + " was killed with its parent");
        assertTrue(r.out().contains(marker), r.out());
        Cli.deleteTree(out);
    }

    /** conform's child JVM (it explores and judges a pair) is killed with its parent, never orphaned. */
    @Test
    void sigtermKillsTheConformChildAndIs130() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        // a pair whose exploration runs for tens of seconds (1.2 million explorer states)
        Cli.Started c = Cli.start(TestRoot.get(), null, "conform", "lwbuf/FixedThreeThreads", "--include-optional", "--out", out.toString());
        ProcessHandle judge = null;
        for (long end = System.nanoTime() + 60_000_000_000L; judge == null && System.nanoTime() < end; Thread.sleep(100))
            judge = childRunning(c.process(), "kmapcheck.conform.Judge");
        assertTrue(judge != null, "conform started its child JVM");
        Thread.sleep(1000);
        sigtermKillsChildAndIs130(c, judge, "the child JVM", "conform interrupted", out);
    }

    @Test
    void aSecondRunOnTheSameOutWaitsForTheLock() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        Cli.Started c;
        try (FileChannel ch = FileChannel.open(out.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            c = Cli.start(TestRoot.get(), null, "explore", "lwbuf/OrBug2009", "--out", out.toString());
            c.await("kmapcheck: waiting for the run that holds " + out.resolve(".lock"), 60);
            Thread.sleep(500);
            assertTrue(c.process().isAlive(), "it waits while the lock is held");
            assertFalse(Files.exists(out.resolve("summary.json")), "nothing written while waiting");
        }
        Cli.Run r = c.finish(60);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.exists(out.resolve("summary.json")));
        Cli.deleteTree(out);
    }

    @Test
    void internalErrorsHaveTheirOwnCode() {
        assertTrue(Arrays.stream(RunOutcome.Status.values()).noneMatch(s -> s.exitCode == Main.INTERNAL_ERROR));
    }

    /** The TLC JVM under the CLI process (its main class is TlcChild). */
    static ProcessHandle tlcChild(Process cli) {
        ProcessHandle tlc = childRunning(cli, "kmapcheck.tlc.TlcChild");
        if (tlc == null) throw new AssertionError("no TLC child running");
        return tlc;
    }

    /** The JVM under the CLI process whose command line names {@code mainClass}, or null. */
    static ProcessHandle childRunning(Process cli, String mainClass) {
        return cli.descendants().filter(p -> p.info().commandLine().orElse("").contains(mainClass)).findFirst().orElse(null);
    }

    static void signal(String sig, Process p) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor());
    }
}
