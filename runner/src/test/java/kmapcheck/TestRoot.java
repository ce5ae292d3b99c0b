package kmapcheck;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root for tests (surefire sets kmapcheck.root; else walk up from the cwd). */
public final class TestRoot {
    private TestRoot() {}

    public static Path get() {
        String p = System.getProperty("kmapcheck.root");
        Path r = p != null ? Path.of(p) : Path.of("").toAbsolutePath();
        while (r != null && !Files.isDirectory(r.resolve("spec"))) r = r.getParent();
        if (r == null) throw new IllegalStateException("repository root not found");
        return r.toAbsolutePath().normalize();
    }

    /**
     * The mechanisms the manifest-driven tests (ManifestVerdictsTest, LinkTest, ConformTest) run:
     * {@code -Dkmapcheck.test.mechanisms=vmpage,lwbuf} picks some, to check one mechanism's change
     * on a shared machine; unset (the default, and what {@code mvn verify} runs) means all.
     */
    public static boolean selected(String mechanism) {
        String p = System.getProperty("kmapcheck.test.mechanisms");
        if (p == null || p.isBlank()) return true;
        for (String m : p.split(",")) if (m.strip().equals(mechanism)) return true;
        return false;
    }

    /** No mechanism filter: the tests' "every mechanism" checks apply. */
    public static boolean allMechanisms() {
        String p = System.getProperty("kmapcheck.test.mechanisms");
        return p == null || p.isBlank();
    }
}
