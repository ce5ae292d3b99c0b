package kmapcheck.explorer;

import kmapcheck.trace.Value;

import java.util.List;
import java.util.Map;

/** Small accessors for writing spec invariants over mapped states ({@code Map<String, Value>}). */
public final class Vals {
    private Vals() {}

    public static Value.Fn fn(Map<String, Value> s, String var) { return (Value.Fn) s.get(var); }

    /** f[k] for a function keyed by model values. */
    public static Value at(Value f, String key) { return ((Value.Fn) f).get(Value.mv(key)); }

    public static Value at(Value f, Value key) { return ((Value.Fn) f).get(key); }

    public static List<Value> domain(Map<String, Value> s, String var) { return List.copyOf(fn(s, var).map().keySet()); }

    public static boolean in(Value x, Value set) { return ((Value.SetV) set).contains(x); }

    public static boolean isMv(Value v, String name) { return v instanceof Value.ModelValue m && m.name().equals(name); }
}
