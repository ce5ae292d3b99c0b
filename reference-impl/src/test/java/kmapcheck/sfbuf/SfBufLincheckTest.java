package kmapcheck.sfbuf;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.RealMachine;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Second opinion on real threads (issue 3): the same Java sf_buf cache (RealMachine:
 * ReentrantLock + Condition, signals = Thread.interrupt()) under Lincheck's model checker
 * (org.jetbrains.lincheck:lincheck). Lincheck is bounded (invocation budget, context-switch bound):
 * a pass is "no failure in N explored executions", not a proof; the exhaustive verdict is the
 * explorer's.
 *
 * <p>Racing scenario (rev 1.220, one sf_buf): at boot b1 was used for page 1 and freed (idle, still
 * mapping page 1, on the free list). Then concurrently T1 calls sf_buf_alloc(p1, SFB_NOWAIT) (a hit
 * that revives b1) and keeps it until T2 is done, T2 calls sf_buf_alloc(p2, SFB_NOWAIT) (a miss that
 * takes the free-list head), T3 calls sf_buf_alloc(p2, SFB_CATCH) and may sleep, T4 interrupts T3;
 * each frees what it got. Every holder must see its own page through sf_buf_page while it holds the buffer (spec
 * StablePTE), and nobody may stay asleep once all buffers are free (broadcast wakeup).
 */
class SfBufLincheckTest {
    /** Lincheck's invocation budget (-Dkmapcheck.lincheck.invocations overrides it). */
    static final int INVOCATIONS = Integer.getInteger("kmapcheck.lincheck.invocations", 1_000);

    static SfBufCache.Config config(SfBufCache.Bug bug) {
        return new SfBufCache.Config(SfBufCache.Variant.REV1220, false, false, SfBufCache.Wiring.NONE, bug, false, false);
    }

    /**
     * The cache is a set of handles on machine words (no state of its own): built once, outside
     * Lincheck's block; each execution starts from a fresh machine (see LwbufLincheckTest.Setup).
     */
    record Setup(Layout layout, SfBufCache sys) {
        static Setup of(SfBufCache.Bug bug) {
            Layout layout = new Layout(1);
            SfBufCache sys = new SfBufCache(layout, 1, 2, config(bug));
            layout.initialMemory();
            return new Setup(layout, sys);
        }
    }

    /** One execution; throws AssertionError naming the violated property. */
    static void scenario(Setup s) throws InterruptedException {
        SfBufCache sys = s.sys();
        RealMachine m = new RealMachine(s.layout());
        Ctx boot = m.ctx(0, 0);
        long b = sys.alloc(boot, 1, 0);
        sys.free(boot, (int) b - 1);                       // b1 idle, still mapping p1

        AtomicLong bad = new AtomicLong();                  // page observed by a holder that asked for another one
        java.util.concurrent.atomic.AtomicBoolean t2done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread t1 = new Thread(() -> {                      // holds its buffer until T2 is done
            Ctx c = m.ctx(1, 0);
            long r = sys.alloc(c, 1, SfBufCache.SFB_NOWAIT);
            while (!t2done.get()) Thread.yield();
            if (r != SfBufCache.NULL) use(c, sys, (int) r - 1, 1, bad);
        });
        Thread t2 = new Thread(() -> {
            Ctx c = m.ctx(2, 0);
            long r = sys.alloc(c, 2, SfBufCache.SFB_NOWAIT);
            if (r != SfBufCache.NULL) use(c, sys, (int) r - 1, 2, bad);
            t2done.set(true);
        });
        Thread t3 = new Thread(() -> {
            Ctx c = m.ctx(3, 0);
            long r = sys.alloc(c, 2, SfBufCache.SFB_CATCH);
            if (r != SfBufCache.NULL) use(c, sys, (int) r - 1, 2, bad);
        });
        Thread t4 = new Thread(t3::interrupt);
        t1.start(); t2.start(); t3.start(); t4.start();
        t1.join(); t2.join(); t3.join(); t4.join();
        if (bad.get() != 0) throw new AssertionError("StablePTE: a holder saw page " + bad.get() + " instead of the page it asked for");
        if (m.peek(sys.wantWord()) != 0) throw new AssertionError("SF9: want = " + m.peek(sys.wantWord()) + " with no sleeper");
    }

    /** The holder reads the page its sf_buf maps (sf_buf_page) and frees it. */
    private static void use(Ctx c, SfBufCache sys, int id, int page, AtomicLong bad) {
        int seen = sys.page(c, id);
        if (seen != page) bad.set(seen);
        sys.free(c, id);
    }

    static kmapcheck.LincheckRuns.Outcome runUnderLincheck(SfBufCache.Bug bug) {
        Setup s = Setup.of(bug);
        return kmapcheck.LincheckRuns.explore("sfbuf." + bug, INVOCATIONS, () -> scenario(s));
    }

    @Test
    void rev1220ShowsNoViolationInTheExploredExecutions() {
        kmapcheck.LincheckRuns.assertNoFailureInBudget(runUnderLincheck(SfBufCache.Bug.NONE), INVOCATIONS, "sf_buf rev 1.220");
    }

    @Test
    void hitKeepsOnFreeListFailsOnRealThreads() {
        kmapcheck.LincheckRuns.Outcome o = runUnderLincheck(SfBufCache.Bug.HIT_KEEPS_ON_FREE_LIST);
        if (o.coverageOnly()) return;
        String msg = o.failureText();
        System.out.println("Lincheck: HitKeepsOnFreeList failed after " + o.executions() + " executions: "
                + msg.lines().filter(l -> l.contains("StablePTE") || l.contains("KernelAssert")).findFirst().orElse(""));
        assertTrue(msg.contains("StablePTE") || msg.contains("sf_buf_alloc: sf_buf"), msg);
    }
}
