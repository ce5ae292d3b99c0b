package kmapcheck.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A TLA+ value as TLC prints it in traces. Both TLC traces and the Java explorer's mapped states are
 * made of these, so the two can be compared, diffed and rendered by the same code.
 * Sets are kept in canonical (sorted) order so structural equality is TLA+ equality.
 */
public sealed interface Value extends Comparable<Value> {

    record Int(long v) implements Value {}

    record Bool(boolean v) implements Value {}

    record Str(String v) implements Value {}

    /** A TLC model value (printed bare, e.g. {@code t1}, {@code NoPage}). */
    record ModelValue(String name) implements Value {}

    /** A sequence or tuple {@code <<a, b>>}. */
    record Seq(List<Value> items) implements Value {
        public Seq { items = List.copyOf(items); }
    }

    /** A finite set, elements sorted by {@link Value#compareTo}. */
    record SetV(List<Value> items) implements Value {
        public SetV {
            List<Value> sorted = new ArrayList<>(items);
            Collections.sort(sorted);
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).equals(sorted.get(i - 1))) { sorted.remove(i--); }
            }
            items = List.copyOf(sorted);
        }
        public boolean contains(Value v) { return items.contains(v); }
    }

    /** A record {@code [a |-> 1, b |-> 2]} (function with string domain), fields in print order. */
    record Rec(Map<String, Value> fields) implements Value {
        public Rec { fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); }
        public Value get(String f) { return fields.get(f); }
    }

    /** A function with a non-string domain {@code (k1 :> v1 @@ k2 :> v2)}, sorted by key. */
    record Fn(Map<Value, Value> map) implements Value {
        public Fn {
            List<Value> keys = new ArrayList<>(map.keySet());
            Collections.sort(keys);
            LinkedHashMap<Value, Value> m = new LinkedHashMap<>();
            for (Value k : keys) m.put(k, map.get(k));
            map = Collections.unmodifiableMap(m);
        }
        public Value get(Value k) { return map.get(k); }
    }

    // ---- constructors used by mappings -------------------------------------------------------
    static Value of(long v) { return new Int(v); }
    static Value of(boolean v) { return new Bool(v); }
    static Value str(String s) { return new Str(s); }
    static Value mv(String name) { return new ModelValue(name); }
    static Value set(List<Value> items) { return new SetV(items); }
    static Value seq(List<Value> items) { return new Seq(items); }

    /** The canonical TLC rendering of this value. */
    default String toTla() {
        StringBuilder sb = new StringBuilder();
        TlaPrinter.print(this, sb);
        return sb.toString();
    }

    /** Order: kind first, then contents; gives canonical set element order. */
    @Override
    default int compareTo(Value o) {
        int k = Integer.compare(kindRank(this), kindRank(o));
        if (k != 0) return k;
        if (this instanceof Int a) return Long.compare(a.v(), ((Int) o).v());
        if (this instanceof Bool a) return Boolean.compare(a.v(), ((Bool) o).v());
        if (this instanceof Str a) return a.v().compareTo(((Str) o).v());
        if (this instanceof ModelValue a) return a.name().compareTo(((ModelValue) o).name());
        if (this instanceof Seq a) return compareLists(a.items(), ((Seq) o).items());
        if (this instanceof SetV a) return compareLists(a.items(), ((SetV) o).items());
        return toTla().compareTo(o.toTla());
    }

    private static int kindRank(Value v) {
        if (v instanceof Bool) return 0;
        if (v instanceof Int) return 1;
        if (v instanceof Str) return 2;
        if (v instanceof ModelValue) return 3;
        if (v instanceof Seq) return 4;
        if (v instanceof SetV) return 5;
        if (v instanceof Rec) return 6;
        return 7;
    }

    private static int compareLists(List<Value> a, List<Value> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Builder for {@link Fn} values keyed by model values, in insertion order of the caller. */
    final class FnBuilder {
        private final LinkedHashMap<Value, Value> m = new LinkedHashMap<>();
        public FnBuilder put(Value k, Value v) { m.put(Objects.requireNonNull(k), Objects.requireNonNull(v)); return this; }
        public FnBuilder put(String modelValue, Value v) { return put(mv(modelValue), v); }
        public Fn build() { return new Fn(m); }
    }

    static FnBuilder fn() { return new FnBuilder(); }

    static Comparator<Value> order() { return Comparator.naturalOrder(); }
}
