package kmapcheck.cli;

import kmapcheck.trace.Trace;

/**
 * The result of running one manifest entry, judged against its expected verdict.
 *
 * @param actual text like "pass", "violates LW1", "INCOMPLETE: bound hit ...", "error: ..."
 * @param ok     actual meets expected (including the expected distinct-state count of a pass)
 */
public record RunOutcome(Manifest.Entry entry, String actual, boolean ok, long distinctStates, long transitions,
                         int depth, double seconds, Trace trace, String note) {}
