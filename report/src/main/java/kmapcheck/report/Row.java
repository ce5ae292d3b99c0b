package kmapcheck.report;

import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;

import java.util.Map;

/**
 * One row of the index: a TLC model or an explorer scenario.
 *
 * @param id             e.g. {@code lwbuf/OrBug2009}; a TLC model and the explorer scenario of the same
 *                       configuration share the id, and their traces are shown side by side
 * @param tool           "tlc" or "explorer"
 * @param expected       e.g. "pass" or "violation of LW1"
 * @param actual         e.g. "pass", "violation of LW1", "INCOMPLETE (bound hit)", "error: ..."
 * @param ok             actual meets expected
 * @param trace          the counterexample (or behaviour), null when none
 * @param kernelOf       spec action name -> kernel function text (from the spec's comments). Optional
 *                       extra keys: {@code "invariant:" + name} -> the invariant's comment and text,
 *                       {@code "var:" + name} -> what kernel state the variable stands for
 *                       (see {@link SpecComments}). May be empty or null.
 * @param roles          which variables identify threads/CPUs; may be {@link Roles#NONE} or null
 */
public record Row(String id,
                  String tool,
                  String expected,
                  String actual,
                  boolean ok,
                  long distinctStates, int depth, double seconds,
                  Trace trace,
                  Map<String, String> kernelOf,
                  Roles roles) {

    public Row {
        kernelOf = kernelOf == null ? Map.of() : Map.copyOf(kernelOf);
        roles = roles == null ? Roles.NONE : roles;
    }
}
