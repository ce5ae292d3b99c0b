package kmapcheck.report;

import kmapcheck.trace.Diff;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static kmapcheck.report.Html.esc;

/**
 * The machine state as tables: variables that are functions over the same keys (e.g. everything
 * indexed by thread) share one table with a row per key; functions of functions ({@code tlb[c][o]})
 * are grids; the rest (sets, counters, records) is a list. Cells changed by the step are highlighted,
 * with the old value beside the new one.
 */
final class StateHtml {
    private final Ctx ctx;
    private final ValueHtml vh;

    StateHtml(Ctx ctx) {
        this.ctx = ctx;
        this.vh = new ValueHtml(ctx);
    }

    /**
     * @param vars   the variables to show, in order
     * @param state  the state
     * @param prev   the state before the step, or null (nothing highlighted)
     */
    String render(List<String> vars, Trace.State state, Trace.State prev) {
        List<Diff.Change> changes = prev == null ? List.of() : Diff.between(vars, prev, state);
        // classify
        Map<String, List<String>> groups = new LinkedHashMap<>();   // key list -> vars (functions of scalars)
        List<Object> order = new ArrayList<>();                       // String var (grid/other) or group key
        List<String> others = new ArrayList<>();
        for (String var : vars) {
            Value v = state.get(var);
            if (v instanceof Value.Fn f && !f.map().isEmpty()) {
                if (isGrid(f)) {
                    order.add(new Grid(var));
                } else {
                    String key = keysOf(f);
                    if (!groups.containsKey(key)) order.add(new Group(key));
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(var);
                }
            } else {
                if (others.isEmpty()) order.add(new Others());
                others.add(var);
            }
        }
        StringBuilder sb = new StringBuilder("<div class=\"state\">");
        for (Object o : order) {
            if (o instanceof Grid g) grid(sb, g.var, (Value.Fn) state.get(g.var), prev, changes);
            else if (o instanceof Group g) group(sb, groups.get(g.key), state, prev, changes);
            else others(sb, others, state, prev, changes);
        }
        sb.append("</div>");
        return sb.toString();
    }

    private record Grid(String var) {}
    private record Group(String key) {}
    private record Others() {}

    private static boolean isGrid(Value.Fn f) {
        String keys = null;
        for (Value x : f.map().values()) {
            if (!(x instanceof Value.Fn inner) || inner.map().isEmpty()) return false;
            String k = keysOf(inner);
            if (keys != null && !keys.equals(k)) return false;
            keys = k;
        }
        return true;
    }

    private static String keysOf(Value.Fn f) {
        StringBuilder sb = new StringBuilder();
        for (Value k : f.map().keySet()) sb.append(k.toTla()).append('\u0000');
        return sb.toString();
    }

    private String keyLabel(List<Value> keys) {
        boolean threads = !keys.isEmpty(), cpus = !keys.isEmpty();
        for (Value k : keys) {
            String n = Ctx.name(k);
            threads &= ctx.isThread(n);
            cpus &= ctx.isCpu(n);
        }
        return threads ? "thread" : cpus ? "CPU" : "";
    }

    private void group(StringBuilder sb, List<String> vars, Trace.State s, Trace.State prev, List<Diff.Change> changes) {
        Value.Fn first = (Value.Fn) s.get(vars.get(0));
        List<Value> keys = new ArrayList<>(first.map().keySet());
        sb.append("<table class=\"st group\"><thead><tr><th class=\"corner\">").append(esc(keyLabel(keys))).append("</th>");
        for (String var : vars) sb.append(varHead(var));
        sb.append("</tr></thead><tbody>");
        for (Value k : keys) {
            sb.append("<tr><th class=\"key\">").append(vh.html(k, null)).append("</th>");
            for (String var : vars) {
                Value.Fn f = (Value.Fn) s.get(var);
                cell(sb, var, List.of(var, k.toTla()), f.get(k), prev, changes);
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
    }

    private void grid(StringBuilder sb, String var, Value.Fn f, Trace.State prev, List<Diff.Change> changes) {
        List<Value> rows = new ArrayList<>(f.map().keySet());
        List<Value> cols = new ArrayList<>(((Value.Fn) f.map().values().iterator().next()).map().keySet());
        sb.append("<table class=\"st grid\" data-var=\"").append(esc(var)).append("\"><caption>").append(varName(var))
                .append("</caption>");
        sb.append("<thead><tr><th class=\"corner\">").append(esc(keyLabel(rows))).append("</th>");
        for (Value c : cols) sb.append("<th>").append(vh.html(c, null)).append("</th>");
        sb.append("</tr></thead><tbody>");
        for (Value r : rows) {
            sb.append("<tr><th class=\"key\">").append(vh.html(r, null)).append("</th>");
            Value.Fn inner = (Value.Fn) f.get(r);
            for (Value c : cols) cell(sb, var, List.of(var, r.toTla(), c.toTla()), inner.get(c), prev, changes);
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
    }

    private void others(StringBuilder sb, List<String> vars, Trace.State s, Trace.State prev, List<Diff.Change> changes) {
        sb.append("<table class=\"st others\"><tbody>");
        for (String var : vars) {
            sb.append("<tr>").append(varHead(var).replace("<th ", "<th scope=\"row\" "));
            cell(sb, var, List.of(var), s.get(var), prev, changes);
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
    }

    private String varHead(String var) {
        return "<th class=\"var\"" + (ctx.varDoc(var) == null ? "" : " title=\"" + esc(ctx.varDoc(var)) + "\"") + ">"
                + esc(var) + "</th>";
    }

    private String varName(String var) {
        return "<span class=\"var\"" + (ctx.varDoc(var) == null ? "" : " title=\"" + esc(ctx.varDoc(var)) + "\"") + ">"
                + esc(var) + "</span>";
    }

    private void cell(StringBuilder sb, String var, List<String> path, Value v, Trace.State prev, List<Diff.Change> changes) {
        boolean changed = false;
        for (Diff.Change c : changes) if (prefix(path, c.path()) || prefix(c.path(), path)) { changed = true; break; }
        if (!changed) {
            sb.append("<td>").append(vh.html(v, var)).append("</td>");
            return;
        }
        Value old = prev == null ? null : at(prev.get(var), path);
        sb.append("<td class=\"changed\" data-loc=\"").append(esc(location(path))).append("\">")
                .append(vh.html(v, var)).append("<div class=\"was\">was ").append(esc(ValueHtml.text(old, var))).append("</div></td>");
    }

    static String location(List<String> path) {
        StringBuilder sb = new StringBuilder(path.get(0));
        for (int i = 1; i < path.size(); i++) sb.append('[').append(path.get(i)).append(']');
        return sb.toString();
    }

    private static boolean prefix(List<String> p, List<String> of) {
        if (p.size() > of.size()) return false;
        return of.subList(0, p.size()).equals(p);
    }

    /** The value at {@code path} (variable, then keys as printed by toTla) inside {@code v}. */
    static Value at(Value v, List<String> path) {
        Value cur = v;
        for (int i = 1; i < path.size() && cur != null; i++) {
            String k = path.get(i);
            if (cur instanceof Value.Fn f) {
                Value next = null;
                for (Map.Entry<Value, Value> e : f.map().entrySet()) if (e.getKey().toTla().equals(k)) next = e.getValue();
                cur = next;
            } else if (cur instanceof Value.Rec r) {
                cur = r.get(k);
            } else {
                cur = null;
            }
        }
        return cur;
    }
}
