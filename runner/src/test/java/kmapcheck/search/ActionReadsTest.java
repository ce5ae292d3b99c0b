package kmapcheck.search;

import kmapcheck.TestRoot;
import kmapcheck.explorer.Explore;
import kmapcheck.explorer.Explorer;
import kmapcheck.explorer.Scenario;
import kmapcheck.explorer.SpecMapping;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search maps only the variables an action property reads on every step
 * ({@link SpecMapping.ActionProperty#reads}, {@link SpecMapping#mapper}): on every state of a
 * breadth-first walk, those are exactly the variables of the whole mapping, with the same values;
 * and the property holds on every step that leaves them unchanged (a stutter for it).
 */
class ActionReadsTest {
    static final Path ROOT = TestRoot.get();

    static Explorer explorer(String mech, String name) throws Exception {
        return Explore.explorer(Scenario.load(mech + "/" + name, ROOT.resolve("jpf-config/" + mech + "/" + name + ".jpf"),
                ROOT.resolve("spec/" + mech), "MC" + name));
    }

    /** Walks up to {@code limit} states; returns the number of steps that changed the read variables. */
    static int checkPartialMapping(Explorer e, String property, int limit) {
        SpecMapping.ActionProperty ap = e.mapping().actionProperties().stream().filter(p -> p.name().equals(property))
                .findFirst().orElseThrow();
        Set<String> reads = ap.reads();
        assertNotNull(reads, property + " declares the variables it reads");
        Set<Object> seen = new HashSet<>();
        ArrayDeque<Explorer.Node> queue = new ArrayDeque<>();
        queue.add(e.root());
        seen.add(e.root().key());
        int states = 0, changing = 0;
        while (!queue.isEmpty() && states < limit) {
            Explorer.Node n = queue.poll();
            states++;
            Map<String, Value> whole = e.mapped(n), part = e.mapped(n, reads), want = new LinkedHashMap<>();
            for (String v : reads) want.put(v, whole.get(v));
            assertEquals(want, part, "state " + states);
            for (Explorer.Edge x : e.expand(n)) {
                if (x.error() != null) continue;
                Map<String, Value> after = e.mapped(x.to(), reads);
                if (after.equals(part)) assertTrue(ap.holds().test(whole, x.mapped()), property + " holds on a stutter of its reads");
                else changing++;
                if (seen.add(x.to().key())) queue.add(x.to());
            }
        }
        assertTrue(states == limit || queue.isEmpty());
        return changing;
    }

    @Test
    void sf11ReadsFreeqRefAndBm() throws Exception {
        assertTrue(checkPartialMapping(explorer("sfbuf", "BenchB1T2P2"), "SF11", 1500) > 0, "some step moves the free list");
    }

    @Test
    void stabilityLemmaReadsRcOlockBusyMappedXowners() throws Exception {
        assertTrue(checkPartialMapping(explorer("vmpage", "FixedBusy"), "StabilityLemma", 1500) > 0, "some step changes rc");
    }
}
