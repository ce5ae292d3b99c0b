package kmapcheck.vmpage;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.RealMachine;
import kmapcheck.machine.Word;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Directed real-thread schedules (RealMachine) for the two unwire windows that spec/vmpage/VmPageUnwire.tla
 * finds, each forcing the shortest counterexample's interleaving and checking the shipped code and the
 * variant on the same schedule. A second opinion to the exhaustive explorer verdicts, not a replacement.
 */
class VmPageUnwireDirectedTest {

    /** A real-thread Ctx that runs {@code hook} once, right after the first fetchAdd on {@code w} or unlock of {@code l}. */
    static final class HookCtx extends ForwardingCtx {
        private final Word w;
        private final Lock l;
        private Runnable hook;

        HookCtx(Ctx d, Word w, Lock l, Runnable hook) { super(d); this.w = w; this.l = l; this.hook = hook; }

        private void fire() { Runnable h = hook; hook = null; if (h != null) h.run(); }

        @Override public long fetchAdd(Word x, long v) { long r = d.fetchAdd(x, v); if (x.equals(w)) fire(); return r; }
        @Override public void unlock(Lock x) { d.unlock(x); if (x == l) fire(); }
    }

    private static void runOn(Runnable op) {
        Thread t = new Thread(op);
        t.start();
        try { t.join(); } catch (InterruptedException e) { throw new AssertionError(e); }
    }

    /**
     * Unmanaged page, thread 0 holds the only wiring, thread 1 terminates the object. Schedule:
     * thread 0's vm_page_unwire_noq drops its wiring (OBJREF|1 -> OBJREF); thread 1 then runs
     * vm_object_terminate_pages to the end (drop(OBJREF) returns OBJREF: it frees the page); thread 0
     * continues. Returns how many times the page went back to the allocator.
     */
    static long unmanagedFrees(VmPageUnwire.Variant v) {
        Layout layout = new Layout(1);
        VmPageUnwire page = new VmPageUnwire(layout, v, false, 2, 0b01, false);
        RealMachine m = new RealMachine(layout);
        Ctx holder = new HookCtx(m.ctx(0, 0), page.refCount, null, () -> runOn(() -> page.terminate(m.ctx(1, 0))));
        runOn(() -> page.unwire(holder));
        return m.peek(page.frees);
    }

    @Test
    void shippedUnmanagedUnwireFreesThePageTwiceOnTheDirectedSchedule() {
        assertEquals(2, unmanagedFrees(VmPageUnwire.Variant.FIXED), "the ref_count == 0 test sees the terminator's drop");
    }

    @Test
    void freeingOnTheDropsOldValueFreesOnce() {
        assertEquals(1, unmanagedFrees(VmPageUnwire.Variant.UNWIRE_NOQ_OLD_IS_LAST));
    }

    /**
     * Managed page, thread 0 holds the only wiring, thread 1 is the page daemon. Schedule: right after
     * thread 0 first releases the page lock, the page daemon scans the page. Returns m->queue at the end.
     */
    static long managedQueueAfterUnwire(VmPageUnwire.Variant v) {
        Layout layout = new Layout(1);
        VmPageUnwire page = new VmPageUnwire(layout, v, true, 2, 0b01, false);
        RealMachine m = new RealMachine(layout);
        Ctx holder = new HookCtx(m.ctx(0, 0), null, page.pageLock, () -> runOn(() -> page.pageoutScan(m.ctx(1, 0))));
        runOn(() -> page.unwire(holder));
        assertEquals(0, m.peek(page.refCount) & VmPage.VPRC_WIRE_MASK);
        return m.peek(page.queue);
    }

    @Test
    void shippedUnwireKeepsTheUnwiredPageQueued() {
        // the page lock is released only after the CAS: the daemon finds the page unwired and leaves it
        assertEquals(VmPageUnwire.PQ_INACTIVE, managedQueueAfterUnwire(VmPageUnwire.Variant.FIXED));
    }

    @Test
    void unlockingBeforeTheCasLetsTheDaemonDequeueAWiredPageForGood() {
        // QueuedWhenUnwired fails: unwired, unbusied, allocated, on no queue
        assertEquals(VmPageUnwire.PQ_NONE, managedQueueAfterUnwire(VmPageUnwire.Variant.UNWIRE_UNLOCK_BEFORE_CAS));
    }
}
