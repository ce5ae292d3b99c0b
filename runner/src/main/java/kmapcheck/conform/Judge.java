package kmapcheck.conform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kmapcheck.explorer.conform.LongSet;
import kmapcheck.explorer.tla.SpecResolver;
import kmapcheck.trace.TlaValueParser;
import kmapcheck.trace.Value;
import tla2sany.semantic.OpDeclNode;
import tlc2.TLCGlobals;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.FP64;
import util.ToolIO;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * TLC's judgement of an explorer graph ({@link kmapcheck.explorer.conform.AbstractGraph}), run in a
 * child JVM (TLC keeps global state): {@code Judge SPEC_DIR MC_MODULE GRAPH_DIR exact|lower-bound}.
 * Loads the model with TLC's own classes (as TLC's model checker does) and decides, writing
 * {@code GRAPH_DIR/tlc.json}:
 * <ol type="a">
 *   <li>every INVARIANT of the cfg on every explorer state, against the explorer's Java verdict;</li>
 *   <li>every explorer step (src != dst) is a successor of src under some action of the spec's
 *       {@code Next} (TLC's {@code getNextStates}), and under which actions; the explorer's initial
 *       state is an initial state of the spec;</li>
 *   <li>the explorer's state set against the model's reachable set under TLC's successor function
 *       and CONSTRAINTs ({@code javaOnly}, {@code tlcOnly});</li>
 *   <li>the spec actions no explorer step takes.</li>
 * </ol>
 * States are matched by TLC fingerprint. The explorer's states are read in one stream; per state
 * only its fingerprint and its successors' fingerprints are kept. For (c), explorer states reached
 * from the initial state by spec steps inside the CONSTRAINTs are TLC-reachable; when that is all
 * of them and no TLC successor or initial state lies outside, the explorer's set is exactly TLC's
 * reachable set. Otherwise TLC's own breadth-first search from its initial states decides, except
 * that with {@code lower-bound} a pair whose TLC-only states are expected (a scripted scenario) is
 * reported with the TLC-only states found next to the explorer's (a lower bound, marked inexact).
 */
public final class Judge {
    static final int EXAMPLES = 3;

    private final FastTool tool;
    private final Path graph;
    private final ObjectMapper json = new ObjectMapper();

    private Judge(FastTool tool, Path graph) {
        this.tool = tool;
        this.graph = graph;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Judge SPEC_DIR MC_MODULE GRAPH_DIR exact|lower-bound");
            System.exit(2);
        }
        boolean exact = args[3].equals("exact");
        Path specDir = Path.of(args[0]).toAbsolutePath(), graph = Path.of(args[2]);
        ObjectNode out;
        try {
            FastTool tool = load(specDir, args[1]);
            out = new Judge(tool, graph).judge(exact);
        } catch (Refusal r) {
            out = new ObjectMapper().createObjectNode().put("error", r.getMessage());
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(graph.resolve("tlc.json").toFile(), out);
        System.exit(0);
    }

    /** The model as TLC's model checker loads it (fingerprints with polynomial 0, one worker). */
    static FastTool load(Path specDir, String module) {
        FP64.Init(0);
        TLCGlobals.setNumWorkers(1);
        PrintStream quiet = new PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        ToolIO.out = err;   // SANY's progress lines go to stderr, which the parent keeps for diagnostics
        ToolIO.err = err;
        String base = specDir.resolve(module).toString();
        FastTool tool;
        try {
            tool = new FastTool(specDir.toString(), base, base, new SpecResolver(specDir));
        } catch (RuntimeException e) {
            throw new Refusal(base + ".tla: TLC cannot load the model: " + e.getMessage());
        }
        ToolIO.out = quiet;
        String sym = tool.getModelConfig().getSymmetry(), view = tool.getModelConfig().getView();
        if ((sym != null && !sym.isEmpty()) || (view != null && !view.isEmpty()))
            throw new Refusal(base + ".cfg has " + (sym != null && !sym.isEmpty() ? "SYMMETRY" : "VIEW")
                    + ": conform compares states exactly; pair the scenario with a model without it");
        return tool;
    }

    static final class Refusal extends RuntimeException {
        Refusal(String m) { super(m); }
    }

    private ObjectNode judge(boolean exactTlcOnly) throws IOException {
        long t0 = System.nanoTime();
        ObjectNode out = json.createObjectNode();
        List<String> vars = Files.readAllLines(graph.resolve("vars.txt"));
        Set<String> tlcVars = new TreeSet<>();
        for (OpDeclNode v : TLCState.vars) tlcVars.add(v.getName().toString());
        if (!tlcVars.equals(new TreeSet<>(vars)))
            throw new Refusal("the explorer maps to variables " + new TreeSet<>(vars) + " but the spec has " + tlcVars);
        List<String> javaInvs = Files.readAllLines(graph.resolve("invariants.txt"));
        List<String> tlcInvs = List.of(tool.getInvNames());
        if (!javaInvs.equals(tlcInvs))
            throw new Refusal("the explorer checks invariants " + javaInvs + " but " + tool.getConfigFile() + " lists " + tlcInvs);
        if (tool.getModelConfig().getActionConstraints().size() > 0)
            throw new Refusal(tool.getConfigFile() + " has an ACTION_CONSTRAINT: not supported by conform");
        Action[] invs = tool.getInvariants();
        List<String> explorerActions = Files.readAllLines(graph.resolve("actions.txt"));

        // TLC's actions: the disjuncts of Next (and their existential instances), named by operator
        Action[] actions = tool.getActions();
        Map<String, Integer> actionId = new LinkedHashMap<>();
        int[] actionOf = new int[actions.length];
        for (int i = 0; i < actions.length; i++) actionOf[i] = actionId.computeIfAbsent(name(actions[i]), k -> actionId.size());
        List<String> tlcActionNames = new ArrayList<>(actionId.keySet());
        BitSet enabledActions = new BitSet();

        // one pass over the explorer's states: fingerprint, (a) invariants, TLC's successors
        List<Long> fpList = new ArrayList<>();
        Map<Long, Integer> indexOf = new HashMap<>();
        List<long[]> succFp = new ArrayList<>();
        List<int[]> succAct = new ArrayList<>();      // action id, | IN_MODEL if the successor satisfies the CONSTRAINTs
        BitSet inModel = new BitSet();
        int[] disagree = new int[invs.length];
        ArrayNode[] disagreeEx = new ArrayNode[invs.length];
        List<String> duplicates = new ArrayList<>();
        Map<Long, TLCState> frontierExamples = new LinkedHashMap<>();
        try (BufferedReader states = Files.newBufferedReader(graph.resolve("states.tla"));
             BufferedReader verdicts = Files.newBufferedReader(graph.resolve("verdicts.txt"))) {
            String line;
            while ((line = states.readLine()) != null) {
                int i = fpList.size();
                Set<String> javaViolated = new HashSet<>(Arrays.asList(verdicts.readLine().split(",")));
                TLCState s = TlcValues.toState(((Value.Rec) TlaValueParser.parse(line)).fields());
                long fp = s.fingerPrint();
                fpList.add(fp);
                Integer dup = indexOf.putIfAbsent(fp, i);
                if (dup != null && duplicates.size() < EXAMPLES) duplicates.add("states " + dup + " and " + i + " have one fingerprint");
                if (tool.isInModel(s)) inModel.set(i);
                for (int k = 0; k < invs.length; k++) {
                    String tlcVerdict;
                    try {
                        tlcVerdict = tool.isValid(invs[k], s) ? "holds" : "violated";
                    } catch (RuntimeException e) {
                        tlcVerdict = "error: " + oneLine(e.getMessage());
                    }
                    String javaVerdict = javaViolated.contains(tlcInvs.get(k)) ? "violated" : "holds";
                    if (!tlcVerdict.equals(javaVerdict) && disagree[k]++ < EXAMPLES) {
                        if (disagreeEx[k] == null) disagreeEx[k] = json.createArrayNode();
                        disagreeEx[k].addObject().put("state", i).put("java", javaVerdict).put("tlc", tlcVerdict).put("text", line);
                    }
                }
                List<Long> fs = new ArrayList<>();
                List<Integer> as = new ArrayList<>();
                for (int a = 0; a < actions.length; a++) {
                    StateVec next = tool.getNextStates(actions[a], s);
                    if (next.size() > 0) enabledActions.set(actionOf[a]);
                    for (int j = 0; j < next.size(); j++) {
                        TLCState t = next.elementAt(j);
                        long f = t.fingerPrint();
                        boolean in = tool.isInModel(t);
                        fs.add(f);
                        as.add(actionOf[a] | (in ? IN_MODEL : 0));
                        if (in && frontierExamples.size() < EXAMPLES && !frontierExamples.containsKey(f)) frontierExamples.put(f, t);
                    }
                }
                succFp.add(fs.stream().mapToLong(Long::longValue).toArray());
                succAct.add(as.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        int n = fpList.size();
        long[] fp = fpList.stream().mapToLong(Long::longValue).toArray();
        fpList = null;
        long tA = System.nanoTime();

        // (b) every explorer step is a TLC step from the same state
        Edges edges = Edges.read(graph.resolve("edges.txt"), n);
        StepCheck steps = new StepCheck(edges, fp, explorerActions, tlcActionNames);
        for (int i = 0; i < n; i++) steps.check(i, succFp.get(i), succAct.get(i));
        LongSet tlcInit = new LongSet();
        StateVec init = tool.getInitStates();
        List<TLCState> initStates = new ArrayList<>();
        for (int i = 0; i < init.size(); i++) {
            TLCState s = init.elementAt(i);
            if (tool.isInModel(s) && tlcInit.add(s.fingerPrint())) initStates.add(s);
        }
        boolean initOk = n > 0 && tlcInit.contains(fp[0]);
        if (n > 0 && !initOk) steps.notInit(readLines(Set.of(0)).get(0));

        // (c) TLC's reachable set. Explorer states reached from the explorer's initial state by spec
        // steps through states within the CONSTRAINTs are reachable in TLC (by induction); the TLC
        // successors of those states and TLC's initial states outside the explorer's set are
        // reachable TLC-only states. If all explorer states are so reached and there are no such
        // successors, the explorer's set is TLC's reachable set: its initial states are in it and it
        // is closed under Next. Otherwise TLC's own breadth-first search decides.
        BitSet reached = new BitSet(n);
        ArrayDeque<Integer> work = new ArrayDeque<>();
        if (initOk && inModel.get(0)) { reached.set(0); work.add(0); }
        while (!work.isEmpty()) {
            int i = work.poll();
            for (int k = edges.start()[i]; k < edges.start()[i + 1]; k++) {
                int d = edges.dst()[k];
                if (!reached.get(d) && inModel.get(d) && steps.isStep(i, d)) { reached.set(d); work.add(d); }
            }
        }
        LongSet frontier = new LongSet();
        tlcInit.forEach(f -> { if (!indexOf.containsKey(f)) frontier.add(f); });
        for (int i = reached.nextSetBit(0); i >= 0; i = reached.nextSetBit(i + 1)) {
            long[] fs = succFp.get(i);
            int[] as = succAct.get(i);
            for (int k = 0; k < fs.length; k++) if ((as[k] & IN_MODEL) != 0 && !indexOf.containsKey(fs[k])) frontier.add(fs[k]);
        }
        succFp = null;
        succAct = null;
        boolean allReached = reached.cardinality() == n;
        long tlcStates, tlcOnly;
        boolean exact;
        ArrayNode tlcOnlyEx = json.createArrayNode();
        BitSet javaInTlc;
        if (allReached && (frontier.size() == 0 || !exactTlcOnly)) {
            javaInTlc = reached;
            tlcOnly = frontier.size();
            tlcStates = n + tlcOnly;
            exact = frontier.size() == 0;
            for (TLCState t : initStates) if (!indexOf.containsKey(t.fingerPrint()) && tlcOnlyEx.size() < EXAMPLES) tlcOnlyEx.add(TlcValues.text(t));
            for (Map.Entry<Long, TLCState> e : frontierExamples.entrySet())
                if (!indexOf.containsKey(e.getKey()) && tlcOnlyEx.size() < EXAMPLES) tlcOnlyEx.add(TlcValues.text(e.getValue()));
        } else {
            javaInTlc = new BitSet(n);
            LongSet seen = new LongSet();
            ArrayDeque<TLCState> queue = new ArrayDeque<>(initStates);
            initStates.forEach(s -> seen.add(s.fingerPrint()));
            long only = 0;
            while (!queue.isEmpty()) {
                TLCState s = queue.poll();
                Integer j = indexOf.get(s.fingerPrint());
                if (j != null) javaInTlc.set(j);
                else if (only++ < EXAMPLES) tlcOnlyEx.add(TlcValues.text(s));
                for (Action a : actions) {
                    StateVec next = tool.getNextStates(a, s);
                    for (int k = 0; k < next.size(); k++) {
                        TLCState t = next.elementAt(k);
                        if (tool.isInModel(t) && seen.add(t.fingerPrint())) queue.add(t);
                    }
                }
            }
            tlcStates = seen.size();
            tlcOnly = only;
            exact = true;
        }
        long tC = System.nanoTime();
        Set<Integer> javaOnly = new TreeSet<>();
        for (int i = javaInTlc.nextClearBit(0); i < n; i = javaInTlc.nextClearBit(i + 1)) javaOnly.add(i);
        ArrayNode javaOnlyEx = json.createArrayNode();
        Set<Integer> want = new HashSet<>(steps.exampleStates());
        javaOnly.stream().limit(EXAMPLES).forEach(want::add);
        Map<Integer, String> exampleLines = readLines(want);
        javaOnly.stream().limit(EXAMPLES).forEach(i -> javaOnlyEx.add(exampleLines.get(i)));

        out.put("javaStates", n);
        out.put("tlcStates", tlcStates);
        out.put("tlcStatesExact", exact);
        out.put("javaOnly", javaOnly.size());
        out.put("tlcOnly", tlcOnly);
        out.set("javaOnlyExamples", javaOnlyEx);
        out.set("tlcOnlyExamples", tlcOnlyEx);
        out.put("tlcInitStates", tlcInit.size());
        out.put("tlcBreadthFirstSearch", !(allReached && (frontier.size() == 0 || !exactTlcOnly)));
        out.put("stepsChecked", edges.size());
        out.put("stepsNotInSpec", steps.notInSpec);
        out.set("stepsNotInSpecExamples", steps.notInSpecExamples(exampleLines, json));
        out.put("stepsMisnamed", steps.misnamed);
        out.set("stepsMisnamedExamples", steps.misnamedExamples(exampleLines, json));
        int total = 0;
        ObjectNode byInv = json.createObjectNode();
        for (int k = 0; k < invs.length; k++) {
            total += disagree[k];
            if (disagree[k] > 0) byInv.putObject(tlcInvs.get(k)).put("count", disagree[k]).set("examples", disagreeEx[k]);
        }
        out.put("invariantDisagreements", total);
        out.set("invariantDisagreementsBy", byInv);
        ArrayNode taken = json.createArrayNode(), never = json.createArrayNode(), neverEnabled = json.createArrayNode();
        for (int a = 0; a < tlcActionNames.size(); a++) {
            if (steps.taken.get(a)) taken.add(tlcActionNames.get(a));
            else never.add(tlcActionNames.get(a));
            if (!enabledActions.get(a)) neverEnabled.add(tlcActionNames.get(a));
        }
        out.set("actionsTaken", taken);
        out.set("actionsNeverTaken", never);
        out.set("actionsNotEnabledOnExplorerStates", neverEnabled);
        ArrayNode dups = json.createArrayNode();
        duplicates.forEach(dups::add);
        out.set("fingerprintCollisions", dups);
        out.put("millisStates", (tA - t0) / 1_000_000);
        out.put("millisReachable", (tC - tA) / 1_000_000);
        out.put("millisTotal", (System.nanoTime() - t0) / 1_000_000);
        Runtime rt = Runtime.getRuntime();
        out.put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) >> 20);
        return out;
    }

    static final int IN_MODEL = 1 << 30;

    /** The operator name of an action (TLC splits Next into its disjuncts and existential instances). */
    private static String name(Action a) {
        return a.getName() == null ? a.getLocation() : a.getName().toString();
    }

    /** Lines {@code wanted} of states.tla (one streaming pass). */
    private Map<Integer, String> readLines(Set<Integer> wanted) throws IOException {
        Map<Integer, String> out = new java.util.TreeMap<>();
        if (wanted.isEmpty()) return out;
        int max = java.util.Collections.max(wanted);
        try (BufferedReader r = Files.newBufferedReader(graph.resolve("states.tla"))) {
            String line;
            for (int i = 0; i <= max && (line = r.readLine()) != null; i++) if (wanted.contains(i)) out.put(i, line);
        }
        return out;
    }

    static String oneLine(String s) { return s == null ? "" : s.replace('\n', ' ').strip(); }

    /** The explorer's abstract steps: {@code src dst action} per line, grouped by source. */
    record Edges(int[] start, int[] dst, int[] act) {
        int size() { return dst.length; }

        static Edges read(Path file, int n) throws IOException {
            List<String> lines = Files.readAllLines(file);
            int m = lines.size();
            int[] src = new int[m], dst = new int[m], act = new int[m];
            int[] count = new int[n + 1];
            for (int i = 0; i < m; i++) {
                String[] f = lines.get(i).split(" ");
                src[i] = Integer.parseInt(f[0]);
                dst[i] = Integer.parseInt(f[1]);
                act[i] = Integer.parseInt(f[2]);
                count[src[i] + 1]++;
            }
            for (int i = 0; i < n; i++) count[i + 1] += count[i];
            int[] at = Arrays.copyOf(count, n + 1);
            int[] d = new int[m], a = new int[m];
            for (int i = 0; i < m; i++) {
                int k = at[src[i]]++;
                d[k] = dst[i];
                a[k] = act[i];
            }
            return new Edges(count, d, a);
        }
    }

    /** (b): each explorer step is a successor under some TLC action; which actions it refines. */
    static final class StepCheck {
        final Edges edges;
        final long[] fp;
        final List<String> explorerActions, tlcActions;
        final BitSet taken = new BitSet();
        final BitSet notStep;          // edge index -> not a spec step
        long notInSpec, misnamed;
        final List<int[]> notInSpecEx = new ArrayList<>(), misnamedEx = new ArrayList<>();
        final List<String> misnamedTlc = new ArrayList<>();
        String notInit;

        StepCheck(Edges edges, long[] fp, List<String> explorerActions, List<String> tlcActions) {
            this.edges = edges;
            this.fp = fp;
            this.explorerActions = explorerActions;
            this.tlcActions = tlcActions;
            this.notStep = new BitSet(edges.size());
        }

        void notInit(String text) {
            notInSpec++;
            notInit = text;
        }

        /** Judges the steps out of {@code src} against its TLC successors (fingerprint, action id). */
        void check(int src, long[] succFp, int[] succAct) {
            for (int k = edges.start()[src]; k < edges.start()[src + 1]; k++) {
                int dst = edges.dst()[k], act = edges.act()[k];
                BitSet by = new BitSet();
                for (int j = 0; j < succFp.length; j++) if (succFp[j] == fp[dst]) by.set(succAct[j] & ~IN_MODEL);
                if (by.isEmpty()) {
                    notStep.set(k);
                    if (notInSpec++ < EXAMPLES) notInSpecEx.add(new int[]{src, dst, act});
                    continue;
                }
                taken.or(by);
                String mine = act < 0 ? null : explorerActions.get(act);
                int named = mine == null ? -1 : tlcActions.indexOf(mine);
                if ((named < 0 || !by.get(named)) && misnamed++ < EXAMPLES) {
                    misnamedEx.add(new int[]{src, dst, act});
                    List<String> names = new ArrayList<>();
                    by.stream().forEach(x -> names.add(tlcActions.get(x)));
                    misnamedTlc.add(String.join(" or ", names));
                }
            }
        }

        /** The explorer step src -> dst is a spec step (after {@link #check}). */
        boolean isStep(int src, int dst) {
            for (int k = edges.start()[src]; k < edges.start()[src + 1]; k++) if (edges.dst()[k] == dst && !notStep.get(k)) return true;
            return false;
        }

        Set<Integer> exampleStates() {
            Set<Integer> s = new HashSet<>();
            for (int[] e : notInSpecEx) { s.add(e[0]); s.add(e[1]); }
            for (int[] e : misnamedEx) { s.add(e[0]); s.add(e[1]); }
            return s;
        }

        ArrayNode notInSpecExamples(Map<Integer, String> lines, ObjectMapper json) {
            ArrayNode a = json.createArrayNode();
            if (notInit != null) a.addObject().put("initial", notInit).put("why", "not an initial state of the spec");
            for (int[] e : notInSpecEx)
                a.addObject().put("explorerAction", e[2] < 0 ? "(stutter)" : explorerActions.get(e[2]))
                        .put("from", lines.get(e[0])).put("to", lines.get(e[1]));
            return a;
        }

        ArrayNode misnamedExamples(Map<Integer, String> lines, ObjectMapper json) {
            ArrayNode a = json.createArrayNode();
            for (int i = 0; i < misnamedEx.size(); i++) {
                int[] e = misnamedEx.get(i);
                a.addObject().put("explorerAction", e[2] < 0 ? "(stutter)" : explorerActions.get(e[2]))
                        .put("tlcActions", misnamedTlc.get(i)).put("from", lines.get(e[0])).put("to", lines.get(e[1]));
            }
            return a;
        }
    }
}
