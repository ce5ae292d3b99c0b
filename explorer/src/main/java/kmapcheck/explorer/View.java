package kmapcheck.explorer;

import kmapcheck.explorer.vm.MachineState;
import kmapcheck.explorer.vm.ThreadState;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Word;

/** Read-only view of one explored state, for spec mappings, invariants and client programs. */
public final class View {
    private final Layout layout;
    private final MachineState s;

    /** Explorer internal: a view of {@code s}. */
    public View(Layout layout, MachineState s) {
        this.layout = layout;
        this.s = s;
    }

    public Layout layout() { return layout; }
    public long word(Word w) { return s.mem[w.addr()]; }
    public long pte(Kva k) { return s.mem[k.pteAddr()]; }
    public long tlb(Kva k, int cpu) { return s.mem[layout.tlbAddr(k, cpu)]; }
    /** Shootdown IPIs CPU {@code cpu} has not yet handled: bit k = KVA index k. */
    public long ipiPending(int cpu) { int a = layout.ipiAddr(cpu); return a < 0 ? 0 : s.mem[a]; }
    public int threads() { return s.threads.length; }
    public ThreadState.Status status(int t) { return s.threads[t].status; }
    public int cpu(int t) { return s.threads[t].cpu; }
    public boolean pinned(int t) { return s.threads[t].pinned > 0; }
    public boolean signalPending(int t) { return s.threads[t].signal; }
    /** The op thread t is inside, or null when idle. */
    public Op op(int t) { return s.threads[t].op; }
    /** Transitions thread t has completed inside its current op (since its last retry-loop restart). */
    public int stepsInOp(int t) { return s.threads[t].steps; }
    /** Logged primitive results of thread t's current op (replay log). */
    public long[] log(int t) { return s.threads[t].log.clone(); }
    /** Length of thread t's replay log (no copy). */
    public int logLength(int t) { return s.threads[t].log.length; }
    public long local(int t, int i) { return s.threads[t].locals[i]; }
    public int sleepQueue(int t) { return s.threads[t].sleepQueue; }
    /** Thread t was woken by a signal (its msleep returns an error), not by a wakeup. */
    public boolean wokenBySignal(int t) { return s.threads[t].wokenBySignal; }
}
