package kmapcheck.explorer;

import kmapcheck.explorer.tla.TlaModel;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A scenario file in jpf-config/ (JPF-style {@code key=value} properties) and the TLC model it pairs
 * with. The model fixes the constants ({@link Mechanism#settings}: e.g. CPUs -> {@code cpus}) and
 * the properties checked (its cfg's INVARIANT and PROPERTY lines); the file holds what the model
 * does not say (search bounds, initial CPUs, scripted programs). A key of the file that disagrees
 * with the model is an error. Every key must be read by the mechanism or the search;
 * {@link #checkAllKeysUsed()} rejects unknown keys so a typo is an error, not a silently ignored
 * setting.
 */
public final class Scenario {
    private final String id;
    private final Path file;
    private final Map<String, String> props;
    private final TlaModel model;
    private final Set<String> overridden;
    private final Set<String> used = new LinkedHashSet<>();

    public Scenario(String id, Path file, Map<String, String> props) { this(id, file, props, null, Set.of()); }

    private Scenario(String id, Path file, Map<String, String> props, TlaModel model, Set<String> overridden) {
        this.id = id;
        this.file = file;
        this.props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
        this.model = model;
        this.overridden = Set.copyOf(overridden);
    }

    /**
     * The scenario file alone (no model: only toy mechanisms can build it). A key given twice in the
     * file is an error, not "the last one wins".
     */
    public static Scenario load(String id, Path file) throws IOException {
        Properties p = new Properties() {
            @Override public synchronized Object put(Object k, Object v) {
                if (containsKey(k)) throw new ScenarioException(file + ": key '" + k + "' is given twice");
                return super.put(k, v);
            }
        };
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IllegalArgumentException e) {   // e.g. a malformed unicode escape
            throw new ScenarioException(file + ": " + e.getMessage());
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k).trim());
        return new Scenario(id, file, m);
    }

    /**
     * The scenario file and the model it pairs with, {@code specDir/mcModule.tla} and {@code .cfg},
     * read with TLC's front end.
     */
    public static Scenario load(String id, Path file, Path specDir, String mcModule) throws IOException {
        Scenario s = load(id, file);
        try {
            return new Scenario(id, file, s.props, TlaModel.load(specDir, mcModule), Set.of());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file + ": paired model: " + e.getMessage());
        }
    }

    /**
     * The same scenario with some keys replaced (e.g. initial CPUs taken from a TLC trace). These
     * win over the model's settings: a replay may start in one of several initial states the
     * model's Init allows.
     */
    public Scenario with(Map<String, String> overrides) {
        Map<String, String> m = new LinkedHashMap<>(props);
        m.putAll(overrides);
        Set<String> o = new LinkedHashSet<>(overridden);
        o.addAll(overrides.keySet());
        return new Scenario(id, file, m, model, o);
    }

    /**
     * This scenario with the keys its model fixes ({@code settings}, from {@link Mechanism#settings}).
     * A key the file sets to something else is bad input, reported with the file's name.
     */
    public Scenario withModelSettings(Map<String, String> settings) {
        Map<String, String> m = new LinkedHashMap<>(props);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String own = props.get(e.getKey());
            if (overridden.contains(e.getKey())) continue;
            if (own != null && MIN.containsKey(e.getKey())) checkedInt(e.getKey(), own);   // a malformed value is a type error first
            if (own != null && !sameSetting(own, e.getValue()))
                throw new ScenarioException(file + ": " + e.getKey() + " = " + own + " disagrees with " + model.module()
                        + " (which fixes " + e.getKey() + " = " + e.getValue() + ")");
            m.put(e.getKey(), e.getValue());
        }
        Scenario out = new Scenario(id, file, m, model, overridden);
        out.used.addAll(used);
        return out;
    }

    /** This scenario with the settings its model fixes through mechanism {@code m} (see above). */
    public Scenario withModel(Mechanism m) {
        Map<String, String> settings;
        try {
            settings = m.settings(model());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file + ": " + e.getMessage());
        }
        return withModelSettings(settings);
    }

    /** Equal as settings: groups separated by ';', items by ',', each compared as a set. */
    static boolean sameSetting(String a, String b) {
        return groups(a).equals(groups(b));
    }

    private static Set<Set<String>> groups(String v) {
        Set<Set<String>> out = new java.util.HashSet<>();
        for (String g : v.split(";")) {
            Set<String> items = new java.util.TreeSet<>();
            for (String x : g.split(",")) if (!x.isBlank()) items.add(x.trim());
            out.add(items);
        }
        return out;
    }

    public String id() { return id; }
    public Path file() { return file; }
    public Map<String, String> all() { return props; }

    /** The paired TLC model; a one-line error naming the file if the scenario was loaded without one. */
    public TlaModel model() {
        if (model == null) throw new ScenarioException(file + ": no paired TLC model (its manifest entry's \"model\")");
        return model;
    }

    public boolean hasModel() { return model != null; }

    public String get(String key) {
        used.add(key);
        String v = props.get(key);
        if (v == null) throw new ScenarioException(file + ": missing key '" + key + "'");
        return v;
    }

    public String get(String key, String dflt) {
        used.add(key);
        return props.getOrDefault(key, dflt);
    }

    /** A comma-separated list (blank entries dropped, entries trimmed). */
    public java.util.List<String> getList(String key, String dflt) { return splitList(get(key, dflt)); }

    /** A required comma-separated list. */
    public java.util.List<String> getList(String key) { return splitList(get(key)); }

    private static java.util.List<String> splitList(String v) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String x : v.split(",")) if (!x.isBlank()) out.add(x.trim());
        return out;
    }

    public int getInt(String key, int dflt) { return checkedInt(key, get(key, Integer.toString(dflt))); }

    public int getInt(String key) { return checkedInt(key, get(key)); }

    /**
     * Least value of an integer key: sizes are at least 1, -1 means "unlimited" where allowed,
     * every other integer key is at least 0 (no negative bounds or counts).
     */
    static final Map<String, Integer> MIN = Map.ofEntries(
            Map.entry("search.max_states", 1), Map.entry("search.max_depth", 1),
            Map.entry("env.migrations", -1), Map.entry("env.signals", -1), Map.entry("client.max_wire", -1),
            Map.entry("cpus", 1), Map.entry("pages", 1), Map.entry("threads", 1), Map.entry("objs", 1),
            Map.entry("bufs", 1), Map.entry("pmaps", 1), Map.entry("search.workers", 1));

    private int checkedInt(String key, String v) {
        int x;
        try {
            x = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ScenarioException(file + ": key '" + key + "' must be an integer, got '" + v + "'");
        }
        int min = MIN.getOrDefault(key, 0);
        if (x < min) throw new ScenarioException(file + ": key '" + key + "' must be at least " + min + ", got " + x);
        return x;
    }

    public boolean getBool(String key, boolean dflt) {
        String v = get(key, Boolean.toString(dflt));
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw new ScenarioException(file + ": key '" + key + "' must be true or false, got '" + v + "'");
    }

    /** The search bounds and environment switches every scenario shares. */
    public ExplorerConfig explorerConfig() {
        ExplorerConfig d = ExplorerConfig.defaults();
        return new ExplorerConfig(
                getInt("search.max_states", d.maxStates()),
                getInt("search.max_depth", d.maxDepth()),
                getBool("hw.tlb.fill", d.tlbFill()),
                getBool("hw.tlb.evict", d.tlbEvict()),
                getInt("env.migrations", d.migrations()),
                getInt("env.signals", d.signals()),
                getBool("search.deadlock", d.checkDeadlock()),
                getBool("search.atomic", d.atomicBlocks()),
                signalTargets(),
                granularity(),
                getList("search.symmetry", ""),
                getInt("search.workers", d.workers()));
    }

    private kmapcheck.explorer.vm.Granularity granularity() {
        try {
            return kmapcheck.explorer.vm.Granularity.parse(get("search.granularity", "fine"));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file + ": search." + e.getMessage());
        }
    }

    private boolean signalTargets() {
        String v = get("env.signals.to", "any");
        if (v.equals("any")) return false;
        if (v.equals("sleepers")) return true;
        throw new ScenarioException(file + ": env.signals.to must be any or sleepers, got '" + v + "'");
    }

    /** Fails on keys nobody read (typos, unsupported settings). */
    public void checkAllKeysUsed() {
        for (String k : props.keySet())
            if (!used.contains(k)) throw new ScenarioException(file + ": unknown key '" + k + "'");
    }

    public static final class ScenarioException extends RuntimeException {
        public ScenarioException(String msg) { super(msg); }
    }
}
