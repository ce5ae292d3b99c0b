package kmapcheck.adequacy;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutation score per mechanism and side. A mutant is killed, survived (including PIT's
 * NO_COVERAGE: no default scenario executes the mutated line), timed out (a bound or timeout: no
 * verdict), or other (PIT's MEMORY_ERROR/RUN_ERROR). Equivalent mutants (annotated with a reason)
 * leave the denominator: score = killed / (mutants - equivalent).
 */
public final class KillMatrix {
    public record Row(String mechanism, String side, int mutants, int equivalent, int killed, int survived, int notReached,
                      int timedOut, int other, double seconds) {
        public int nonEquivalent() { return mutants - equivalent; }
        public double score() { return nonEquivalent() == 0 ? 1.0 : (double) killed / nonEquivalent(); }
    }

    /**
     * A mutant that was not killed. {@code verdict}: "equivalent", "gap" (with what would catch it),
     * "UNEXPLAINED", or "timed out".
     */
    public record Survivor(String mechanism, String side, String where, String mutant, String verdict, String reason) {
        @Override public String toString() {
            return String.format("%-8s %-9s %-9s %s  %s%s", mechanism, side, verdict, where, mutant, reason == null ? "" : "\n      -- " + reason);
        }
    }

    public record Judged(Row row, List<Survivor> survivors, List<String> stale) {}

    private KillMatrix() {}

    /** PIT's mutants judged with the survivor annotations. */
    public static Judged pit(String mechanism, String side, List<Pit.Mutant> ms, List<PitSurvivors.Annotation> notes, double seconds) {
        int equivalent = 0, killed = 0, survived = 0, notReached = 0, timedOut = 0, other = 0, total = 0;
        List<Survivor> survivors = new ArrayList<>();
        boolean[] used = new boolean[notes.size()];
        for (Pit.Mutant m : ms) {
            if (m.status().equals("NON_VIABLE")) continue;   // did not load: not a mutant
            total++;
            String what = m.mutatorName() + ": " + m.description() + " in " + m.method();
            switch (m.status()) {
                case "KILLED" -> killed++;
                case "TIMED_OUT" -> {
                    timedOut++;
                    survivors.add(new Survivor(mechanism, side, m.where(), what, "timed out", "PIT's timeout or a search bound: no verdict"));
                }
                case "SURVIVED", "NO_COVERAGE" -> {
                    boolean reached = m.status().equals("SURVIVED");
                    PitSurvivors.Annotation a = null;
                    for (int k = 0; k < notes.size() && a == null; k++) if (notes.get(k).matches(m)) { a = notes.get(k); used[k] = true; }
                    if (a != null && a.equivalent() != null) {
                        equivalent++;
                        survivors.add(new Survivor(mechanism, side, m.where(), what, "equivalent", a.equivalent()));
                    } else {
                        if (reached) survived++; else notReached++;
                        String why = (reached ? "" : "no default scenario executes this line. ");
                        survivors.add(a != null ? new Survivor(mechanism, side, m.where(), what, "gap", why + a.gap())
                                : new Survivor(mechanism, side, m.where(), what, "UNEXPLAINED", why.isEmpty() ? null : why.strip()));
                    }
                }
                default -> other++;
            }
        }
        List<String> stale = new ArrayList<>();
        for (int k = 0; k < used.length; k++)
            if (!used[k]) stale.add(notes.get(k).where() + " ('" + notes.get(k).match() + "') matches no surviving mutant: remove it");
        return new Judged(new Row(mechanism, side, total, equivalent, killed, survived, notReached, timedOut, other, seconds), survivors, stale);
    }

    /** The spec catalogue's outcomes; an "equivalent" mutation that TLC kills is stale. */
    public static Judged spec(String mechanism, List<SpecMutations.Outcome> os, double seconds) {
        int equivalent = 0, killed = 0, survived = 0, timedOut = 0;
        List<Survivor> survivors = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (SpecMutations.Outcome o : os) {
            SpecMutations.Mutation m = o.mutation();
            String what = m.name() + ": " + m.meaning();
            switch (o.status()) {
                case "killed" -> {
                    killed++;
                    if (m.equivalent() != null) stale.add(m.name() + " is marked equivalent but TLC kills it (" + o.detail() + ")");
                    if (m.gap() != null) stale.add(m.name() + " is marked as a gap but TLC kills it (" + o.detail() + ")");
                }
                case "timed out" -> {
                    timedOut++;
                    survivors.add(new Survivor(mechanism, "spec", m.file(), what, "timed out", o.detail()));
                }
                default -> {
                    if (m.equivalent() != null) {
                        equivalent++;
                        survivors.add(new Survivor(mechanism, "spec", m.file(), what, "equivalent", m.equivalent()));
                    } else {
                        survived++;
                        survivors.add(new Survivor(mechanism, "spec", m.file(), what, m.gap() != null ? "gap" : "UNEXPLAINED", m.gap()));
                    }
                }
            }
        }
        return new Judged(new Row(mechanism, "spec", os.size(), equivalent, killed, survived, 0, timedOut, 0, seconds), survivors, stale);
    }

    /** The header with a SIDE column {@code sideWidth} wide (a --classes run's side names its classes). */
    public static String header(int sideWidth) {
        return String.format("%-8s %-" + sideWidth + "s %7s %6s %6s %8s %11s %9s %5s %7s %8s", "MECH", "SIDE", "MUTANTS", "EQUIV", "KILLED",
                "SURVIVED", "NOT REACHED", "TIMED OUT", "OTHER", "SCORE", "TIME");
    }

    public static String format(Row r) { return format(r, 16); }

    public static String format(Row r, int sideWidth) {
        return String.format("%-8s %-" + sideWidth + "s %7d %6d %6d %8d %11d %9d %5d %6.1f%% %7.0fs", r.mechanism(), r.side(), r.mutants(), r.equivalent(),
                r.killed(), r.survived(), r.notReached(), r.timedOut(), r.other(), 100 * r.score(), r.seconds());
    }
}
