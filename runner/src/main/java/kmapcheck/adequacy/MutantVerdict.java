package kmapcheck.adequacy;

import kmapcheck.cli.Manifest;
import kmapcheck.explorer.ExplorationResult;

/**
 * Does a run of a (possibly mutated) model or scenario still meet its manifest verdict? Only the
 * verdict counts (pass, or a violation of the named kind and property); a changed distinct-state
 * count of a pass is not a kill: a mutant may change the state space without breaking anything.
 */
public final class MutantVerdict {
    public enum Outcome { MEETS, KILLS, INCOMPLETE }

    public record Judged(Outcome outcome, String detail) {}

    private MutantVerdict() {}

    /**
     * @param kind     for a violation: invariant, action, liveness, deadlock, error; null for a pass
     * @param complete false when the run hit a bound or a timeout (a bounded run is no pass)
     */
    public static Judged judge(Manifest.Entry e, boolean complete, String kind, String property) {
        if (kind == null && !complete) return new Judged(Outcome.INCOMPLETE, "hit a bound or timeout");
        if (e.expectsPass()) {
            return kind == null ? new Judged(Outcome.MEETS, "pass")
                    : new Judged(Outcome.KILLS, "expected pass, got " + kind + " " + property);
        }
        if (kind == null) return new Judged(Outcome.KILLS, "expected " + e.expectedText() + ", got pass");
        if (kind.equals(e.kind()) && property.equals(e.property())) return new Judged(Outcome.MEETS, kind + " " + property);
        return new Judged(Outcome.KILLS, "expected " + e.expectedText() + ", got " + kind + " " + property);
    }

    /** An explorer result judged against its manifest entry. */
    public static Judged judge(Manifest.Entry e, ExplorationResult r) {
        return switch (r.verdict()) {
            case PASS -> judge(e, true, null, null);
            case VIOLATION -> judge(e, true, r.kind(), r.property());
            case INCOMPLETE -> judge(e, false, null, null);
        };
    }
}
