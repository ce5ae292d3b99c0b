package kmapcheck.explorer.search;

import kmapcheck.explorer.SpecMapping;
import kmapcheck.trace.Value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The explored state graph restricted to obligated edges, with each state's waiting threads per
 * liveness property. A state where thread t waits and from which no obligated path reaches a
 * state where t does not wait is a liveness violation: the behaviour can stay there forever while
 * every obligation is met (the explorer's counterpart of TLC's stuttering lasso).
 */
final class LivenessGraph {
    private final List<SpecMapping.Liveness> props;
    private final List<String> threads;
    private final List<int[]> waiting = new ArrayList<>();   // per state: bitmask of waiting threads per property
    private int[] from = new int[1024], to = new int[1024];
    private int edges;

    record Stuck(int state, String property, String thread) {}

    LivenessGraph(List<SpecMapping.Liveness> props, List<String> threads) {
        if (threads.size() > 31) throw new IllegalArgumentException("liveness checking supports up to 31 threads");
        this.props = props;
        this.threads = threads;
    }

    /** Per property, the bit set of threads waiting in a mapped state. */
    int[] waiting(Map<String, Value> mapped) {
        int[] w = new int[props.size()];
        for (int p = 0; p < props.size(); p++) {
            Set<String> names = props.get(p).waiting().apply(mapped);
            for (int t = 0; t < threads.size(); t++) if (names.contains(threads.get(t))) w[p] |= 1 << t;
        }
        return w;
    }

    void addState(Map<String, Value> mapped) { addState(waiting(mapped)); }

    /**
     * Bytes of heap the graph holds, from its arrays: per state an int[] of one mask per property
     * (16-byte header, rounded to 8) and its list slot (4, compressed references), and 4 + 4 per
     * edge slot allocated.
     */
    long bytes() {
        long perState = ((16 + 4L * props.size() + 7) / 8) * 8 + 4;
        return perState * waiting.size() + 4L * from.length + 4L * to.length + 2 * 16;
    }

    /** The next state id's waiting sets (states are added in id order). */
    void addState(int[] w) { waiting.add(w); }

    void addEdge(int a, int b) {
        if (edges == from.length) {
            from = Arrays.copyOf(from, edges * 2);
            to = Arrays.copyOf(to, edges * 2);
        }
        from[edges] = a;
        to[edges] = b;
        edges++;
    }

    /** The shallowest stuck state (by BFS depth), or null. */
    Stuck firstStuck(IntUnaryOperator depthOf) {
        int n = waiting.size();
        // reverse adjacency in CSR form
        int[] deg = new int[n + 1];
        for (int e = 0; e < edges; e++) deg[to[e] + 1]++;
        for (int i = 0; i < n; i++) deg[i + 1] += deg[i];
        int[] rev = new int[edges];
        int[] fill = Arrays.copyOf(deg, n);
        for (int e = 0; e < edges; e++) rev[fill[to[e]]++] = from[e];
        Stuck best = null;
        int bestDepth = Integer.MAX_VALUE;
        for (int p = 0; p < props.size(); p++) {
            for (int t = 0; t < threads.size(); t++) {
                int bit = 1 << t;
                boolean[] canLeave = new boolean[n];
                ArrayDeque<Integer> q = new ArrayDeque<>();
                for (int s = 0; s < n; s++) if ((waiting.get(s)[p] & bit) == 0) { canLeave[s] = true; q.add(s); }
                while (!q.isEmpty()) {
                    int s = q.poll();
                    for (int k = deg[s]; k < deg[s + 1]; k++) {
                        int r = rev[k];
                        if (!canLeave[r]) { canLeave[r] = true; q.add(r); }
                    }
                }
                // ids are in BFS order: the first stuck id is the shallowest for this (property, thread)
                for (int s = 0; s < n; s++) {
                    if (canLeave[s]) continue;
                    int d = depthOf.applyAsInt(s);
                    if (d < bestDepth) {
                        bestDepth = d;
                        best = new Stuck(s, props.get(p).name(), threads.get(t));
                    }
                    break;
                }
            }
        }
        return best;
    }
}
