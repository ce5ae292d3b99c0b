package kmapcheck.explorer;

import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Word;

/** Read-only view of one explored state, for spec mappings, invariants and client programs. */
public final class View {
    private final Layout layout;
    private final MachineState s;
    private final java.util.List<Op> ops;

    View(Layout layout, MachineState s, java.util.List<Op> ops) {
        this.layout = layout;
        this.s = s;
        this.ops = ops;
    }

    public Layout layout() { return layout; }
    public long word(Word w) { return s.mem[w.addr()]; }
    public long pte(Kva k) { return s.mem[k.pteAddr()]; }
    public long tlb(Kva k, int cpu) { return s.mem[layout.tlbAddr(k, cpu)]; }
    public int threads() { return s.threads.length; }
    public ThreadState.Status status(int t) { return s.threads[t].status; }
    public int cpu(int t) { return s.threads[t].cpu; }
    public boolean pinned(int t) { return s.threads[t].pinned > 0; }
    public boolean signalPending(int t) { return s.threads[t].signal; }
    /** The op thread t is inside, or null when idle. */
    public Op op(int t) { int i = s.threads[t].op; return i < 0 ? null : ops.get(i); }
    /** Transitions thread t has completed inside its current op (since its last retry-loop restart). */
    public int stepsInOp(int t) { return s.threads[t].steps; }
    /** Logged primitive results of thread t's current op (replay log). */
    public long[] log(int t) { return s.threads[t].log.clone(); }
    public long local(int t, int i) { return s.threads[t].locals[i]; }
    public int sleepQueue(int t) { return s.threads[t].sleepQueue; }
    /** Thread t was woken by a signal (its msleep returns an error), not by a wakeup. */
    public boolean wokenBySignal(int t) { return s.threads[t].wokenBySignal; }
}
