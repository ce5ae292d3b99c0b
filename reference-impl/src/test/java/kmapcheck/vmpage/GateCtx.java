package kmapcheck.vmpage;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Word;

/** A real-thread Ctx that runs {@code hook} once, right after an atomic on {@code w} has set {@code bit}. */
final class GateCtx extends ForwardingCtx {
    private final Word w;
    private final long bit;
    private Runnable hook;

    GateCtx(Ctx d, Word w, long bit, Runnable hook) { super(d); this.w = w; this.bit = bit; this.hook = hook; }

    private void check(Word x) {
        if (x.equals(w) && hook != null && (d.load(w) & bit) != 0) { Runnable h = hook; hook = null; h.run(); }
    }

    @Override public boolean cas(Word x, long e, long u) { boolean r = d.cas(x, e, u); if (r) check(x); return r; }
    @Override public long fetchOr(Word x, long b) { long r = d.fetchOr(x, b); check(x); return r; }
}
