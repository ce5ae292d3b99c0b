package kmapcheck.tlc;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Main class of the TLC child JVM: runs {@code tlc2.TLC.main} and, every
 * {@code -Dkmapcheck.progress.millis}, prints one {@link #PREFIX} line with the figures of TLC's
 * own ModelChecker MBean (TLC itself reports progress only once a minute). Depends on the JDK and
 * TLC only: it runs on the child's class path.
 */
public final class TlcChild {
    /**
     * {@code PREFIX generated distinct queue depth}: one println, which may land inside a TLC
     * message frame; the parent strips these lines before parsing TLC's output.
     */
    public static final String PREFIX = "@!@!@KMAPCHECK-PROGRESS ";

    private TlcChild() {}

    public static void main(String[] args) throws Exception {
        long every = Long.getLong("kmapcheck.progress.millis", 0);
        if (every > 0) {
            Thread t = new Thread(() -> report(every), "kmapcheck-progress");
            t.setDaemon(true);
            t.start();
        }
        // -Dkmapcheck.tlc.server=true: the server of TLC's distributed mode (TLCWorker JVMs connect over RMI)
        if (Boolean.getBoolean("kmapcheck.tlc.server")) tlc2.tool.distributed.TLCServer.main(args);
        else tlc2.TLC.main(args);
    }

    private static void report(long every) {
        MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName mc = new ObjectName("tlc2.tool:type=ModelChecker");
            while (true) {
                Thread.sleep(every);
                if (!mbs.isRegistered(mc)) continue;   // still parsing, or computing the initial states
                long generated = (Long) mbs.getAttribute(mc, "StatesGenerated");
                long distinct = (Long) mbs.getAttribute(mc, "DistinctStatesGenerated");
                long queue = (Long) mbs.getAttribute(mc, "StateQueueSize");
                int depth = (Integer) mbs.getAttribute(mc, "Progress");
                System.out.println(PREFIX + generated + " " + distinct + " " + queue + " " + depth);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // progress is best effort: TLC's figures unavailable, the run goes on without them
        }
    }
}
