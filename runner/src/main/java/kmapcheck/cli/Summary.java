package kmapcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The summary table: one row per model/scenario with expected and actual verdicts and the figures. */
final class Summary {
    private Summary() {}

    private static final String FMT = "%-34s %-8s %-30s %-30s %10s %11s %6s %8s  %s";

    /** TOTAL: states generated (TLC) or transitions taken (explorer); DEPTH counts states, as TLC does. */
    static String header() {
        return String.format(FMT, "MODEL / SCENARIO", "TOOL", "EXPECTED", "ACTUAL", "DISTINCT", "TOTAL", "DEPTH", "TIME", "RESULT");
    }

    static String row(RunOutcome r) {
        return String.format(FMT, r.entry().id(), r.entry().tool().label(), cut(r.entry().expectedText(), 30), cut(r.actual(), 30),
                r.distinctStates() < 0 ? "-" : Long.toString(r.distinctStates()), r.transitions() <= 0 ? "-" : Long.toString(r.transitions()),
                r.depth() < 0 ? "-" : Integer.toString(r.depth()),
                String.format("%.1fs", r.seconds()), r.ok() ? "ok" : "MISMATCH" + (r.actual().length() > 30 ? ": " + r.actual() : ""));
    }

    static String footer(List<RunOutcome> rs) {
        long bad = rs.stream().filter(r -> !r.ok()).count();
        return rs.size() + " runs, " + (rs.size() - bad) + " as expected, " + bad + " mismatched";
    }

    static String table(List<RunOutcome> rs) {
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (RunOutcome r : rs) sb.append(row(r)).append('\n');
        return sb.append(footer(rs)).append('\n').toString();
    }

    static String json(List<RunOutcome> rs) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode arr = m.createArrayNode();
        for (RunOutcome r : rs) {
            ObjectNode o = arr.addObject();
            o.put("id", r.entry().id());
            o.put("tool", r.entry().tool().label());
            o.put("expected", r.entry().expectedText());
            o.put("actual", r.actual());
            o.put("ok", r.ok());
            o.put("distinctStates", r.distinctStates());
            o.put("totalStates", r.transitions());
            o.put("depth", r.depth());
            o.put("seconds", r.seconds());
            if (r.trace() != null) o.put("trace", "traces/" + r.entry().mechanism() + "/" + r.entry().name() + "." + r.entry().tool().label() + ".json");
        }
        return m.writeValueAsString(arr) + "\n";
    }

    private static String cut(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "…"; }
}
