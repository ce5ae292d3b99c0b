package kmapcheck.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses values in TLC's trace syntax: integers, strings, TRUE/FALSE, model values,
 * {@code <<..>>}, {@code {..}}, records {@code [f |-> v]} and functions {@code (k :> v @@ ..)}.
 */
public final class TlaValueParser {
    private final String s;
    private int i;

    private TlaValueParser(String s) { this.s = s; }

    public static Value parse(String text) {
        TlaValueParser p = new TlaValueParser(text);
        Value v = p.value();
        p.ws();
        if (p.i != p.s.length()) throw p.error("unexpected trailing text");
        return v;
    }

    private Value value() {
        ws();
        if (i >= s.length()) throw error("value expected");
        char c = s.charAt(i);
        if (s.startsWith("<<", i)) {
            i += 2;
            List<Value> items = listUntil(">>");
            return new Value.Seq(items);
        }
        if (c == '{') { i++; return new Value.SetV(listUntil("}")); }
        if (c == '[') { i++; return record(); }
        if (c == '(') { i++; return function(); }
        if (c == '"') return new Value.Str(string());
        if (c == '-' || Character.isDigit(c)) return integer();
        if (Character.isLetter(c) || c == '_') {
            String id = ident();
            return switch (id) {
                case "TRUE" -> new Value.Bool(true);
                case "FALSE" -> new Value.Bool(false);
                default -> new Value.ModelValue(id);
            };
        }
        throw error("unexpected character '" + c + "'");
    }

    private List<Value> listUntil(String close) {
        List<Value> items = new ArrayList<>();
        ws();
        if (s.startsWith(close, i)) { i += close.length(); return items; }
        while (true) {
            items.add(value());
            ws();
            if (s.startsWith(close, i)) { i += close.length(); return items; }
            expect(",");
        }
    }

    private Value record() {
        Map<String, Value> fields = new LinkedHashMap<>();
        while (true) {
            ws();
            String name = ident();
            ws();
            expect("|->");
            fields.put(name, value());
            ws();
            if (s.startsWith("]", i)) { i++; return new Value.Rec(fields); }
            expect(",");
        }
    }

    private Value function() {
        Map<Value, Value> m = new LinkedHashMap<>();
        while (true) {
            Value k = value();
            ws();
            expect(":>");
            Value v = value();
            m.put(k, v);
            ws();
            if (s.startsWith(")", i)) { i++; return new Value.Fn(m); }
            expect("@@");
        }
    }

    private Value integer() {
        int start = i;
        if (s.charAt(i) == '-') i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        try {
            return new Value.Int(Long.parseLong(s.substring(start, i)));
        } catch (NumberFormatException e) {
            throw error("bad integer");
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') return sb.toString();
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                sb.append(switch (e) { case 'n' -> '\n'; case 't' -> '\t'; default -> e; });
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    private String ident() {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        if (start == i) throw error("identifier expected");
        return s.substring(start, i);
    }

    private void expect(String tok) {
        ws();
        if (!s.startsWith(tok, i)) throw error("'" + tok + "' expected");
        i += tok.length();
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private IllegalArgumentException error(String what) {
        int from = Math.max(0, i - 20), to = Math.min(s.length(), i + 20);
        return new IllegalArgumentException("TLA+ value: " + what + " at offset " + i + " near '"
                + s.substring(from, to).replace('\n', ' ') + "'");
    }
}
