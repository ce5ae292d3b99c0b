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
}
