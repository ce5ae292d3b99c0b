package kmapcheck.explorer.vm;

import kmapcheck.explorer.Op;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ops threads have started, keyed by content. A state encodes its threads' ops by content (the
 * op name's {@link String#hashCode} and its arguments), never by the order ops were first seen, so
 * encodings and fingerprints do not depend on the search order or the number of workers.
 */
public final class Ops {
    private record Key(int name, long[] args) {
        @Override public boolean equals(Object o) { return o instanceof Key k && k.name == name && Arrays.equals(k.args, args); }
        @Override public int hashCode() { return name * 31 + Arrays.hashCode(args); }
    }

    private final ConcurrentHashMap<Key, Op> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, String> names = new ConcurrentHashMap<>();

    /** Registers {@code op} (thread-safe); the same content always yields the same registered op. */
    public Op intern(Op op) {
        int h = op.name().hashCode();
        String prev = names.putIfAbsent(h, op.name());
        if (prev != null && !prev.equals(op.name()))
            throw new IllegalStateException("op names '" + prev + "' and '" + op.name() + "' have the same hash: rename one");
        return byKey.computeIfAbsent(new Key(h, op.args()), k -> op);
    }

    /** The op encoded as {@code nameHash} and {@code args}. */
    Op lookup(int nameHash, long[] args) {
        Op op = byKey.get(new Key(nameHash, args));
        if (op == null) throw new IllegalStateException("state refers to an op never started");
        return op;
    }
}
