package kmapcheck.lwbuf;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.machine.RealMachine;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Second opinion on real threads (issue 2 §7): the same Java lwbuf under Lincheck's model checker
 * (org.jetbrains.lincheck:lincheck 3.7). Lincheck is bounded (invocation budget, context-switch
 * bound): a pass here is "no failure in N explored executions", not a proof — the exhaustive
 * verdict is the explorer's.
 *
 * <p>Scenario: CPU0 used the object for page 1 and still caches that translation; then
 * T1 (CPU1) allocates the object for page 2 and hands it to T2 (CPU0), while T3 (CPU1) calls
 * lwbuf_set_global on it, racing with T2's lwbuf_kva slow path. T2 must read page 2.
 */
class LwbufLincheckTest {
    /** Lincheck's invocation budget (-Dkmapcheck.lincheck.invocations overrides it). */
    static final int INVOCATIONS = Integer.getInteger("kmapcheck.lincheck.invocations", 1_000);

    /**
     * The kernel objects are handles on machine words (no state of their own), so they are built once,
     * outside Lincheck's block; each execution starts from a fresh machine. (Built inside the block,
     * their set-up loops end Lincheck's exploration after about 3 executions: LincheckReachTest.)
     */
    record Setup(Layout layout, LwbufSubsystem sys) {
        static Setup of(LwbufSubsystem.Variant variant) {
            Layout layout = new Layout(2);
            LwbufSubsystem sys = new LwbufSubsystem(layout, 1, variant);
            layout.initialMemory();
            return new Setup(layout, sys);
        }
    }

    /** One execution of the scenario; returns the page T2 read through the KVA. */
    static int scenario(Setup s) throws InterruptedException {
        LwbufSubsystem sys = s.sys();
        RealMachine m = new RealMachine(s.layout());
        Ctx boot = m.ctx(0, 0);
        Lwbuf old = sys.alloc(boot, 1);
        sys.kva(boot, old);
        assertEquals(1, Pte.page(boot.access(old.kva)));      // CPU0's TLB now caches page 1
        sys.free(boot, old);

        AtomicReference<Lwbuf> handed = new AtomicReference<>();
        AtomicInteger seen = new AtomicInteger();
        Thread t1 = new Thread(() -> {
            Ctx c = m.ctx(1, 1);
            handed.set(sys.alloc(c, 2));
        });
        Thread t2 = new Thread(() -> {
            Ctx c = m.ctx(2, 0);
            Lwbuf b;
            while ((b = handed.get()) == null) Thread.yield();
            sys.kva(c, b);
            seen.set(Pte.page(c.access(b.kva)));
        });
        Thread t3 = new Thread(() -> {
            Ctx c = m.ctx(3, 1);
            Lwbuf b;
            while ((b = handed.get()) == null) Thread.yield();
            sys.setGlobal(c, b);
        });
        t1.start(); t2.start(); t3.start();
        t1.join(); t2.join(); t3.join();
        return seen.get();
    }

    static kmapcheck.LincheckRuns.Outcome runUnderLincheck(LwbufSubsystem.Variant v) {
        Setup s = Setup.of(v);
        return kmapcheck.LincheckRuns.explore("lwbuf." + v, INVOCATIONS, () -> body(s));
    }

    /** One execution; NoStaleAccess is the assertion. */
    static void body(Setup s) throws InterruptedException {
        int page = scenario(s);
        if (page != 2) throw new AssertionError("NoStaleAccess: T2 read page " + page + " through the KVA, expected page 2");
    }

    @Test
    void fixedLwbufShowsNoStaleAccessInTheExploredExecutions() {
        kmapcheck.LincheckRuns.assertNoFailureInBudget(runUnderLincheck(LwbufSubsystem.Variant.FIXED), INVOCATIONS, "Fixed lwbuf");
    }

    @Test
    void orBug2009FailsOnRealThreads() {
        kmapcheck.LincheckRuns.Outcome o = runUnderLincheck(LwbufSubsystem.Variant.OR_BUG_2009);
        if (o.coverageOnly()) return;
        System.out.println("Lincheck: OrBug2009 failed after " + o.executions() + " executions: "
                + o.failureText().lines().filter(l -> l.contains("NoStaleAccess")).findFirst().orElse(""));
        assertTrue(o.failureText().contains("NoStaleAccess"), o.failureText());
    }
}
