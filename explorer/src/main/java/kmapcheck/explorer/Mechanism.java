package kmapcheck.explorer;

/** A kernel mechanism the explorer can drive: builds the client program and the spec mapping from a scenario. */
public interface Mechanism {
    /** The scenario's {@code target} value. */
    String name();

    /**
     * The scenario keys the paired TLC model fixes, computed from its constants (e.g. CPUs = {c0, c1}
     * gives {@code cpus = 2}). {@link Scenario#withModel} adds them to the scenario; a key of the
     * scenario file that disagrees is bad input.
     *
     * @throws IllegalArgumentException (one line, naming the model) for a constant the Java side cannot model
     */
    java.util.Map<String, String> settings(kmapcheck.explorer.tla.TlaModel model);

    /** The client program and spec mapping of a scenario (with its model's settings applied). */
    Model build(Scenario s);

    /**
     * Scenario keys that make the implementation start in the spec state {@code init} where the
     * spec's Init allows several (e.g. which CPU each thread starts on). Used to replay TLC traces.
     */
    default java.util.Map<String, String> initialOverrides(java.util.Map<String, kmapcheck.trace.Value> init) {
        return java.util.Map.of();
    }

    record Model(Program program, SpecMapping mapping) {}

    /** Looks up a mechanism by name; one-line error listing the known ones otherwise. */
    static Mechanism byName(String name) {
        for (Mechanism m : Mechanisms.ALL) if (m.name().equals(name)) return m;
        throw new Scenario.ScenarioException("unknown target '" + name + "' (known: "
                + String.join(", ", Mechanisms.ALL.stream().map(Mechanism::name).toList()) + ")");
    }
}
