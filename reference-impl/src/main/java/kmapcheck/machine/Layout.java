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
 * <p>Every word has a {@link Kind}: software words (plain or lock-guarded), hardware-visible words
 * (read or written by hardware that takes no lock: PTEs, TLB entries, cache lines, memory-attribute
 * registers, pending shootdown IPIs), locks and sleep queues. The explorer never reduces an access
 * to a hardware-visible word into the same step as another one (explorer/README.md, "Granularity").
 *
 * <p>For symmetry reduction a word also has a {@link Sort} (what its value denotes) and may belong
 * to one element of a symmetric set ({@link #beginOwner}): renaming the element moves its words.
 *
 * <p>Layout of a KVA page: one PTE word plus one TLB word per CPU (see {@link Pte}). When the machine
 * has KVAs, each CPU also has an IPI word: the set of KVA indices it has been asked to invalidate
 * and has not yet acknowledged (smp_masked_invlpg with per-CPU acknowledgement).
 */
public final class Layout {
    /** How a word is accessed. */
    public enum Kind {
        /** Shared memory only software touches. */
        SOFTWARE,
        /** Shared memory only software touches, and only while holding its guard lock. */
        GUARDED,
        /** Memory the hardware reads or writes without taking locks (caches, PAT, RAM). */
        HARDWARE,
        PTE, TLB, IPI, LOCK, QUEUE;

        public boolean hardwareVisible() { return this == HARDWARE || this == PTE || this == TLB || this == IPI; }
    }

    /** Ownership of a word by element {@code index} of symmetric set {@code set}; {@code offset} within the element's words. */
    public record Owner(String set, int index, int offset) {}

    private final int cpus;
    private final List<String> names = new ArrayList<>();
    private final List<Long> inits = new ArrayList<>();
    private final List<Integer> guards = new ArrayList<>();   // lock index guarding the word, or -1
    private final List<Kind> kinds = new ArrayList<>();
    private final List<Sort> sorts = new ArrayList<>();
    private final List<Owner> owners = new ArrayList<>();
    private final List<Lock> locks = new ArrayList<>();
    private final List<WaitQueue> queues = new ArrayList<>();
    private final List<Kva> kvas = new ArrayList<>();
    private final List<Owner> kvaOwners = new ArrayList<>();
    private int[] ipiAddr = new int[0];
    private String ownerSet;
    private int ownerIndex = -1, ownerOffset;
    private boolean frozen;

    public Layout(int cpus) {
        if (cpus < 1 || cpus > 16) throw new IllegalArgumentException("cpus must be in 1..16, got " + cpus);
        this.cpus = cpus;
    }

    public int cpus() { return cpus; }

    /** A shared word that any CPU may access (atomically or plainly). */
    public Word word(String name, long init) { return new Word(alloc(name, init, -1, Kind.SOFTWARE, Sort.PLAIN), name, null); }

    /** A shared word whose value denotes {@code sort} (symmetry reduction). */
    public Word word(String name, long init, Sort sort) { return new Word(alloc(name, init, -1, Kind.SOFTWARE, sort), name, null); }

    /** A shared word that may only be accessed while holding {@code lock} (checked by the explorer). */
    public Word guarded(String name, long init, Lock lock) { return guarded(name, init, lock, Sort.PLAIN); }

    public Word guarded(String name, long init, Lock lock, Sort sort) {
        return new Word(alloc(name, init, lock.index(), Kind.GUARDED, sort), name, lock);
    }

    /**
     * A word the hardware accesses without locks (a cache line, a WC buffer, RAM, a memory-attribute
     * register): every access to it is a hardware-visible step.
     */
    public Word hwWord(String name, long init) { return hwWord(name, init, Sort.PLAIN); }

    public Word hwWord(String name, long init, Sort sort) { return new Word(alloc(name, init, -1, Kind.HARDWARE, sort), name, null); }

    /** A sleepable mutex (FreeBSD mtx / Java ReentrantLock): a word holding owner thread + 1, or 0. */
    public Lock lock(String name) {
        Lock l = new Lock(locks.size(), alloc(name, 0, -1, Kind.LOCK, Sort.elem(Sort.THREADS, 1)), name);
        locks.add(l);
        return l;
    }

    /** A sleep queue (msleep/wakeup channel, Java Condition) whose interlock is {@code lock}. */
    public WaitQueue waitQueue(String name, Lock interlock) {
        WaitQueue q = new WaitQueue(queues.size(), alloc(name, 0, -1, Kind.QUEUE, Sort.list(Sort.THREADS)), name, interlock);
        queues.add(q);
        return q;
    }

    /** A kernel virtual page: its PTE (initially invalid) and a TLB entry per CPU; pages from {@value Sort#PAGES}. */
    public Kva kva(String name) { return kva(name, Sort.PAGES); }

    /** A kernel virtual page whose PTE maps pages of symmetric set {@code pageSet}. */
    public Kva kva(String name, String pageSet) {
        Owner o = ownerSet == null ? null : new Owner(ownerSet, ownerIndex, ownerOffset);
        int pte = alloc("pte(" + name + ")", 0, -1, Kind.PTE, Sort.pte(pageSet));
        for (int c = 0; c < cpus; c++) alloc("tlb" + c + "(" + name + ")", 0, -1, Kind.TLB, Sort.pte(pageSet));
        Kva k = new Kva(kvas.size(), pte, name);
        kvas.add(k);
        kvaOwners.add(o);
        return k;
    }

    /**
     * Words declared from now until {@link #endOwner} belong to element {@code index} of symmetric set
     * {@code set} (e.g. the fields of sf_buf i). Every element of a set must declare the same words
     * in the same order.
     */
    public void beginOwner(String set, int index) {
        if (ownerSet != null) throw new IllegalStateException("owner scopes do not nest");
        ownerSet = set;
        ownerIndex = index;
        ownerOffset = 0;
    }

    public void endOwner() { ownerSet = null; ownerIndex = -1; }

    private int alloc(String name, long init, int guard, Kind kind, Sort sort) {
        if (frozen) throw new IllegalStateException("layout is frozen: declare all state before building a machine");
        names.add(name);
        inits.add(init);
        guards.add(guard);
        kinds.add(kind);
        sorts.add(sort);
        owners.add(ownerSet == null ? null : new Owner(ownerSet, ownerIndex, ownerOffset++));
        return names.size() - 1;
    }

    private long[] image;

    /**
     * Freezes the layout (adding the per-CPU IPI words if there are KVAs); returns a fresh copy of
     * the initial memory image. The image is built once: later machines copy it without a loop
     * (Lincheck's loop detector forces a thread switch after about 10 iterations of any loop, which
     * in a test's set-up, before its threads start, ends Lincheck's exploration after about 3
     * executions: see reference-impl's LincheckReachTest).
     */
    public long[] initialMemory() {
        if (!frozen) {
            if (!kvas.isEmpty()) {
                if (kvas.size() > 63) throw new IllegalStateException("at most 63 KVAs (IPI words are bit sets)");
                ipiAddr = new int[cpus];
                for (int c = 0; c < cpus; c++) ipiAddr[c] = alloc("ipi(c" + c + ")", 0, -1, Kind.IPI, Sort.PLAIN);
            }
            frozen = true;
        }
        if (image == null) {
            image = new long[names.size()];
            for (int i = 0; i < image.length; i++) image[i] = inits.get(i);
        }
        return image.clone();
    }

    public int size() { return names.size(); }
    public String nameOf(int addr) { return names.get(addr); }
    public int guardOf(int addr) { return guards.get(addr); }
    public Kind kindOf(int addr) { return kinds.get(addr); }
    public Sort sortOf(int addr) { return sorts.get(addr); }
    /** The symmetric-set element owning the word, or null. */
    public Owner ownerOf(int addr) { return owners.get(addr); }
    /** The symmetric-set element owning KVA {@code k}, or null. */
    public Owner ownerOf(Kva k) { return kvaOwners.get(k.index()); }
    public boolean hardwareVisible(int addr) { return kinds.get(addr).hardwareVisible(); }
    public List<Lock> locks() { return Collections.unmodifiableList(locks); }
    public List<WaitQueue> queues() { return Collections.unmodifiableList(queues); }
    public List<Kva> kvas() { return Collections.unmodifiableList(kvas); }

    /** Address of CPU {@code cpu}'s TLB entry for {@code k}. */
    public int tlbAddr(Kva k, int cpu) { return k.pteAddr() + 1 + cpu; }

    /** Address of CPU {@code cpu}'s pending-IPI word (bit k = KVA index k to invalidate); -1 without KVAs. */
    public int ipiAddr(int cpu) { return ipiAddr.length == 0 ? -1 : ipiAddr[cpu]; }
}
