package kmapcheck.report;

import kmapcheck.trace.Diff;
import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;
import kmapcheck.trace.TraceText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static kmapcheck.report.Html.esc;

/**
 * One counterexample page: a header with the verdict and the steps in one line, the violated
 * property with the values it reads, and the swimlane table (a column per CPU, one for hardware
 * agents, a row per step; the TLC and explorer traces side by side when both exist).
 */
final class TracePage {

    /** A trace shown on the page, with the row it came from and the link to its JSON. */
    record Side(Row row, String jsonHref) {
        Trace trace() { return row.trace(); }
    }

    private final String id;
    private final List<Row> rows;          // every row with this id (for the runs table)
    private final List<Side> sides;        // 1 or 2 traces, shown in the lanes table
    private final Ctx ctx;
    private final ValueHtml vh;
    private final StateHtml sh;
    private final List<Lane> lanes;
    private final List<Alignment.Pair> pairs;   // the display rows of the lanes table

    /** A swimlane. kind: cpu, thread, hw, other. */
    record Lane(String key, String kind, String name) {}

    TracePage(String id, List<Row> rows, List<Side> sides) {
        this.id = id;
        this.rows = rows;
        this.sides = sides;
        Map<String, String> kernelOf = new LinkedHashMap<>();
        Roles roles = Roles.NONE;
        for (Side s : sides) {
            s.row().kernelOf().forEach(kernelOf::putIfAbsent);
            if (roles.equals(Roles.NONE)) roles = s.row().roles();
        }
        for (Row r : rows) r.kernelOf().forEach(kernelOf::putIfAbsent);
        List<Trace> traces = new ArrayList<>();
        for (Side s : sides) traces.add(s.trace());
        this.ctx = new Ctx(traces, kernelOf, roles);
        this.vh = new ValueHtml(ctx);
        this.sh = new StateHtml(ctx);
        this.lanes = lanes();
        this.pairs = sides.size() > 1 ? Alignment.align(sides.get(0).trace(), sides.get(1).trace())
                : Alignment.single(sides.get(0).trace());
    }

    // ---- lanes ---------------------------------------------------------------------------------

    /**
     * The lanes: one per CPU that some step runs on, when every thread step has a CPU; one per
     * thread otherwise (a spec without a thread-to-CPU map, such as vm_page's: the TLC trace has no
     * CPU for its steps, so both sides are laid out by thread and line up); hardware steps in a
     * column of their own. No empty lanes.
     */
    private List<Lane> lanes() {
        byThread = false;
        for (Side s : sides)
            for (int i = 1; i < s.trace().actions().size(); i++)
                if (laneKey(s.trace(), i).startsWith("thread:")) byThread = true;
        Set<String> used = new LinkedHashSet<>();
        for (Side s : sides)
            for (int i = 1; i < s.trace().actions().size(); i++) used.add(laneKey(s.trace(), i));
        List<Lane> out = new ArrayList<>();
        for (String c : ctx.cpus) if (used.contains("cpu:" + c)) out.add(new Lane("cpu:" + c, "cpu", c));
        List<String> threadLanes = new ArrayList<>();
        for (String k : used) if (k.startsWith("thread:")) threadLanes.add(k);
        // in the spec's thread order (domain order), names not in it after
        threadLanes.sort(java.util.Comparator.comparingInt((String k) -> {
            int x = ctx.threads.indexOf(k.substring(7));
            return x < 0 ? Integer.MAX_VALUE : x;
        }).thenComparing(k -> k));
        for (String k : threadLanes) out.add(new Lane(k, "thread", k.substring(7)));
        if (used.contains("hw")) out.add(new Lane("hw", "hw", "hardware"));
        if (used.contains("other")) out.add(new Lane("other", "other", "other"));
        if (out.isEmpty()) out.add(new Lane("other", "other", "other"));
        return out;
    }

    /** Thread lanes for every thread step (set by {@link #lanes()}). */
    private boolean byThread;

    /** The lane of step i: its thread's CPU (or the thread, see {@link #lanes()}); hardware if no thread. */
    private String laneKey(Trace t, int i) {
        Map<String, String> a = ctx.actor(t, i);
        List<String> th = Ctx.split(a.get("thread")), cpu = Ctx.split(a.get("cpu"));
        if (!th.isEmpty()) {
            if (!byThread) {
                if (cpu.size() == 1) return "cpu:" + cpu.get(0);
                String c = cpuOf(t, i, th.get(0));
                if (c != null) return "cpu:" + c;
            }
            return "thread:" + String.join(",", th);
        }
        if (!cpu.isEmpty()) return "hw";
        return "other";
    }

    private String cpuOf(Trace t, int i, String thread) {
        if (ctx.roles.cpuOfVar() == null) return null;
        if (t.states().get(i - 1).get(ctx.roles.cpuOfVar()) instanceof kmapcheck.trace.Value.Fn f) {
            var v = f.get(new kmapcheck.trace.Value.ModelValue(thread));
            if (v != null) return Ctx.name(v);
        }
        return null;
    }

    // ---- page ----------------------------------------------------------------------------------

    String render(String cssHref, String indexHref) {
        Trace main = sides.get(0).trace();
        Trace.Violation v = main.violation();
        String verdict = v == null ? "behaviour of " + main.steps() + " steps" : TraceText.describe(v) + " after " + main.steps() + " steps";
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(id)).append(" — ").append(esc(verdict)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(esc(cssHref)).append("\">\n</head>\n<body class=\"trace-page\">\n");
        sb.append("<nav><a href=\"").append(esc(indexHref)).append("\">← all models and scenarios</a></nav>\n");
        header(sb, verdict);
        violation(sb);
        lanesTable(sb);
        glossary(sb);
        sb.append("<footer>Generated by kmapcheck. Static page: no scripts, no network. ")
                .append("Traces: <a href=\"").append(esc(indexHref.replace("index.html", "trace.schema.json")))
                .append("\">JSON schema</a>.</footer>\n</body></html>\n");
        return sb.toString();
    }

    private void header(StringBuilder sb, String verdict) {
        Trace main = sides.get(0).trace();
        boolean bad = main.violation() != null;
        sb.append("<header>\n<h1><span class=\"id\">").append(esc(id)).append("</span> <span class=\"verdict ")
                .append(bad ? "bad" : "neutral").append("\" id=\"verdict\">").append(esc(verdict)).append("</span></h1>\n");
        // the steps in one line
        sb.append("<ol class=\"story\" title=\"the steps of the ").append(esc(toolName(sides.get(0).row().tool())))
                .append(" trace\">");
        for (int i = 1; i < main.actions().size(); i++) {
            Trace.Action a = main.actions().get(i);
            if (a.stutter()) continue;
            sb.append("<li><span class=\"n\">").append(i).append("</span>").append(who(main, i)).append(" <b>")
                    .append(esc(a.name())).append("</b></li>");
        }
        if (main.violation() != null) {
            Trace.Violation v = main.violation();
            sb.append("<li class=\"end\">")
                    .append(v.loopTo() == null ? "⇒ "
                            : v.loopTo() >= main.states().size() ? "↻ stays there forever: "
                            : "↺ back to after step " + (v.loopTo() - 1) + ", forever: ")
                    .append(esc(v.property())).append(" ").append(esc(violatedWord(v))).append("</li>");
        }
        sb.append("</ol>\n");
        // the runs of this id
        sb.append("<table class=\"runs\"><thead><tr><th>tool</th><th>expected</th><th>actual</th><th>result</th>")
                .append("<th class=\"num\">distinct states</th><th class=\"num\">depth</th><th class=\"num\">time</th><th>trace</th></tr></thead><tbody>");
        for (Row r : rows) {
            String json = null;
            for (Side s : sides) if (s.row() == r) json = s.jsonHref();
            sb.append("<tr class=\"").append(r.ok() ? "ok" : "fail").append("\"><td>").append(esc(toolName(r.tool())))
                    .append("</td><td>").append(esc(r.expected())).append("</td><td>").append(esc(r.actual()))
                    .append("</td><td>").append(r.ok() ? "<span class=\"badge ok\">ok</span>" : "<span class=\"badge fail\">FAIL</span>")
                    .append("</td><td class=\"num\">").append(HtmlReport.count(r.distinctStates()))
                    .append("</td><td class=\"num\">").append(r.depth())
                    .append("</td><td class=\"num\">").append(HtmlReport.secs(r.seconds()))
                    .append("</td><td>");
            if (r.trace() != null) {
                sb.append(r.trace().steps()).append(" steps");
                if (json != null) sb.append(" · <a href=\"").append(esc(json)).append("\">JSON</a>");
            } else sb.append("—");
            sb.append("</td></tr>");
        }
        sb.append("</tbody></table>\n</header>\n");
    }

    static String toolName(String tool) {
        if ("tlc".equals(tool)) return "TLC (TLA+ spec)";
        if ("explorer".equals(tool)) return "explorer (Java implementation)";
        return tool == null ? "" : tool;
    }

    private static String violatedWord(Trace.Violation v) {
        return switch (v.kind()) {
            case "deadlock" -> "(no step possible)";
            case "error" -> "(error)";
            default -> "violated";
        };
    }

    /** "t1 on c0" / "TLB of c0" label of step i, HTML. */
    private String who(Trace t, int i) {
        Map<String, String> a = ctx.actor(t, i);
        List<String> th = Ctx.split(a.get("thread")), cpu = Ctx.split(a.get("cpu"));
        StringBuilder sb = new StringBuilder("<span class=\"who\">");
        if (!th.isEmpty()) {
            for (String x : th) sb.append(vh.thread(x));
            String c = cpu.size() == 1 ? cpu.get(0) : cpuOf(t, i, th.get(0));
            if (c != null) sb.append(" <span class=\"on\">on</span> ").append(vh.name(c));
        } else if (!cpu.isEmpty()) {
            sb.append("<span class=\"hwtag\">hw</span> ");
            for (String c : cpu) sb.append(vh.name(c));
        }
        return sb.append("</span>").toString();
    }

    // ---- the violation ---------------------------------------------------------------------------

    private void violation(StringBuilder sb) {
        Trace main = sides.get(0).trace();
        Trace.Violation v = main.violation();
        if (v == null) return;
        int last = main.states().size() - 1;
        sb.append("<section class=\"violation\" id=\"violation\" data-kind=\"").append(esc(v.kind())).append("\">\n<h2>What went wrong</h2>\n");
        sb.append("<p class=\"what\">");
        switch (v.kind()) {
            case "invariant" -> sb.append("The invariant <b class=\"prop\">").append(esc(v.property()))
                    .append("</b> does not hold in the state after step ").append(last).append('.');
            case "action" -> sb.append("Step ").append(last).append(" violates the action property <b class=\"prop\">")
                    .append(esc(v.property())).append("</b>.");
            case "liveness" -> sb.append("The liveness property <b class=\"prop\">").append(esc(v.property()))
                    .append("</b> fails: ").append(v.loopTo() == null ? "the behaviour below never satisfies it."
                            : v.loopTo() > last
                            ? "the behaviour can stay in the state after step " + last
                              + " forever (no further step needs to happen) without satisfying it."
                            : "the behaviour reaches a cycle (steps " + v.loopTo() + "–" + last
                              + ", then back to the state after step " + (v.loopTo() - 1)
                              + ") and can repeat it forever without satisfying it.");
            case "deadlock" -> sb.append("Deadlock: no step is possible in the state after step ").append(last).append('.');
            default -> sb.append(esc(v.kind())).append(": <b class=\"prop\">").append(esc(v.property())).append("</b>");
        }
        sb.append("</p>\n");
        if (v.message() != null && !v.message().isBlank())
            sb.append("<pre class=\"message\">").append(esc(v.message())).append("</pre>\n");
        String text = ctx.kernelOf.get("invariant:" + v.property());
        sb.append("<div class=\"inv-wrap\"><div class=\"inv\">");
        if (text != null) {
            sb.append("<h3>").append(esc(v.property())).append(", as the spec states it</h3>");
            List<String> prose = new ArrayList<>(), def = new ArrayList<>();
            boolean inDef = false;
            for (String l : text.split("\n")) {
                if (!inDef && l.matches("^" + Pattern.quote(v.property()) + "\\s*(\\(.*\\))?\\s*==.*")) inDef = true;
                (inDef ? def : prose).add(l);
            }
            if (!prose.isEmpty()) sb.append("<p class=\"inv-comment\">").append(esc(String.join(" ", prose))).append("</p>");
            if (!def.isEmpty()) {
                String ascii = String.join("\n", def);
                sb.append("<pre class=\"tla\" title=\"").append(esc(ascii)).append("\">").append(esc(Tla.pretty(ascii))).append("</pre>")
                        .append("<details class=\"ascii\"><summary>as written in the spec</summary><pre class=\"tla-ascii\">")
                        .append(esc(ascii)).append("</pre></details>");
            }
        } else {
            sb.append("<h3>").append(esc(v.property())).append("</h3><p class=\"muted\">The text of this property is not available.</p>");
        }
        List<String> reads = reads(main.vars(), text);
        StringBuilder docs = new StringBuilder();
        for (String var : reads)
            if (ctx.varDoc(var) != null)
                docs.append("<dt>").append(esc(var)).append("</dt><dd>").append(esc(ctx.varDoc(var))).append("</dd>");
        if (docs.length() > 0)
            sb.append("<h3>The variables ").append(text != null ? "it reads" : "").append("</h3><dl class=\"vardocs\">")
                    .append(docs).append("</dl>");
        sb.append("</div>\n<div class=\"reads\"><h3>")
                .append(text != null ? "Their values in the final state" : "The final state")
                .append(" <span class=\"muted\">(after step ").append(last).append("; highlighted: changed by that step)</span></h3>");
        Trace.State prev = last > 0 ? main.states().get(last - 1) : null;
        sb.append(sh.render(reads, main.states().get(last), prev));
        history(sb, main, reads);
        if (sides.size() > 1) {
            Trace other = sides.get(1).trace();
            Trace.State o = other.states().get(other.states().size() - 1);
            boolean same = true;
            for (String var : reads) same &= Objects.equals(o.get(var), main.states().get(last).get(var));
            if (same) sb.append("<p class=\"muted same\">The ").append(esc(toolName(sides.get(1).row().tool())))
                    .append(" trace ends with the same values.</p>");
            else {
                sb.append("<h3>In the ").append(esc(toolName(sides.get(1).row().tool()))).append(" trace</h3>");
                int ol = other.states().size() - 1;
                sb.append(sh.render(reads, o, ol > 0 ? other.states().get(ol - 1) : null));
            }
        }
        sb.append("</div></div>\n</section>\n");
    }

    /** How the values the property reads came about: each changed location, its values, the steps that set them. */
    private void history(StringBuilder sb, Trace t, List<String> vars) {
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        for (int i = 1; i < t.states().size(); i++)
            for (Diff.Change c : Diff.between(vars, t.states().get(i - 1), t.states().get(i))) {
                StringBuilder l = lines.computeIfAbsent(c.location(), k -> new StringBuilder()
                        .append("<span class=\"v\">").append(esc(ValueHtml.text(c.before(), c.variable()))).append("</span>"));
                l.append(" <span class=\"by\" title=\"").append(esc("set by step " + i + ": " + t.actions().get(i).name()
                                + actorText(ctx.actor(t, i)))).append("\">→<sub>").append(i).append("</sub></span> ")
                        .append("<span class=\"v\">").append(esc(ValueHtml.text(c.after(), c.variable()))).append("</span>");
            }
        if (lines.isEmpty()) return;
        sb.append("<h3 class=\"hist-h\">How these values came about <span class=\"muted\">(the step that set each value on its arrow)</span></h3><ul class=\"history\">");
        lines.forEach((loc, l) -> sb.append("<li><code class=\"loc\">").append(esc(loc)).append("</code> ").append(l).append("</li>"));
        sb.append("</ul>");
    }

    private static String actorText(Map<String, String> a) {
        String th = a.get("thread"), c = a.get("cpu");
        if (th != null && c != null) return " (" + th + " on " + c + ")";
        if (th != null) return " (" + th + ")";
        if (c != null) return " (hardware, " + c + ")";
        return "";
    }

    /** The variables the property's text mentions, or all of them when the text is unknown. */
    static List<String> reads(List<String> vars, String text) {
        if (text == null) return vars;
        Set<String> words = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(stripComments(text));
        while (m.find()) words.add(m.group());
        List<String> out = new ArrayList<>();
        for (String v : vars) if (words.contains(v)) out.add(v);
        return out.isEmpty() ? vars : out;
    }

    /** The definition part of an "invariant:" text (comment lines are prose and may mention variables in passing). */
    private static String stripComments(String text) {
        StringBuilder sb = new StringBuilder();
        boolean inDef = false;
        for (String l : text.split("\n")) {
            if (!inDef && l.matches("^[A-Za-z_][A-Za-z0-9_]*\\s*(\\(.*\\))?\\s*==.*")) inDef = true;
            if (inDef) sb.append(l.replaceAll("\\\\\\*.*", "")).append('\n');
        }
        return inDef ? sb.toString() : text;
    }

    // ---- the swimlanes ---------------------------------------------------------------------------

    /** Per side: where its lasso is drawn. phase 0 before the loop's head, 1 inside, 2 after its tail. */
    private static final class Loop {
        final Integer head;   // 0-based position of the step whose resulting state the loop returns to
        final int tail;       // the last step
        int phase;

        Loop(Trace t) {
            Trace.Violation v = t.violation();
            this.head = v == null || v.loopTo() == null ? null
                    : Math.max(0, Math.min(v.loopTo() - 1, t.states().size() - 1));
            this.tail = t.states().size() - 1;
        }

        boolean present() { return head != null; }
    }

    private void lanesTable(StringBuilder sb) {
        boolean two = sides.size() > 1;
        Loop[] loops = new Loop[sides.size()];
        for (int s = 0; s < sides.size(); s++) loops[s] = new Loop(sides.get(s).trace());

        sb.append("<section class=\"steps\" id=\"steps\">\n<h2>Step by step</h2>\n");
        boolean cpuLanes = lanes.stream().anyMatch(l -> l.kind().equals("cpu"));
        boolean threadLanes = lanes.stream().anyMatch(l -> l.kind().equals("thread"));
        sb.append("<p class=\"legend\">")
                .append(cpuLanes ? "One column per CPU: a thread’s step is in the column of the CPU it runs on, labelled with the thread"
                        : threadLanes ? "One column per thread" : "One row per step")
                .append(lanes.stream().anyMatch(l -> l.kind().equals("hw")) ? "; hardware events (TLB fills and evictions, IPIs) have a column of their own" : "")
                .append(". Under each step: the kernel function the step models, and the values it changed (")
                .append("<span class=\"old\">old</span> → <mark>new</mark>). “Machine state after step” opens the full state, ")
                .append("changed cells highlighted.");
        if (two) sb.append(" Left: ").append(esc(toolName(sides.get(0).row().tool()))).append("; right: ")
                .append(esc(toolName(sides.get(1).row().tool())))
                .append(". Steps with the same action are on the same row (= : both traces reach the same state); ")
                .append("<span class=\"stutter-tag\">greyed</span> rows are implementation-only steps that change no spec variable.");
        if (loops[0].present() || (two && loops[1].present()))
            sb.append(" The <span class=\"loopword\">↺ arrow</span> marks the cycle the behaviour repeats forever.");
        sb.append("</p>\n<div class=\"scroll\"><table class=\"lanes").append(two ? " two" : " one").append("\">\n<colgroup>");
        for (int s = 0; s < sides.size(); s++) {
            if (s == 1) sb.append("<col class=\"c-mid\">");
            if (loops[s].present()) sb.append("<col class=\"c-loop\">");
            sb.append("<col class=\"c-num\">");
            for (Lane l : lanes) sb.append("<col class=\"c-lane\">");
        }
        sb.append("</colgroup>\n<thead>");
        if (two) {
            sb.append("<tr class=\"sides\">");
            for (int s = 0; s < 2; s++) {
                if (s == 1) sb.append("<th class=\"mid\"></th>");
                sb.append("<th class=\"side side").append(s).append("\" colspan=\"").append(sideCols(loops[s]))
                        .append("\">").append(esc(toolName(sides.get(s).row().tool()))).append(" <span class=\"muted\">")
                        .append(sides.get(s).trace().steps()).append(" steps</span></th>");
            }
            sb.append("</tr>");
        }
        sb.append("<tr class=\"lane-heads\">");
        for (int s = 0; s < sides.size(); s++) {
            if (s == 1) sb.append("<th class=\"mid\"></th>");
            if (loops[s].present()) sb.append("<th class=\"loop\"></th>");
            sb.append("<th class=\"num\">step</th>");
            for (Lane l : lanes) laneHead(sb, l, sides.get(s).trace());
        }
        sb.append("</tr></thead>\n<tbody>\n");

        for (Alignment.Pair p : pairs) {
            Integer[] idx = {p.left(), p.right()};
            boolean stutterRow = false;
            for (int s = 0; s < sides.size(); s++)
                if (idx[s] != null && sides.get(s).trace().actions().get(idx[s]).stutter()) stutterRow = true;
            boolean init = (idx[0] != null && idx[0] == 0) || (two && idx[1] != null && idx[1] == 0);
            // the step row
            sb.append("<tr class=\"step").append(stutterRow ? " stutter" : "").append(p.aligned() && two ? " aligned" : "")
                    .append(init ? " init" : "").append("\">");
            for (int s = 0; s < sides.size(); s++) {
                if (s == 1) sb.append(midCell(p));
                stepCells(sb, s, idx[s], loops[s]);
            }
            sb.append("</tr>\n");
            // the state row
            sb.append("<tr class=\"staterow\">");
            for (int s = 0; s < sides.size(); s++) {
                if (s == 1) sb.append("<td class=\"mid\"></td>");
                // the initial and the final state are open; the others on demand
                boolean open = idx[s] != null && (idx[s] == 0 || idx[s] == sides.get(s).trace().states().size() - 1);
                stateCells(sb, s, idx[s], loops[s], open, two && s == 1 ? p : null);
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n</section>\n");
    }

    private int sideCols(Loop l) { return (l.present() ? 1 : 0) + 1 + lanes.size(); }

    private void laneHead(StringBuilder sb, Lane l, Trace t) {
        sb.append("<th class=\"lane-head k-").append(l.kind()).append("\" data-lane=\"").append(esc(l.key())).append("\">");
        switch (l.kind()) {
            case "cpu" -> {
                sb.append("CPU ").append(vh.name(l.name()));
                List<String> on = threadsStartingOn(t, l.name());
                if (!on.isEmpty()) {
                    sb.append("<div class=\"sub\">at start runs ");
                    for (String th : on) sb.append(vh.thread(th));
                    sb.append("</div>");
                }
            }
            case "thread" -> sb.append("thread ").append(vh.thread(l.name()));
            case "hw" -> sb.append("hardware<div class=\"sub\">TLB fills, evictions, IPIs</div>");
            default -> sb.append("other steps");
        }
        sb.append("</th>");
    }

    private List<String> threadsStartingOn(Trace t, String cpu) {
        List<String> out = new ArrayList<>();
        if (ctx.roles.cpuOfVar() != null && !t.states().isEmpty()
                && t.states().get(0).get(ctx.roles.cpuOfVar()) instanceof kmapcheck.trace.Value.Fn f)
            f.map().forEach((k, v) -> { if (Ctx.name(v).equals(cpu)) out.add(Ctx.name(k)); });
        return out;
    }

    private String midCell(Alignment.Pair p) {
        if (!p.aligned()) return "<td class=\"mid\"></td>";
        Trace a = sides.get(0).trace(), b = sides.get(1).trace();
        Trace.State sa = a.states().get(p.left()), sb = b.states().get(p.right());
        List<String> differ = new ArrayList<>();
        Set<String> vars = new LinkedHashSet<>(a.vars());
        vars.addAll(b.vars());
        for (String v : vars) if (!Objects.equals(sa.get(v), sb.get(v))) differ.add(v);
        if (differ.isEmpty()) return "<td class=\"mid same\" title=\"same action; both traces reach the same state\">=</td>";
        return "<td class=\"mid differ\" title=\"" + esc("same action; the states differ in " + String.join(", ", differ))
                + "\">≠</td>";
    }

    private void stepCells(StringBuilder sb, int s, Integer i, Loop loop) {
        Trace t = sides.get(s).trace();
        if (loop.present()) sb.append(loopCell(loop, i, true, t));
        if (i == null) {
            sb.append("<td class=\"num gap\"></td>");
            for (Lane l : lanes) sb.append("<td class=\"lane gap\"></td>");
            return;
        }
        Trace.Action a = t.actions().get(i);
        boolean cyc = loop.present() && i > loop.head && i <= loop.tail;
        if (i == 0) {
            sb.append("<td class=\"num\">start</td><td class=\"lane initcell\" colspan=\"").append(lanes.size()).append("\">")
                    .append("<b>Initial state</b>");
            List<String> placement = new ArrayList<>();
            for (String th : ctx.threads) {
                String c = cpuOf(t, 1, th);
                if (c != null) placement.add(vh.thread(th) + " on " + vh.name(c));
            }
            if (!placement.isEmpty()) sb.append(" <span class=\"muted\">— threads: ").append(String.join(", ", placement)).append("</span>");
            sb.append("</td>");
            return;
        }
        sb.append("<td class=\"num").append(cyc ? " cyc" : "").append("\" title=\"state ").append(i + 1)
                .append(" in TLC's numbering\">").append(i).append("</td>");
        String key = laneKey(t, i);
        for (Lane l : lanes) {
            if (!l.key().equals(key)) {
                sb.append("<td class=\"lane").append(cyc ? " cyc" : "").append("\"></td>");
                continue;
            }
            sb.append("<td class=\"lane act k-").append(l.kind()).append(cyc ? " cyc" : "").append("\">");
            stepBox(sb, s, t, i, a);
            sb.append("</td>");
        }
    }

    private void stepBox(StringBuilder sb, int s, Trace t, int i, Trace.Action a) {
        List<String> th = Ctx.split(ctx.actor(t, i).get("thread"));
        sb.append("<div class=\"box").append(a.stutter() ? " stutter" : "")
                .append(th.isEmpty() ? "" : " by-th" + ctx.colourOf(th.get(0)))
                .append("\" id=\"s").append(s).append('-').append(i).append("\">");
        sb.append("<div class=\"head\">").append(who(t, i)).append(" <b class=\"action\">").append(esc(a.name())).append("</b>");
        if (a.location() != null) sb.append(" <span class=\"srcloc\" title=\"").append(esc(a.location())).append("\">")
                .append(esc(a.fileLine())).append("</span>");
        sb.append("</div>");
        // the kernel function (once per aligned row: the right side of an aligned pair repeats the left's)
        String k = ctx.kernel(a);
        if (k != null && !(s == 1 && sides.size() > 1 && alignedWithSameName(t, i)))
            sb.append(kernelHtml(k));
        if (a.stutter()) sb.append("<div class=\"muted\">implementation-only step: no spec variable changes</div>");
        List<Diff.Change> changes = Diff.between(t.vars(), t.states().get(i - 1), t.states().get(i));
        if (!changes.isEmpty()) {
            sb.append("<ul class=\"chg\">");
            for (Diff.Change c : changes) {
                sb.append("<li data-loc=\"").append(esc(c.location())).append("\"><code class=\"loc\">").append(esc(c.location()))
                        .append("</code> <span class=\"old\">").append(esc(ValueHtml.text(c.before(), c.variable())))
                        .append("</span> → <mark>").append(vh.html(c.after(), c.variable())).append("</mark></li>");
            }
            sb.append("</ul>");
        }
        if (!a.impl().isEmpty()) {
            sb.append("<details class=\"impl\"><summary>").append(a.impl().size())
                    .append(a.impl().size() == 1 ? " implementation step" : " implementation steps")
                    .append(a.impl().size() > 1 ? ": <code>" + esc(a.impl().get(0)) + "</code>, …" : "")
                    .append("</summary><ol>");
            for (String x : a.impl()) sb.append("<li>").append(esc(x)).append("</li>");
            sb.append("</ol></details>");
        }
        Loop l = new Loop(t);
        if (l.present() && i == l.tail && l.head == l.tail)
            sb.append("<div class=\"loopnote\">↻ after this step the system can stay in this state forever</div>");
        else if (l.present() && i == l.tail)
            sb.append("<div class=\"loopnote\">↺ after this step the system is back in the state after step ")
                    .append(l.head).append(l.head == 0 ? " (the initial state)" : "").append(", and steps ")
                    .append(l.head + 1).append("–").append(l.tail).append(" repeat forever</div>");
        sb.append("</div>");
    }

    /** True if step i of the right trace sits on an aligned row (same action name as the left). */
    private boolean alignedWithSameName(Trace right, int i) {
        if (sides.size() < 2 || sides.get(1).trace() != right) return false;
        for (Alignment.Pair p : pairs)
            if (p.right() != null && p.right() == i) return p.aligned();
        return false;
    }

    private static final Pattern FN = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*\\([^)]*\\))\\s*:?\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern NAME_COLON = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*(.*)$", Pattern.DOTALL);

    /**
     * The kernel function text: its leading "function(args)" as a heading, the rest as a note.
     * Ruler dashes of section comments ({@code \\* ---- busy lock ----}) are layout, not text.
     */
    static String kernelHtml(String k) {
        String flat = k.replaceAll("\\s*\n\\s*", " ").replaceAll("\\s*[-=]{4,}\\s*", " ").strip();
        Matcher m = FN.matcher(flat);
        if (!m.matches()) m = NAME_COLON.matcher(flat);
        StringBuilder sb = new StringBuilder("<div class=\"kernel\" title=\"").append(esc(flat)).append("\">");
        if (m.matches()) {
            sb.append("<code class=\"fn\">").append(esc(m.group(1))).append("</code>");
            if (!m.group(2).isBlank()) sb.append(" ").append(esc(m.group(2)));
        } else {
            sb.append(esc(flat));
        }
        return sb.append("</div>").toString();
    }

    private void stateCells(StringBuilder sb, int s, Integer i, Loop loop, boolean open, Alignment.Pair pair) {
        Trace t = sides.get(s).trace();
        if (loop.present()) sb.append(loopCell(loop, i, false, t));
        if (i == null) {
            sb.append("<td class=\"gap\" colspan=\"").append(1 + lanes.size()).append("\"></td>");
            return;
        }
        sb.append("<td class=\"statecell\" colspan=\"").append(1 + lanes.size()).append("\">");
        if (pair != null && pair.aligned()
                && Objects.equals(sides.get(0).trace().states().get(pair.left()).values(), t.states().get(i).values())) {
            sb.append("<div class=\"muted samestate\">machine state after step ").append(i)
                    .append(": the same as on the left</div></td>");
            return;
        }
        sb.append("<details class=\"statebox\"").append(open ? " open" : "").append("><summary>")
                .append(i == 0 ? "machine state at the start" : "machine state after step " + i);
        if (i > 0) {
            int n = Diff.between(t.vars(), t.states().get(i - 1), t.states().get(i)).size();
            sb.append(" <span class=\"muted\">(").append(n == 0 ? "unchanged" : n + (n == 1 ? " change" : " changes")).append(")</span>");
        }
        sb.append("</summary>").append(sh.render(t.vars(), t.states().get(i), i == 0 ? null : t.states().get(i - 1)))
                .append("</details></td>");
    }

    // ---- the lasso (SVG pieces in a column of their own) ------------------------------------------

    private static final String V_FULL = "<svg class=\"lp lp-full\" aria-hidden=\"true\" preserveAspectRatio=\"none\"><line x1=\"10\" y1=\"0\" x2=\"10\" y2=\"100%\"/></svg>";

    private String loopCell(Loop l, Integer i, boolean stepRow, Trace t) {
        String piece = "";
        String title = "";
        if (stepRow) {
            if (i != null && i == l.tail && l.head < l.tail) {
                piece = "<svg class=\"lp lp-uptomid\" aria-hidden=\"true\" preserveAspectRatio=\"none\"><line x1=\"10\" y1=\"0\" x2=\"10\" y2=\"100%\"/></svg>"
                        + "<svg class=\"lp lp-tail\" width=\"28\" height=\"14\" viewBox=\"0 0 28 14\" aria-hidden=\"true\"><path d=\"M10 0 V3 Q10 7 14 7 H28\"/></svg>";
                title = "the cycle closes here: back to the state after step " + l.head;
                l.phase = 2;
            } else if (l.phase == 1) {
                piece = V_FULL;
            }
        } else {
            if (i != null && i.equals(l.head) && l.phase == 0) {
                if (l.head < l.tail) {
                    piece = "<svg class=\"lp lp-head\" width=\"28\" height=\"24\" viewBox=\"0 0 28 24\" role=\"img\" aria-label=\"loop back-arrow\">"
                            + "<path d=\"M10 24 V16 Q10 12 14 12 H21\"/><polygon points=\"20,7 28,12 20,17\"/></svg>"
                            + "<svg class=\"lp lp-down\" aria-hidden=\"true\" preserveAspectRatio=\"none\"><line x1=\"10\" y1=\"0\" x2=\"10\" y2=\"100%\"/></svg>";
                    title = "the behaviour returns to this state after step " + l.tail;
                    l.phase = 1;
                } else {
                    piece = "<svg class=\"lp lp-self\" width=\"28\" height=\"24\" viewBox=\"0 0 28 24\" role=\"img\" aria-label=\"loop back-arrow\">"
                            + "<path d=\"M14 4 A8 8 0 1 1 6 12\"/><polygon points=\"2,8 6,14 10,8\"/></svg>";
                    title = "the behaviour stays in this state forever";
                    l.phase = 2;
                }
            } else if (l.phase == 1) {
                piece = V_FULL;
            }
        }
        return "<td class=\"loop\"" + (title.isEmpty() ? "" : " title=\"" + esc(title) + "\"") + ">" + piece + "</td>";
    }

    // ---- glossary ----------------------------------------------------------------------------------

    private void glossary(StringBuilder sb) {
        StringBuilder vars = new StringBuilder(), acts = new StringBuilder();
        for (String v : sides.get(0).trace().vars()) {
            String d = ctx.varDoc(v);
            vars.append("<dt>").append(esc(v)).append("</dt><dd>").append(d == null ? "<span class=\"muted\">—</span>" : esc(d)).append("</dd>");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Side s : sides)
            for (Trace.Action a : s.trace().actions()) {
                if (a.index() == 1 && "Init".equals(a.name()) || !seen.add(a.name())) continue;
                String k = ctx.kernel(a);
                acts.append("<dt>").append(esc(a.name())).append("</dt><dd>")
                        .append(k == null ? "<span class=\"muted\">" + (a.stutter() ? "implementation-only step" : "—") + "</span>" : esc(k.replaceAll("\\s*\n\\s*", " ")))
                        .append("</dd>");
            }
        sb.append("<section class=\"glossary\" id=\"glossary\"><h2>What the names mean</h2><div class=\"cols\">")
                .append("<div><h3>Variables (kernel state)</h3><dl>").append(vars).append("</dl></div>")
                .append("<div><h3>Actions (kernel functions and hardware events)</h3><dl>").append(acts).append("</dl></div>")
                .append("</div></section>\n");
    }
}
