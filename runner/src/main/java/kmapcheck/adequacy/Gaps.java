package kmapcheck.adequacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges coverage against the explanations: every code line no default scenario executed, every
 * branch it did not take and every spec action no default passing model took is either explained in
 * unreached.json or a GAP; an explanation of something that is reached is STALE.
 */
public final class Gaps {
    /**
     * @param kind  "line" (lines never executed, consecutive ones as a range), "branch" (a line with
     *              branches not taken), "action" (a spec action never taken)
     * @param where file:line(-line) or Module!Action
     */
    public record Gap(String kind, String where, String detail) {
        @Override public String toString() { return "GAP " + kind + " " + where + "  " + detail; }
    }

    public record Explained(String where, String reason) {}

    public record Judgement(List<Gap> gaps, List<Explained> explained, List<String> stale) {
        public boolean clean() { return gaps.isEmpty() && stale.isEmpty(); }
    }

    private Gaps() {}

    public static Judgement judge(List<CodeCoverage.Line> code, List<SpecCoverage.Action> actions, Unreached.Explanations ex) {
        List<Gap> gaps = new ArrayList<>();
        List<Explained> explained = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        boolean[] used = new boolean[ex.code().size()];
        CodeCoverage.Line runStart = null, runEnd = null;
        for (int i = 0; i <= code.size(); i++) {
            CodeCoverage.Line l = i < code.size() ? code.get(i) : null;
            boolean gapLine = l != null && (!l.executed() || l.missesBranches());
            int by = gapLine ? explainedBy(ex.code(), l) : -1;
            if (by >= 0) used[by] = true;
            boolean openLine = l != null && !l.executed() && by < 0;
            // close a run of unexplained unexecuted lines at an executed/explained line or a new file
            if (runStart != null && (!openLine || !l.file().equals(runStart.file()))) {
                gaps.add(new Gap("line", range(runStart, runEnd), "never executed: " + runStart.text()));
                runStart = null;
            }
            if (openLine) {
                if (runStart == null) runStart = l;
                runEnd = l;
            } else if (l != null && l.executed() && l.missesBranches() && by < 0) {
                gaps.add(new Gap("branch", l.file() + ":" + l.line(),
                        l.branchesMissed() + " of " + l.branches() + " branches never taken: " + l.text()));
            }
        }
        for (int k = 0; k < used.length; k++) {
            Unreached.CodeEntry e = ex.code().get(k);
            if (used[k]) explained.add(new Explained(e.where(), e.reason()));
            else stale.add(e.where() + " ('" + e.match() + "') is explained in " + ex.file().getFileName()
                    + " but every line and branch of it is reached: remove the entry");
        }
        for (SpecCoverage.Action a : actions) {
            Unreached.ActionEntry e = ex.actions().stream().filter(x -> x.action().equals(a.id())).findFirst().orElse(null);
            if (a.taken()) {
                if (e != null) stale.add(a.id() + " is explained as never taken, but " + String.join(", ", a.takenIn()) + " took it");
            } else if (e != null) {
                explained.add(new Explained(a.id(), e.reason()));
            } else {
                gaps.add(new Gap("action", a.id(), "never taken in any default passing model (line " + a.line() + ")"));
            }
        }
        for (Unreached.ActionEntry e : ex.actions())
            if (actions.stream().noneMatch(a -> a.id().equals(e.action())))
                throw new BadInput(ex.file() + ": action " + e.action() + " is in no default passing model's coverage (stale entry)");
        return new Judgement(gaps, explained, stale);
    }

    private static int explainedBy(List<Unreached.CodeEntry> es, CodeCoverage.Line l) {
        for (int k = 0; k < es.size(); k++) if (es.get(k).covers(l.file(), l.line())) return k;
        return -1;
    }

    private static String range(CodeCoverage.Line a, CodeCoverage.Line b) {
        return a.file() + ":" + (a.line() == b.line() ? Integer.toString(a.line()) : a.line() + "-" + b.line());
    }
}
