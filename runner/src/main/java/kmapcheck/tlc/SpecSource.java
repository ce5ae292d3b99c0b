package kmapcheck.tlc;

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
 * Reads what traces need from a spec's .tla source: the VARIABLES order and, per operator, the
 * comment above its definition (which names the kernel function an action models) and the
 * definition text (to show a violated invariant).
 */
public final class SpecSource {
    private static final Pattern DEF = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(\\([^)]*\\))?\\s*==");

    private final List<String> variables = new ArrayList<>();
    private final Map<String, String> comments = new LinkedHashMap<>();
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Map<String, int[]> lines = new LinkedHashMap<>();
    private String module;

    public static SpecSource read(Path tla) throws IOException {
        SpecSource s = new SpecSource();
        s.module = tla.getFileName().toString().replaceAll("\\.tla$", "");
        List<String> lines = Files.readAllLines(tla);
        boolean inVars = false;
        List<String> pendingComment = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String t = l.strip();
            if (!inVars && (t.equals("VARIABLES") || t.equals("VARIABLE") || t.startsWith("VARIABLES ") || t.startsWith("VARIABLE "))) {
                inVars = true;
                t = t.replaceFirst("^VARIABLES?", "").strip();
                if (t.isEmpty()) continue;
            }
            if (inVars) {
                String code = t.replaceAll("\\\\\\*.*$", "").replaceAll("\\(\\*.*?\\*\\)", "").strip();
                for (String v : code.split(",")) if (!v.isBlank()) s.variables.add(v.strip());
                if (!code.isEmpty() && !code.endsWith(",")) inVars = false;
                continue;
            }
            if (t.startsWith("\\*")) {
                String text = kmapcheck.report.SpecComments.unruled(t.substring(2).strip());
                if (!text.isEmpty()) pendingComment.add(text);
                continue;
            }
            Matcher m = DEF.matcher(l);
            if (m.find()) {
                String name = m.group(1);
                if (!pendingComment.isEmpty()) s.comments.put(name, String.join(" ", pendingComment));
                StringBuilder def = new StringBuilder(l.strip());
                int last = i;
                for (int j = i + 1; j < lines.size(); j++) {
                    String n = lines.get(j);
                    if (n.isBlank() || DEF.matcher(n).find() || n.startsWith("\\*") || n.startsWith("----") || n.startsWith("====")) break;
                    def.append('\n').append(n);
                    last = j;
                }
                s.definitions.put(name, def.toString());
                s.lines.put(name, new int[]{i + 1, last + 1, lines.get(last).length()});
            }
            if (!t.startsWith("\\*")) pendingComment.clear();
        }
        return s;
    }

    public List<String> variables() { return variables; }

    /** Action name -> the comment above its definition (kernel function and source). */
    public Map<String, String> comments() { return comments; }

    public String definition(String name) { return definitions.get(name); }

    /**
     * Where {@code name} is defined, in TLC's location format ("line 91, col 1 to line 106, col 37
     * of module Lwbuf"), or null if this module does not define it.
     */
    public String location(String name) {
        int[] l = lines.get(name);
        return l == null ? null : "line " + l[0] + ", col 1 to line " + l[1] + ", col " + l[2] + " of module " + module;
    }
}
