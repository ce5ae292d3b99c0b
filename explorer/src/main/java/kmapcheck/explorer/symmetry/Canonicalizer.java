package kmapcheck.explorer.symmetry;

import kmapcheck.explorer.vm.MachineState;

/** Maps a state to the representative of its symmetry class (identity without symmetry). */
public interface Canonicalizer {
    MachineState canonical(MachineState s);

    /** Does this canonicalizer ever rename anything? */
    default boolean reduces() { return true; }

    Canonicalizer IDENTITY = new Canonicalizer() {
        @Override public MachineState canonical(MachineState s) { return s; }
        @Override public boolean reduces() { return false; }
    };
}
