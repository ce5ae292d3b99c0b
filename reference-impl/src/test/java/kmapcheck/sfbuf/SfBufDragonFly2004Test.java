package kmapcheck.sfbuf;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.RealMachine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The DragonFly 2004 variant's own behaviour (S8 kern_sfbuf.c v1.10), single-threaded on the real
 * machine: lazy free-queue removal, no second append for a buffer still queued, the miss loop
 * dropping referenced entries, and the SFBA_QUICK / global cpumask and TLB effects. The exhaustive
 * verdicts are the explorer's (jpf-config/sfbuf/DragonFly2004*.jpf); this pins the single steps.
 */
class SfBufDragonFly2004Test {
    /** A DragonFly 2004 cache (wakeup_one) on a fresh real machine. */
    record Rig(SfBufCache sys, RealMachine m) {
        static Rig of(int cpus, int bufs, int pages) {
            Layout layout = new Layout(cpus);
            SfBufCache sys = new SfBufCache(layout, bufs, pages, new SfBufCache.Config(SfBufCache.Variant.DRAGONFLY2004, true,
                    cpus > 1, SfBufCache.Wiring.NONE, SfBufCache.Bug.NONE, false, false));
            return new Rig(sys, new RealMachine(layout));
        }
    }

    static List<Integer> queue(RealMachine m, SfBufCache sys) { return SfBufCache.freeList(m.peek(sys.freelistWord())); }

    @Test
    void hitLeavesTheBufferQueuedAndItsFreeDoesNotAppendAgain() {
        Rig r = Rig.of(1, 1, 2);
        SfBufCache sys = r.sys();
        RealMachine m = r.m();
        Ctx c = m.ctx(0, 0);
        int b = (int) sys.alloc(c, 1, 0) - 1;
        assertEquals(List.of(), queue(m, sys), "a miss pops the buffer it takes");
        sys.free(c, b);
        assertEquals(List.of(b), queue(m, sys));
        assertEquals(b + 1, sys.alloc(c, 1, 0), "hash hit on the idle buffer");
        assertEquals(List.of(b), queue(m, sys), "S8: no TAILQ_REMOVE on the 0 -> 1 transition");
        assertEquals(1, m.peek(sys.buf(b).refCount));
        sys.free(c, b);
        assertEquals(List.of(b), queue(m, sys), "S8: still SFBA_ONFREEQ: not appended a second time");
        assertEquals(0, m.peek(sys.usedWord()), "S8 keeps no nsfbufsused");
    }

    @Test
    void missDropsReferencedEntriesAndTheirLaterFreeAppends() {
        Rig r = Rig.of(1, 2, 3);
        SfBufCache sys = r.sys();
        RealMachine m = r.m();
        Ctx c = m.ctx(0, 0);
        sys.free(c, (int) sys.alloc(c, 1, 0) - 1);        // b0 maps p1, idle
        sys.free(c, (int) sys.alloc(c, 2, 0) - 1);        // b1 maps p2, idle
        assertEquals(List.of(0, 1), queue(m, sys));
        assertEquals(1, sys.alloc(c, 1, 0));              // hit: b0 referenced, still at the head
        assertEquals(2, sys.alloc(c, 3, 0), "the miss drops referenced b0 and takes b1");
        assertEquals(List.of(), queue(m, sys));
        sys.free(c, 0);                                   // b0 was popped (flag cleared): appended now
        assertEquals(List.of(0), queue(m, sys));
    }

    @Test
    void quickMissMasksTheLocalCpuAndAGlobalHitSyncsEveryCpu() {
        Rig rig = Rig.of(2, 1, 1);
        SfBufCache sys = rig.sys();
        RealMachine m = rig.m();
        Ctx c0 = m.ctx(0, 0), c1 = m.ctx(1, 1);
        long r = sys.alloc(c0, 1, SfBufCache.SFBA_QUICK);
        assertEquals(1, r);
        assertEquals(0b01, m.peek(sys.buf(0).cpumask), "pmap_kenter_quick: cpumask = curcpu");
        m.tlbFill(1, sys.buf(0).kva);                     // a page walk on CPU 1 (outside cpumask)
        sys.free(c0, 0);
        assertEquals(1, sys.alloc(c1, 1, SfBufCache.SFBA_QUICK), "QUICK hit on CPU 1");
        assertEquals(0b11, m.peek(sys.buf(0).cpumask), "pmap_kenter_sync_quick: cpumask |= curcpu");
        assertEquals(0, m.peekTlb(sys.buf(0).kva, 1), "CPU 1 invalidated before use");
        sys.free(c1, 0);
        sys.free(c0, (int) sys.alloc(c0, 1, 0) - 1);      // global hit with cpumask = all: no sync needed
        assertEquals(0b11, m.peek(sys.buf(0).cpumask));
    }
}
