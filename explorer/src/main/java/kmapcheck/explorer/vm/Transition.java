package kmapcheck.explorer.vm;

import kmapcheck.explorer.Op;
import kmapcheck.explorer.SpecMapping;

import java.util.List;

/**
 * One successor of a state.
 *
 * @param next          the successor state
 * @param kind          who acts (see {@link SpecMapping.Kind})
 * @param thread        the acting thread, or -1
 * @param cpu           the thread's CPU, or the CPU whose hardware acts
 * @param op            the op the thread was in (or started)
 * @param stepInOp      transitions the thread had completed in the op before this one
 * @param completed     the op returned in this transition
 * @param prims         what the transition executed (descriptions; empty during the search)
 * @param errorProperty set when the transition hit a kernel assertion or a machine misuse
 * @param error         its message
 * @param obligated     liveness may rely on this step being taken (weak fairness)
 * @param label         an environment event's label, else null
 * @param args          an environment event's arguments
 */
public record Transition(MachineState next, SpecMapping.Kind kind, int thread, int cpu, Op op, int stepInOp,
                         boolean completed, List<String> prims, String errorProperty, String error, boolean obligated,
                         String label, long[] args) {
    static final long[] NO_ARGS = new long[0];

    /**
     * A step that rules out a deadlock (the verdict search's and conform's check): a thread moves,
     * or an environment event that liveness may rely on.
     */
    public boolean progresses() { return kind == SpecMapping.Kind.THREAD || obligated && thread < 0; }

    Transition withObligated(boolean o) {
        return new Transition(next, kind, thread, cpu, op, stepInOp, completed, prims, errorProperty, error, o, label, args);
    }
}
