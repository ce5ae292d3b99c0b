package kmapcheck.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which spec variables identify threads and CPUs, so a step's actor can be read off the state
 * change (TLC prints action names without parameters).
 *
 * @param threadsVar a variable that is a function with the thread set as domain (e.g. "pc")
 * @param cpuOfVar   a function Thread -> CPU (e.g. "tcpu"), or null
 * @param cpusVar    a variable that is a function with the CPU set as domain (e.g. "tlb"), or null
 */
public record Roles(String threadsVar, String cpuOfVar, String cpusVar) {

    public static final Roles NONE = new Roles(null, null, null);

    /** Infers {"thread": .., "cpu": ..} for the step from {@code before} to {@code after}. */
    public Map<String, String> actorOf(List<String> vars, Trace.State before, Trace.State after) {
        Map<String, String> actor = new LinkedHashMap<>();
        List<Value> threads = domain(after.get(threadsVar));
        List<Value> cpus = domain(after.get(cpusVar));
        List<String> changedThreads = new ArrayList<>();
        List<String> changedCpus = new ArrayList<>();
        for (Diff.Change c : Diff.between(vars, before, after)) {
            for (int i = 1; i < c.path().size(); i++) {
                String key = c.path().get(i);
                if (threads.stream().anyMatch(t -> t.toTla().equals(key)) && !changedThreads.contains(key)) changedThreads.add(key);
                if (cpus.stream().anyMatch(t -> t.toTla().equals(key)) && !changedCpus.contains(key)) changedCpus.add(key);
            }
        }
        if (!changedThreads.isEmpty()) {
            actor.put("thread", String.join(",", changedThreads));
            Value cpuOf = before.get(cpuOfVar);
            if (cpuOf instanceof Value.Fn f && changedThreads.size() == 1) {
                Value c = f.get(new Value.ModelValue(changedThreads.get(0)));
                if (c != null) actor.put("cpu", c.toTla());
            }
        } else if (!changedCpus.isEmpty()) {
            actor.put("cpu", String.join(",", changedCpus));
        }
        return actor;
    }

    private static List<Value> domain(Value v) {
        if (v instanceof Value.Fn f) return new ArrayList<>(f.map().keySet());
        return List.of();
    }
}
