package kmapcheck.explorer;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;

import java.util.List;

/**
 * A client program driving a kernel mechanism: the threads, the operations each may start, and
 * the driver-level bookkeeping (thread locals) done when an operation returns. The kernel code in
 * {@link #run} is the reference implementation itself.
 */
public interface Program {
    Layout layout();

    int threads();

    String threadName(int t);

    String cpuName(int c);

    int initialCpu(int t);

    long[] initialLocals(int t);

    /** Operations idle thread {@code t} may start now (each is a separate transition). */
    List<Op> choices(int t, View v);

    /** Runs the kernel call of {@code op} on {@code ctx}. Must be deterministic. */
    long run(int t, Op op, Ctx ctx, long[] locals);

    /** Driver bookkeeping when thread t's op returns {@code result}; may update any thread's locals. */
    void complete(int t, Op op, long result, long[][] locals);

    /** May thread t be migrated now (it is not pinned)? E.g. DragonFly LWKT: only between calls. */
    boolean mayMigrate(int t, View v);

    /**
     * Is starting {@code op} an obligated (weakly fair) step for liveness checking? E.g. a thread
     * holding a buffer eventually frees it. Steps of a thread inside an op are always obligated.
     */
    default boolean fair(int t, Op op) { return false; }

    /** Driver bookkeeping when thread t migrates (e.g. lwbuf: its kva is no longer synced). */
    default void onMigrate(int t, long[] locals) {}

    /** Display form of an op for traces. */
    default String show(Op op) { return op.toString(); }
}
