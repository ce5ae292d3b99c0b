package kmapcheck.report;

import kmapcheck.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Step alignment of two traces of the same bug (TLC's and the explorer's): the longest common
 * subsequence of their non-stutter action names. Stutter steps and steps without a counterpart get
 * rows of their own between the aligned rows, in each trace's order.
 */
public final class Alignment {
    private Alignment() {}

    /**
     * One display row: the 0-based position of a step (state and the action into it) in the left and
     * in the right trace; null where that trace has no step in this row.
     */
    public record Pair(Integer left, Integer right) {
        public boolean aligned() { return left != null && right != null; }
    }

    /** Aligns {@code a} (left) with {@code b} (right). */
    public static List<Pair> align(Trace a, Trace b) {
        List<Integer> ia = nonStutter(a), ib = nonStutter(b);
        int n = ia.size(), m = ib.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i][j] = name(a, ia.get(i)).equals(name(b, ib.get(j)))
                        ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        // matched pairs, front to back
        List<int[]> matches = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n && j < m) {
            if (name(a, ia.get(i)).equals(name(b, ib.get(j))) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                matches.add(new int[]{ia.get(i), ib.get(j)});
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
            else j++;
        }
        List<Pair> out = new ArrayList<>();
        int pa = 0, pb = 0;
        for (int[] mt : matches) {
            while (pa < mt[0]) out.add(new Pair(pa++, null));
            while (pb < mt[1]) out.add(new Pair(null, pb++));
            out.add(new Pair(pa++, pb++));
        }
        while (pa < a.actions().size()) out.add(new Pair(pa++, null));
        while (pb < b.actions().size()) out.add(new Pair(null, pb++));
        return out;
    }

    /** A single trace as display rows. */
    public static List<Pair> single(Trace a) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < a.actions().size(); i++) out.add(new Pair(i, null));
        return out;
    }

    private static List<Integer> nonStutter(Trace t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.actions().size(); i++) if (!t.actions().get(i).stutter()) out.add(i);
        return out;
    }

    private static String name(Trace t, int i) { return t.actions().get(i).name(); }
}
