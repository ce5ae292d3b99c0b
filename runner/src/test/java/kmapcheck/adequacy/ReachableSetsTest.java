package kmapcheck.adequacy;

import kmapcheck.TestRoot;
import kmapcheck.cli.Manifest;
import kmapcheck.cli.Runs;
import kmapcheck.conform.Conform;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Scenario;
import kmapcheck.explorer.conform.AbstractGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ReachableSets}, PIT's second killing test: its criteria hold on the unmutated code and each can fail. */
class ReachableSetsTest {
    static Manifest.Entry scenario(List<Manifest.Entry> all, String id) {
        return all.stream().filter(e -> e.id().equals(id) && e.tool() == Manifest.Tool.EXPLORER).findFirst().orElseThrow();
    }

    static AbstractGraph.Count count(Manifest.Entry e, long limit) throws Exception {
        Scenario s = Runs.scenario(e);
        return AbstractGraph.count(Explore.explorer(s), s.explorerConfig(), limit);
    }

    /** Cheap pairs of each mechanism: without TLC-only states the explorer's abstract set has TLC's count exactly. */
    @ParameterizedTest
    @CsvSource({"lwbuf/PcpuBootOneCpu", "lwbuf/FixedLockAtomic", "sfbuf/Rev1220Refs", "sfbuf/UPTLBXchg", "memattr/DmapSafe",
            "vmpage/UnwireFaulterQueued", "vmpage/FixedRemoveLockAtomic", "vmpage/NfsWirePerMbufRef"})
    void theUnmutatedExplorerHasTlcsCount(String id) throws Exception {
        List<Manifest.Entry> all = Manifest.load(TestRoot.get(), List.of(id));
        Manifest.Entry e = scenario(all, id), model = Conform.modelOf(all, e);
        assertNull(ReachableSets.notCountable(model));
        assertNull(e.conform().tlcOnly());
        AbstractGraph.Count c = count(e, ReachableSets.limit(model));
        assertTrue(c.complete(), c.toString());
        assertEquals(model.distinctStates(), c.abstractStates(), id);
        assertEquals(MutantVerdict.Outcome.MEETS, ReachableSets.judge(e, model, c).outcome());
    }

    /** A scripted pair expects TLC-only states: fewer abstract states than TLC's count meet it. */
    @Test
    void fewerStatesMeetAPairWithTlcOnlyStates() throws Exception {
        List<Manifest.Entry> all = Manifest.load(TestRoot.get(), List.of("lwbuf"));
        Manifest.Entry e = scenario(all, "lwbuf/SleepFixedTwoObjs"), model = Conform.modelOf(all, e);
        assertNotNull(e.conform().tlcOnly());
        AbstractGraph.Count c = count(e, ReachableSets.limit(model));
        assertTrue(c.complete() && c.abstractStates() > 0 && c.abstractStates() < model.distinctStates(), c.toString());
        assertEquals(MutantVerdict.Outcome.MEETS, ReachableSets.judge(e, model, c).outcome());
    }

    /** Each criterion can fail: the search stops past the limit; hand-built counts below and above TLC's. */
    @Test
    void eachCriterionCanKill() throws Exception {
        List<Manifest.Entry> all = Manifest.load(TestRoot.get(), List.of("vmpage", "lwbuf"));
        Manifest.Entry e = scenario(all, "vmpage/UnwireFaulterQueued"), model = Conform.modelOf(all, e);
        long n = model.distinctStates();
        // (1) a limit one below TLC's count: the search stops as soon as it is exceeded
        AbstractGraph.Count early = count(e, n - 1);
        assertTrue(early.exceeded() && early.abstractStates() == n, early.toString());
        assertEquals(MutantVerdict.Outcome.KILLS, ReachableSets.judge(e, model, new AbstractGraph.Count((int) n + 1, 99, true, null)).outcome());
        // (2) fewer states without a TLC-only reason kills; with one (a scripted pair) it does not
        assertEquals(MutantVerdict.Outcome.KILLS, ReachableSets.judge(e, model, new AbstractGraph.Count((int) n - 1, 99, false, null)).outcome());
        Manifest.Entry scripted = scenario(all, "lwbuf/SleepFixedTwoObjs"), scriptedModel = Conform.modelOf(all, scripted);
        assertEquals(MutantVerdict.Outcome.MEETS, ReachableSets.judge(scripted, scriptedModel, new AbstractGraph.Count(1, 1, false, null)).outcome());
        assertEquals(MutantVerdict.Outcome.KILLS, ReachableSets.judge(scripted, scriptedModel,
                new AbstractGraph.Count((int) (long) scriptedModel.distinctStates() + 1, 99, true, null)).outcome());
        // a bound hit within TLC's count is no verdict; past it, criterion 1 decides
        assertEquals(MutantVerdict.Outcome.INCOMPLETE, ReachableSets.judge(e, model,
                new AbstractGraph.Count((int) n - 1, 99, false, "search.max_states=99")).outcome());
        // the same count of wrong states is not seen: that is conform's javaOnly, which only TLC decides
        assertEquals(MutantVerdict.Outcome.MEETS, ReachableSets.judge(e, model, new AbstractGraph.Count((int) n, 99, false, null)).outcome());
    }

    @Test
    void pairsTlcCannotCountTheSameWayAreNotJudged() throws Exception {
        List<Manifest.Entry> all = Manifest.load(TestRoot.get(), List.of("vmpage", "sfbuf"));
        assertTrue(ReachableSets.notCountable(Conform.modelOf(all, scenario(all, "vmpage/FixedBusyPairSym"))).contains("SYMMETRY"));
        assertTrue(ReachableSets.notCountable(Conform.modelOf(all, scenario(all, "sfbuf/DragonFly2003NoPrematureUnwire"))).contains("CONSTRAINT"));
        assertTrue(ReachableSets.notCountable(Conform.modelOf(all, scenario(all, "vmpage/ReleaseRecheck"))).contains("no cached"));
        assertEquals("A\nB", ReachableSets.stripComments("A \\* SYMMETRY Perms\n(* CONSTRAINT\n C *)B").replace(" ", ""));
    }
}
