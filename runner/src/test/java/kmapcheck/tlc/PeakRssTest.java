package kmapcheck.tlc;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The child-process poller behind bench's TLC columns: peak RSS and CPU seconds. */
class PeakRssTest {
    /** utime and stime are fields 14 and 15, counted after the parenthesised command name, which may hold ") (". */
    @Test
    void cpuTicksAreCountedFromTheLastParenthesis() {
        String line = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 31 0 777 0 0";
        assertEquals(1234 + 56, TlcRunner.PeakRss.cpuTicks(line));
    }

    /** A child that burns about 0.6 s of CPU (a shell loop, no subprocesses) is seen using it, read while it ran. */
    @Test
    void aBusyChildIsSeenUsingCpu() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "Linux /proc");
        Process p = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 600000 ]; do i=$((i+1)); done")
                .redirectErrorStream(true).start();
        TlcRunner.PeakRss poller = new TlcRunner.PeakRss(p.pid());
        poller.start();
        assertEquals(0, p.waitFor());
        poller.interrupt();
        poller.join();
        assertTrue(poller.peakKb() > 0, "peak RSS seen: " + poller.peakKb());
        assertTrue(poller.cpuSeconds() > 0.05, "CPU seconds seen: " + poller.cpuSeconds());
        assertTrue(poller.cpuSeconds() < 60, "CPU seconds in seconds, not ticks: " + poller.cpuSeconds());
    }
}
