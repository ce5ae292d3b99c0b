package kmapcheck.sfbuf;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.RealMachine;
import kmapcheck.machine.Word;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sf_buf hash chain (issue 12): the kernel hashes with LIST_INSERT_HEAD, unhashes a recycled
 * buffer with LIST_REMOVE and looks up with LIST_FOREACH, so when two sf_bufs map one page (no hash
 * re-lookup after msleep) a hit takes the one hashed last. A lookup in table order (the first
 * sf_buf whose m is the page) takes sf_buf 0 below instead of sf_buf 1.
 */
class SfBufHashChainTest {
    static SfBufCache cache(Layout layout, int bufs, int pages) {
        return new SfBufCache(layout, bufs, pages, new SfBufCache.Config(SfBufCache.Variant.FREEBSD_LATER, true, false,
                SfBufCache.Wiring.NONE, SfBufCache.Bug.NONE, false, false));
    }

    static List<Integer> chain(RealMachine m, SfBufCache sys, int page) { return SfBufCache.freeList(m.peek(sys.chainWord(page))); }

    /** Polls until the word has the value (the other threads run on real Java threads). */
    static void await(RealMachine m, Word w, long v, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (m.peek(w) != v) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what + " (" + w + " = " + m.peek(w) + ")");
            Thread.sleep(1);
        }
    }

    @Test
    void aHitOnADuplicatedPageTakesTheNewestMapping() throws Exception {
        Layout layout = new Layout(1);
        SfBufCache sys = cache(layout, 2, 3);
        RealMachine m = new RealMachine(layout);
        Ctx main = m.ctx(0, 0);
        assertEquals(1, sys.alloc(main, 1, 0), "sf_buf 0 maps p1");
        assertEquals(2, sys.alloc(main, 2, 0), "sf_buf 1 maps p2");
        long[] got = new long[2];
        Thread[] sleepers = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int t = i;
            sleepers[i] = new Thread(() -> got[t] = sys.alloc(m.ctx(t + 1, 0), 3, 0));
            sleepers[i].start();
        }
        await(m, sys.wantWord(), 2, "both allocators of p3 asleep");
        sys.free(main, 0);                               // one sleeper takes sf_buf 0 for p3, no re-lookup
        await(m, sys.buf(0).m, 3, "sf_buf 0 recycled for p3");
        sys.free(main, 1);                               // the other takes sf_buf 1 for p3: a duplicate
        for (Thread s : sleepers) s.join(TimeUnit.SECONDS.toMillis(20));
        assertEquals(List.of(1L, 2L), java.util.Arrays.stream(got).sorted().boxed().toList(), "each sleeper got one sf_buf");
        assertEquals(3, m.peek(sys.buf(1).m), "sf_buf 1 maps p3 too (SF1 broken, as the kernel allows)");
        assertEquals(List.of(1, 0), chain(m, sys, 3), "LIST_INSERT_HEAD: the newer mapping heads the chain");
        assertEquals(List.of(), chain(m, sys, 1), "LIST_REMOVE from p1's chain at the recycle");
        assertEquals(List.of(), chain(m, sys, 2), "LIST_REMOVE from p2's chain at the recycle");
        assertEquals(2, sys.alloc(main, 3, 0), "LIST_FOREACH hits the newest mapping (sf_buf 1), not table order's sf_buf 0");
        assertEquals(2, m.peek(sys.buf(1).refCount));
        assertEquals(1, m.peek(sys.buf(0).refCount));
    }

    @Test
    void aRecycledBufferLeavesItsOldChainAndHeadsTheNewOne() {
        Layout layout = new Layout(1);
        SfBufCache sys = cache(layout, 2, 3);
        RealMachine m = new RealMachine(layout);
        Ctx c = m.ctx(0, 0);
        sys.free(c, (int) sys.alloc(c, 1, 0) - 1);     // sf_buf 0 maps p1, idle (mapping kept)
        sys.free(c, (int) sys.alloc(c, 2, 0) - 1);     // sf_buf 1 maps p2, idle
        assertEquals(List.of(0), chain(m, sys, 1));
        assertEquals(List.of(1), chain(m, sys, 2));
        assertEquals(1, sys.alloc(c, 3, 0), "miss: the least recently freed (sf_buf 0) is recycled");
        assertEquals(List.of(), chain(m, sys, 1), "unhashed from p1");
        assertEquals(List.of(0), chain(m, sys, 3), "hashed under p3");
        assertEquals(2, sys.alloc(c, 2, 0), "p2 still hits sf_buf 1");
    }

    @Test
    void rev1219UnhashesAtRefcountZero() {
        Layout layout = new Layout(1);
        SfBufCache sys = new SfBufCache(layout, 1, 2, new SfBufCache.Config(SfBufCache.Variant.REV1219, false, false,
                SfBufCache.Wiring.NONE, SfBufCache.Bug.NONE, false, false));
        RealMachine m = new RealMachine(layout);
        Ctx c = m.ctx(0, 0);
        assertEquals(1, sys.alloc(c, 1, SfBufCache.SFB_CATCH));
        assertEquals(List.of(0), chain(m, sys, 1));
        sys.free(c, 0);
        assertEquals(0, m.peek(sys.buf(0).m));
        assertEquals(List.of(), chain(m, sys, 1), "rev 1.219: LIST_REMOVE with sf->m = NULL");
    }
}
