package kmapcheck.trace;

import java.util.List;
import java.util.Map;

/**
 * Readable text rendering: per step the action, the thread/CPU, only the variables that changed,
 * and at the end the violated invariant (and the loop of a lasso). ANSI colour when asked for.
 */
public final class TraceText {
    private final boolean color;

    public TraceText(boolean color) { this.color = color; }

    /** Colour only when writing to a terminal and NO_COLOR is unset. */
    public static TraceText forStdout() {
        return new TraceText(System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM")));
    }

    public String render(Trace t) {
        StringBuilder sb = new StringBuilder();
        Trace.Violation v = t.violation();
        sb.append(bold(t.model())).append(" (").append(t.source()).append(") ");
        if (v == null) sb.append("behaviour of ").append(t.steps()).append(" steps\n");
        else sb.append(red(describe(v))).append(" after ").append(t.steps()).append(" steps\n");
        for (int i = 0; i < t.states().size(); i++) {
            Trace.State s = t.states().get(i);
            Trace.Action a = t.actions().get(i);
            boolean loopTarget = v != null && v.loopTo() != null && v.loopTo() == s.index();
            sb.append(String.format("%3d ", s.index()));
            sb.append(loopTarget ? yellow("@ ") : "  ");
            sb.append(bold(a.name()));
            String who = actor(a.actor());
            if (!who.isEmpty()) sb.append("  ").append(cyan(who));
            if (i > 0 && a.fileLine() != null) sb.append("  ").append(dim(a.fileLine()));
            if (a.stutter()) sb.append(dim("  (stutter: implementation-only step)"));
            sb.append('\n');
            if (a.kernel() != null) sb.append("        ").append(dim(a.kernel())).append('\n');
            for (String impl : a.impl()) sb.append("        ").append(dim("impl: " + impl)).append('\n');
            if (i == 0) {
                for (String var : t.vars()) {
                    Value x = s.get(var);
                    if (x != null) sb.append("        ").append(var).append(" = ").append(x.toTla()).append('\n');
                }
            } else {
                for (Diff.Change c : Diff.between(t.vars(), t.states().get(i - 1), s)) {
                    sb.append("        ").append(c.location()).append(": ")
                            .append(c.before() == null ? "-" : c.before().toTla()).append(" -> ")
                            .append(green(c.after() == null ? "-" : c.after().toTla())).append('\n');
                }
            }
        }
        if (v != null) {
            if (v.loopTo() != null)
                sb.append(yellow("    loop: the behaviour returns to state " + v.loopTo() + " and repeats forever")).append('\n');
            sb.append(red("    violated: " + v.property())).append(v.message() == null ? "" : " — " + v.message()).append('\n');
        }
        return sb.toString();
    }

    public static String describe(Trace.Violation v) {
        return switch (v.kind()) {
            case "invariant" -> "invariant " + v.property() + " violated";
            case "action" -> "action property " + v.property() + " violated";
            case "liveness" -> "liveness property " + v.property() + " violated";
            case "deadlock" -> "deadlock";
            default -> v.kind() + " " + v.property();
        };
    }

    private static String actor(Map<String, String> a) {
        String t = a.get("thread"), c = a.get("cpu");
        if (t != null && c != null) return t + "@" + c;
        if (t != null) return t;
        if (c != null) return "hw " + c;
        return "";
    }

    private String esc(String code, String s) { return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s; }
    private String bold(String s) { return esc("1", s); }
    private String red(String s) { return esc("31;1", s); }
    private String green(String s) { return esc("32", s); }
    private String yellow(String s) { return esc("33", s); }
    private String cyan(String s) { return esc("36", s); }
    private String dim(String s) { return esc("2", s); }

    static List<String> lines(String s) { return List.of(s.split("\n")); }
}
