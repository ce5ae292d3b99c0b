package kmapcheck;

import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Dynamic tests whose slow part (a TLC child JVM, the conform judge, an exploration) runs on a pool
 * of {@code -Dkmapcheck.test.parallel=N} threads (default: the cores), started as each test is added;
 * each test then waits for its own result and asserts on JUnit's thread. Names, order and failures
 * are those of the sequential run ({@code =1}); only the wall time changes.
 *
 * <p>The work of two tests must not share files: every runner child gets its own temp/meta
 * directory and every conform pair its own graph directory.
 */
public final class ConcurrentTests {
    /** The slow part of a test: may throw; its result goes to the test's {@link Check}. */
    public interface Work<T> { T call() throws Throwable; }

    /** The assertions on a {@link Work}'s result, run on JUnit's thread. */
    public interface Check<T> { void accept(T result) throws Throwable; }

    private static final ExecutorService POOL = Executors.newFixedThreadPool(threads(), r -> {
        Thread t = new Thread(r, "kmapcheck-test-work");
        t.setDaemon(true); // a factory that fails after adding work must not keep the fork alive
        return t;
    });

    private final List<DynamicTest> tests = new ArrayList<>();

    /** {@code kmapcheck.test.parallel}, else the cores; at least 1. */
    public static int threads() {
        String p = System.getProperty("kmapcheck.test.parallel");
        int n = p == null || p.isBlank() ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(p.strip());
        return Math.max(1, n);
    }

    /** Starts {@code work} now; the test named {@code name} checks its result when JUnit runs it. */
    public <T> void add(String name, Work<T> work, Check<T> check) {
        Future<T> result = POOL.submit(() -> {
            try {
                return work.call();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ExecutionException(t);
            }
        });
        tests.add(DynamicTest.dynamicTest(name, () -> {
            T r;
            try {
                r = result.get();
            } catch (ExecutionException e) {
                throw e.getCause(); // the work's own failure, as the sequential test would report it
            }
            check.accept(r);
        }));
    }

    public boolean isEmpty() { return tests.isEmpty(); }

    public List<DynamicTest> list() { return List.copyOf(tests); }

    public Stream<DynamicTest> stream() { return tests.stream(); }
}
