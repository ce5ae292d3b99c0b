package kmapcheck.adequacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end: 'kmapcheck coverage lwbuf --json' (JaCoCo agent on a child JVM, TLC -coverage), about 10 s. */
class CoverageCommandTest {
    @Test
    void coverageOfLwbufMeasuresCodeAndSpecActions(@TempDir Path out) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = CoverageCommand.run(TestRoot.get(), List.of("lwbuf"), Map.of("json", "true", "out", out.toString(), "workers", "1"),
                new PrintStream(buf, true));
        JsonNode all = new ObjectMapper().readTree(buf.toString());
        assertEquals(1, all.size());
        JsonNode m = all.get(0);
        assertEquals("lwbuf", m.get("mechanism").asText());
        assertTrue(m.get("lines").asInt() > 50, "lwbuf has more than 50 lines of kernel code");
        assertTrue(m.get("linesCovered").asInt() > m.get("lines").asInt() / 2, "the default scenarios run most of it");
        assertTrue(m.get("linesCovered").asInt() <= m.get("lines").asInt());
        assertTrue(m.get("branchesCovered").asInt() <= m.get("branches").asInt() && m.get("branches").asInt() > 0);
        assertTrue(m.get("specActions").asInt() >= 10, "Lwbuf.tla's next-state actions");
        assertTrue(m.get("specActionGenerated").get("Lwbuf!Alloc").asLong() > 0, "every passing model allocates");
        assertTrue(m.get("failedRuns").isEmpty(), m.get("failedRuns").toString());
        assertEquals(m.get("ok").asBoolean() ? 0 : 1, code);
        assertEquals(m.get("gaps").isEmpty() && m.get("stale").isEmpty(), m.get("ok").asBoolean());
        assertTrue(Files.exists(out.resolve("coverage/lwbuf/index.html")), "JaCoCo's HTML report");
    }

    @Test
    void anUnknownMechanismIsBadInput() throws Exception {
        assertEquals(2, CoverageCommand.run(TestRoot.get(), List.of("nosuch"), Map.of(), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(2, CoverageCommand.run(TestRoot.get(), List.of("lwbuf"), Map.of("bogus", "true"), new PrintStream(new ByteArrayOutputStream())));
    }
}
