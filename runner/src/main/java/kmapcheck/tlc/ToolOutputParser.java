package kmapcheck.tlc;

import kmapcheck.trace.TlaValueParser;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;

import java.nio.file.Path;
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
            STATE_PRINT2 = 2217, STATE_PRINT3 = 2218, SEARCH_DEPTH = 2194, STATS = 2199, PROGRESS = 2209, FINISHED = 2186,
            SUCCESS = 2193;

    private static final Pattern START = Pattern.compile("@!@!@STARTMSG (\\d+):(\\d+) @!@!@$");
    private static final Pattern END = Pattern.compile("^@!@!@ENDMSG (\\d+) @!@!@$");
    private static final Pattern STATE_HEADER = Pattern.compile("^(\\d+): <(\\w+(?: predicate)?)(?: line (\\d+), col (\\d+) to line (\\d+), col (\\d+) of module (\\w+))?>$");
    private static final Pattern STATS_LINE = Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found");
    /** Simulation (-simulate) counts no distinct states: its only figure is the last progress line's. */
    private static final Pattern SIMULATION_LINE = Pattern.compile("([\\d,]+) states generated, -1 distinct states found");
    private static final Pattern DEPTH_LINE = Pattern.compile("depth of the complete state graph search is (\\d+)");
    private static final Pattern BACK_TO = Pattern.compile("^(\\d+): Back to state");

    /** One framed message. Level 1 = error class in TLC's tool mode. */
    public record Message(int code, int level, String body) {}

    /**
     * The framed messages, in the order they end. A frame may open mid-line and inside another
     * (TLC prints a config error's message inside its exception message): frames nest.
     */
    public static List<Message> messages(String out) {
        List<Message> msgs = new ArrayList<>();
        java.util.ArrayDeque<Object[]> open = new java.util.ArrayDeque<>();   // {code, level, body}
        for (String line : out.split("\n", -1)) {
            Matcher s = START.matcher(line);
            if (s.find()) {
                if (!open.isEmpty() && s.start() > 0) ((StringBuilder) open.peek()[2]).append(line, 0, s.start()).append('\n');
                open.push(new Object[]{Integer.parseInt(s.group(1)), Integer.parseInt(s.group(2)), new StringBuilder()});
                continue;
            }
            Matcher e = END.matcher(line);
            if (e.matches() && !open.isEmpty()) {
                Object[] m = open.pop();
                msgs.add(new Message((Integer) m[0], (Integer) m[1], m[2].toString().strip()));
                continue;
            }
            if (!open.isEmpty()) ((StringBuilder) open.peek()[2]).append(line).append('\n');
        }
        return msgs;
    }

    /** Builds the result from TLC's output and exit code; {@code varOrder} orders trace variables. */
    public static TlcResult parse(String model, String out, int exitCode, long millis, List<String> varOrder) {
        return parse(model, out, exitCode, millis, varOrder, null, null);
    }

    /**
     * As {@link #parse(String, String, int, long, List)}; {@code dir} (the folder TLC ran in) and
     * {@code cfg} name the files of a parse or configuration error (null: bare module names).
     */
    public static TlcResult parse(String model, String out, int exitCode, long millis, List<String> varOrder, Path dir, Path cfg) {
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
                case PROGRESS -> {
                    Matcher x = SIMULATION_LINE.matcher(m.body());
                    if (x.find()) generated = Long.parseLong(x.group(1).replace(",", ""));
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
        String bad = badInput(out, msgs, exitCode, dir, cfg);
        if (bad != null)
            return new TlcResult(TlcResult.Outcome.BAD_INPUT, null, null, exitCode, distinct, generated, depth, millis, null, bad);
        boolean oom = msgs.stream().anyMatch(m -> m.code() == OUT_OF_MEMORY || m.code() == OUT_OF_MEMORY_INIT)
                || out.contains("java.lang.OutOfMemoryError");
        if (oom)
            return new TlcResult(TlcResult.Outcome.TOOL_FAILURE, kind, property, exitCode, distinct, generated, depth, millis, null,
                    "TLC ran out of memory (raise the heap with --heap)");
        if (TlcResult.signalOf(exitCode) != 0)
            return new TlcResult(TlcResult.Outcome.TOOL_FAILURE, kind, property, exitCode, distinct, generated, depth, millis, null,
                    "TLC " + TlcResult.describeExit(exitCode));
        if (error == null) error = unframedTail(out);
        String msg = TlcResult.describeExit(exitCode) + (error != null ? ": " + error : "");
        // 10 assumption, 14 assert, 75-77 evaluation: the spec ran and failed; anything else is TLC's own failure
        boolean specFailed = exitCode == 10 || exitCode == 14 || (exitCode >= 75 && exitCode <= 77);
        return new TlcResult(specFailed ? TlcResult.Outcome.ERROR : TlcResult.Outcome.TOOL_FAILURE, kind, property, exitCode,
                distinct, generated, depth, millis, trace, specFailed ? msg : "TLC failed (" + msg + ")");
    }

    static final int PARSING_FAILED = 3002, OUT_OF_MEMORY = 1001, OUT_OF_MEMORY_INIT = 1002;
    private static final Pattern PARSING_FILE = Pattern.compile("^Parsing file (.+)$");
    private static final Pattern AT_LINE_COL = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final Pattern SEMANTIC_AT = Pattern.compile("^line (\\d+), col (\\d+) to line \\d+, col \\d+ of module (\\w+)");
    private static final Pattern CFG_LINE = Pattern.compile("at line (\\d+)");

    /**
     * A parse/semantic error of a module ("File.tla:LINE:COL: what") or an error in the
     * configuration ("File.cfg:LINE: what"), or null. SANY prints these outside TLC's message frames.
     */
    static String badInput(String out, List<Message> msgs, int exitCode, Path dir, Path cfg) {
        boolean cfgError = msgs.stream().anyMatch(m -> isConfigCode(m.code()));
        if (!cfgError && exitCode != 150 && exitCode != 151 && msgs.stream().noneMatch(m -> m.code() == PARSING_FAILED)) return null;
        if (cfgError) {
            Message m = msgs.stream().filter(x -> isConfigCode(x.code())).findFirst().orElseThrow();
            String text = oneLine(m.body());
            Matcher l = CFG_LINE.matcher(text);
            int line = l.find() ? Integer.parseInt(l.group(1)) : cfgLineNaming(cfg, text);
            return (cfg == null ? "config" : show(cfg)) + (line > 0 ? ":" + line : "") + ": " + text;
        }
        String[] lines = out.split("\n");
        String file = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher pf = PARSING_FILE.matcher(lines[i]);
            if (pf.matches()) { file = pf.group(1).strip(); continue; }
            if (lines[i].startsWith("***Parse Error***") || lines[i].startsWith("Lexical error")) {
                String what = lines[i].startsWith("Lexical") ? lines[i] : next(lines, i);
                Matcher at = AT_LINE_COL.matcher(what);
                String where = file == null ? "?" : show(Path.of(file));
                return where + (at.find() ? ":" + at.group(1) + ":" + at.group(2) : "") + ": parse error: " + what.strip();
            }
            Matcher sem = SEMANTIC_AT.matcher(lines[i].strip());
            if (sem.find()) {
                String module = sem.group(3) + ".tla";
                Path f = dir == null ? Path.of(module) : dir.resolve(module);
                return show(f) + ":" + sem.group(1) + ":" + sem.group(2) + ": " + next(lines, i).strip();
            }
        }
        Message failed = msgs.stream().filter(m -> m.level() == 1).findFirst().orElse(null);
        return (cfg == null ? "spec" : show(cfg.resolveSibling(cfg.getFileName().toString().replaceAll("\\.cfg$", ".tla"))))
                + ": " + TlcResult.describeExit(exitCode) + (failed == null ? "" : ": " + oneLine(failed.body()));
    }

    /** The last two lines printed outside TLC's frames (e.g. the JVM's own "Too small maximum heap"), or null. */
    static String unframedTail(String out) {
        List<String> loose = new ArrayList<>();
        int depth = 0;
        for (String l : out.split("\n")) {
            if (START.matcher(l).find()) { depth++; continue; }
            if (END.matcher(l).matches()) { depth = Math.max(0, depth - 1); continue; }
            if (depth == 0 && !l.isBlank()) loose.add(l.strip());
        }
        if (loose.isEmpty()) return null;
        return String.join(" ", loose.subList(Math.max(0, loose.size() - 2), loose.size()));
    }

    private static boolean isConfigCode(int c) { return (c >= 2222 && c <= 2243) || c == 2280 || c == 2281 || (c >= 5001 && c <= 5006); }

    /** The first configuration line with a word the message names (e.g. an undefined invariant), or 0. */
    private static int cfgLineNaming(Path cfg, String text) {
        if (cfg == null) return 0;
        try {
            List<String> ls = java.nio.file.Files.readAllLines(cfg);
            for (int i = 0; i < ls.size(); i++)
                for (String w : ls.get(i).trim().split("[\\s=<-]+"))
                    if (w.matches("[A-Za-z_]\\w*") && !w.equals(w.toUpperCase()) && Pattern.compile("\\b" + w + "\\b").matcher(text).find())
                        return i + 1;
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }

    /** The next non-blank line after {@code i}. */
    private static String next(String[] lines, int i) {
        for (int j = i + 1; j < lines.length; j++) if (!lines[j].isBlank()) return lines[j];
        return "";
    }

    private static String oneLine(String s) { return s.strip().replaceAll("\\s*\n\\s*", " "); }

    /** A path relative to the working directory when it lies under it (shorter, clickable in terminals). */
    static String show(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
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
