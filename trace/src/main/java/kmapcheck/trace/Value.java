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
    record ModelValue(String name) implements Value {
        @Override public boolean equals(Object o) { return o == this || o instanceof ModelValue m && m.name.equals(name); }
        @Override public int hashCode() { return name.hashCode(); }
    }

    /** A sequence or tuple {@code <<a, b>>}. */
    record Seq(List<Value> items) implements Value {
        public Seq { items = List.copyOf(items); }
    }

    /** A finite set, elements sorted by {@link Value#compareTo}. */
    record SetV(List<Value> items) implements Value {
        public SetV {
            boolean canonical = true;
            for (int i = 1; i < items.size() && canonical; i++) canonical = items.get(i - 1).compareTo(items.get(i)) < 0;
            if (canonical) {
                items = List.copyOf(items);
            } else {
                List<Value> sorted = new ArrayList<>(items);
                Collections.sort(sorted);
                for (int i = 1; i < sorted.size(); i++) {
                    if (sorted.get(i).equals(sorted.get(i - 1))) { sorted.remove(i--); }
                }
                items = List.copyOf(sorted);
            }
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
            map = map instanceof SortedArrayMap s ? s : SortedArrayMap.of(map);
        }
        public Value get(Value k) { return map.get(k); }

        /** The domain in key order (a read-only view, no copy). */
        public List<Value> keys() { return ((SortedArrayMap) map).keyList(); }

        @Override public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Fn f)) return false;
            return ((SortedArrayMap) map).sameAs((SortedArrayMap) f.map);
        }

        @Override public int hashCode() { return map.hashCode(); }
    }

    /**
     * An immutable map with its keys in {@link Value} order, as two arrays: cheap to build from keys
     * already in order (the usual case for mapped states), to compare and to look up in.
     */
    final class SortedArrayMap extends java.util.AbstractMap<Value, Value> {
        private final Value[] keys;
        private final Value[] vals;
        private int hash;

        private SortedArrayMap(Value[] keys, Value[] vals) { this.keys = keys; this.vals = vals; }

        static SortedArrayMap of(Map<Value, Value> m) {
            Value[] ks = m.keySet().toArray(new Value[0]);
            boolean sorted = true;
            for (int i = 1; i < ks.length && sorted; i++) sorted = ks[i - 1].compareTo(ks[i]) < 0;
            if (!sorted) java.util.Arrays.sort(ks);
            Value[] vs = new Value[ks.length];
            for (int i = 0; i < ks.length; i++) vs[i] = m.get(ks[i]);
            return new SortedArrayMap(ks, vs);
        }

        /** From parallel arrays of distinct keys and their values (taken over, not copied). */
        static SortedArrayMap of(Value[] k, Value[] v) {
            boolean sorted = true;
            for (int i = 1; i < k.length && sorted; i++) sorted = k[i - 1].compareTo(k[i]) < 0;
            if (!sorted) {
                Integer[] idx = new Integer[k.length];
                for (int i = 0; i < idx.length; i++) idx[i] = i;
                java.util.Arrays.sort(idx, (a, b) -> k[a].compareTo(k[b]));
                Value[] k2 = new Value[k.length], v2 = new Value[k.length];
                for (int i = 0; i < idx.length; i++) { k2[i] = k[idx[i]]; v2[i] = v[idx[i]]; }
                return new SortedArrayMap(k2, v2);
            }
            return new SortedArrayMap(k, v);
        }

        boolean sameAs(SortedArrayMap o) {
            if (o.keys.length != keys.length) return false;
            if (hash != 0 && o.hash != 0 && hash != o.hash) return false;
            for (int i = 0; i < keys.length; i++) if (!vals[i].equals(o.vals[i]) || !keys[i].equals(o.keys[i])) return false;
            return true;
        }

        private int index(Object k) {
            for (int i = 0; i < keys.length; i++) if (keys[i].equals(k)) return i;
            return -1;
        }

        @Override public Value get(Object k) { int i = index(k); return i < 0 ? null : vals[i]; }

        List<Value> keyList() { return Collections.unmodifiableList(java.util.Arrays.asList(keys)); }

        /** The values in key order (a read-only view over the array: no entry objects). */
        @Override public java.util.Collection<Value> values() { return Collections.unmodifiableList(java.util.Arrays.asList(vals)); }

        @Override public java.util.Set<Value> keySet() {
            return new java.util.AbstractSet<>() {
                @Override public int size() { return keys.length; }
                @Override public boolean contains(Object o) { return index(o) >= 0; }
                @Override public java.util.Iterator<Value> iterator() { return keyList().iterator(); }
            };
        }
        @Override public boolean containsKey(Object k) { return index(k) >= 0; }
        @Override public int size() { return keys.length; }

        @Override public int hashCode() {
            int h = hash;
            if (h == 0) {
                for (int i = 0; i < keys.length; i++) h += keys[i].hashCode() ^ vals[i].hashCode();
                hash = h == 0 ? 1 : h;
            }
            return hash;
        }

        @Override public java.util.Set<Entry<Value, Value>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override public int size() { return keys.length; }
                @Override public java.util.Iterator<Entry<Value, Value>> iterator() {
                    return new java.util.Iterator<>() {
                        int i;
                        @Override public boolean hasNext() { return i < keys.length; }
                        @Override public Entry<Value, Value> next() {
                            if (i >= keys.length) throw new java.util.NoSuchElementException();
                            Entry<Value, Value> e = new SimpleImmutableEntry<>(keys[i], vals[i]);
                            i++;
                            return e;
                        }
                    };
                }
            };
        }
    }

    // ---- constructors used by mappings -------------------------------------------------------
    static Value of(long v) { return v >= Shared.MIN_INT && v <= Shared.MAX_INT ? Shared.INTS[(int) v - Shared.MIN_INT] : new Int(v); }
    static Value of(boolean v) { return v ? Shared.TRUE : Shared.FALSE; }
    static Value str(String s) { return new Str(s); }
    static Value mv(String name) { return new ModelValue(name); }
    /**
     * The model value {@code prefix + n} (t1, b2, c0, p3, ...), which every mapping builds for every
     * state: a shared instance for 0 <= n < 32, a new one otherwise (equality is by name either way).
     */
    static Value numbered(String prefix, long n) {
        if (n < 0 || n >= Shared.NUMBERED) return new ModelValue(prefix + n);
        return Shared.BY_PREFIX.computeIfAbsent(prefix, Shared::numberedNames)[(int) n];
    }
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
        if (this instanceof ModelValue a && o instanceof ModelValue b) return a.name().compareTo(b.name());   // the usual keys
        int k = Integer.compare(kindRank(this), kindRank(o));
        if (k != 0) return k;
        if (this instanceof Int a) return Long.compare(a.v(), ((Int) o).v());
        if (this instanceof Bool a) return Boolean.compare(a.v(), ((Bool) o).v());
        if (this instanceof Str a) return a.v().compareTo(((Str) o).v());
        if (this instanceof ModelValue a) return a.name().compareTo(((ModelValue) o).name());
        if (this instanceof Seq a) return compareLists(a.items(), ((Seq) o).items());
        if (this instanceof SetV a) return compareLists(a.items(), ((SetV) o).items());
        if (this instanceof Fn a) {
            SortedArrayMap x = (SortedArrayMap) a.map(), y = (SortedArrayMap) ((Fn) o).map();
            for (int i = 0; i < Math.min(x.keys.length, y.keys.length); i++) {
                int c = x.keys[i].compareTo(y.keys[i]);
                if (c == 0) c = x.vals[i].compareTo(y.vals[i]);
                if (c != 0) return c;
            }
            return Integer.compare(x.keys.length, y.keys.length);
        }
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

    /** Shared instances of small integers and the booleans (values are immutable; equality is structural). */
    final class Shared {
        private Shared() {}
        private static final int MIN_INT = -16, MAX_INT = 255;
        private static final Value[] INTS = new Value[MAX_INT - MIN_INT + 1];
        private static final Value TRUE = new Bool(true), FALSE = new Bool(false);
        static { for (int i = 0; i < INTS.length; i++) INTS[i] = new Int(i + MIN_INT); }
        private static final int NUMBERED = 32;
        private static final java.util.concurrent.ConcurrentHashMap<String, Value[]> BY_PREFIX = new java.util.concurrent.ConcurrentHashMap<>();
        private static Value[] numberedNames(String prefix) {
            Value[] a = new Value[NUMBERED];
            for (int i = 0; i < NUMBERED; i++) a[i] = new ModelValue(prefix + i);
            return a;
        }
    }

    /** Builder for {@link Fn} values keyed by model values, in insertion order of the caller. */
    final class FnBuilder {
        private Value[] ks = new Value[4];
        private Value[] vs = new Value[4];
        private int n;
        public FnBuilder put(Value k, Value v) {
            Objects.requireNonNull(k);
            Objects.requireNonNull(v);
            for (int i = 0; i < n; i++) if (ks[i].equals(k)) { vs[i] = v; return this; }
            if (n == ks.length) {
                ks = java.util.Arrays.copyOf(ks, n * 2);
                vs = java.util.Arrays.copyOf(vs, n * 2);
            }
            ks[n] = k;
            vs[n++] = v;
            return this;
        }
        public FnBuilder put(String modelValue, Value v) { return put(mv(modelValue), v); }
        public Fn build() { return new Fn(SortedArrayMap.of(java.util.Arrays.copyOf(ks, n), java.util.Arrays.copyOf(vs, n))); }
    }

    static FnBuilder fn() { return new FnBuilder(); }

    static Comparator<Value> order() { return Comparator.naturalOrder(); }
}
