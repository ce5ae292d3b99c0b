package kmapcheck.explorer.vmpage;

import kmapcheck.machine.Sort;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The symmetric sets of a vm_page program whose threads have fixed roles (Program.symmetricSets):
 * "Threads" when every thread has one role, else per role with two or more threads the role's
 * plural (e.g. "PmapHolders", Permutations({h1, h2}) in the spec), a subset of the threads.
 * Threads of different roles are never interchangeable (the spec's Role tells them apart).
 */
final class RoleSymmetry {
    private RoleSymmetry() {}

    static Map<String, Integer> sets(Enum<?>[] roles) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (Arrays.stream(roles).distinct().count() == 1) {
            out.put(Sort.THREADS, roles.length);
            return out;
        }
        for (Enum<?> r : Arrays.stream(roles).distinct().toList()) {
            int[] sub = threadsOf(roles, r);
            if (sub.length >= 2) out.put(r.name() + "s", sub.length);
        }
        return out;
    }

    /** The threads of the role whose plural is {@code set}, or null. */
    static int[] subset(Enum<?>[] roles, String set) {
        for (Enum<?> r : roles) if (set.equals(r.name() + "s")) return threadsOf(roles, r);
        return null;
    }

    private static int[] threadsOf(Enum<?>[] roles, Enum<?> r) {
        return IntStream.range(0, roles.length).filter(t -> roles[t] == r).toArray();
    }
}
