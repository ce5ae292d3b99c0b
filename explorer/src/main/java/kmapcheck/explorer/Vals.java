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

    /** The integer of an Int value. */
    public static long num(Value x) { return ((Value.Int) x).v(); }

    /** The boolean of a Bool value. */
    public static boolean bool(Value x) { return ((Value.Bool) x).v(); }

    /** The elements of a set (canonical order) or of a sequence (in order). */
    public static List<Value> items(Value x) { return x instanceof Value.SetV v ? v.items() : ((Value.Seq) x).items(); }

    public static boolean in(Value x, Value set) { return ((Value.SetV) set).contains(x); }

    public static boolean isMv(Value v, String name) { return v instanceof Value.ModelValue m && m.name().equals(name); }

    /**
     * The spec's {@code tlb[c][x]}: for every CPU c and KVA {@code kvas.get(i)} (keyed {@code key(i)}),
     * the page its TLB entry translates to, or {@code none} when there is no entry.
     */
    public static Value tlbTable(View v, List<kmapcheck.machine.Kva> kvas, java.util.function.IntFunction<Value> key,
                                 java.util.function.IntFunction<Value> cpu, java.util.function.LongFunction<Value> page, Value none) {
        Value.FnBuilder tlb = Value.fn();
        for (int c = 0; c < v.layout().cpus(); c++) {
            Value.FnBuilder row = Value.fn();
            for (int i = 0; i < kvas.size(); i++) {
                long e = v.tlb(kvas.get(i), c);
                row.put(key.apply(i), kmapcheck.machine.Pte.valid(e) ? page.apply(kmapcheck.machine.Pte.page(e)) : none);
            }
            tlb.put(cpu.apply(c), row.build());
        }
        return tlb.build();
    }
}
