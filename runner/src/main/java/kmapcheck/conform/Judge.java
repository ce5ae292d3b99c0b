package kmapcheck.conform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Explorer;
import kmapcheck.explorer.Scenario;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.explorer.conform.AbstractGraph;
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
 * TLC's judgement of an explorer graph ({@link AbstractGraph}), run in a child JVM (TLC keeps global
 * state; see {@link #USAGE}). Loads the model with TLC's own classes (as TLC's model checker does),
 * explores the scenario within the model's CONSTRAINTs, and decides, writing {@code GRAPH_DIR/tlc.json}:
 * <ol type="a">
 *   <li>every INVARIANT of the cfg on every explorer state, against the explorer's Java verdict;</li>
 *   <li>every explorer step (src != dst) is a successor of src under some action of the spec's
 *       {@code Next} (TLC's {@code getNextStates}), and under which actions; the explorer's initial
 *       state is an initial state of the spec;</li>
 *   <li>the explorer's state set against the model's reachable set under TLC's successor function
 *       and CONSTRAINTs ({@code javaOnly}, {@code tlcOnly});</li>
 *   <li>the spec actions no explorer step takes.</li>
 * </ol>
 * States are matched by TLC fingerprint; with the cfg's SYMMETRY, by symmetry class (TLC's fingerprint
 * of a state is then its class's), and the explorer's graph holds its own representatives
 * ({@code search.symmetry}, the same sets): a representative is still a spec state. The explorer's states are read in one stream; per state
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

    static final String USAGE = """
            usage: Judge conform JPF_FILE SCENARIO_ID SPEC_DIR MC_MODULE GRAPH_DIR exact|lower-bound MAX_TLC_STATES
                   Judge graph SPEC_DIR MC_MODULE GRAPH_DIR exact|lower-bound MAX_TLC_STATES
                   Judge roundtrip SPEC_DIR MC_MODULE LIMIT OUT_JSON""";

    /**
     * {@code conform}: explores the scenario (within the model's CONSTRAINTs, which TLC decides),
     * writes the graph to GRAPH_DIR and judges it; {@code graph}: judges a graph already written;
     * {@code roundtrip}: {@link #roundTrip}. The result is GRAPH_DIR/tlc.json (OUT_JSON).
     */
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String mode = args.length > 0 ? args[0] : "";
        if (mode.equals("roundtrip") && args.length == 5) {
            FastTool tool = load(Path.of(args[1]).toAbsolutePath(), args[2]);
            json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[4]).toFile(), roundTrip(tool, Integer.parseInt(args[3])));
            System.exit(0);
        }
        int at = mode.equals("conform") ? 3 : 1;
        if (!(mode.equals("conform") && args.length == 8) && !(mode.equals("graph") && args.length == 6)) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path specDir = Path.of(args[at]).toAbsolutePath(), graph = Path.of(args[at + 2]);
        String module = args[at + 1];
        boolean exact = args[at + 3].equals("exact");
        long maxTlcStates = Long.parseLong(args[at + 4]);
        ObjectNode out = json.createObjectNode();
        try {
            FastTool tool = load(specDir, module);
            if (mode.equals("conform")) {
                ObjectNode e = out.putObject("explorer");
                AbstractGraph.Summary g = explore(tool, Path.of(args[1]), args[2], specDir, module, graph, e);
                e.put("javaStates", g.javaStates()).put("concreteStates", g.concreteStates()).put("transitions", g.transitions())
                        .put("stutters", g.stutters()).put("panics", g.panics()).put("outOfModel", g.outOfModel())
                        .put("deadlocks", g.deadlocks()).put("javaViolatedStates", g.javaViolated())
                        .put("maxDepth", g.maxDepth()).put("millis", g.millis()).put("peakHeapMb", heapPeakMb());
                if (!g.complete()) e.put("bound", g.bound());
                if (!g.complete()) {
                    json.writerWithDefaultPrettyPrinter().writeValue(graph.resolve("tlc.json").toFile(), out);
                    System.exit(0);
                }
            }
            out.setAll(new Judge(tool, graph).judge(exact, maxTlcStates));
        } catch (Refusal r) {
            out.put("error", r.getMessage());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(graph.resolve("tlc.json").toFile(), out);
        System.exit(0);
    }

    /**
     * The scenario's graph, explored in this JVM so that TLC decides the model's CONSTRAINTs on
     * every new mapped state (a state outside them is not followed, as in TLC's model checker).
     * {@code facts} gets the checks of the verdict search this graph search does not make: the
     * mapping's action properties and liveness properties (their numbers).
     */
    static AbstractGraph.Summary explore(FastTool tool, Path jpf, String id, Path specDir, String module, Path graph,
                                         ObjectNode facts) throws IOException {
        Scenario s;
        Explorer ex;
        try {
            s = Scenario.load(id, jpf, specDir, module);
            ex = Explore.explorer(s);
        } catch (Scenario.ScenarioException e) {
            throw new Refusal(e.getMessage());
        }
        facts.put("actionProperties", ex.mapping().actionProperties().size()).put("livenessProperties", ex.mapping().liveness().size());
        boolean constrained = tool.getModelConfig().getConstraints().size() > 0;
        resetHeapPeaks();
        return AbstractGraph.build(ex, s.explorerConfig(), graph,
                constrained ? m -> tool.isInModel(TlcValues.toState(m)) : m -> true);
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (var p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == java.lang.management.MemoryType.HEAP) p.resetPeakUsage();
    }

    /** Peak heap use since {@link #resetHeapPeaks} (sum of the pools' peaks: an upper bound). */
    private static long heapPeakMb() {
        long sum = 0;
        for (var p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == java.lang.management.MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum >> 20;
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
        String view = tool.getModelConfig().getView();
        if (view != null && !view.isEmpty())
            throw new Refusal(base + ".cfg has VIEW: conform compares states exactly; pair the scenario with a model without it");
        // With SYMMETRY, TLC's fingerprint of a state is its symmetry class's (TLCStateMut: the least
        // over the group the cfg's permutations generate), so every comparison below is by class.
        return tool;
    }

    /**
     * Self-check of the conversion ({@code Judge roundtrip SPEC_DIR MODULE LIMIT OUT}): up to
     * {@code limit} states TLC reaches (breadth-first), each printed as the explorer prints states,
     * parsed and converted back, must have the fingerprint TLC computed for it.
     */
    static ObjectNode roundTrip(FastTool tool, int limit) {
        ObjectNode out = new ObjectMapper().createObjectNode();
        LongSet seen = new LongSet();
        ArrayDeque<TLCState> queue = new ArrayDeque<>();
        StateVec init = tool.getInitStates();
        for (int i = 0; i < init.size(); i++) if (seen.add(init.elementAt(i).fingerPrint())) queue.add(init.elementAt(i));
        int checked = 0, mismatches = 0;
        while (!queue.isEmpty() && checked < limit) {
            TLCState s = queue.poll();
            checked++;
            String text = TlcValues.text(s);
            long back = TlcValues.toState(((Value.Rec) TlaValueParser.parse(text)).fields()).fingerPrint();
            if (back != s.fingerPrint() && mismatches++ == 0) out.put("example", text);
            for (Action a : tool.getActions()) {
                StateVec next = tool.getNextStates(a, s);
                for (int j = 0; j < next.size(); j++) if (seen.add(next.elementAt(j).fingerPrint())) queue.add(next.elementAt(j));
            }
        }
        out.put("checked", checked);
        out.put("mismatches", mismatches);
        return out;
    }

    static final class Refusal extends RuntimeException {
        Refusal(String m) { super(m); }
    }

    private ObjectNode judge(boolean exactTlcOnly, long maxTlcStates) throws IOException {
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
        long tlcViolated = 0;                          // explorer states where TLC finds an invariant false (or cannot evaluate it)
        ArrayNode[] disagreeEx = new ArrayNode[invs.length];
        List<String> duplicates = new ArrayList<>();
        String symmetry = tool.getModelConfig().getSymmetry();
        boolean symmetric = symmetry != null && !symmetry.isEmpty();
        long symmetricImages = 0;
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
                // under SYMMETRY two explorer representatives may map to symmetric spec states: one class
                if (dup != null && symmetric) symmetricImages++;
                else if (dup != null && duplicates.size() < EXAMPLES) duplicates.add("states " + dup + " and " + i + " have one fingerprint");
                if (tool.isInModel(s)) inModel.set(i);
                boolean tlcHolds = true;
                for (int k = 0; k < invs.length; k++) {
                    String tlcVerdict;
                    try {
                        tlcVerdict = tool.isValid(invs[k], s) ? "holds" : "violated";
                    } catch (RuntimeException e) {
                        tlcVerdict = "error: " + oneLine(e.getMessage());
                    }
                    tlcHolds &= tlcVerdict.equals("holds");
                    String javaVerdict = javaViolated.contains(tlcInvs.get(k)) ? "violated" : "holds";
                    if (!tlcVerdict.equals(javaVerdict) && disagree[k]++ < EXAMPLES) {
                        if (disagreeEx[k] == null) disagreeEx[k] = json.createArrayNode();
                        disagreeEx[k].addObject().put("state", i).put("java", javaVerdict).put("tlc", tlcVerdict).put("text", line);
                    }
                }
                if (!tlcHolds) tlcViolated++;
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

        // (b) every explorer step is a TLC step from the same state (a boot step, named
        // SpecMapping.INIT_CHOICE, goes from one initial state of the spec to another)
        LongSet tlcInit = new LongSet();
        StateVec init = tool.getInitStates();
        List<TLCState> initStates = new ArrayList<>();
        for (int i = 0; i < init.size(); i++) {
            TLCState s = init.elementAt(i);
            if (tool.isInModel(s) && tlcInit.add(s.fingerPrint())) initStates.add(s);
        }
        Edges edges = Edges.read(graph.resolve("edges.txt"), n);
        StepCheck steps = new StepCheck(edges, fp, explorerActions, tlcActionNames, tlcInit, symmetric);
        for (int i = 0; i < n; i++) steps.check(i, succFp.get(i), succAct.get(i));
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
        for (int i = 0; i < n; i++) if (tlcInit.contains(fp[i]) && inModel.get(i)) { reached.set(i); work.add(i); }
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
            tlcStates = indexOf.size() + tlcOnly;      // n without SYMMETRY (a collision is reported below)
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
            while (!queue.isEmpty() && seen.size() < maxTlcStates) {
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
            exact = queue.isEmpty();
            // a bound hit: the states seen but not yet expanded may be explorer states
            for (TLCState t : queue) {
                Integer j = indexOf.get(t.fingerPrint());
                if (j != null) javaInTlc.set(j);
                else only++;
            }
            tlcOnly = only;
            // under SYMMETRY an explorer state whose class TLC reached is in TLC's set like the class's first
            if (symmetric)
                for (int i = 0; i < n; i++) if (javaInTlc.get(indexOf.get(fp[i]))) javaInTlc.set(i);
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
        out.put("symmetry", symmetric ? symmetry : "");
        out.put("javaSymmetryClasses", indexOf.size());
        out.put("symmetricImages", symmetricImages);
        out.put("tlcStates", tlcStates);
        out.put("tlcStatesExact", exact);
        out.put("javaOnly", javaOnly.size());
        out.put("tlcOnly", tlcOnly);
        out.set("javaOnlyExamples", javaOnlyEx);
        out.set("tlcOnlyExamples", tlcOnlyEx);
        out.put("tlcInitStates", tlcInit.size());
        out.put("tlcBreadthFirstSearch", !(allReached && (frontier.size() == 0 || !exactTlcOnly)));
        out.put("maxTlcStates", maxTlcStates);
        out.put("stepsChecked", edges.size() - steps.selfLoops);
        out.put("namedStutters", steps.selfLoops);
        out.put("initChoiceSteps", steps.initChoices);
        out.put("stepsNotInSpec", steps.notInSpec);
        out.set("stepsNotInSpecExamples", steps.notInSpecExamples(exampleLines, json));
        ObjectNode by = out.putObject("stepsNotInSpecByExplorerAction");
        steps.notInSpecBy.forEach(by::put);
        out.put("stepsMisnamed", steps.misnamed);
        out.set("stepsMisnamedExamples", steps.misnamedExamples(exampleLines, json));
        int total = 0;
        ObjectNode byInv = json.createObjectNode();
        for (int k = 0; k < invs.length; k++) {
            total += disagree[k];
            if (disagree[k] > 0) byInv.putObject(tlcInvs.get(k)).put("count", disagree[k]).set("examples", disagreeEx[k]);
        }
        out.put("invariantDisagreements", total);
        out.put("tlcViolatedStates", tlcViolated);
        // what else TLC's model checker checks on this model: its ASSUMEs and the cfg's PROPERTYs
        out.put("assumptionsHold", tool.checkAssumptions() == tlc2.output.EC.NO_ERROR);
        ArrayNode props = json.createArrayNode();
        tlc2.util.Vect<?> cfgProps = tool.getModelConfig().getProperties();
        for (int i = 0; i < cfgProps.size(); i++) props.add(String.valueOf(cfgProps.elementAt(i)));
        out.set("cfgProperties", props);
        out.put("tlcChecksDeadlock", tool.getModelConfig().getCheckDeadlock());
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
        final Map<String, Long> notInSpecBy = new java.util.TreeMap<>();
        String notInit;

        final LongSet tlcInit;
        long initChoices, selfLoops;

        /** The model has SYMMETRY: fingerprints are those of symmetry classes. */
        final boolean symmetric;

        StepCheck(Edges edges, long[] fp, List<String> explorerActions, List<String> tlcActions, LongSet tlcInit, boolean symmetric) {
            this.symmetric = symmetric;
            this.edges = edges;
            this.fp = fp;
            this.explorerActions = explorerActions;
            this.tlcActions = tlcActions;
            this.tlcInit = tlcInit;
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
                // under SYMMETRY an unnamed step to a symmetric image of src (one class) is a stutter too
                if (dst == src || (symmetric && act < 0 && fp[dst] == fp[src])) {
                    // a stutter ([Next]_vars allows it); it takes the action it is named after if
                    // that action can leave this state unchanged
                    selfLoops++;
                    int named = act < 0 ? -1 : tlcActions.indexOf(explorerActions.get(act));
                    for (int j = 0; j < succFp.length && named >= 0; j++)
                        if (succFp[j] == fp[src] && (succAct[j] & ~IN_MODEL) == named) taken.set(named);
                    continue;
                }
                if (act >= 0 && explorerActions.get(act).equals(SpecMapping.INIT_CHOICE)) {
                    if (tlcInit.contains(fp[src]) && tlcInit.contains(fp[dst])) initChoices++;
                    else notStep(k, src, dst, act);
                    continue;
                }
                BitSet by = new BitSet();
                for (int j = 0; j < succFp.length; j++) if (succFp[j] == fp[dst]) by.set(succAct[j] & ~IN_MODEL);
                if (by.isEmpty()) {
                    notStep(k, src, dst, act);
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

        private void notStep(int k, int src, int dst, int act) {
            notStep.set(k);
            if (notInSpec++ < EXAMPLES) notInSpecEx.add(new int[]{src, dst, act});
            notInSpecBy.merge(act < 0 ? "(stutter)" : explorerActions.get(act), 1L, Long::sum);
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
