package kmapcheck.explorer.symmetry;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.Program;
import kmapcheck.explorer.Scenario;
import kmapcheck.explorer.vm.MachineState;
import kmapcheck.explorer.vm.StateSpace;
import kmapcheck.explorer.vm.ThreadState;
import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Sort;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Symmetry reduction (TLC's SYMMETRY): states that differ only by a renaming of the elements of
 * the declared symmetric sets are one state. The representative is the renaming with the
 * lexicographically smallest encoding, over the full product of the sets' permutation groups
 * (TLC uses the permutations its SYMMETRY set lists, so this reduces at least as much).
 *
 * <p>A renaming acts on every place an element occurs, as the program and the layout declare
 * ({@link Sort}): word values, words owned by an element (moved to the renamed element's words),
 * TLB and IPI words of a CPU, the order of threads, each thread's CPU, op arguments, locals, and
 * the results in its replay log (their sorts are those of the primitives that produced them).
 * Sound only when the transition relation and the properties are symmetric in those sets; the
 * program opts in per set ({@link Program#symmetricSets}); liveness is refused by the caller.
 */
public final class Symmetry implements Canonicalizer {
    private final StateSpace space;
    private final Program program;
    private final Layout layout;
    private final List<String> sets;
    private final Map<String, Integer> sizes = new LinkedHashMap<>();
    /** [set][element][offset] -> address of the element's offset-th owned word. */
    private final Map<String, int[][]> ownedAddr = new HashMap<>();
    private final List<Map<String, int[]>> group = new ArrayList<>();
    /** Declared sets that are subsets of the threads: set -> thread indices. */
    private final Map<String, int[]> threadSubsets = new LinkedHashMap<>();
    private final int[] tlbCpu;     // per address: the CPU of a TLB word, or -1
    private final int[] tlbPte;     // per address: the PTE address of a TLB word's KVA

    public Symmetry(StateSpace space, List<String> declared) {
        this.space = space;
        this.program = space.program();
        this.layout = space.layout();
        this.sets = List.copyOf(declared);
        Map<String, Integer> offered = program.symmetricSets();
        for (String set : sets) {
            Integer n = offered.get(set);
            if (n == null)
                throw new Scenario.ScenarioException("search.symmetry: " + set + " is not a symmetric set of this program (offered: "
                        + String.join(", ", offered.keySet()) + ")");
            sizes.put(set, n);
            int[] sub = program.threadSubset(set);
            if (sub != null) {
                if (sets.contains(Sort.THREADS))
                    throw new Scenario.ScenarioException("search.symmetry: " + set + " is a subset of Threads, which is declared too");
                threadSubsets.put(set, sub);
            }
        }
        // thread subsets act through the Threads permutation they induce (the others fixed)
        if (!threadSubsets.isEmpty()) sizes.put(Sort.THREADS, program.threads());
        int size = layout.size();
        tlbCpu = new int[size];
        tlbPte = new int[size];
        Arrays.fill(tlbCpu, -1);
        for (Kva k : layout.kvas())
            for (int c = 0; c < layout.cpus(); c++) { tlbCpu[layout.tlbAddr(k, c)] = c; tlbPte[layout.tlbAddr(k, c)] = k.pteAddr(); }
        indexOwners();
        enumerate(0, new LinkedHashMap<>());
    }

    /** The number of renamings tried per state (the group's order). */
    public int order() { return group.size(); }

    private void indexOwners() {
        Map<String, List<List<Integer>>> acc = new HashMap<>();
        for (int a = 0; a < layout.size(); a++) {
            Layout.Owner o = layout.ownerOf(a);
            if (o == null || !sizes.containsKey(o.set())) continue;
            List<List<Integer>> elems = acc.computeIfAbsent(o.set(), s -> new ArrayList<>());
            while (elems.size() <= o.index()) elems.add(new ArrayList<>());
            List<Integer> words = elems.get(o.index());
            if (words.size() != o.offset()) throw new IllegalStateException("owned words of " + o.set() + " out of order");
            words.add(a);
        }
        for (var e : acc.entrySet()) {
            int n = sizes.get(e.getKey());
            List<List<Integer>> elems = e.getValue();
            if (elems.size() != n)
                throw new Scenario.ScenarioException("search.symmetry: " + e.getKey() + " has " + n + " elements but " + elems.size() + " own words");
            int[][] t = new int[n][];
            for (int i = 0; i < n; i++) {
                t[i] = elems.get(i).stream().mapToInt(Integer::intValue).toArray();
                if (t[i].length != t[0].length)
                    throw new IllegalStateException("elements of " + e.getKey() + " own different numbers of words");
                for (int k = 0; k < t[i].length; k++)
                    if (layout.kindOf(t[i][k]) != layout.kindOf(t[0][k]) || !layout.sortOf(t[i][k]).equals(layout.sortOf(t[0][k])))
                        throw new IllegalStateException("elements of " + e.getKey() + " own words of different kinds or sorts");
            }
            ownedAddr.put(e.getKey(), t);
        }
    }

    private void enumerate(int i, Map<String, int[]> chosen) {
        if (i == sets.size()) {
            Map<String, int[]> g = new HashMap<>(chosen);
            if (!threadSubsets.isEmpty()) {
                int[] tp = new int[program.threads()];
                for (int t = 0; t < tp.length; t++) tp[t] = t;
                for (var e : threadSubsets.entrySet()) {
                    int[] sub = e.getValue(), p = chosen.get(e.getKey());
                    for (int k = 0; k < sub.length; k++) tp[sub[k]] = sub[p[k]];
                }
                g.put(Sort.THREADS, tp);
            }
            group.add(g);
            return;
        }
        String set = sets.get(i);
        for (int[] p : permutations(sizes.get(set))) {
            chosen.put(set, p);
            enumerate(i + 1, chosen);
        }
        chosen.remove(set);
    }

    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] cur, boolean[] used, int i, List<int[]> out) {
        if (i == cur.length) { out.add(cur.clone()); return; }
        for (int v = 0; v < cur.length; v++) {
            if (used[v]) continue;
            used[v] = true;
            cur[i] = v;
            permute(cur, used, i + 1, out);
            used[v] = false;
        }
    }

    @Override
    public MachineState canonical(MachineState s) {
        Sort[][] logSorts = new Sort[s.threads.length][];
        for (int t = 0; t < s.threads.length; t++) logSorts[t] = logSorts(s, t);
        MachineState best = s;
        long[] bestKey = s.encode();
        for (Map<String, int[]> g : group) {
            MachineState x = apply(g, s, logSorts);
            long[] k = x.encode();
            if (Arrays.compare(k, bestKey) < 0) { best = x; bestKey = k; }
        }
        return best;
    }

    // ---- applying one renaming ----------------------------------------------------------------------

    private MachineState apply(Map<String, int[]> g, MachineState s, Sort[][] logSorts) {
        long[] mem = new long[s.mem.length];
        int[] cpuPerm = g.get(Sort.CPUS);
        for (int a = 0; a < mem.length; a++) mem[relocate(g, a)] = value(g, layout.sortOf(a), s.mem[a]);
        if (cpuPerm != null || !layout.kvas().isEmpty()) {
            // IPI words: per CPU, a bit set over KVA indices
            for (int c = 0; c < layout.cpus() && layout.ipiAddr(c) >= 0; c++) {
                int to = cpuPerm == null ? c : cpuPerm[c];
                mem[layout.ipiAddr(to)] = kvaBits(g, s.mem[layout.ipiAddr(c)]);
            }
        }
        int[] tp = g.get(Sort.THREADS);
        ThreadState[] ts = new ThreadState[s.threads.length];
        for (int t = 0; t < ts.length; t++) {
            ThreadState x = copyRenamed(g, s.threads[t], t, logSorts[t]);
            ts[tp == null ? t : tp[t]] = x;
        }
        return new MachineState(mem, ts);
    }

    private int relocate(Map<String, int[]> g, int a) {
        int to = a;
        Layout.Owner o = layout.ownerOf(a);
        if (o != null) {
            int[] p = g.get(o.set());
            if (p != null) to = ownedAddr.get(o.set())[p[o.index()]][o.offset()];
        }
        int c = tlbCpu[a];
        if (c >= 0) {
            int[] cp = g.get(Sort.CPUS);
            if (cp != null) to = to - c + cp[c];
        }
        return to;
    }

    /** KVA index bits renamed with the KVAs' owners. */
    private long kvaBits(Map<String, int[]> g, long bits) {
        if (bits == 0) return 0;
        long out = 0;
        for (Kva k : layout.kvas()) {
            if ((bits & (1L << k.index())) == 0) continue;
            int pte = relocate(g, k.pteAddr());
            for (Kva k2 : layout.kvas()) if (k2.pteAddr() == pte) out |= 1L << k2.index();
        }
        return out;
    }

    private long value(Map<String, int[]> g, Sort sort, long v) {
        if (sort instanceof Sort.Elem e) {
            int[] p = g.get(e.set());
            long i = v - e.base();
            return p == null || i < 0 || i >= p.length ? v : e.base() + p[(int) i];
        }
        if (sort instanceof Sort.Mask m) {
            int[] p = g.get(m.set());
            if (p == null) return v;
            long out = v;
            for (int i = 0; i < p.length; i++) out &= ~(1L << (m.shift() + i));
            for (int i = 0; i < p.length; i++) if ((v & (1L << (m.shift() + i))) != 0) out |= 1L << (m.shift() + p[i]);
            return out;
        }
        if (sort instanceof Sort.List4 l) {
            int[] p = g.get(l.set());
            if (p == null) return v;
            long out = 0;
            for (int shift = 0; v != 0; v >>>= 4, shift += 4) {
                long e = v & 0xF;
                long r = e >= 1 && e <= p.length ? p[(int) e - 1] + 1 : e;
                out |= r << shift;
            }
            return out;
        }
        if (sort instanceof Sort.Packed pk) {
            long out = v;
            for (Sort.Field f : pk.fields()) {
                long mask = f.width() >= 64 ? -1L : (1L << f.width()) - 1;
                out &= ~(mask << f.shift());
                out |= (value(g, f.sort(), (v >>> f.shift()) & mask) & mask) << f.shift();
            }
            return out;
        }
        if (sort instanceof Sort.PteOf pt) {
            int[] p = g.get(pt.pages());
            if (p == null || v == 0) return v;
            long page = Pte.page(v);
            if (page < 1 || page > p.length) return v;
            return (v & ~Pte.PAGE_MASK) | (p[(int) page - 1] + 1);
        }
        return v;
    }

    private ThreadState copyRenamed(Map<String, int[]> g, ThreadState t, int tid, Sort[] logSorts) {
        ThreadState x = new ThreadState();
        x.status = t.status;
        int[] cp = g.get(Sort.CPUS);
        x.cpu = cp == null ? t.cpu : cp[t.cpu];
        x.pinned = t.pinned;
        x.signal = t.signal;
        x.signalsLeft = t.signalsLeft;
        x.migrationsLeft = t.migrationsLeft;
        x.sleepQueue = t.sleepQueue;
        x.interruptibleSleep = t.interruptibleSleep;
        x.wokenBySignal = t.wokenBySignal;
        x.steps = t.steps;
        if (t.op != null) {
            long[] args = t.op.args().clone();      // Op.args() is the record's own array: never rename in place
            for (int i = 0; i < args.length; i++) args[i] = value(g, program.argSort(t.op, i), args[i]);
            x.op = space.ops().intern(new Op(t.op.name(), args));
        }
        x.log = t.log.clone();
        for (int i = 0; i < x.log.length; i++) x.log[i] = value(g, logSorts[i], x.log[i]);
        x.locals = t.locals.clone();
        for (int i = 0; i < x.locals.length; i++) x.locals[i] = value(g, program.localSort(tid, i), x.locals[i]);
        return x;
    }

    // ---- the sorts of a thread's logged results -------------------------------------------------------

    /** Replays thread t's op on its log, noting what each logged result denotes. */
    private Sort[] logSorts(MachineState s, int t) {
        ThreadState x = s.threads[t];
        Sort[] out = new Sort[x.log.length];
        if (x.op == null || x.log.length == 0) return out;
        SortProbe probe = new SortProbe(t, x.log, out);
        try {
            program.run(t, x.op, probe, x.locals.clone());
        } catch (SortProbe.Stop stop) {
            // reached the resume point
        }
        for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = Sort.PLAIN;
        return out;
    }

    /** A replaying context that records the sort of each logged result. */
    private final class SortProbe implements Ctx {
        static final class Stop extends RuntimeException {
            Stop() { super(null, null, false, false); }
        }

        private final int tid;
        private final long[] log;
        private final Sort[] sorts;
        private int pos;

        SortProbe(int tid, long[] log, Sort[] sorts) { this.tid = tid; this.log = log; this.sorts = sorts; }

        private long next(Sort s) {
            if (pos >= log.length) throw new Stop();
            sorts[pos] = s;
            return log[pos++];
        }

        private Sort of(Word w) { return layout.sortOf(w.addr()); }
        private Sort of(Kva k) { return layout.sortOf(k.pteAddr()); }

        @Override public int thread() { return tid; }
        @Override public int cpu() { return (int) next(Sort.elem(Sort.CPUS, 0)); }
        @Override public void pin() { next(Sort.PLAIN); }
        @Override public void unpin() { next(Sort.PLAIN); }
        @Override public long load(Word w) { return next(of(w)); }
        @Override public void store(Word w, long v) { next(Sort.PLAIN); }
        @Override public boolean cas(Word w, long e, long u) { return next(Sort.PLAIN) != 0; }
        @Override public long fetchAdd(Word w, long d) { return next(of(w)); }
        @Override public long fetchOr(Word w, long b) { return next(of(w)); }
        @Override public long fetchAndNot(Word w, long b) { return next(of(w)); }
        @Override public void lock(Lock l) { next(Sort.PLAIN); }
        @Override public void unlock(Lock l) { next(Sort.PLAIN); }
        @Override public boolean sleep(WaitQueue q, boolean i) { return next(Sort.PLAIN) != 0; }
        @Override public void wakeupOne(WaitQueue q) { next(Sort.PLAIN); }
        @Override public void wakeupAll(WaitQueue q) { next(Sort.PLAIN); }
        @Override public boolean signalPending() { return next(Sort.PLAIN) != 0; }
        @Override public long pteLoad(Kva k) { return next(of(k)); }
        @Override public void pteStore(Kva k, long pte) { next(Sort.PLAIN); }
        @Override public long pteSwap(Kva k, long pte) { return next(of(k)); }
        @Override public void invlpg(Kva k) { next(Sort.PLAIN); }
        @Override public void ipiSend(long m, Kva k) { next(Sort.PLAIN); }
        @Override public void ipiWait(long m, Kva k) { next(Sort.PLAIN); }
        @Override public long access(Kva k) { return next(of(k)); }
        @Override public void atomic(Runnable body) { body.run(); }

        @Override
        public long loop(long carry, Loop body) {
            long c = next(Sort.PLAIN);       // a loop carry is never renamed: programs under symmetry carry no elements
            long r = body.iterate(c);
            if ((r & Loop.AGAIN) != 0) throw new IllegalStateException("replay log holds a finished loop iteration");
            return r;
        }
    }
}
