package kmapcheck.conform;

import kmapcheck.trace.TlaValueParser;
import kmapcheck.trace.Value;
import tla2sany.semantic.OpDeclNode;
import tlc2.tool.TLCState;
import tlc2.value.IValue;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.ModelValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import util.UniqueString;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our TLA+ values ({@link Value}) as TLC values and back, so TLC can judge states the explorer
 * produced. A converted state has the fingerprint TLC computes for the same state (TLC fingerprints
 * normalized values; records and tuples fingerprint as the functions they are).
 */
final class TlcValues {
    private TlcValues() {}

    static tlc2.value.impl.Value toTlc(Value v) {
        if (v instanceof Value.Int i) {
            if (i.v() < Integer.MIN_VALUE || i.v() > Integer.MAX_VALUE) throw new IllegalArgumentException("integer out of TLC's range: " + i.v());
            return IntValue.gen((int) i.v());
        }
        if (v instanceof Value.Bool b) return b.v() ? BoolValue.ValTrue : BoolValue.ValFalse;
        if (v instanceof Value.Str s) return new StringValue(s.v());
        if (v instanceof Value.ModelValue m) return ModelValue.make(m.name());
        if (v instanceof Value.Seq s) return new TupleValue(all(s.items()));
        if (v instanceof Value.SetV s) return (tlc2.value.impl.Value) new SetEnumValue(all(s.items()), false).normalize();
        if (v instanceof Value.Rec r) {
            UniqueString[] names = new UniqueString[r.fields().size()];
            tlc2.value.impl.Value[] vals = new tlc2.value.impl.Value[names.length];
            int i = 0;
            for (Map.Entry<String, Value> e : r.fields().entrySet()) {
                names[i] = UniqueString.uniqueStringOf(e.getKey());
                vals[i++] = toTlc(e.getValue());
            }
            return (tlc2.value.impl.Value) new RecordValue(names, vals, false).normalize();
        }
        Value.Fn f = (Value.Fn) v;
        tlc2.value.impl.Value[] dom = all(List.copyOf(f.map().keySet()));
        tlc2.value.impl.Value[] rng = all(List.copyOf(f.map().values()));
        return (tlc2.value.impl.Value) new FcnRcdValue(dom, rng, false).normalize();
    }

    private static tlc2.value.impl.Value[] all(List<Value> xs) {
        tlc2.value.impl.Value[] out = new tlc2.value.impl.Value[xs.size()];
        for (int i = 0; i < out.length; i++) out[i] = toTlc(xs.get(i));
        return out;
    }

    /** A spec state (variable -> value) as a TLC state of the loaded model. */
    static TLCState toState(Map<String, Value> s) {
        TLCState st = TLCState.Empty.createEmpty();
        for (OpDeclNode var : TLCState.vars) {
            Value v = s.get(var.getName().toString());
            if (v == null) throw new IllegalArgumentException("no value for variable " + var.getName());
            st = st.bind(var.getName(), toTlc(v));
        }
        return st;
    }

    /** A TLC value as ours, through TLC's own printing of it. */
    static Value fromTlc(IValue v) { return TlaValueParser.parse(v.toString()); }

    /** A TLC state as variable -> value, in the spec's variable order. */
    static Map<String, Value> fromState(TLCState s) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (OpDeclNode var : TLCState.vars) out.put(var.getName().toString(), fromTlc(s.lookup(var.getName())));
        return out;
    }

    /** A TLC state as one TLA+ record line, as the explorer writes states. */
    static String text(TLCState s) {
        StringBuilder sb = new StringBuilder("[");
        for (Map.Entry<String, Value> e : fromState(s).entrySet()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(e.getKey()).append(" |-> ").append(e.getValue().toTla());
        }
        return sb.append(']').toString();
    }
}
