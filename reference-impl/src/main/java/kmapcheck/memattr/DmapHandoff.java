package kmapcheck.memattr;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Word;

/**
 * Seed 003 (spec/memattr/DmapVisibility.tla): data written into a buffer-cache page through the
 * buffer's kernel virtual address (b_data, entered by pmap_qenter with pmap_cache_bits of the page's
 * pat_mode, i.e. memory type {@link #kvaAttr}), handed over (mtx_unlock / sosend: a LOCK-prefixed
 * instruction), then read through the direct map (PHYS_TO_DMAP, always WB on amd64) by a CPU or by
 * a device's DMA (bus_dmamap_sync does no cache maintenance for unbounced pages on x86). One page.
 *
 * <p>Each method is one instruction / one bus transaction and runs as one {@link Ctx#atomic} step,
 * as in the spec (README "Hardware model"). {@link #lastRead} is a ghost (the value the reader got),
 * recorded by the client from the value a read call returns (end to end: a read the code drops, or
 * a value it does not hand back, is seen by Visible).
 */
public final class DmapHandoff {
    public static final int PAGE = 1;
    public static final long OLD_V = 0, NEW_V = 1;
    public static final int PRIOR = 0, WRITTEN = 1, HANDED = 2;

    private final X86Caches hw;
    /** Memory type of the buffer's KVA mapping (Pte.WB/UC/WC). */
    public final Word kvaAttr;
    /** Progress of the buffer: previous contents / new data written / handed to the consumer. */
    public final Word phase;
    /** CPU the producer wrote on, -1 before. */
    public final Word wcpu;
    /** Ghost: value the last read by the consumer returned, -1 none. */
    public final Word lastRead;

    public DmapHandoff(Layout layout, X86Caches hw, int kvaAttr) {
        this.hw = hw;
        this.kvaAttr = layout.word("b_data.memtype", kvaAttr);
        this.phase = layout.word("buf.phase", PRIOR);
        this.wcpu = layout.word("buf.wcpu", -1);
        this.lastRead = layout.word("ghost.lastRead", X86Caches.NO_VAL);
    }

    /** The page's previous contents stored through the direct map (pagezero on the DMAP, earlier users). */
    public void priorDmapWrite(Ctx ctx) {
        ctx.atomic(() -> hw.write(ctx, ctx.cpu(), PAGE, Pte.WB, OLD_V));
    }

    /** VOP_WRITE -> uiomove into bp->b_data: the new data stored through the KVA on this CPU. */
    public void producerWrite(Ctx ctx) {
        ctx.atomic(() -> {
            int c = ctx.cpu();
            hw.write(ctx, c, PAGE, (int) ctx.load(kvaAttr), NEW_V);
            ctx.store(phase, WRITTEN);
            ctx.store(wcpu, c);
        });
    }

    /**
     * The hand-over (nfsiod -> sosend; mtx_unlock is a LOCK cmpxchg). A locked instruction retires
     * only once the CPU's WC buffers have drained; the drain is the hardware's WcDrain step, so the
     * caller issues this only when the producer CPU's buffer is empty.
     */
    public void handoff(Ctx ctx) {
        ctx.atomic(() -> ctx.store(phase, HANDED));
    }

    /** Software TLS / checksum: a load of the page through PHYS_TO_DMAP (WB) on this CPU. */
    public long cpuReadDmap(Ctx ctx) {
        long[] v = {0};
        ctx.atomic(() -> v[0] = hw.read(ctx, ctx.cpu(), PAGE, Pte.WB));
        return v[0];
    }

    /** The NIC's DMA read of the page (snooping or PCIe No-Snoop). */
    public long deviceRead(Ctx ctx, boolean snoop) {
        long[] v = {0};
        ctx.atomic(() -> v[0] = hw.dmaRead(ctx, PAGE, snoop));
        return v[0];
    }
}
