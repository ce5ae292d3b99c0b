package kmapcheck.report;

/**
 * HTML escaping. Every string that comes from a trace, a row or a spec goes through {@link #esc}.
 * The result is also valid XML 1.0 text and attribute content (the runner's junit.xml uses it).
 */
public final class Html {
    private Html() {}

    /** Escapes text for element content and (double- or single-quoted) attribute values. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // control characters other than tab/newline would be invalid in HTML text
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') sb.append("&#xFFFD;");
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** A file name made only of [A-Za-z0-9._-] from an id such as {@code lwbuf/OrBug2009}. */
    static String slug(String id) {
        String s = id == null ? "" : id.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return s.isEmpty() ? "trace" : s;
    }
}
