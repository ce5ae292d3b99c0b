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
 * lists explorer scenarios (schema in spec/CONVENTIONS.md). Every model/scenario file must be listed.
 */
public final class Manifest {
    public enum Tool { TLC, EXPLORER;
        public String label() { return this == TLC ? "tlc" : "explorer"; } }

    /**
     * @param file          MC module (TLC, without .tla) or scenario file (explorer)
     * @param distinctStates expected distinct states of a passing run, or null
     * @param model         for a scenario: the TLC model with the same constants (replay / validation)
     * @param conform       for a scenario: why {@code conform} may find TLC-only states or spec
     *                      actions the explorer never takes (empty: nothing to explain)
     */
    public record Entry(String mechanism, String name, Tool tool, Path dir, String file, boolean dflt,
                        String expect, String kind, String property, Long distinctStates, String model,
                        String description, ConformReasons conform) {
        public String id() { return mechanism + "/" + name; }
        public boolean expectsPass() { return expect.equals("pass"); }
        public String expectedText() {
            return expectsPass() ? "pass" : kindWord(kind) + " " + property;
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
        Path dir = manifest.getParent();
        String mech = req(root, "mechanism", manifest).asText();
        JsonNode list = root.get(tool == Tool.TLC ? "models" : "scenarios");
        if (list == null || !list.isArray())
            throw new ManifestException(manifest + ": missing array '" + (tool == Tool.TLC ? "models" : "scenarios") + "'");
        List<Entry> out = new ArrayList<>();
        List<String> listedFiles = new ArrayList<>();
        for (JsonNode n : list) {
            String name = req(n, "name", manifest).asText();
            String file;
            if (tool == Tool.TLC) {
                file = req(n, "module", manifest).asText().replaceAll("\\.tla$", "");
                if (!Files.exists(dir.resolve(file + ".tla")) || !Files.exists(dir.resolve(file + ".cfg")))
                    throw new ManifestException(manifest + ": model " + name + ": " + file + ".tla/.cfg not found");
                listedFiles.add(file + ".tla");
            } else {
                file = req(n, "file", manifest).asText();
                if (!Files.exists(dir.resolve(file)))
                    throw new ManifestException(manifest + ": scenario " + name + ": " + file + " not found");
                listedFiles.add(file);
            }
            String expect = req(n, "expect", manifest).asText();
            if (!expect.equals("pass") && !expect.equals("violation"))
                throw new ManifestException(manifest + ": " + name + ": expect must be \"pass\" or \"violation\"");
            String kind = n.hasNonNull("kind") ? n.get("kind").asText() : null;
            String property = n.hasNonNull("property") ? n.get("property").asText() : null;
            if (expect.equals("violation") && (kind == null || property == null))
                throw new ManifestException(manifest + ": " + name + ": a violation needs kind and property");
            out.add(new Entry(mech, name, tool, dir, file, n.path("default").asBoolean(true), expect, kind, property,
                    n.hasNonNull("distinctStates") ? n.get("distinctStates").asLong() : null,
                    n.hasNonNull("model") ? n.get("model").asText() : (tool == Tool.EXPLORER ? name : null),
                    n.path("description").asText(""),
                    tool == Tool.EXPLORER ? conformReasons(n, manifest, name) : ConformReasons.NONE));
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

    private static JsonNode req(JsonNode n, String key, Path manifest) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new ManifestException(manifest + ": missing \"" + key + "\"");
        return v;
    }

    public static final class ManifestException extends RuntimeException {
        public ManifestException(String m) { super(m); }
    }
}
