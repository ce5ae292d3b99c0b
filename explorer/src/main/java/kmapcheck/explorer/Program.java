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

    /**
     * Hardware the core does not enumerate (caches, WC buffers, devices): generators of
     * environment events offered at every state, each event its own transition.
     */
    default List<Environment> environment() { return List.of(); }

    /**
     * The sets a scenario may declare symmetric ({@code search.symmetry}), by the spec's names, with
     * their sizes: e.g. {@code Threads} when every thread runs the same most general client,
     * {@code Pages} when no page is special. A set is offered only if every occurrence of its
     * elements in the state has a {@link kmapcheck.machine.Sort}: words (their layout sort and
     * owner), thread locals ({@link #localSort}), op arguments ({@link #argSort}).
     */
    default java.util.Map<String, Integer> symmetricSets() { return java.util.Map.of(); }

    /**
     * If symmetric set {@code set} is a subset of the threads (e.g. the threads of one role), their
     * indices, in the order of the set's elements; null otherwise. Permuting such a set permutes
     * those threads and fixes the others: everything of sort Threads is renamed accordingly.
     */
    default int[] threadSubset(String set) { return null; }

    /** What thread t's local {@code i} denotes (symmetry reduction). */
    default kmapcheck.machine.Sort localSort(int t, int i) { return kmapcheck.machine.Sort.PLAIN; }

    /** What argument {@code i} of {@code op} denotes (symmetry reduction). */
    default kmapcheck.machine.Sort argSort(Op op, int i) { return kmapcheck.machine.Sort.PLAIN; }

    /**
     * State abstraction (JPF's): does any code, check or mapping of this program read the accessed
     * bit (PG_A) of {@code k}'s PTE? If not, page walks do not record it, so states that differ only
     * in that dead bit are one state. An override must say, next to it, why the bit is dead.
     */
    default boolean observesAccessedBit(kmapcheck.machine.Kva k) { return true; }

    /**
     * Lazy choice (data independence): {@code op}, which thread t has just gone to sleep in (its
     * replay log {@code log}), with the arguments it has not read yet replaced by placeholders, so
     * that sleepers differing only in them are one state; {@link #bindings} chooses them again when
     * the thread resumes. Sound only if no step before the resumption reads them and the client may
     * choose any value (an override says why, next to it). Default: {@code op}.
     */
    default Op suspended(int t, Op op, long[] log) { return op; }

    /** The ops a resumed thread t inside {@code op} continues as: {@code op}, or one per value of its placeholders. */
    default List<Op> bindings(int t, Op op) { return List.of(op); }

    /** Display form of an op for traces. */
    default String show(Op op) { return op.toString(); }
}
