package kmapcheck.trace;

import java.util.Iterator;
import java.util.Map;

/** Prints values the way TLC prints them in traces. */
final class TlaPrinter {
    private TlaPrinter() {}

    static void print(Value v, StringBuilder sb) {
        if (v instanceof Value.Int i) sb.append(i.v());
        else if (v instanceof Value.Bool b) sb.append(b.v() ? "TRUE" : "FALSE");
        else if (v instanceof Value.Str s) quote(s.v(), sb);
        else if (v instanceof Value.ModelValue m) sb.append(m.name());
        else if (v instanceof Value.Seq s) { sb.append("<<"); list(s.items(), sb); sb.append(">>"); }
        else if (v instanceof Value.SetV s) { sb.append("{"); list(s.items(), sb); sb.append("}"); }
        else if (v instanceof Value.Rec r) {
                sb.append("[");
                Iterator<Map.Entry<String, Value>> it = r.fields().entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, Value> e = it.next();
                    sb.append(e.getKey()).append(" |-> ");
                    print(e.getValue(), sb);
                    if (it.hasNext()) sb.append(", ");
                }
                sb.append("]");
        } else if (v instanceof Value.Fn f) {
                if (f.map().isEmpty()) { sb.append("<<>>"); return; }
                sb.append("(");
                Iterator<Map.Entry<Value, Value>> it = f.map().entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<Value, Value> e = it.next();
                    print(e.getKey(), sb);
                    sb.append(" :> ");
                    print(e.getValue(), sb);
                    if (it.hasNext()) sb.append(" @@ ");
                }
                sb.append(")");
        }
    }

    private static void list(java.util.List<Value> items, StringBuilder sb) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            print(items.get(i), sb);
        }
    }

    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }
}
