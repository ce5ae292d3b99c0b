package kmapcheck.adequacy;

import kmapcheck.tlc.ToolOutputParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLC's {@code -coverage} statistics in {@code -tool} mode: after message 2201 ("The coverage
 * statistics at ...") one message 2772 per action of the next-state relation,
 * {@code <Name line L, col C to line L2, col C2 of module M>: distinct:generated}; 2773 is Init.
 * When TLC splits a definition into its disjuncts it appends the disjunct's location,
 * {@code <Name line L, ... of module M (L3 C3 L4 C4)>}: each disjunct is then its own action,
 * named {@code Name@L3} (its line), so a disjunct no model takes is not hidden by its siblings.
 * An action with 0 generated states was never enabled in that model.
 */
public final class SpecCoverage {
    static final int COVERAGE_START = 2201, COVERAGE_NEXT = 2772, COVERAGE_INIT = 2773;
    private static final Pattern ACTION = Pattern.compile(
            "^<(\\w+) line (\\d+), col \\d+ to line \\d+, col \\d+ of module (\\w+)(?: \\((\\d+) \\d+ \\d+ \\d+\\))?>: (\\d+):(\\d+)$");

    /** One action: {@code module!name} at {@code line}, with TLC's counts summed over models. */
    public record Action(String module, String name, int line, long distinct, long generated, List<String> takenIn) {
        public String id() { return module + "!" + name; }
        public boolean taken() { return generated > 0; }
    }

    private SpecCoverage() {}

    /** The actions of one TLC run (the last coverage report in its output); empty if it printed none. */
    public static List<Action> parse(String model, String toolOutput) {
        List<ToolOutputParser.Message> msgs = ToolOutputParser.messages(toolOutput);
        int start = -1;
        for (int i = 0; i < msgs.size(); i++) if (msgs.get(i).code() == COVERAGE_START) start = i;
        List<Action> out = new ArrayList<>();
        if (start < 0) return out;
        for (int i = start + 1; i < msgs.size(); i++) {
            ToolOutputParser.Message m = msgs.get(i);
            if (m.code() != COVERAGE_NEXT) continue;
            Matcher x = ACTION.matcher(m.body().strip());
            if (!x.matches()) throw new IllegalArgumentException("unexpected TLC coverage line: " + m.body());
            long generated = Long.parseLong(x.group(6));
            String disjunct = x.group(4);
            out.add(new Action(x.group(3), disjunct == null ? x.group(1) : x.group(1) + "@" + disjunct,
                    Integer.parseInt(disjunct == null ? x.group(2) : disjunct), Long.parseLong(x.group(5)),
                    generated, generated > 0 ? List.of(model) : List.of()));
        }
        return out;
    }

    /** Sums per action over several models (an action is taken if some model took it). */
    public static List<Action> merge(List<List<Action>> perModel) {
        Map<String, Action> acc = new LinkedHashMap<>();
        for (List<Action> as : perModel) {
            for (Action a : as) {
                Action o = acc.get(a.id());
                if (o == null) { acc.put(a.id(), a); continue; }
                List<String> in = new ArrayList<>(o.takenIn());
                in.addAll(a.takenIn());
                acc.put(a.id(), new Action(a.module(), a.name(), a.line(), o.distinct() + a.distinct(), o.generated() + a.generated(), in));
            }
        }
        return new ArrayList<>(acc.values());
    }
}
