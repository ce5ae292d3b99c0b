package kmapcheck.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the comments of a TLA+ spec into the {@link Row#kernelOf()} map, following the spec
 * conventions (spec/CONVENTIONS.md: every action's comment names the kernel function it models):
 * <ul>
 *   <li>{@code Name} -> the {@code \*} comment block right above {@code Name(..) ==}; an operator with
 *       parameters and no comment of its own shares the block of the operators before it, up to the
 *       next comment block or {@code ----} separator (e.g. {@code KvaTest(t, c)} and {@code Kva(t)});</li>
 *   <li>{@code "invariant:" + Name} -> that comment plus the definition text, for every definition
 *       without parameters (so any invariant named in a .cfg);</li>
 *   <li>{@code "var:" + name} -> the trailing comment of the variable in the VARIABLES block.</li>
 * </ul>
 */
public final class SpecComments {
    private SpecComments() {}

    private static final Pattern DEF = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(\\([^)]*\\))?\\s*==(.*)$");
    private static final Pattern VAR = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*,?\\s*(\\\\\\*\\s?(.*))?$");

    public static Map<String, String> read(Path tla) throws IOException {
        return parse(Files.readAllLines(tla));
    }

    /**
     * A comment line without its ruler dashes: {@code ---- busy lock ----} is the heading
     * "busy lock", a line of dashes or equals signs is nothing (rulers are layout, not text).
     */
    public static String unruled(String commentText) {
        return commentText.replaceAll("^[-=]{3,}\\s*", "").replaceAll("\\s*[-=]{3,}$", "").strip();
    }

    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> block = new ArrayList<>();   // the current comment block
        String current = null;                     // the comment that applies to the next definitions
        boolean inVars = false;
        String lastVar = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (inVars) {
                if (trimmed.isEmpty() || DEF.matcher(line).matches() || trimmed.startsWith("----")) {
                    inVars = false;
                } else {
                    if (trimmed.startsWith("(*")) continue;
                    if (trimmed.startsWith("\\*")) {   // continuation of the previous variable's comment
                        if (lastVar != null) out.merge("var:" + lastVar, trimmed.substring(2).strip(), (x, y) -> x + " " + y);
                        continue;
                    }
                    Matcher v = VAR.matcher(line);
                    if (v.matches()) {
                        lastVar = v.group(1);
                        if (v.group(3) != null && !v.group(3).isBlank()) out.put("var:" + lastVar, v.group(3).strip());
                    }
                    continue;
                }
            }
            if (line.startsWith("VARIABLE")) {
                inVars = true;
                lastVar = null;
                String rest = line.replaceFirst("^VARIABLES?", "").strip();
                for (String v : rest.split(",")) {
                    String name = v.replaceAll("\\\\\\*.*", "").strip();
                    if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) lastVar = name;
                }
                continue;
            }
            if (trimmed.startsWith("\\*") && line.startsWith("\\*")) {
                String text = unruled(trimmed.substring(2).strip());
                if (!text.isEmpty()) block.add(text);
                continue;
            }
            boolean directlyBelow = !block.isEmpty();
            if (directlyBelow) {
                current = String.join("\n", block);
                block.clear();
            }
            if (trimmed.startsWith("----") || trimmed.startsWith("====") || trimmed.startsWith("(*")) {
                current = null;
                continue;
            }
            Matcher d = DEF.matcher(line);
            if (!d.matches()) continue;
            String name = d.group(1);
            // an operator with parameters (an action) shares the comment of the group it is in;
            // a constant definition (invariant) only has the comment right above it
            String comment = directlyBelow || d.group(2) != null ? current : null;
            if (comment != null) out.putIfAbsent(name, comment);
            if (d.group(2) == null) {
                StringBuilder def = new StringBuilder(line.stripTrailing());
                for (int k = i + 1; k < lines.size(); k++) {
                    String l = lines.get(k);
                    if (l.isBlank() || DEF.matcher(l).matches() || l.startsWith("\\*") || l.startsWith("----")
                            || l.startsWith("====")) break;
                    def.append('\n').append(l.stripTrailing());
                }
                out.put("invariant:" + name, (comment == null ? "" : comment + "\n") + def);
            }
        }
        return out;
    }
}
