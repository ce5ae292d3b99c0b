package kmapcheck.lwbuf;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.machine.RealMachine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-CPU lwbuf (L4, spec/lwbuf/LwbufPcpu.tla) on the real machine, one thread, the schedule of
 * TLC's shortest counterexample to NoStaleAccess for KremoveQuickFree (16 steps): the shipped
 * kmem_free's shootdown removes the other CPU's translation, the variant's local invlpg does not.
 */
class LwbufPcpuTest {

    /** The page a kmem_alloc user on CPU1 reads through the KVA a surplus lwbuf returned. */
    static int readAfterSurplusFree(LwbufPcpu.Variant variant) {
        Layout layout = new Layout(2);
        LwbufPcpu sys = new LwbufPcpu(layout, 2, 0, variant);
        RealMachine m = new RealMachine(layout);
        Ctx t1 = m.ctx(0, 0), h0 = m.ctx(1, 0);

        int k1 = sys.alloc(t1, 1);                                  // grows CPU0's list: kva0, home CPU0
        assertEquals(0, k1);
        assertEquals(1, m.peek(sys.gd(k1)));
        RealMachine.migrate(t1, 1);
        sys.free(t1, k1);                                           // remote free: queued on CPU0
        assertEquals(List.of(k1), LwbufPcpu.pending(m.peek(sys.ipiq(0))));
        assertEquals(0, m.peek(sys.cpumask(k1)));
        RealMachine.migrate(t1, 0);
        int k2 = sys.alloc(t1, 1);                                  // the queued lwbuf is not on the list
        assertEquals(1, k2);
        sys.free(t1, k2);                                           // home free, list was empty: pushed
        assertEquals(List.of(k2), LwbufPcpu.list(m.peek(sys.fpages(0))));
        m.tlbFill(1, sys.kva(k1));                                  // CPU1's walker caches kva0 -> page 1
        sys.freeRemote(h0, k1);                                     // one free lwbuf already: surplus, kmem_free
        assertEquals(0, m.peek(sys.ipiq(0)));
        assertEquals(0, m.peek(sys.gd(k1)));
        assertEquals(1L << k1, m.peek(sys.kernelMap()));
        RealMachine.migrate(t1, 1);
        int k = sys.kmemAlloc(t1, 2);                               // reuses kva0 for page 2
        assertEquals(k1, k);
        return Pte.page(t1.access(sys.kva(k)));
    }

    @Test
    void shippedKmemFreeShootsDownEveryCpu() {
        assertEquals(2, readAfterSurplusFree(LwbufPcpu.Variant.SHIPPED));
    }

    @Test
    void kremoveQuickBeforeKmemFreeLeavesTheOtherCpusTranslation() {
        assertEquals(1, readAfterSurplusFree(LwbufPcpu.Variant.KREMOVE_QUICK_FREE));
    }

    @Test
    void bootReserveAndSurplusThreshold() {
        Layout layout = new Layout(2);
        LwbufPcpu sys = new LwbufPcpu(layout, 6, 2, LwbufPcpu.Variant.SHIPPED);
        RealMachine m = new RealMachine(layout);
        assertEquals(List.of(1, 0), LwbufPcpu.list(m.peek(sys.fpages(0))));   // head: the highest boot page
        assertEquals(List.of(3, 2), LwbufPcpu.list(m.peek(sys.fpages(1))));
        assertEquals(3L << 4, m.peek(sys.kernelMap()));
        Ctx c0 = m.ctx(0, 0);
        int a = sys.alloc(c0, 1), b = sys.alloc(c0, 1), c = sys.alloc(c0, 1), d = sys.alloc(c0, 1);  // c, d grow
        assertEquals(List.of(1, 0, 4, 5), List.of(a, b, c, d));
        sys.free(c0, a);
        sys.free(c0, b);
        sys.free(c0, c);                                            // 2 free before: not above the reserve
        assertEquals(List.of(4, 0, 1), LwbufPcpu.list(m.peek(sys.fpages(0))));
        assertEquals(0, m.peek(sys.kernelMap()));
        sys.free(c0, d);                                            // 3 free: above LWBUF_BOOT_PAGES, kmem_free
        assertEquals(List.of(4, 0, 1), LwbufPcpu.list(m.peek(sys.fpages(0))));
        assertEquals(1L << 5, m.peek(sys.kernelMap()));
        assertEquals(0, m.peek(sys.gd(5)));
        assertEquals(0, m.peekPte(sys.kva(5)));
    }
}
