package kmapcheck.adequacy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jpf-config/<mechanism>/pit-survivors.json}: why a PIT mutant of the kernel code survives the
 * default scenarios.
 * <pre>
 * { "mechanism": "lwbuf",
 *   "survivors": [ { "file": "kmapcheck/lwbuf/ObjCache.java",   // under reference-impl/src/main/java
 *                    "match": "text on exactly one line",         // the mutated line
 *                    "occurrence": 2,                            // optional: the 2nd of several lines with that text
 *                    "mutator": "NegateConditionals",            // substring of PIT's mutator or description; "*" = all
 *                    "equivalent": "why the mutant cannot change behaviour"
 *                    (or) "gap": "which configuration or property would kill it" } ] }
 * </pre>
 * An annotation that matches no surviving mutant is stale.
 */
public final class PitSurvivors {
    public record Annotation(String file, int line, String match, String mutator, String equivalent, String gap) {
        public boolean matches(Pit.Mutant m) {
            return m.file().equals(file) && m.line() == line
                    && (mutator.equals("*") || m.mutator().contains(mutator) || m.description().contains(mutator));
        }
        public String where() { return file + ":" + line + " [" + mutator + "]"; }
    }

    private PitSurvivors() {}

    /** The 1-based number of the {@code nth} line containing {@code match} (lines with the same text). */
    static int nthLine(List<String> lines, String match, int nth, Path file, String src) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(match) && ++seen == nth) return i + 1;
        throw new BadInput(file + ": " + src + ": no occurrence " + nth + " of '" + match + "' (stale entry)");
    }

    public static Path fileOf(Path root, String mechanism) { return root.resolve("jpf-config").resolve(mechanism).resolve("pit-survivors.json"); }

    public static List<Annotation> load(Path file, String mechanism, Path sources) throws IOException {
        if (!Files.exists(file)) return List.of();
        JsonNode root = Unreached.readMechanismFile(file, mechanism, "survivors");
        List<Annotation> out = new ArrayList<>();
        for (JsonNode n : root.path("survivors")) {
            Unreached.onlyKeys(n, file, "file", "match", "occurrence", "mutator", "equivalent", "gap");
            String f = Unreached.text(n, "file", file), match = Unreached.text(n, "match", file), mut = Unreached.text(n, "mutator", file);
            String eq = n.hasNonNull("equivalent") ? n.get("equivalent").asText() : null, gap = n.hasNonNull("gap") ? n.get("gap").asText() : null;
            if ((eq == null) == (gap == null)) throw new BadInput(file + ": " + f + " '" + match + "': give exactly one of \"equivalent\" and \"gap\"");
            Path src = sources.resolve(f);
            if (!Files.exists(src)) throw new BadInput(file + ": no source file " + f + " under " + sources);
            List<String> lines = Files.readAllLines(src, StandardCharsets.UTF_8);
            int line = n.has("occurrence") ? nthLine(lines, match, n.get("occurrence").asInt(), file, f)
                    : Unreached.uniqueLine(lines, match, 0, file, f);
            out.add(new Annotation(f, line, match, mut, eq, gap));
        }
        return out;
    }
}
