package kmapcheck;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.RealMachine;
import kmapcheck.machine.Word;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why the Lincheck tests used to run about 3 executions per scenario. Not the spin-waits, not the
 * instrumentation of kmapcheck.machine, not the scenario's shape: Lincheck 3.7's loop detector
 * (LincheckSettings.loopIterationsBeforeThreadSwitch = 10) forces a thread switch after about 10
 * iterations of any loop (measured: 8 iterations leave the exploration alone, 9 or more end it), and when that happens in the test block's own thread before it has started
 * the threads (the set-up: Layout.initialMemory copied the image word by word, the kernel objects'
 * constructors loop), Lincheck ends the whole exploration after about 3 executions and reports a
 * pass. The same two threads after a 5-iteration set-up loop get the full budget. The Lincheck tests
 * therefore build the kernel objects once, outside the block (they are handles on machine words), and
 * Layout keeps its image so a fresh machine copies it without a loop (LwbufLincheckReachTest shows the old
 * lwbuf set-up inside the block getting 3 executions).
 */
class LincheckReachTest {
    static final int BUDGET = 100;

    /** Two threads each increment a machine word 3 times after a set-up loop of {@code n} iterations. */
    static int executionsAfterSetUpLoop(int n) {
        LincheckRuns.Outcome o = LincheckRuns.explore("reach.loop" + n, BUDGET, () -> {
            long[] scratch = new long[n];
            for (int i = 0; i < n; i++) scratch[i] = i;               // the set-up loop
            Layout l = new Layout(2);
            Word w = l.word("w", scratch.length);
            RealMachine m = new RealMachine(l);
            Thread a = new Thread(() -> { Ctx c = m.ctx(1, 0); for (int i = 0; i < 3; i++) c.store(w, c.load(w) + 1); });
            Thread b = new Thread(() -> { Ctx c = m.ctx(2, 1); for (int i = 0; i < 3; i++) c.store(w, c.load(w) + 1); });
            a.start(); b.start(); a.join(); b.join();
        });
        assertTrue(o.failure() == null, o.failureText());
        return o.executions();
    }

    @Test
    void aLongSetUpLoopEndsLincheckAfterAFewExecutions() {
        int shortLoop = executionsAfterSetUpLoop(5), longLoop = executionsAfterSetUpLoop(20);
        System.out.println("Lincheck: two racing threads after a set-up loop of 5 iterations: " + shortLoop
                + " executions (the budget); after 20 iterations: " + longLoop);
        assertEquals(BUDGET, shortLoop, "a short set-up loop leaves the exploration alone");
        assertTrue(longLoop <= 3, "a set-up loop past the loop detector's threshold ends it: " + longLoop);
    }
}
