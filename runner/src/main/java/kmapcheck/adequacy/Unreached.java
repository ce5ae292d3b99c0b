package kmapcheck.adequacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code jpf-config/<mechanism>/unreached.json}: what the default configurations cannot reach, and why.
 * <pre>
 * { "mechanism": "lwbuf",
 *   "code": [ { "file": "kmapcheck/lwbuf/ObjCache.java",          // under reference-impl/src/main/java
 *               "match": "text on exactly one line",              // the first explained line
 *               "through": "text on a later line",                // optional: the last explained line
 *               "reason": "why no default scenario can reach it" } ],
 *   "specActions": [ { "action": "Lwbuf!KvaCheck", "reason": "..." } ] }
 * </pre>
 * Code is anchored by text, not line numbers, so edits elsewhere keep it valid; an anchor that
 * matches no line or several lines is bad input (the file is stale).
 */
public final class Unreached {
    /** An explained line range [from, to] of one source file. */
    public record CodeEntry(String file, int from, int to, String match, String reason) {
        public boolean covers(String f, int line) { return file.equals(f) && from <= line && line <= to; }
        public String where() { return file + ":" + (from == to ? Integer.toString(from) : from + "-" + to); }
    }

    public record ActionEntry(String action, String reason) {}

    public record Explanations(Path file, List<CodeEntry> code, List<ActionEntry> actions) {
        static Explanations none(Path file) { return new Explanations(file, List.of(), List.of()); }
    }

    private Unreached() {}

    public static Path fileOf(Path root, String mechanism) { return root.resolve("jpf-config").resolve(mechanism).resolve("unreached.json"); }

    /** Loads and resolves the explanations (none if the file does not exist). */
    public static Explanations load(Path file, String mechanism, Path sources) throws IOException {
        if (!Files.exists(file)) return Explanations.none(file);
        JsonNode root = readMechanismFile(file, mechanism, "code", "specActions");
        List<CodeEntry> code = new ArrayList<>();
        for (JsonNode n : root.path("code")) {
            onlyKeys(n, file, "file", "match", "through", "reason");
            String f = text(n, "file", file), match = text(n, "match", file), reason = text(n, "reason", file);
            Path src = sources.resolve(f);
            if (!Files.exists(src)) throw new BadInput(file + ": no source file " + f + " under " + sources);
            List<String> lines = Files.readAllLines(src, StandardCharsets.UTF_8);
            int from = uniqueLine(lines, match, 0, file, f);
            int to = from;
            if (n.hasNonNull("through")) {
                String through = n.get("through").asText();
                to = -1;
                for (int i = from; i < lines.size() && to < 0; i++) if (lines.get(i).contains(through)) to = i + 1;
                if (to < 0) throw new BadInput(file + ": " + f + ": \"through\" text '" + through + "' matches no line after line " + from);
            }
            code.add(new CodeEntry(f, from, to, match, reason));
        }
        List<ActionEntry> actions = new ArrayList<>();
        for (JsonNode n : root.path("specActions")) {
            onlyKeys(n, file, "action", "reason");
            String a = text(n, "action", file);
            if (!a.matches("\\w+!\\w+(@\\d+)?")) throw new BadInput(file + ": action '" + a + "' must be Module!Action or Module!Action@Line (one disjunct, see SpecCoverage)");
            actions.add(new ActionEntry(a, text(n, "reason", file)));
        }
        return new Explanations(file, code, actions);
    }

    /**
     * Reads one of the per-mechanism JSON files (unreached.json, mutations.json, pit-survivors.json):
     * valid JSON, "mechanism" naming {@code mechanism}, no top-level keys but {@code lists} and "comment".
     */
    static JsonNode readMechanismFile(Path file, String mechanism, String... lists) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInput(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        String[] keys = java.util.Arrays.copyOf(lists, lists.length + 2);
        keys[lists.length] = "mechanism";
        keys[lists.length + 1] = "comment";
        onlyKeys(root, file, keys);
        if (!mechanism.equals(root.path("mechanism").asText()))
            throw new BadInput(file + ": \"mechanism\" must be \"" + mechanism + "\"");
        return root;
    }

    /** The 1-based number of the one line (at index >= start) containing {@code match}. */
    static int uniqueLine(List<String> lines, String match, int start, Path file, String src) {
        int hit = -1;
        for (int i = start; i < lines.size(); i++) {
            if (!lines.get(i).contains(match)) continue;
            if (hit >= 0) throw new BadInput(file + ": " + src + ": \"match\" text '" + match + "' is on several lines ("
                    + (hit + 1) + ", " + (i + 1) + "): make it unique");
            hit = i;
        }
        if (hit < 0) throw new BadInput(file + ": " + src + ": \"match\" text '" + match + "' matches no line (stale entry)");
        return hit + 1;
    }

    static String text(JsonNode n, String key, Path file) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new BadInput(file + ": entry without \"" + key + "\": " + n);
        return v.asText();
    }

    static void onlyKeys(JsonNode n, Path file, String... keys) {
        Set<String> ok = Set.of(keys);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ok.contains(k)) throw new BadInput(file + ": unknown key \"" + k + "\"");
        }
    }
}
