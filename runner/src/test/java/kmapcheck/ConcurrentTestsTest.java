package kmapcheck;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link ConcurrentTests}: tests keep their order and names, and a failure of the work or the check fails its own test. */
class ConcurrentTestsTest {
    @Test
    void eachTestChecksItsOwnResultAndFailsWithItsOwnCause() throws Throwable {
        ConcurrentTests tests = new ConcurrentTests();
        AtomicInteger checked = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("the work failed");
        tests.add("a", () -> 1, r -> { assertEquals(1, r); checked.incrementAndGet(); });
        tests.add("b", () -> { throw boom; }, r -> checked.incrementAndGet());
        tests.add("c", () -> 3, r -> assertEquals(4, r));
        List<DynamicTest> list = tests.list();
        assertEquals(List.of("a", "b", "c"), list.stream().map(DynamicTest::getDisplayName).toList());
        list.get(0).getExecutable().execute();
        assertSame(boom, assertThrows(IllegalStateException.class, () -> list.get(1).getExecutable().execute()));
        assertThrows(org.opentest4j.AssertionFailedError.class, () -> list.get(2).getExecutable().execute());
        assertEquals(1, checked.get(), "the check of a failed work never runs");
    }
}
