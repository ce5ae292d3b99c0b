package kmapcheck.lwbuf;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cause of the old ~3 executions per scenario (kmapcheck.LincheckReachTest) on the lwbuf test
 * itself: the same scenario with its kernel objects built inside Lincheck's block. (A separate class:
 * it is about Lincheck, not the kernel, so it is no killing test of 'kmapcheck mutate --lincheck'.)
 */
class LwbufLincheckReachTest {
    @Test
    void setUpInsideTheBlockEndsLincheckAfterAFewExecutions() {
        AtomicInteger runs = new AtomicInteger();
        kmapcheck.LincheckRuns.run("lwbuf.setUpInside", LwbufLincheckTest.INVOCATIONS, runs,
                () -> LwbufLincheckTest.body(LwbufLincheckTest.Setup.of(LwbufSubsystem.Variant.FIXED)));
        System.out.println("Lincheck: Fixed lwbuf with its kernel objects built inside the block: " + runs.get() + " executions");
        assertTrue(runs.get() <= 3, "ran " + runs.get());
    }
}
