package kmapcheck.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two states, down to function/record entries: {@code tlb[c0][o1]: NoPage -> p1}. */
public final class Diff {
    private Diff() {}

    /** One changed location. {@code path} is the variable followed by keys, e.g. ["tlb","c0","o1"]. */
    public record Change(List<String> path, Value before, Value after) {
        public String location() {
            StringBuilder sb = new StringBuilder(path.get(0));
            for (int i = 1; i < path.size(); i++) sb.append('[').append(path.get(i)).append(']');
            return sb.toString();
        }
        public String variable() { return path.get(0); }
    }

    public static List<Change> between(List<String> vars, Trace.State a, Trace.State b) {
        List<Change> out = new ArrayList<>();
        for (String v : vars) diff(List.of(v), a.get(v), b.get(v), out);
        return out;
    }

    private static void diff(List<String> path, Value x, Value y, List<Change> out) {
        if (Objects.equals(x, y)) return;
        if (x instanceof Value.Fn fx && y instanceof Value.Fn fy && fx.map().keySet().equals(fy.map().keySet())) {
            for (Map.Entry<Value, Value> e : fx.map().entrySet())
                diff(append(path, e.getKey().toTla()), e.getValue(), fy.get(e.getKey()), out);
            return;
        }
        if (x instanceof Value.Rec rx && y instanceof Value.Rec ry && rx.fields().keySet().equals(ry.fields().keySet())) {
            for (Map.Entry<String, Value> e : rx.fields().entrySet())
                diff(append(path, e.getKey()), e.getValue(), ry.get(e.getKey()), out);
            return;
        }
        out.add(new Change(path, x, y));
    }

    private static List<String> append(List<String> path, String key) {
        List<String> p = new ArrayList<>(path);
        p.add(key);
        return List.copyOf(p);
    }
}
