package kmapcheck.tlc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The statements of a TLC model configuration (.cfg) file, as text. */
public final class CfgText {
    /** A cfg statement's keyword at the start of a line; a statement runs until the next keyword. */
    public static final Pattern KEYWORD = Pattern.compile("^(SPECIFICATION|INIT|NEXT|INVARIANTS?|PROPERTY|PROPERTIES|CHECK_DEADLOCK|SYMMETRY|"
            + "CONSTANTS?|CONSTRAINTS?|ACTION_CONSTRAINTS?|VIEW|ALIAS|POSTCONDITION)\\b");

    /** TLC's name for a deadlock (ToolOutputParser), which CHECK_DEADLOCK, not a property statement, turns on. */
    public static final String DEADLOCK = "Deadlock";

    private CfgText() {}

    /** A cfg line without its \* comment and surrounding blanks. */
    private static String code(String line) { return line.replaceAll("\\\\\\*.*$", "").strip(); }

    /**
     * The cfg checking {@code property} alone: every other INVARIANT and PROPERTY name dropped,
     * deadlock checked iff {@code property} is {@link #DEADLOCK}; constants, SPECIFICATION,
     * SYMMETRY, CONSTRAINT and the rest unchanged. A property the cfg does not check is an error.
     */
    public static String checkingOnly(String cfg, String property) {
        StringBuilder out = new StringBuilder();
        String section = null;          // INVARIANT or PROPERTY while inside such a statement
        boolean found = property.equals(DEADLOCK);
        for (String line : cfg.split("\n", -1)) {
            String code = code(line);
            Matcher k = KEYWORD.matcher(code);
            if (k.find()) {
                String kw = k.group(1);
                section = kw.startsWith("INVARIANT") ? "INVARIANT" : kw.startsWith("PROPERT") ? "PROPERTY" : null;
                if (kw.equals("CHECK_DEADLOCK")) continue;
                code = code.substring(k.end());
            }
            if (section == null) {
                out.append(line).append('\n');
                continue;
            }
            for (String n : code.split("[\\s,]+"))
                if (n.equals(property)) {
                    out.append(section).append(' ').append(property).append('\n');
                    found = true;
                }
        }
        if (!found) throw new IllegalArgumentException("the cfg checks no " + property);
        return out.toString().replaceAll("\n+$", "\n") + "CHECK_DEADLOCK " + (property.equals(DEADLOCK) ? "TRUE" : "FALSE") + "\n";
    }

    /** The names of the cfg's statements whose keyword satisfies {@code kind} (e.g. PROPERTY and PROPERTIES). */
    public static List<String> names(String cfg, java.util.function.Predicate<String> kind) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : cfg.split("\n")) {
            String l = code(line);
            if (l.isEmpty()) continue;
            Matcher k = KEYWORD.matcher(l);
            if (k.find()) {
                in = kind.test(k.group(1));
                l = l.substring(k.end()).strip();
                if (!in) continue;
            }
            if (in) for (String x : l.split("[\\s,]+")) if (!x.isEmpty()) out.add(x);
        }
        return out;
    }
}
