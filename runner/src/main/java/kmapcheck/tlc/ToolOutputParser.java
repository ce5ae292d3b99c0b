package kmapcheck.tlc;

import kmapcheck.trace.TlaValueParser;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses TLC's {@code -tool} output: messages framed by {@code @!@!@STARTMSG code:level @!@!@} and
 * {@code @!@!@ENDMSG code @!@!@} (codes from tlc2.output.EC).
 */
public final class ToolOutputParser {
    static final int INVARIANT_VIOLATED_INITIAL = 2107, INVARIANT_VIOLATED_BEHAVIOR = 2110,
            ACTION_PROPERTY_VIOLATED = 2112, DEADLOCK = 2114, TEMPORAL_VIOLATED = 2116, BACK_TO_STATE = 2122,
            STATE_PRINT2 = 2217, STATE_PRINT3 = 2218, SEARCH_DEPTH = 2194, STATS = 2199, FINISHED = 2186,
            SUCCESS = 2193;

    private static final Pattern START = Pattern.compile("^@!@!@STARTMSG (\\d+):(\\d+) @!@!@$");
    private static final Pattern END = Pattern.compile("^@!@!@ENDMSG (\\d+) @!@!@$");
    private static final Pattern STATE_HEADER = Pattern.compile("^(\\d+): <(\\w+(?: predicate)?)(?: line (\\d+), col (\\d+) to line (\\d+), col (\\d+) of module (\\w+))?>$");
    private static final Pattern STATS_LINE = Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found");
    private static final Pattern DEPTH_LINE = Pattern.compile("depth of the complete state graph search is (\\d+)");
    private static final Pattern BACK_TO = Pattern.compile("^(\\d+): Back to state");

    /** One framed message. Level 1 = error class in TLC's tool mode. */
    public record Message(int code, int level, String body) {}

    public static List<Message> messages(String out) {
        List<Message> msgs = new ArrayList<>();
        int code = -1, level = 0;
        StringBuilder body = null;
        for (String line : out.split("\n", -1)) {
            Matcher s = START.matcher(line);
            if (s.matches()) {
                code = Integer.parseInt(s.group(1));
                level = Integer.parseInt(s.group(2));
                body = new StringBuilder();
                continue;
            }
            Matcher e = END.matcher(line);
            if (e.matches() && body != null) {
                msgs.add(new Message(code, level, body.toString().strip()));
                body = null;
                continue;
            }
            if (body != null) body.append(line).append('\n');
        }
        return msgs;
    }

    /** Builds the result from TLC's output and exit code; {@code varOrder} orders trace variables. */
    public static TlcResult parse(String model, String out, int exitCode, long millis, List<String> varOrder) {
        List<Message> msgs = messages(out);
        long distinct = -1, generated = -1;
        int depth = -1;
        String kind = null, property = null, error = null;
        List<Trace.State> states = new ArrayList<>();
        List<Trace.Action> actions = new ArrayList<>();
        Integer loopTo = null;
        List<String> vars = new ArrayList<>();
        for (Message m : msgs) {
            switch (m.code()) {
                case INVARIANT_VIOLATED_BEHAVIOR, INVARIANT_VIOLATED_INITIAL -> {
                    kind = "invariant";
                    property = between(m.body(), "Invariant ", " is violated");
                }
                case ACTION_PROPERTY_VIOLATED -> {
                    kind = "action";
                    property = between(m.body(), "Action property ", " is violated");
                }
                case DEADLOCK -> { kind = "deadlock"; property = "Deadlock"; }
                case TEMPORAL_VIOLATED -> kind = "liveness";
                case STATE_PRINT2 -> parseState(m.body(), states, actions, vars);
                case STATE_PRINT3 -> {
                    // "N: Stuttering": the behaviour stays in the last state forever
                    loopTo = states.isEmpty() ? null : states.get(states.size() - 1).index();
                }
                case BACK_TO_STATE -> {
                    Matcher b = BACK_TO.matcher(m.body());
                    if (b.find()) loopTo = Integer.parseInt(b.group(1));
                }
                case STATS -> {
                    Matcher x = STATS_LINE.matcher(m.body());
                    if (x.find()) {
                        generated = Long.parseLong(x.group(1).replace(",", ""));
                        distinct = Long.parseLong(x.group(2).replace(",", ""));
                    }
                }
                case SEARCH_DEPTH -> {
                    Matcher x = DEPTH_LINE.matcher(m.body());
                    if (x.find()) depth = Integer.parseInt(x.group(1));
                }
                default -> {
                    if (m.level() == 1 && kind == null && error == null && m.code() != 2121 && m.code() != 2264)
                        error = firstLines(m.body());
                }
            }
        }
        if (depth < 0 && !states.isEmpty()) depth = states.size();
        Trace trace = null;
        if (!states.isEmpty()) {
            List<String> ordered = order(vars, varOrder);
            trace = new Trace("tlc", model, ordered, states, actions,
                    kind == null ? null : new Trace.Violation(kind, property == null ? "?" : property, loopTo, null));
        }
        if (exitCode == 0 && kind == null)
            return new TlcResult(TlcResult.Outcome.PASS, null, null, 0, distinct, generated, depth, millis, null, null);
        if (kind != null && (exitCode == 11 || exitCode == 12 || exitCode == 13))
            return new TlcResult(TlcResult.Outcome.VIOLATION, kind, property, exitCode, distinct, generated, depth, millis, trace, null);
        String msg = error != null ? error : TlcResult.describeExit(exitCode);
        return new TlcResult(TlcResult.Outcome.ERROR, kind, property, exitCode, distinct, generated, depth, millis, trace,
                TlcResult.describeExit(exitCode) + ": " + msg);
    }

    private static List<String> order(List<String> seen, List<String> preferred) {
        List<String> out = new ArrayList<>();
        for (String v : preferred) if (seen.contains(v)) out.add(v);
        for (String v : seen) if (!out.contains(v)) out.add(v);
        return out;
    }

    private static void parseState(String body, List<Trace.State> states, List<Trace.Action> actions, List<String> vars) {
        String[] lines = body.split("\n");
        Matcher h = STATE_HEADER.matcher(lines[0].strip());
        if (!h.matches()) throw new IllegalArgumentException("unexpected TLC state header: " + lines[0]);
        int index = Integer.parseInt(h.group(1));
        String name = h.group(2).equals("Initial") ? "Init" : h.group(2);
        String location = h.group(3) == null ? null
                : "line " + h.group(3) + ", col " + h.group(4) + " to line " + h.group(5) + ", col " + h.group(6) + " of module " + h.group(7);
        if (lines[0].contains("<Initial predicate>")) { name = "Init"; location = null; }
        Map<String, Value> values = new LinkedHashMap<>();
        // "/\ var = value" entries; a value may span lines
        String var = null;
        StringBuilder val = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("/\\ ")) {
                if (var != null) values.put(var, TlaValueParser.parse(val.toString()));
                int eq = l.indexOf(" = ");
                var = l.substring(3, eq).strip();
                val = new StringBuilder(l.substring(eq + 3));
            } else if (var != null) {
                val.append(' ').append(l.strip());
            } else if (!l.isBlank()) {
                // single-variable specs print "var = value" without "/\"
                int eq = l.indexOf(" = ");
                if (eq > 0) { var = l.substring(0, eq).strip(); val = new StringBuilder(l.substring(eq + 3)); }
            }
        }
        if (var != null) values.put(var, TlaValueParser.parse(val.toString()));
        for (String v : values.keySet()) if (!vars.contains(v)) vars.add(v);
        states.add(new Trace.State(index, values));
        actions.add(new Trace.Action(index, name, location, Map.of(), false, null, List.of()));
    }

    private static String between(String s, String a, String b) {
        int i = s.indexOf(a), j = s.indexOf(b, Math.max(0, i));
        if (i < 0 || j < 0) return "?";
        return s.substring(i + a.length(), j).strip();
    }

    private static String firstLines(String s) {
        String[] l = s.strip().split("\n");
        String first = l[0];
        for (int i = 1; i < Math.min(l.length, 4); i++) first += " " + l[i].strip();
        return first.length() > 400 ? first.substring(0, 400) + "..." : first;
    }
}
