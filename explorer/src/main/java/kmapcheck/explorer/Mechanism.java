package kmapcheck.explorer;

/** A kernel mechanism the explorer can drive: builds the client program and the spec mapping from a scenario. */
public interface Mechanism {
    /** The scenario's {@code target} value. */
    String name();

    Model build(Scenario s);

    record Model(Program program, SpecMapping mapping) {}

    /** Looks up a mechanism by name; one-line error listing the known ones otherwise. */
    static Mechanism byName(String name) {
        for (Mechanism m : Mechanisms.ALL) if (m.name().equals(name)) return m;
        throw new Scenario.ScenarioException("unknown target '" + name + "' (known: "
                + String.join(", ", Mechanisms.ALL.stream().map(Mechanism::name).toList()) + ")");
    }
}
