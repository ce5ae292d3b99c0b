package kmapcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The expected verdicts: spec/<mech>/manifest.json lists TLC models, jpf-config/<mech>/manifest.json
 * lists explorer scenarios. Each is validated against its JSON Schema
 * (src/main/resources/kmapcheck/cli/{spec,jpf}-manifest.schema.json) and then for what a schema
 * cannot say: names unique, files present, every model/scenario file listed.
 */
public final class Manifest {
    public enum Tool { TLC, EXPLORER;
        public String label() { return this == TLC ? "tlc" : "explorer"; } }

    /**
     * @param file          MC module (TLC, without .tla) or scenario file (explorer)
     * @param expect        "pass", "violation", or "none" for a file outside any manifest
     * @param distinctStates expected distinct states of a passing run, or null
     * @param model         for a scenario: the TLC model with the same constants (replay / validation)
     * @param config        TLC's .cfg file (null: {@code dir/file.cfg})
     * @param conform       for a scenario: why {@code conform} may find TLC-only states or spec
     *                      actions the explorer never takes (empty: nothing to explain)
     * @param mode          for a TLC model: {@link Mode#EXHAUSTIVE}, {@link Mode#INDUCTIVE} or {@link Mode#INDUCTIVE_SAMPLED}
     * @param samples       for {@link Mode#INDUCTIVE_SAMPLED}: the behaviours TLC simulates, else 0
     */
    public record Entry(String mechanism, String name, Tool tool, Path dir, String file, boolean dflt,
                        String expect, String kind, String property, Long distinctStates, String model,
                        String description, Path config, ConformReasons conform, Mode mode, long samples) {
        public Entry(String mechanism, String name, Tool tool, Path dir, String file, boolean dflt, String expect, String kind,
                     String property, Long distinctStates, String model, String description) {
            this(mechanism, name, tool, dir, file, dflt, expect, kind, property, distinctStates, model, description, null,
                    ConformReasons.NONE, Mode.EXHAUSTIVE, 0);
        }

        public String id() { return mechanism + "/" + name; }
        public boolean expectsPass() { return expect.equals("pass"); }
        /** A file given on the command line, outside any manifest: no expected verdict. */
        public boolean adHoc() { return expect.equals("none"); }
        public String expectedText() {
            if (adHoc()) return "(none)";
            if (mode == Mode.INDUCTIVE_SAMPLED) return expectsPass() ? "no CTI in " + samples + " samples" : "not inductive: " + property;
            if (mode == Mode.INDUCTIVE) return expectsPass() ? "inductive" : "not inductive: " + property;
            return expectsPass() ? "pass" : kindWord(kind) + " " + property;
        }
        public Path cfg() { return config != null ? config : dir.resolve(file + ".cfg"); }

        /** {@code kmapcheck tlc path/Spec.tla --config X.cfg}: a module outside any manifest. */
        public static Entry adHocTlc(Path tla, Path cfg) {
            String module = tla.getFileName().toString().replaceAll("\\.tla$", "");
            Path dir = tla.toAbsolutePath().getParent();
            return new Entry(dir.getFileName().toString(), module, Tool.TLC, dir, module, true, "none", null, null, null, null,
                    tla.toString(), cfg, ConformReasons.NONE, Mode.EXHAUSTIVE, 0);
        }

        /**
         * {@code kmapcheck explore path/x.jpf --model path/MCx.tla}: a scenario outside any manifest;
         * {@code model} is the path of the MC module it pairs with (without .tla).
         */
        public static Entry adHocScenario(Path jpf, Path mcModule) {
            Path dir = jpf.toAbsolutePath().getParent();
            String name = jpf.getFileName().toString().replaceAll("\\.jpf$", "");
            return new Entry(dir.getFileName().toString(), name, Tool.EXPLORER, dir, jpf.getFileName().toString(), true, "none",
                    null, null, null, mcModule.toAbsolutePath().toString().replaceAll("\\.tla$", ""), jpf.toString(), null,
                    ConformReasons.NONE, Mode.EXHAUSTIVE, 0);
        }
    }

    /**
     * How TLC checks a model (manifest {@code "mode"}).
     * <ul>
     * <li>EXHAUSTIVE: model checking from the spec's Init.</li>
     * <li>INDUCTIVE: the model's Init is {@code TypeOK /\ IndInv} over a bounded universe, so TLC's
     *   exhaustive run checks that every step of Next from every IndInv state keeps IndInv: a pass
     *   shows IndInv inductive over that universe; a violation is a counterexample to induction,
     *   reported as "not inductive: &lt;conjunct&gt; after &lt;action&gt;".</li>
     * <li>INDUCTIVE_SAMPLED: TLC's simulation from random IndInv states (the Randomization module),
     *   one step each, {@code samples} times: bounded, so finding nothing is never a pass.</li>
     * </ul>
     */
    public enum Mode {
        EXHAUSTIVE("exhaustive"), INDUCTIVE("inductive"), INDUCTIVE_SAMPLED("inductive-sampled");

        public final String label;

        Mode(String label) { this.label = label; }

        static Mode of(String s) {
            for (Mode m : values()) if (m.label.equals(s)) return m;
            throw new IllegalArgumentException(s);
        }
    }

    /**
     * A scenario's {@code "conform"} entry: {@code {"tlcOnly": "why", "actionsNeverTaken": {"Action": "why"}}}.
     * Each reason must be needed: {@code conform} fails on a non-zero count without a reason and on a
     * reason for a zero count.
     */
    public record ConformReasons(String tlcOnly, java.util.Map<String, String> actionsNeverTaken) {
        public static final ConformReasons NONE = new ConformReasons(null, java.util.Map.of());
    }

    static ConformReasons conformReasons(JsonNode n, Path manifest, String name) {
        JsonNode c = n.get("conform");
        if (c == null || c.isNull()) return ConformReasons.NONE;
        String where = manifest + ": scenario " + name + ": \"conform\"";
        if (!c.isObject()) throw new ManifestException(where + " must be an object");
        String tlcOnly = null;
        java.util.Map<String, String> actions = new java.util.LinkedHashMap<>();
        for (var it = c.fields(); it.hasNext(); ) {
            var f = it.next();
            switch (f.getKey()) {
                case "tlcOnly" -> tlcOnly = reason(f.getValue(), where + ".tlcOnly");
                case "actionsNeverTaken" -> {
                    if (!f.getValue().isObject()) throw new ManifestException(where + ".actionsNeverTaken must map action names to reasons");
                    for (var a = f.getValue().fields(); a.hasNext(); ) {
                        var e = a.next();
                        actions.put(e.getKey(), reason(e.getValue(), where + ".actionsNeverTaken." + e.getKey()));
                    }
                }
                default -> throw new ManifestException(where + ": unknown key '" + f.getKey() + "' (tlcOnly, actionsNeverTaken)");
            }
        }
        return new ConformReasons(tlcOnly, java.util.Map.copyOf(actions));
    }

    private static String reason(JsonNode v, String where) {
        if (!v.isTextual() || v.asText().isBlank()) throw new ManifestException(where + " must be a non-empty reason");
        return v.asText();
    }

    static String kindWord(String kind) {
        return switch (kind == null ? "" : kind) {
            case "invariant" -> "violates";
            case "liveness" -> "violates (liveness)";
            case "action" -> "violates (action)";
            case "deadlock" -> "deadlocks:";
            case "error" -> "panics:";
            default -> "violates";
        };
    }

    private Manifest() {}

    /** All entries of all mechanisms, TLC models first per mechanism. */
    public static List<Entry> load(Path root) throws IOException { return load(root, java.util.Set.of()); }

    /** Entries of the given mechanisms (all when empty); ids like "lwbuf/Fixed" name their mechanism. */
    public static List<Entry> load(Path root, java.util.Collection<String> only) throws IOException {
        java.util.Set<String> mechs = new java.util.HashSet<>();
        for (String id : only) mechs.add(id.contains("/") ? id.substring(0, id.indexOf('/')) : id);
        List<Entry> out = new ArrayList<>();
        for (Path d : subdirs(root.resolve("spec"))) {
            if (!mechs.isEmpty() && !mechs.contains(d.getFileName().toString())) continue;
            Path m = d.resolve("manifest.json");
            if (Files.exists(m)) out.addAll(read(m, Tool.TLC));
            else throw new ManifestException(d + " has no manifest.json");
        }
        for (Path d : subdirs(root.resolve("jpf-config"))) {
            if (!mechs.isEmpty() && !mechs.contains(d.getFileName().toString())) continue;
            Path m = d.resolve("manifest.json");
            if (Files.exists(m)) out.addAll(read(m, Tool.EXPLORER));
            else throw new ManifestException(d + " has no manifest.json");
        }
        return out;
    }

    private static List<Path> subdirs(Path p) throws IOException {
        if (!Files.isDirectory(p)) return List.of();
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    static List<Entry> read(Path manifest, Tool tool) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new ManifestException(manifest + ": not valid JSON: " + e.getMessage().split("\n")[0]);
        }
        if (root == null) throw new ManifestException(manifest + ": empty file");
        validate(manifest, root, tool);
        Path dir = manifest.getParent();
        String mech = req(root, "mechanism", manifest).asText();
        if (!mech.equals(dir.getFileName().toString()))
            throw new ManifestException(manifest + ": \"mechanism\" is '" + mech + "', the folder is '" + dir.getFileName() + "'");
        JsonNode list = root.get(tool == Tool.TLC ? "models" : "scenarios");
        List<Entry> out = new ArrayList<>();
        List<String> listedFiles = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (JsonNode n : list) {
            String name = req(n, "name", manifest).asText();
            if (!names.add(name)) throw new ManifestException(manifest + ": name '" + name + "' is listed twice");
            String file;
            if (tool == Tool.TLC) {
                file = req(n, "module", manifest).asText().replaceAll("\\.tla$", "");
                if (!Files.exists(dir.resolve(file + ".tla")) || !Files.exists(dir.resolve(file + ".cfg")))
                    throw new ManifestException(manifest + ": model " + name + ": " + file + ".tla/.cfg not found");
                if (listedFiles.contains(file + ".tla"))
                    throw new ManifestException(manifest + ": model " + name + ": module " + file + ".tla is listed twice");
                listedFiles.add(file + ".tla");
                String spec = n.hasNonNull("spec") ? n.get("spec").asText() : root.path("spec").asText(null);
                if (spec != null && !Files.exists(dir.resolve(spec)))
                    throw new ManifestException(manifest + ": model " + name + ": \"spec\": " + spec + " not found");
            } else {
                file = req(n, "file", manifest).asText();
                if (!Files.exists(dir.resolve(file)))
                    throw new ManifestException(manifest + ": scenario " + name + ": " + file + " not found");
                if (listedFiles.contains(file))
                    throw new ManifestException(manifest + ": scenario " + name + ": " + file + " is listed twice");
                listedFiles.add(file);
            }
            // the schema has checked expect/kind/property/distinctStates: types, ranges, what a verdict requires
            String expect = n.get("expect").asText();
            String kind = n.hasNonNull("kind") ? n.get("kind").asText() : null;
            String property = n.hasNonNull("property") ? n.get("property").asText() : null;
            out.add(new Entry(mech, name, tool, dir, file, n.path("default").asBoolean(true), expect, kind, property,
                    n.hasNonNull("distinctStates") ? n.get("distinctStates").asLong() : null,
                    n.hasNonNull("model") ? n.get("model").asText() : (tool == Tool.EXPLORER ? name : null),
                    n.path("description").asText(""), null,
                    tool == Tool.EXPLORER ? conformReasons(n, manifest, name) : ConformReasons.NONE,
                    Mode.of(n.path("mode").asText("exhaustive")), n.path("samples").asLong(0)));
        }
        // every model/scenario file in the folder must be in the manifest: nothing silently skipped
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                String fn = f.getFileName().toString();
                boolean isModel = tool == Tool.TLC ? fn.startsWith("MC") && fn.endsWith(".tla") : fn.endsWith(".jpf");
                if (isModel && !listedFiles.contains(fn))
                    throw new ManifestException(manifest + ": " + fn + " is not listed in the manifest");
            }
        }
        return out;
    }

    private static final java.util.Map<Tool, com.networknt.schema.JsonSchema> SCHEMAS = new java.util.EnumMap<>(Tool.class);

    /** The JSON Schema of a manifest of {@code tool}'s entries (a resource of this jar). */
    static synchronized com.networknt.schema.JsonSchema schema(Tool tool) {
        return SCHEMAS.computeIfAbsent(tool, t -> {
            String res = "/kmapcheck/cli/" + (t == Tool.TLC ? "spec" : "jpf") + "-manifest.schema.json";
            try (java.io.InputStream in = Manifest.class.getResourceAsStream(res)) {
                return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + res, e);
            }
        });
    }

    /**
     * Validates against the schema; the first problem (in document order) is reported as
     * "file: models[3] (name X): key: what", naming the entry and the key.
     */
    static void validate(Path manifest, JsonNode root, Tool tool) {
        var errors = schema(tool).validate(root);
        if (errors.isEmpty()) return;
        List<com.networknt.schema.ValidationMessage> sorted = new ArrayList<>(errors);
        // direct problems (a bad type, an unknown key) before what a verdict's if/then/else derives from them
        sorted.sort(java.util.Comparator.comparing((com.networknt.schema.ValidationMessage m) ->
                        m.getEvaluationPath().toString().matches(".*[./](then|else)([./].*)?$") ? 1 : 0)
                .thenComparing(m -> m.getInstanceLocation().toString()).thenComparing(m -> m.getType()));
        var m = sorted.get(0);
        String where = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        java.util.regex.Matcher idx = java.util.regex.Pattern.compile("^(models|scenarios)\\[(\\d+)\\]").matcher(where);
        String entry = "";
        if (idx.find()) {
            JsonNode e = root.path(idx.group(1)).path(Integer.parseInt(idx.group(2)));
            if (e.hasNonNull("name")) entry = " (name " + e.get("name").asText() + ")";
            where = idx.group() + entry + where.substring(idx.end());
        }
        String text = m.getMessage().replaceFirst("^\\$[^:]*:\\s*", "");
        throw new ManifestException(manifest + ": " + (where.isEmpty() ? "" : where + ": ") + text
                + (sorted.size() > 1 ? " (and " + (sorted.size() - 1) + " more problems)" : ""));
    }

    private static JsonNode req(JsonNode n, String key, Path manifest) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new ManifestException(manifest + ": missing \"" + key + "\"");
        return v;
    }

    public static final class ManifestException extends RuntimeException {
        public ManifestException(String m) { super(m); }
    }
}
