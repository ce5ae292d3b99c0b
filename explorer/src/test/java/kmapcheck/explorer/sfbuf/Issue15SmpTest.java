package kmapcheck.explorer.sfbuf;

import kmapcheck.sfbuf.SfBufCache;
import kmapcheck.trace.TlaValueParser;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 items 2 and 6 on the Java side: FreeBSDLater honours WakeOne (S2 @010e6820 wakeup_one),
 * rev 1.219/1.220 accept only SFB_CATCH (no flags argument, always PCATCH), and the explorer's
 * WakeupNotLost agrees with the spec's definition.
 */
class Issue15SmpTest {
    static SfBufCache.Config cfg(SfBufCache.Variant v, boolean wakeOne) {
        return new SfBufCache.Config(v, wakeOne, false, SfBufCache.Wiring.NONE, SfBufCache.Bug.NONE, false, false);
    }

    @Test
    void freeBsdLaterWakesOneOnlyWhenAsked() {
        assertTrue(cfg(SfBufCache.Variant.FREEBSD_LATER, true).wakeOneEffective(), "S2/S3: wakeup_one");
        assertFalse(cfg(SfBufCache.Variant.FREEBSD_LATER, false).wakeOneEffective(), "S4/S1: wakeup");
        assertTrue(cfg(SfBufCache.Variant.DRAGONFLY2003, false).wakeOneEffective(), "S6 forces wakeup_one");
    }

    @Test
    void rev1219And1220TakeNoFlagsButAlwaysCatch() {
        for (SfBufCache.Variant v : new SfBufCache.Variant[] {SfBufCache.Variant.REV1219, SfBufCache.Variant.REV1220}) {
            assertTrue(SfBufMechanism.flagsAllowed(v, SfBufCache.SFB_CATCH), v.name());
            assertFalse(SfBufMechanism.flagsAllowed(v, 0), v + ": no uninterruptible sleep");
            assertFalse(SfBufMechanism.flagsAllowed(v, SfBufCache.SFB_NOWAIT), v + ": no SFB_NOWAIT");
            assertFalse(SfBufMechanism.flagsAllowed(v, SfBufCache.SFB_CATCH | SfBufCache.SFB_NOWAIT), v.name());
        }
        assertTrue(SfBufMechanism.flagsAllowed(SfBufCache.Variant.FREEBSD_LATER, SfBufCache.SFB_NOWAIT));
    }

    static Map<String, Value> st(String lock, long want, String freeq, String woken) {
        return Map.of("lock", TlaValueParser.parse(lock), "want", TlaValueParser.parse(Long.toString(want)),
                "freeq", TlaValueParser.parse(freeq), "woken", TlaValueParser.parse(woken));
    }

    @Test
    void wakeupNotLostIsTheSpecsImplication() {
        assertFalse(SfBufMapping.wakeupNotLost(st("None", 1, "<<b1>>", "{}")), "the lost wakeup state");
        assertTrue(SfBufMapping.wakeupNotLost(st("None", 1, "<<b1>>", "{t2}")), "a waiter is runnable");
        assertTrue(SfBufMapping.wakeupNotLost(st("t1", 1, "<<b1>>", "{}")), "inside a critical section the wakeup may follow");
        assertTrue(SfBufMapping.wakeupNotLost(st("None", 0, "<<b1>>", "{}")), "nobody waits");
        assertTrue(SfBufMapping.wakeupNotLost(st("None", 2, "<<>>", "{}")), "no free buffer");
    }
}
