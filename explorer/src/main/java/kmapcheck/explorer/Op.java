package kmapcheck.explorer;

import java.util.Arrays;

/** One operation a simulated thread runs (a kernel API call made by the client program). */
public record Op(String name, long... args) {
    public Op {
        args = args.clone();
    }

    public long arg(int i) { return args[i]; }

    /** Display form used in traces, e.g. {@code alloc(p2)}; the program supplies argument names. */
    public String show(java.util.function.LongFunction<String>[] argNames) {
        if (args.length == 0) return name;
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(i < argNames.length && argNames[i] != null ? argNames[i].apply(args[i]) : Long.toString(args[i]));
        }
        return sb.append(')').toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof Op op && op.name.equals(name) && Arrays.equals(op.args, args);
    }

    @Override public int hashCode() { return name.hashCode() * 31 + Arrays.hashCode(args); }

    @Override public String toString() { return name + Arrays.toString(args); }
}
