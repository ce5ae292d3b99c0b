package kmapcheck.cli;

import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rows of {@code bench --growth}: sets found in an MC module, resized consistently in the module and its cfg. */
class GrowthTest {
    static final String MC = """
            ---- MODULE MCBase ----
            EXTENDS Spec
            CONSTANTS c0, c1, p1, p2, b1, b2, t1, t2, None
            MCCPUs == {c0, c1}
            MCPages == {p1, p2}
            MCBufList == <<b1, b2>>
            MCThreads == {t1, t2}
            MCVariant == "Fixed"
            ====
            """;
    static final String CFG = """
            CONSTANTS
                c0 = c0
                c1 = c1
                p1 = p1
                p2 = p2
                b1 = b1
                b2 = b2
                t1 = t1
                t2 = t2
                None = None
                CPUs <- MCCPUs
            SPECIFICATION Spec
            INVARIANT Inv
            """;

    @Test
    void findsTheSetsOfModelValues() {
        List<Growth.Dimension> d = Growth.dimensions(MC);
        assertEquals(List.of("CPUs", "Pages", "BufList", "Threads"), d.stream().map(Growth.Dimension::name).toList());
        assertEquals(0, d.get(0).first());
        assertTrue(d.get(2).sequence());
        assertEquals(List.of("c0", "c1", "c2"), d.get(0).elements(3));
    }

    @Test
    void resizesModuleAndCfgTogether() {
        List<Growth.Dimension> d = Growth.dimensions(MC);
        Map<String, Integer> sizes = Map.of("Threads", 3, "BufList", 1);
        String m = Growth.rewriteModule(MC, "MCBase", "MCGrowthX", d, sizes, List.of("Threads", "Pages"));
        assertTrue(m.contains("MODULE MCGrowthX"), m);
        assertTrue(m.contains("MCThreads == {t1, t2, t3}") && m.contains("MCBufList == <<b1>>") && m.contains("MCCPUs == {c0, c1}"), m);
        assertTrue(m.contains("CONSTANTS None, c0, c1, p1, p2, b1, t1, t2, t3"), m);
        assertTrue(m.contains("EXTENDS Spec, TLC") && m.contains("GrowthSymmetry == Permutations(MCThreads) \\cup Permutations(MCPages)"), m);
        String c = Growth.rewriteCfg(CFG, d, sizes, true);
        assertTrue(c.contains("t3 = t3") && !c.contains("b2 = b2") && c.contains("None = None") && c.contains("CPUs <- MCCPUs"), c);
        assertTrue(c.strip().endsWith("SYMMETRY GrowthSymmetry"), c);
    }

    @Test
    void rowsChangeOneSetAtATimePlusThreeByThree() {
        List<String> labels = Growth.rows(Growth.dimensions(MC)).stream().map(Growth.Row::label).toList();
        assertEquals(List.of("base", "CPUs=3", "CPUs=4", "Pages=1", "Pages=3", "BufList=1", "BufList=3", "Threads=3", "Threads=4",
                "CPUs=3,Threads=3"), labels);
    }

    @Test
    void everyMechanismHasSetsToGrow() throws Exception {
        for (String[] m : new String[][]{{"lwbuf", "MCFixed"}, {"sfbuf", "MCBenchSMPC2B2"}})
            assertTrue(Growth.dimensions(Files.readString(TestRoot.get().resolve("spec/" + m[0] + "/" + m[1] + ".tla"))).size() >= 3, m[0]);
    }

    @Test
    void symmetryRowsAreRefusedWhereTheCfgChecksLiveness() {
        assertTrue(Growth.checksLiveness("SPECIFICATION LiveSpec\nINVARIANT SF1\nPROPERTY AllocProgress\n"));
        assertTrue(Growth.checksLiveness("PROPERTIES\n  NoLostWakeup\n"));
        assertTrue(!Growth.checksLiveness("SPECIFICATION Spec\nINVARIANT SF1\nINVARIANTS\n  SF2\n"));
    }

    @Test
    void aPureActionPropertyDoesNotRefuseSymmetry() {
        String spec = """
                StabilityLemma ==
                    [][\\A T \\in Threads : StablePre(T) => rc'.wires <= rc.wires]_vars
                NoLostBusyWakeup == \\A t \\in Threads : Asleep(t) ~> ~Asleep(t)
                """;
        assertEquals(List.of("StabilityLemma", "NoLostBusyWakeup", "X"),
                Growth.properties("SPECIFICATION Spec\nPROPERTY StabilityLemma \\* safety\nPROPERTIES\n  NoLostBusyWakeup, X\nCHECK_DEADLOCK FALSE\n"));
        assertTrue(!Growth.checksLiveness("SPECIFICATION Spec\nINVARIANT TypeOK\nPROPERTY StabilityLemma\n", spec));
        assertTrue(Growth.checksLiveness("SPECIFICATION Spec\nPROPERTY StabilityLemma\nPROPERTY NoLostBusyWakeup\n", spec));
        // a property the modules do not define as [][A]_v is refused (conservative)
        assertTrue(Growth.checksLiveness("PROPERTY Unknown\n", spec));
    }

    static final String VMPAGE_LIKE = """
            ---- MODULE MCVm ----
            EXTENDS VmPage
            CONSTANTS r, h, f, p1, c0
            MCThreads == {r, h, f}
            MCPmaps == {p1}
            MCInitMapped == {p1}
            MCUnwireKinds == {"unwire"}
            MCCPUs == {c0}
            MCStillPages == {}
            MCFlagChoices == {{}, {"QUICK"}}
            ====
            """;
    static final String VMPAGE_CFG = """
            CONSTANTS
                r = r
                h = h
                f = f
                p1 = p1
                None = None
                c0 = c0
                Pmaps <- MCPmaps
                InitMapped <- MCInitMapped
            SPECIFICATION Spec
            INVARIANT TypeOK
            """;

    @Test
    void definitionsOverTheSameModelValuesGrowAsOneSet() {
        List<Growth.Dimension> d = Growth.dimensions(VMPAGE_LIKE);
        assertEquals(List.of("Pmaps", "CPUs"), d.stream().map(Growth.Dimension::name).toList());
        assertEquals(List.of("InitMapped"), d.get(0).aliases());
        Map<String, Integer> sizes = Map.of("Pmaps", 3);
        String m = Growth.rewriteModule(VMPAGE_LIKE, "MCVm", "MCGrowthPmaps3", d, sizes, List.of());
        assertTrue(m.contains("MCPmaps == {p1, p2, p3}") && m.contains("MCInitMapped == {p1, p2, p3}"), m);
        assertTrue(m.contains("CONSTANTS r, h, f, p1, p2, p3, c0"), m);
        String c = Growth.rewriteCfg(VMPAGE_CFG, d, sizes, false);
        for (String x : List.of("p1", "p2", "p3", "c0"))
            assertEquals(1, c.lines().filter(l -> l.strip().equals(x + " = " + x)).count(), x + " declared once in\n" + c);
        // a subset over the same model values is not grown (and never declares its values again)
        String sub = VMPAGE_LIKE.replace("MCPmaps == {p1}", "MCPmaps == {p1, p2}").replace("CONSTANTS r, h, f, p1, c0", "CONSTANTS r, h, f, p1, p2, c0");
        List<Growth.Dimension> d2 = Growth.dimensions(sub);
        assertEquals(List.of(), d2.get(0).aliases());
        String m2 = Growth.rewriteModule(sub, "MCVm", "MCGrowthPmaps3", d2, sizes, List.of());
        assertTrue(m2.contains("MCPmaps == {p1, p2, p3}") && m2.contains("MCInitMapped == {p1}") && m2.contains("CONSTANTS r, h, f, p1, p2, p3, c0"), m2);
        assertTrue(Growth.notGrown(sub).contains("InitMapped (shares model values p* with Pmaps but is another set)"), Growth.notGrown(sub).toString());
    }

    @Test
    void theHeaderListsTheSetsNotGrownAndWhy() {
        List<String> ng = Growth.notGrown(VMPAGE_LIKE);
        assertEquals(List.of("Threads (model values r, h, f are not numbered)", "InitMapped (grows with Pmaps: the same model values)",
                "UnwireKinds (not model values)", "StillPages (empty)", "FlagChoices (not model values)"), ng);
        List<String> h = Growth.header("vmpage", "vmpage/FixedRemove", "vmpage/FixedRemove", Growth.dimensions(VMPAGE_LIKE), ng, List.of(), 60);
        assertTrue(h.get(0).contains("sets grown [Pmaps=1 (with InitMapped), CPUs=1]") && h.get(0).contains("TLC symmetry over none"), h.get(0));
        assertTrue(h.get(1).startsWith("not grown: Threads (model values r, h, f are not numbered); InitMapped"), h.get(1));
        assertEquals("not grown: none", Growth.header("m", "m/A", null, List.of(), List.of(), List.of(), 1).get(1));
    }

    @Test
    void anExplorerRowItCannotBuildIsNotApplicableNotAnAbort() {
        Growth.Figures f = Growth.explorerOrNa("Threads=4", 2, false, () -> {
            throw new kmapcheck.explorer.Scenario.ScenarioException("/tmp/x/FixedRemove.jpf: threads must be 1..3");
        });
        assertEquals("n/a (threads must be 1..3)", f.verdict());
        assertEquals(-1, f.distinct());
        assertEquals("| Threads=4 | explorer | 2 | no | n/a (threads must be 1..3) | - | - | - | - | - |", Growth.markdownRow(f));
        Growth.Figures ok = Growth.explorerOrNa("base", 2, false,
                () -> new Growth.Figures("base", "explorer", 2, false, "pass", 1000, 2.0, 64L << 20, 50_000, 0));
        assertEquals("pass", ok.verdict());
        assertEquals("50", ok.bytesPerStateText());
    }

    @Test
    void aMeasuredExplorerRunTakesItsBytesPerStateFromTheStore() {
        kmapcheck.explorer.ExplorationResult r = new kmapcheck.explorer.ExplorationResult(new kmapcheck.explorer.Outcome.Pass(),
                1000, 5000, 7, 2000, null, 1, 0, 0, 40_000);
        Growth.Figures f = new Bench.Measured(r, 1.5, 64L << 20).figures("base", false);
        assertEquals("explorer", f.tool());
        assertEquals("pass", f.verdict());
        assertEquals(40.0, f.bytesPerState());
        assertEquals(1.5, f.cpuSeconds());
        assertEquals(64L << 20, f.peakBytes());
        assertEquals(2.0, f.seconds());
    }

    @Test
    void explorerBytesPerStateIsADashWithoutAStoreFigure() {
        // no store figure (0): never the peak heap over the states, never 0
        Growth.Figures e = new Growth.Figures("base", "explorer", 2, false, "pass", 1000, 2.0, 300L << 20, 0, 0);
        assertEquals(-1, e.bytesPerState());
        assertEquals("-", e.bytesPerStateText());
        assertTrue(Growth.markdownRow(e).endsWith("| 300M | - |"), Growth.markdownRow(e));
        // a figure below the store's own 12 bytes per state is not a measure of it
        Growth.Figures low = new Growth.Figures("Threads=4", "explorer", 2, false, "INCOMPLETE", 310_820, 30.0, 2L << 30, 310_820, 0);
        assertEquals("-", low.bytesPerStateText());
        // TLC keeps its peak RSS per state
        Growth.Figures t = new Growth.Figures("base", "tlc", 2, false, "pass", 1000, 2.0, 100_000, 0, 0);
        assertEquals("100", t.bytesPerStateText());
    }
}
