package kmapcheck.adequacy;

import kmapcheck.cli.Manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Option checks shared by the coverage and mutate commands (unknown option or mechanism: bad input). */
final class Options {
    private Options() {}

    static void allow(Map<String, String> opts, String cmd, String... names) {
        Set<String> ok = Set.of(names);
        for (String k : opts.keySet())
            if (!ok.contains(k)) throw new BadInput("unknown option --" + k + " for '" + cmd + "' (see kmapcheck " + cmd + " --help)");
    }

    static int positiveInt(Map<String, String> opts, String name, int dflt) {
        String v = opts.get(name);
        if (v == null) return dflt;
        try {
            int x = Integer.parseInt(v);
            if (x >= 1) return x;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInput("--" + name + " needs a positive integer, got '" + v + "'");
    }

    /** The named mechanisms, or every mechanism with scenarios when none is named. */
    static List<String> mechanisms(Path root, List<String> named) throws IOException {
        List<String> known = new ArrayList<>();
        for (Manifest.Entry e : Manifest.load(root))
            if (e.tool() == Manifest.Tool.EXPLORER && !known.contains(e.mechanism())) known.add(e.mechanism());
        for (String m : named)
            if (!known.contains(m)) throw new BadInput("unknown mechanism '" + m + "' (known: " + String.join(", ", known) + ")");
        return named.isEmpty() ? known : named;
    }
}
