package kmapcheck.explorer.memattr;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Pte;
import kmapcheck.memattr.X86Caches;

/**
 * The end-to-end ghosts of spec/memattr/MemAttr.tla's Coherence (DoRead, DoWrite), recorded by the
 * client from what it asked for and what the call handed back, not by the hardware model inside the
 * access: {@code rdVal[p]} is the value the client's load of page p returned, {@code rdExp[p]} the
 * value it should have returned (its own WC-buffered store to p, else p's last globally performed
 * write), {@code lastWritten[p]} the value of the client's last WB or UC store to p (a WC store is
 * performed when its buffer drains: {@link X86Caches#wcDrain} records it). So a load or store the
 * kernel code drops, a value it does not return, or a translation to another frame than the page
 * the client holds violates Coherence. {@code ucPassedWc[c]} is set by a UC access performed while
 * CPU c's WC buffer still held a store (RecordUcOrder; UcFlushesWC). Each call runs in the same
 * atomic step as the access it records (the spec's one action).
 */
final class EndToEnd {
    private EndToEnd() {}

    /** The client's load of page p on CPU c returned v. */
    static void loaded(Ctx ctx, X86Caches hw, int c, int p, long v) {
        long pend = ctx.load(hw.wcb[c][p - 1]);
        long expected = pend != X86Caches.NO_VAL ? pend : ctx.load(hw.lastWritten[p - 1]);
        ctx.store(hw.rdVal[p - 1], v);
        ctx.store(hw.rdExp[p - 1], expected);
    }

    /**
     * CPU c performed a data access through a mapping of memory type attr (MemAttr.tla
     * RecordUcOrder): a UC access with a store still in c's WC buffer sets the ghost of UcFlushesWC.
     */
    static void performed(Ctx ctx, X86Caches hw, int c, int attr) {
        if (attr != Pte.UC) return;
        for (int p = 1; p <= hw.pages(); p++)
            if (ctx.load(hw.wcb[c][p - 1]) != X86Caches.NO_VAL) ctx.store(hw.ucPassedWc[c], 1);
    }

    /** The client stored v to page p through a mapping of memory type attr. */
    static void stored(Ctx ctx, X86Caches hw, int p, int attr, long v) {
        if (attr != Pte.WC) ctx.store(hw.lastWritten[p - 1], v);
    }
}
