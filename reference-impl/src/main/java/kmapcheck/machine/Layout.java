package kmapcheck.machine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shape of a simulated machine: its CPUs and every piece of shared state, each a word of one
 * flat memory ({@code long[]}). Kernel code only touches state through {@link Ctx} and these handles,
 * so the explorer can snapshot, hash and restore the whole machine, and the real-thread backend can
 * back the same words with atomics.
 *
 * <p>Layout of a KVA page: one PTE word plus one TLB word per CPU (see {@link Pte}).
 */
public final class Layout {
    private final int cpus;
    private final List<String> names = new ArrayList<>();
    private final List<Long> inits = new ArrayList<>();
    private final List<Integer> guards = new ArrayList<>();   // lock index guarding the word, or -1
    private final List<Lock> locks = new ArrayList<>();
    private final List<WaitQueue> queues = new ArrayList<>();
    private final List<Kva> kvas = new ArrayList<>();
    private boolean frozen;

    public Layout(int cpus) {
        if (cpus < 1 || cpus > 16) throw new IllegalArgumentException("cpus must be in 1..16, got " + cpus);
        this.cpus = cpus;
    }

    public int cpus() { return cpus; }

    /** A shared word that any CPU may access (atomically or plainly). */
    public Word word(String name, long init) { return new Word(alloc(name, init, -1), name, null); }

    /** A shared word that may only be accessed while holding {@code lock} (checked by the explorer). */
    public Word guarded(String name, long init, Lock lock) {
        return new Word(alloc(name, init, lock.index()), name, lock);
    }

    /** A sleepable mutex (FreeBSD mtx / Java ReentrantLock): a word holding owner thread + 1, or 0. */
    public Lock lock(String name) {
        Lock l = new Lock(locks.size(), alloc(name, 0, -1), name);
        locks.add(l);
        return l;
    }

    /** A sleep queue (msleep/wakeup channel, Java Condition) whose interlock is {@code lock}. */
    public WaitQueue waitQueue(String name, Lock interlock) {
        WaitQueue q = new WaitQueue(queues.size(), alloc(name, 0, -1), name, interlock);
        queues.add(q);
        return q;
    }

    /** A kernel virtual page: its PTE (initially invalid) and a TLB entry per CPU. */
    public Kva kva(String name) {
        int pte = alloc("pte(" + name + ")", 0, -1);
        for (int c = 0; c < cpus; c++) alloc("tlb" + c + "(" + name + ")", 0, -1);
        Kva k = new Kva(kvas.size(), pte, name);
        kvas.add(k);
        return k;
    }

    private int alloc(String name, long init, int guard) {
        if (frozen) throw new IllegalStateException("layout is frozen: declare all state before building a machine");
        names.add(name);
        inits.add(init);
        guards.add(guard);
        return names.size() - 1;
    }

    private long[] image;

    /**
     * Freezes the layout; returns a fresh copy of the initial memory image. The image is built once:
     * later machines copy it without a loop (Lincheck's loop detector forces a thread switch after about
     * 10 iterations of any loop, which in a test's set-up, before its threads start, ends Lincheck's
     * exploration after about 3 executions: see reference-impl's LincheckReachTest).
     */
    public long[] initialMemory() {
        frozen = true;
        if (image == null) {
            image = new long[names.size()];
            for (int i = 0; i < image.length; i++) image[i] = inits.get(i);
        }
        return image.clone();
    }

    public int size() { return names.size(); }
    public String nameOf(int addr) { return names.get(addr); }
    public int guardOf(int addr) { return guards.get(addr); }
    public List<Lock> locks() { return Collections.unmodifiableList(locks); }
    public List<WaitQueue> queues() { return Collections.unmodifiableList(queues); }
    public List<Kva> kvas() { return Collections.unmodifiableList(kvas); }

    /** Address of CPU {@code cpu}'s TLB entry for {@code k}. */
    public int tlbAddr(Kva k, int cpu) { return k.pteAddr() + 1 + cpu; }
}
