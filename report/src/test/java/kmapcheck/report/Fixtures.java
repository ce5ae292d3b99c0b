package kmapcheck.report;

import kmapcheck.trace.Roles;
import kmapcheck.trace.Trace;
import kmapcheck.trace.TraceJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test fixtures: the lwbuf OrBug2009 traces from TLC and from the explorer, and a small lasso. */
final class Fixtures {
    private Fixtures() {}

    static final List<String> NAMES = List.of("lwbuf-OrBug2009.tlc.json", "lwbuf-OrBug2009.explorer.json", "liveness-lasso.json");

    static String json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/kmapcheck/report/fixtures/" + name)) {
            if (in == null) throw new IllegalStateException("missing fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Trace trace(String name) {
        try {
            return TraceJson.parse(json(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root (surefire sets kmapcheck.root; running from the module dir, it is ..). */
    static Path root() {
        return Path.of(System.getProperty("kmapcheck.root", "..")).toAbsolutePath().normalize();
    }

    /** The lwbuf spec's comments, as the runner passes them in Row.kernelOf. */
    static Map<String, String> lwbufComments() {
        Path tla = root().resolve("spec/lwbuf/Lwbuf.tla");
        try {
            if (!Files.exists(tla)) throw new IllegalStateException("spec not found: " + tla);
            return SpecComments.read(tla);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Roles LWBUF_ROLES = new Roles("pc", "tcpu", "tlb");

    /** The two rows of lwbuf/OrBug2009 as the runner reports them. */
    static List<Row> orBugRows() {
        Map<String, String> k = lwbufComments();
        return List.of(
                new Row("lwbuf/OrBug2009", "tlc", "violation of LW1", "violation of LW1", true, 453, 5, 1.04,
                        trace("lwbuf-OrBug2009.tlc.json"), k, LWBUF_ROLES),
                new Row("lwbuf/OrBug2009", "explorer", "violation of LW1", "violation of LW1", true, 319, 4, 0.24,
                        trace("lwbuf-OrBug2009.explorer.json"), k, LWBUF_ROLES));
    }
}
