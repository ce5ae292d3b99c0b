package kmapcheck.cli;

import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kmapcheck tlc --distributed N}: TLC's TLCServer with TLCWorker JVMs on loopback finds the
 * same reachable set as one TLC JVM, and a violation it finds is named (re-checked by one worker).
 */
class DistributedTlcTest {
    static final String SPEC = """
            ---- MODULE Grid ----
            EXTENDS Naturals
            VARIABLES x, y
            Init == x = 0 /\\ y = 0
            Next == \\/ x < 40 /\\ x' = x + 1 /\\ UNCHANGED y
                    \\/ y < 40 /\\ y' = y + 1 /\\ UNCHANGED x
            Bounded == x + y <= 80
            Diagonal == x + y < 50
            ====
            """;

    @Test
    void distributedSearchMatchesOneJvmAndNamesAViolation() throws Exception {
        Path dir = Files.createTempDirectory("kmapcheck-dist-");
        Files.writeString(dir.resolve("Grid.tla"), SPEC);
        Files.writeString(dir.resolve("Pass.cfg"), "INIT Init\nNEXT Next\nINVARIANT Bounded\nCHECK_DEADLOCK FALSE\n");
        Files.writeString(dir.resolve("Fail.cfg"), "INIT Init\nNEXT Next\nINVARIANT Diagonal\nCHECK_DEADLOCK FALSE\n");
        Cli.Run one = Cli.run(TestRoot.get(), null, "tlc", dir.resolve("Grid.tla").toString(), "--config", dir.resolve("Pass.cfg").toString(),
                "--out", dir.resolve("out1").toString());
        Cli.Run dist = Cli.run(TestRoot.get(), null, "tlc", "--distributed", "1", dir.resolve("Grid.tla").toString(), "--config",
                dir.resolve("Pass.cfg").toString(), "--out", dir.resolve("out2").toString());
        assertEquals(0, one.code(), one.out() + one.err());
        assertEquals(0, dist.code(), dist.out() + dist.err());
        // 41 x 41 = 1,681 reachable states on both
        assertTrue(one.out().matches("(?s).*Grid\\s+tlc\\s+\\(none\\)\\s+pass\\s+1681 .*"), one.out());
        assertTrue(dist.out().matches("(?s).*Grid\\s+tlc\\s+\\(none\\)\\s+pass\\s+1681 .*"), dist.out());
        Cli.Run bad = Cli.run(TestRoot.get(), null, "tlc", "--distributed", "1", dir.resolve("Grid.tla").toString(), "--config",
                dir.resolve("Fail.cfg").toString(), "--out", dir.resolve("out3").toString());
        assertEquals(1, bad.code(), bad.out() + bad.err());
        assertTrue(bad.out().contains("invariant Diagonal violated after 50 steps"), bad.out());
        Cli.deleteTree(dir);
    }
}
