package kmapcheck.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A scripted thread program from a scenario, JPF test-driver style:
 * {@code thread.1.program = lwbuf_alloc(p1|p2); lwbuf_kva; access; lwbuf_free}.
 * Steps run in order; {@code a|b} in an argument is a nondeterministic choice (each alternative
 * is explored). The mechanism resolves a step's name and arguments to an {@link Op}.
 */
public final class Script {
    /** One step: op name and, per argument, its alternatives. */
    public record Step(String name, List<List<String>> args) {}

    private final List<Step> steps;

    private Script(List<Step> steps) { this.steps = List.copyOf(steps); }

    public List<Step> steps() { return steps; }

    public int size() { return steps.size(); }

    public static Script parse(String text, String where) {
        List<Step> out = new ArrayList<>();
        for (String raw : text.split(";")) {
            String s = raw.strip();
            if (s.isEmpty()) continue;
            int open = s.indexOf('(');
            String name = open < 0 ? s : s.substring(0, open).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*"))
                throw new Scenario.ScenarioException(where + ": bad step '" + s + "'");
            List<List<String>> args = new ArrayList<>();
            if (open >= 0) {
                if (!s.endsWith(")")) throw new Scenario.ScenarioException(where + ": missing ')' in '" + s + "'");
                String inner = s.substring(open + 1, s.length() - 1).strip();
                if (!inner.isEmpty())
                    for (String a : inner.split(",")) {
                        List<String> alts = new ArrayList<>();
                        for (String alt : a.split("\\|")) alts.add(alt.strip());
                        args.add(alts);
                    }
            }
            out.add(new Step(name, args));
        }
        if (out.isEmpty()) throw new Scenario.ScenarioException(where + ": empty program");
        return new Script(out);
    }

    /** Every op step {@code i} can start: the cross product of its arguments' alternatives. */
    public List<Op> ops(int i, Function<Step, Function<List<String>, Op>> resolve) {
        Step st = steps.get(i);
        Function<List<String>, Op> r = resolve.apply(st);
        List<List<String>> combos = new ArrayList<>();
        combos.add(List.of());
        for (List<String> alts : st.args()) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> c : combos)
                for (String a : alts) {
                    List<String> x = new ArrayList<>(c);
                    x.add(a);
                    next.add(x);
                }
            combos = next;
        }
        List<Op> ops = new ArrayList<>();
        for (List<String> c : combos) ops.add(r.apply(c));
        return ops;
    }
}
