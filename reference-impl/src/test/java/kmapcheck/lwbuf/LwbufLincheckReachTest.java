package kmapcheck.lwbuf;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cause of the old ~3 executions per scenario (kmapcheck.LincheckReachTest) on the lwbuf test
 * itself: the same scenario with its kernel objects built inside Lincheck's block. (A separate class:
 * it is about Lincheck, not the kernel, so it is no killing test of 'kmapcheck mutate --lincheck'.)
 */
class LwbufLincheckReachTest {
    @Test
    void setUpInsideTheBlockEndsLincheckAfterAFewExecutions() {
        kmapcheck.LincheckRuns.Outcome o = kmapcheck.LincheckRuns.explore("lwbuf.setUpInside", LwbufLincheckTest.INVOCATIONS,
                () -> LwbufLincheckTest.body(LwbufLincheckTest.Setup.of(LwbufSubsystem.Variant.FIXED)));
        System.out.println("Lincheck: Fixed lwbuf with its kernel objects built inside the block: " + o.executions() + " executions");
        assertNull(o.failure(), o.failureText());
        assertTrue(o.executions() >= 1 && o.executions() <= 3, "ran " + o.executions());
    }
}
