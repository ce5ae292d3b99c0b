package kmapcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import kmapcheck.trace.Trace;
import kmapcheck.trace.TraceJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON traces (fixtures, TraceJson output, the published files) validate against the published schema. */
class SchemaValidationTest {
    static final ObjectMapper M = new ObjectMapper();
    static JsonSchema schema;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SchemaValidationTest.class.getResourceAsStream("/kmapcheck/trace/trace.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static Set<ValidationMessage> validate(String json) throws Exception {
        return schema.validate(M.readTree(json));
    }

    @Test
    void fixturesAreValid() throws Exception {
        for (String name : Fixtures.NAMES) assertEquals(Set.of(), validate(Fixtures.json(name)), name);
    }

    @Test
    void traceJsonOutputIsValidAndRoundTrips() throws Exception {
        List<Trace> traces = new ArrayList<>();
        for (String name : Fixtures.NAMES) traces.add(Fixtures.trace(name));
        traces.add(EscapingTest.evilTrace());
        traces.add(AlignmentTest.trace("explorer", "Init", "A", "(s)", "B"));
        for (Trace t : traces) {
            String json = TraceJson.write(t);
            assertEquals(Set.of(), validate(json), t.model());
            assertEquals(t, TraceJson.parse(json), "round trip " + t.model());
        }
    }

    @Test
    void publishedReportFilesAreValid() throws Exception {
        Path out = Path.of("target", "schema-test");
        BrowserTest.deleteTree(out);
        HtmlReport.write(out, ReportTest.allRows());
        // the published schema is the one in trace/
        try (InputStream in = SchemaValidationTest.class.getResourceAsStream("/kmapcheck/trace/trace.schema.json")) {
            assertEquals(M.readTree(in), M.readTree(Files.readString(out.resolve("trace.schema.json"))));
        }
        int n = 0;
        try (Stream<Path> files = Files.list(out.resolve("traces"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertEquals(Set.of(), validate(Files.readString(f)), f.toString());
                n++;
            }
        }
        assertEquals(4, n, "tlc + explorer of OrBug2009, MaskAllQuick, LostWakeup");
    }

    @Test
    void invalidTracesAreRejected() throws Exception {
        ObjectNode ok = (ObjectNode) M.readTree(Fixtures.json("liveness-lasso.json"));
        assertTrue(validate(ok.toString()).isEmpty());

        ObjectNode badKind = ok.deepCopy();
        ((ObjectNode) badKind.get("violation")).put("kind", "crash");
        assertFalse(validate(badKind.toString()).isEmpty(), "unknown violation kind");

        ObjectNode badValue = ok.deepCopy();
        JsonNode state = badValue.get("state").get(0).get(1);
        ((ObjectNode) state).putObject("pc").put("map", 1);
        assertFalse(validate(badValue.toString()).isEmpty(), "untagged object value");

        ObjectNode extra = ok.deepCopy();
        extra.put("colour", "red");
        assertFalse(validate(extra.toString()).isEmpty(), "unknown top-level property");

        ObjectNode noFormat = ok.deepCopy();
        noFormat.remove("format");
        assertFalse(validate(noFormat.toString()).isEmpty(), "format required");

        ObjectNode badLoop = ok.deepCopy();
        ((ObjectNode) badLoop.get("violation")).put("loopTo", 0);
        assertFalse(validate(badLoop.toString()).isEmpty(), "loopTo is a 1-based state index");
    }
}
