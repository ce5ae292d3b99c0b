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
}
