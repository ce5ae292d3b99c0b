package kmapcheck.report;

import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static kmapcheck.report.Html.esc;

/**
 * Renders TLA+ values for kernel engineers: plain text for change lists and tooltips, and HTML with
 * threads coloured, CPU sets drawn as cpumasks, sequences as ordered lists, and refcount-like words
 * (Int values of a variable whose name contains "ref" or "busy") as hex with their bits split out.
 */
final class ValueHtml {
    private final Ctx ctx;

    ValueHtml(Ctx ctx) { this.ctx = ctx; }

    /** Plain text, readable rather than TLA+: sets {a, b}, sequences ⟨a, b⟩, functions [k ↦ v]. */
    static String text(Value v) {
        if (v == null) return "—";
        if (v instanceof Value.Int i) return Long.toString(i.v());
        if (v instanceof Value.Bool b) return b.v() ? "TRUE" : "FALSE";
        if (v instanceof Value.Str s) return s.v();
        if (v instanceof Value.ModelValue m) return m.name();
        if (v instanceof Value.Seq q) return "⟨" + join(q.items()) + "⟩";
        if (v instanceof Value.SetV s) return s.items().isEmpty() ? "∅" : "{" + join(s.items()) + "}";
        if (v instanceof Value.Rec r) {
            List<String> parts = new ArrayList<>();
            r.fields().forEach((k, x) -> parts.add(k + ": " + text(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        Value.Fn f = (Value.Fn) v;
        List<String> parts = new ArrayList<>();
        f.map().forEach((k, x) -> parts.add(text(k) + " ↦ " + text(x)));
        return "[" + String.join(", ", parts) + "]";
    }

    /** {@link #text(Value)}, with the integers of ref/busy variables in hex when they are beyond small counts. */
    static String text(Value v, String var) {
        if (v instanceof Value.Int i && isWordVar(var) && (i.v() < 0 || i.v() >= 0x10000)) {
            boolean w32 = i.v() >= Integer.MIN_VALUE && i.v() <= 0xFFFF_FFFFL;
            return hex(w32 ? i.v() & 0xFFFF_FFFFL : i.v(), w32 ? 32 : 64);
        }
        return text(v);
    }

    private static String join(List<Value> items) {
        List<String> parts = new ArrayList<>();
        for (Value x : items) parts.add(text(x));
        return String.join(", ", parts);
    }

    /** True for variables whose integers are words with flag bits (ref counts, busy locks). */
    static boolean isWordVar(String var) {
        String v = var == null ? "" : var.toLowerCase(Locale.ROOT);
        return v.contains("ref") || v.contains("busy");
    }

    /** HTML for a value inside a table cell or a change list. {@code var} selects special renderings. */
    String html(Value v, String var) {
        if (v == null) return "<span class=\"none\">—</span>";
        if (v instanceof Value.Int i) return isWordVar(var) ? word(i.v()) : "<span class=\"int\">" + i.v() + "</span>";
        if (v instanceof Value.Bool b)
            return b.v() ? "<span class=\"bool t\">TRUE</span>" : "<span class=\"bool f\">FALSE</span>";
        if (v instanceof Value.Str s) return "<span class=\"str\">" + esc(s.v()) + "</span>";
        if (v instanceof Value.ModelValue m) return name(m.name());
        if (v instanceof Value.SetV s) {
            if (ctx.cpusetVars.contains(var)) return cpumask(s);
            if (s.items().isEmpty()) return "<span class=\"set empty\" title=\"empty set\">∅</span>";
            StringBuilder sb = new StringBuilder("<span class=\"set\" title=\"set\">");
            for (Value x : s.items()) sb.append("<span class=\"el\">").append(html(x, var)).append("</span>");
            return sb.append("</span>").toString();
        }
        if (v instanceof Value.Seq q) {
            if (q.items().isEmpty()) return "<span class=\"seq empty\" title=\"empty sequence\">⟨⟩</span>";
            StringBuilder sb = new StringBuilder("<span class=\"seq\" title=\"sequence, first element left\">");
            int n = 1;
            for (Value x : q.items()) {
                if (n > 1) sb.append("<span class=\"arrow\">›</span>");
                sb.append("<span class=\"el\"><sub>").append(n++).append("</sub>").append(html(x, var)).append("</span>");
            }
            return sb.append("</span>").toString();
        }
        if (v instanceof Value.Rec r) {
            StringBuilder sb = new StringBuilder("<table class=\"mini rec\"><tr>");
            for (String k : r.fields().keySet()) sb.append("<th>").append(esc(k)).append("</th>");
            sb.append("</tr><tr>");
            for (Map.Entry<String, Value> e : r.fields().entrySet())
                sb.append("<td>").append(html(e.getValue(), var)).append("</td>");
            return sb.append("</tr></table>").toString();
        }
        Value.Fn f = (Value.Fn) v;
        if (f.map().isEmpty()) return "<span class=\"fn empty\">[]</span>";
        StringBuilder sb = new StringBuilder("<table class=\"mini fn\"><tr>");
        for (Value k : f.map().keySet()) sb.append("<th>").append(html(k, null)).append("</th>");
        sb.append("</tr><tr>");
        for (Value x : f.map().values()) sb.append("<td>").append(html(x, var)).append("</td>");
        return sb.append("</tr></table>").toString();
    }

    /** A model value: threads in their colour, CPUs marked, NULL-like values dimmed. */
    String name(String n) {
        if (ctx.isThread(n)) return thread(n);
        if (ctx.isCpu(n)) return "<span class=\"cpu\">" + esc(n) + "</span>";
        if (n.matches("No[A-Z_].*|None|NULL|Null|Nil|nil|null"))
            return "<span class=\"mv nil\">" + esc(n) + "</span>";
        return "<span class=\"mv\">" + esc(n) + "</span>";
    }

    String thread(String n) {
        return "<span class=\"thr th" + ctx.colourOf(n) + "\">" + esc(n) + "</span>";
    }

    private String cpumask(Value.SetV s) {
        StringBuilder sb = new StringBuilder("<span class=\"cpumask\" title=\"")
                .append(esc("cpumask " + text(s) + " (filled: CPU in the set)")).append("\">");
        for (String c : ctx.cpus) {
            boolean on = s.contains(new Value.ModelValue(c));
            sb.append("<span class=\"").append(on ? "on" : "off").append("\">").append(esc(c)).append("</span>");
        }
        for (Value x : s.items())
            if (!(x instanceof Value.ModelValue m && ctx.cpus.contains(m.name())))
                sb.append("<span class=\"on\">").append(esc(text(x))).append("</span>");
        return sb.append("</span>").toString();
    }

    /** A machine word: decimal, hex, a bit strip and the set bits; flags above bit 15 split from the count. */
    static String word(long v) {
        int width = (v >= Integer.MIN_VALUE && v <= 0xFFFF_FFFFL) ? 32 : 64;
        long u = width == 32 ? v & 0xFFFF_FFFFL : v;
        String hex = hex(u, width);
        List<Integer> bits = new ArrayList<>();
        for (int b = width - 1; b >= 0; b--) if ((u >>> b & 1) == 1) bits.add(b);
        StringBuilder sb = new StringBuilder("<span class=\"word\" title=\"")
                .append(esc(v + " = " + hex + (bits.isEmpty() ? ", no bits set" : ", bits " + bitList(bits))))
                .append("\"><span class=\"int\">").append(v).append("</span> <code class=\"hex\">").append(hex).append("</code>");
        if (u != 0) sb.append(strip(u, width));
        long high = width == 32 ? u & 0xFFFF_0000L : u & ~0xFFFFL, low = u & 0xFFFFL;
        if (high != 0 && low != 0)
            sb.append("<span class=\"split\">flags <code>").append(hex(high, width)).append("</code> + count ")
                    .append(low).append("</span>");
        else if (!bits.isEmpty())
            sb.append("<span class=\"split\">").append(bits.size() == 1 ? "bit " : "bits ").append(bitList(bits)).append("</span>");
        return sb.append("</span>").toString();
    }

    private static String bitList(List<Integer> bits) {
        List<String> s = new ArrayList<>();
        for (int b : bits) s.add(Integer.toString(b));
        return String.join(" ", s);
    }

    static String hex(long u, int width) {
        String h = Long.toHexString(u);
        StringBuilder padded = new StringBuilder();
        for (int i = h.length(); i < width / 4; i++) padded.append('0');
        padded.append(h);
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < padded.length(); i++) {
            if (i > 0 && (padded.length() - i) % 4 == 0) sb.append('_');
            sb.append(padded.charAt(i));
        }
        return sb.toString();
    }

    /** An SVG strip of the word's bits, most significant left, set bits filled, gaps between nibbles. */
    private static String strip(long u, int width) {
        int cell = width == 32 ? 4 : 2, gap = 2;
        int w = width * cell + (width / 4 - 1) * gap;
        StringBuilder sb = new StringBuilder("<svg class=\"bits\" role=\"img\" aria-label=\"bits\" width=\"")
                .append(w).append("\" height=\"9\" viewBox=\"0 0 ").append(w).append(" 9\">");
        int x = 0;
        for (int b = width - 1; b >= 0; b--) {
            boolean on = (u >>> b & 1) == 1;
            sb.append("<rect x=\"").append(x).append("\" y=\"0\" width=\"").append(cell - 1).append("\" height=\"9\" class=\"")
                    .append(on ? "b1" : "b0").append("\"/>");
            x += cell;
            if (b % 4 == 0 && b > 0) x += gap;
        }
        return sb.append("</svg>").toString();
    }
}
