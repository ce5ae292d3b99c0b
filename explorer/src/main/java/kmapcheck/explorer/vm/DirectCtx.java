package kmapcheck.explorer.vm;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Pte;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

/**
 * A {@link Ctx} that executes immediately on a state, for hardware events of an
 * {@link kmapcheck.explorer.Environment}: no scheduling points, no log, no locks or sleeps.
 */
final class DirectCtx implements Ctx {
    private final Layout layout;
    private final long[] mem;
    private final int cpu;

    DirectCtx(Layout layout, long[] mem, int cpu) {
        this.layout = layout;
        this.mem = mem;
        this.cpu = cpu;
    }

    private static UnsupportedOperationException software(String what) {
        return new UnsupportedOperationException(what + " is software: a hardware event cannot " + what);
    }

    @Override public int thread() { return -1; }
    @Override public int cpu() { return cpu; }
    @Override public void pin() { throw software("pin"); }
    @Override public void unpin() { throw software("unpin"); }
    @Override public long load(Word w) { return mem[w.addr()]; }
    @Override public void store(Word w, long v) { mem[w.addr()] = v; }
    @Override public boolean cas(Word w, long e, long u) { if (mem[w.addr()] != e) return false; mem[w.addr()] = u; return true; }
    @Override public long fetchAdd(Word w, long d) { long o = mem[w.addr()]; mem[w.addr()] = o + d; return o; }
    @Override public long fetchOr(Word w, long b) { long o = mem[w.addr()]; mem[w.addr()] = o | b; return o; }
    @Override public long fetchAndNot(Word w, long b) { long o = mem[w.addr()]; mem[w.addr()] = o & ~b; return o; }
    @Override public void lock(Lock l) { throw software("lock"); }
    @Override public void unlock(Lock l) { throw software("unlock"); }
    @Override public boolean sleep(WaitQueue q, boolean i) { throw software("sleep"); }
    @Override public void wakeupOne(WaitQueue q) { throw software("wake up"); }
    @Override public void wakeupAll(WaitQueue q) { throw software("wake up"); }
    @Override public boolean signalPending() { throw software("take signals"); }
    @Override public long pteLoad(Kva k) { return mem[k.pteAddr()]; }
    @Override public void pteStore(Kva k, long pte) { mem[k.pteAddr()] = pte; }
    @Override public long pteSwap(Kva k, long pte) { long o = mem[k.pteAddr()]; mem[k.pteAddr()] = pte; return o; }
    @Override public void invlpg(Kva k) { mem[layout.tlbAddr(k, cpu)] = 0; }
    @Override public void ipiSend(long m, Kva k) { throw software("send IPIs"); }
    @Override public void ipiWait(long m, Kva k) { throw software("wait for IPIs"); }

    @Override
    public long access(Kva k) {
        int a = layout.tlbAddr(k, cpu);
        if (Pte.valid(mem[a])) return mem[a];
        long pte = mem[k.pteAddr()];
        if (!Pte.valid(pte)) return 0;
        mem[a] = Pte.tlbEntry(pte);
        mem[k.pteAddr()] = pte | Pte.PG_A;
        return mem[a];
    }

    @Override public void atomic(Runnable body) { body.run(); }

    @Override public long loop(long carry, Loop body) { return Loop.untilDone(carry, body); }
}
