package kmapcheck.link;

import kmapcheck.TestRoot;
import kmapcheck.explorer.ExplorationResult;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Explorer;
import kmapcheck.explorer.Scenario;
import kmapcheck.tlc.SpecSource;
import kmapcheck.tlc.TlcResult;
import kmapcheck.tlc.TlcRunner;
import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 2 §6, lwbuf details: a replay continued to the stale access it causes, and replay and
 * validation refusing what they must refuse. (Every mechanism's replays and validations: LinkTest.)
 */
class LwbufLinkTest {
    static final Path ROOT = TestRoot.get();
    static final Path SPEC = ROOT.resolve("spec/lwbuf");
    static final TlcRunner TLC = new TlcRunner(2, 600, "2g");

    static Trace tlcTrace(String model) throws Exception {
        SpecSource src = SpecSource.read(SPEC.resolve("Lwbuf.tla"));
        TlcResult r = TLC.check("lwbuf/" + model, SPEC, "MC" + model, src.variables());
        assertEquals(TlcResult.Outcome.VIOLATION, r.outcome(), r.message());
        return r.trace();
    }

    static Scenario scenario(String name) throws Exception {
        return Scenario.load("lwbuf/" + name, ROOT.resolve("jpf-config/lwbuf/" + name + ".jpf"), SPEC, "MC" + name);
    }

    @Test
    void tlcCounterexampleOfOrBug2009ReplaysOnJavaAndReachesTheStaleAccess() throws Exception {
        Trace tlc = tlcTrace("OrBug2009");
        Replay.Result r = Replay.run(tlc, scenario("OrBug2009"));
        assertTrue(r.reproduced(), r.message());
        assertEquals("LW1", r.finalViolation());
        // every TLC action appears, in order, among the Java steps
        List<String> javaActions = r.javaTrace().actions().stream().filter(a -> !a.stutter()).map(Trace.Action::name).toList();
        List<String> tlcActions = tlc.actions().stream().map(Trace.Action::name).toList();
        assertEquals(tlcActions, javaActions);
        // the stale TLB entry of LW1 is then really read through the KVA
        List<Explorer.Edge> more = Replay.extendTo(r.explorer(), r.end(), "NoStaleAccess", 100_000);
        assertNotNull(more, "no stale access reachable after the replayed LW1 violation");
        assertTrue(more.stream().anyMatch(e -> "Access".equals(e.action())));
    }

    @Test
    void replayRefusesATraceTheImplementationCannotFollow() throws Exception {
        Trace tlc = tlcTrace("OrBug2009");
        // the fixed code cannot produce the |= mask of the buggy trace
        Replay.Result r = Replay.run(tlc, scenario("Fixed"));
        assertFalse(r.reproduced());
        assertTrue(r.message().contains("no implementation counterpart"), r.message());
    }

    @Test
    void validationRejectsATamperedTrace() throws Exception {
        ExplorationResult r = Explore.scenario(scenario("OrBug2009"));
        Trace t = r.trace();
        // forge step 2: the allocation maps a page nobody asked for (pte differs from lm)
        List<Trace.State> states = new ArrayList<>(t.states());
        Map<String, Value> forged = new LinkedHashMap<>(states.get(1).values());
        forged.put("pte", Value.fn().put("o1", Value.mv("p2")).build());
        states.set(1, new Trace.State(2, forged));
        Trace bad = new Trace(t.source(), t.model(), t.vars(), states, t.actions(), t.violation());
        Validate.Result v = Validate.run(TLC, SPEC, "MCOrBug2009", bad, r.property());
        assertFalse(v.accepted());
        assertTrue(v.message().contains("rejects the trace at state 2"), v.message());
    }
}
