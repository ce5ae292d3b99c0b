package kmapcheck.explorer.sfbuf;

import kmapcheck.trace.TlaValueParser;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SF11 (LRU order) as the explorer checks it: the spec's LRUStep over mapped states. */
class LruStepTest {
    static Map<String, Value> st(String freeq, String ref, String bm) {
        return Map.of("freeq", TlaValueParser.parse(freeq), "ref", TlaValueParser.parse(ref), "bm", TlaValueParser.parse(bm));
    }

    static final String BM = "(b1 :> p1 @@ b2 :> p2 @@ b3 :> p3)";

    @Test
    void missTakesTheHead() {
        assertTrue(SfBufMapping.lruStep(st("<<b1, b2>>", "(b1 :> 0 @@ b2 :> 0 @@ b3 :> 1)", BM),
                st("<<b2>>", "(b1 :> 1 @@ b2 :> 0 @@ b3 :> 1)", BM)));
    }

    @Test
    void missTakingTheTailIsNotLru() {
        assertFalse(SfBufMapping.lruStep(st("<<b1, b2>>", "(b1 :> 0 @@ b2 :> 0 @@ b3 :> 1)", BM),
                st("<<b1>>", "(b1 :> 0 @@ b2 :> 1 @@ b3 :> 1)", "(b1 :> p1 @@ b2 :> p3 @@ b3 :> p3)")));
    }

    @Test
    void freeAppendsAtTheTailNotTheHead() {
        assertTrue(SfBufMapping.lruStep(st("<<b1>>", "(b1 :> 0 @@ b2 :> 1 @@ b3 :> 1)", BM),
                st("<<b1, b2>>", "(b1 :> 0 @@ b2 :> 0 @@ b3 :> 1)", BM)));
        assertFalse(SfBufMapping.lruStep(st("<<b1>>", "(b1 :> 0 @@ b2 :> 1 @@ b3 :> 1)", BM),
                st("<<b2, b1>>", "(b1 :> 0 @@ b2 :> 0 @@ b3 :> 1)", BM)));
    }

    @Test
    void hitRevivesFromAnywhereKeepingTheOthersInOrder() {
        assertTrue(SfBufMapping.lruStep(st("<<b1, b2, b3>>", "(b1 :> 0 @@ b2 :> 0 @@ b3 :> 0)", BM),
                st("<<b1, b3>>", "(b1 :> 0 @@ b2 :> 1 @@ b3 :> 0)", BM)));
        assertFalse(SfBufMapping.lruStep(st("<<b1, b2, b3>>", "(b1 :> 0 @@ b2 :> 0 @@ b3 :> 0)", BM),
                st("<<b3, b1>>", "(b1 :> 0 @@ b2 :> 1 @@ b3 :> 0)", BM)));
    }
}
