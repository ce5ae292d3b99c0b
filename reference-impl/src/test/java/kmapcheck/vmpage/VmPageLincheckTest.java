package kmapcheck.vmpage;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.RealMachine;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Second opinion on real threads for the vm_page_wire_mapped vs vm_page_try_remove_all race (issue 5):
 * the same Java vm_page (ref_count and busy_lock as AtomicLongArray words through RealMachine, pmap and
 * sleepqueue locks as ReentrantLocks) under Lincheck's model checker (org.jetbrains.lincheck 3.7).
 * Lincheck is bounded (invocation budget, context-switch bound): a pass is "no failure in N explored
 * executions", not a proof; the exhaustive verdicts are the explorer's.
 *
 * <p>Scenario (spec model WireMappedIgnoresBlocked's roles): the page is in the object and mapped by
 * pmap p1. T0 runs vm_object_page_remove (W-lock, tryxbusy, try_remove_all, free); T1 runs
 * pmap_extract_and_hold on p1 and keeps the wiring. Afterwards: if the page went back to the allocator,
 * nobody may hold a wiring of it (NoUseAfterFree) and its ref_count must be 0 (NoFreeWhileReferenced).
 */
class VmPageLincheckTest {
    /** Lincheck's invocation budget (-Dkmapcheck.lincheck.invocations overrides it). */
    static final int INVOCATIONS = Integer.getInteger("kmapcheck.lincheck.invocations", 1_000);

    /**
     * The page is a set of handles on machine words (no state of its own): built once, outside
     * Lincheck's block; each execution starts from a fresh machine (see LwbufLincheckTest.Setup).
     */
    record Setup(Layout layout, VmPage page) {
        static Setup of(VmPage.Variant variant) {
            Layout layout = new Layout(1);
            VmPage page = new VmPage(layout, variant, 2, 1, 0b1, false);
            layout.initialMemory();
            return new Setup(layout, page);
        }
    }

    static void scenario(Setup s) throws InterruptedException {
        VmPage page = s.page();
        RealMachine m = new RealMachine(s.layout());
        Thread remover = new Thread(() -> page.objectPageRemove(m.ctx(0, 0)));
        Thread holder = new Thread(() -> page.extractAndHold(m.ctx(1, 0), 0, false));
        remover.start(); holder.start();
        remover.join(); holder.join();
        boolean freed = m.peek(page.pstate) != 0;
        long wired = m.peek(page.wiredBy[1]);
        long rc = m.peek(page.refCount) & VmPage.U32;
        if (freed && wired != 0)
            throw new AssertionError("NoUseAfterFree: the page was freed while T1 holds " + wired + " wiring(s), ref_count 0x" + Long.toHexString(rc));
        if (freed && rc != 0)
            throw new AssertionError("NoFreeWhileReferenced: freed with ref_count 0x" + Long.toHexString(rc));
    }

    static kmapcheck.LincheckRuns.Outcome runUnderLincheck(VmPage.Variant v) {
        Setup s = Setup.of(v);
        return kmapcheck.LincheckRuns.explore("vmpage." + v, INVOCATIONS, () -> scenario(s));
    }

    @Test
    void fixedWireMappedVsTryRemoveAllShowsNoViolationInTheExploredExecutions() {
        kmapcheck.LincheckRuns.assertNoFailureInBudget(runUnderLincheck(VmPage.Variant.FIXED), INVOCATIONS, "Fixed vm_page");
    }

    /**
     * The buggy interleaving (T1's whole pmap_extract_and_hold between T0's BLOCKED CAS and its
     * pmap_remove_all) is a few context switches deep; with the set-up outside its block Lincheck
     * reaches it within its budget. (Before, Lincheck stopped after about 3 executions and missed it:
     * LincheckReachTest.) The directed real-thread schedule below forces the same race without Lincheck:
     * T0's context starts T1 and waits for it right after T0's try_blocked_op has set BLOCKED; Fixed
     * survives it (T1's wire_mapped sees BLOCKED).
     */
    static void directed(VmPage.Variant variant) throws InterruptedException {
        Layout layout = new Layout(1);
        VmPage page = new VmPage(layout, variant, 2, 1, 0b1, false);
        RealMachine m = new RealMachine(layout);
        Runnable holderOp = () -> page.extractAndHold(m.ctx(1, 0), 0, false);
        Ctx r = new GateCtx(m.ctx(0, 0), page.refCount, VmPage.VPRC_BLOCKED, () -> {
            Thread h = new Thread(holderOp);
            h.start();
            try { h.join(); } catch (InterruptedException e) { throw new AssertionError(e); }
        });
        Thread remover = new Thread(() -> page.objectPageRemove(r));
        remover.start();
        remover.join();
        boolean freed = m.peek(page.pstate) != 0;
        long wired = m.peek(page.wiredBy[1]);
        if (freed && wired != 0)
            throw new AssertionError("NoUseAfterFree: the page was freed while T1 holds " + wired + " wiring(s), ref_count 0x"
                    + Long.toHexString(m.peek(page.refCount) & VmPage.U32));
    }

    /** Within its 1,000 executions Lincheck finds both races, each reported by the scenario's own check. */
    @Test
    void buggyVariantsFailUnderLincheck() {
        for (VmPage.Variant v : new VmPage.Variant[]{VmPage.Variant.WIRE_MAPPED_IGNORES_BLOCKED, VmPage.Variant.CHECK_THEN_SET_BLOCKED}) {
            kmapcheck.LincheckRuns.Outcome o = runUnderLincheck(v);
            if (o.coverageOnly()) return;
            String msg = o.failureText();
            String found = msg.lines().filter(l -> l.contains("NoUseAfterFree") || l.contains("NoFreeWhileReferenced")).findFirst().orElse(msg);
            System.out.println("Lincheck: " + v.specName + " failed after " + o.executions() + " executions: " + found.strip());
            assertTrue(msg.contains("NoUseAfterFree") || msg.contains("NoFreeWhileReferenced"), msg);
        }
    }

    @Test
    void fixedSurvivesTheDirectedRaceOnRealThreads() throws InterruptedException {
        directed(VmPage.Variant.FIXED);
        System.out.println("real threads, directed schedule: Fixed: T1's wire_mapped sees BLOCKED, no violation");
    }

    @Test
    void wireMappedIgnoresBlockedFailsTheDirectedRaceOnRealThreads() {
        AssertionError e = assertThrows(AssertionError.class, () -> directed(VmPage.Variant.WIRE_MAPPED_IGNORES_BLOCKED));
        System.out.println("real threads, directed schedule: WireMappedIgnoresBlocked: " + e.getMessage());
        assertTrue(e.getMessage().contains("NoUseAfterFree"));
    }
}
