package kmapcheck.explorer;

/** Entry point: explore one scenario file. */
public final class Explore {
    private Explore() {}

    /** Builds an explorer for a scenario without running it (stepping API). */
    public static Explorer explorer(Scenario s) {
        Mechanism m = Mechanism.byName(s.get("target"));
        s = s.withModel(m);
        Mechanism.Model model = m.build(s);
        ExplorerConfig cfg = s.explorerConfig();
        s.checkAllKeysUsed();
        return new Explorer(s.id(), model.program(), model.mapping(), cfg);
    }

    public static ExplorationResult scenario(Scenario s) { return scenario(s, RunOptions.defaults()); }

    public static ExplorationResult scenario(Scenario s, RunOptions opts) { return explorer(s).run(opts); }

    /**
     * Development entry point: {@code Explore file.jpf SPEC_DIR MC_MODULE}; prints the verdict and
     * the counterexample.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) throw new IllegalArgumentException("usage: Explore file.jpf SPEC_DIR MC_MODULE");
        java.nio.file.Path p = java.nio.file.Path.of(args[0]);
        ExplorationResult r = scenario(Scenario.load(p.getFileName().toString(), p, java.nio.file.Path.of(args[1]), args[2]));
        System.out.printf("%s: %s %s distinct=%d transitions=%d depth=%d %dms%n", args[0], r.verdict(),
                r.property() == null ? "" : r.property(), r.distinctStates(), r.transitions(), r.maxDepth(), r.millis());
        if (r.trace() != null) System.out.println(new kmapcheck.trace.TraceText(false).render(r.trace()));
    }
}
