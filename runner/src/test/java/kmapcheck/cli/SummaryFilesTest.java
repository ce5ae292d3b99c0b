package kmapcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** out/summary.json validates against its published JSON Schema and out/junit.xml against the JUnit XML schema. */
class SummaryFilesTest {
    static JsonSchema summarySchema() throws Exception {
        try (InputStream in = Summary.class.getResourceAsStream("/kmapcheck/cli/summary.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void summaryAndJunitOfARunWithAMismatch() throws Exception {
        Path root = Cli.rootWith("lwbuf");
        Path m = root.resolve("spec/lwbuf/manifest.json");
        Files.writeString(m, Files.readString(m).replaceFirst("\"distinctStates\": 3988", "\"distinctStates\": 3989"));
        Path out = root.resolve("out");
        Cli.Run r = Cli.run(root, null, "tlc", "lwbuf/Fixed", "lwbuf/OrBug2009", "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());

        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(Set.of(), summarySchema().validate(s), "summary.json conforms to summary.schema.json");
        assertEquals(1, s.at("/run/exitCode").asInt());
        assertEquals(false, s.at("/run/interrupted").asBoolean());
        assertTrue(s.at("/run/tlcVersion").asText().startsWith("2.18"), s.at("/run/tlcVersion").asText());
        assertTrue(s.at("/run/gitCommit").isNull(), "no git checkout in a temp root");
        JsonNode fixed = s.at("/rows/0"), bug = s.at("/rows/1");
        assertEquals("mismatch", fixed.get("status").asText());
        assertEquals(3989, fixed.at("/expected/distinctStates").asLong());
        assertEquals(3988, fixed.get("distinctStates").asLong());
        assertEquals("pass", fixed.at("/actual/verdict").asText());
        assertEquals("ok", bug.get("status").asText());
        assertEquals("violation", bug.at("/expected/verdict").asText());
        assertEquals("LW1", bug.at("/actual/property").asText());
        assertEquals("invariant", bug.at("/actual/kind").asText());
        assertEquals(1, bug.get("workers").asInt(), "a model expected to fail runs with one worker");
        assertEquals(6, bug.at("/trace/steps").asInt());
        assertTrue(Files.exists(out.resolve(bug.at("/trace/json").asText())));
        assertStepsCarryTheirDefinitionSite(out.resolve(bug.at("/trace/text").asText()), root.resolve("spec/lwbuf/Lwbuf.tla"));

        Path junit = out.resolve("junit.xml");
        try (InputStream xsd = SummaryFilesTest.class.getResourceAsStream("/kmapcheck/cli/junit.xsd")) {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd)).newValidator()
                    .validate(new StreamSource(junit.toFile()));
        }
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength(), "one testcase per row");
        Element first = (Element) cases.item(0);
        assertEquals("kmapcheck.tlc.lwbuf", first.getAttribute("classname"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals("mismatch", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").contains("manifest: 3989"), failure.getAttribute("message"));
        assertEquals(0, ((Element) cases.item(1)).getChildNodes().getLength(), "the passing row has no failure");
        assertEquals("1", ((Element) d.getElementsByTagName("testsuite").item(0)).getAttribute("failures"));
        Cli.deleteTree(root);
    }

    /** Every step line of a text trace ends with "Lwbuf.tla:N", N the line of the action's definition. */
    static void assertStepsCarryTheirDefinitionSite(Path text, Path spec) throws Exception {
        java.util.List<String> src = Files.readAllLines(spec);
        int steps = 0;
        for (String l : Files.readAllLines(text)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*\\d+\\s+(\\w+)\\s.*\\s(\\w+\\.tla):(\\d+)$").matcher(l);
            if (!m.matches()) continue;
            steps++;
            assertEquals(spec.getFileName().toString(), m.group(2), l);
            assertTrue(src.get(Integer.parseInt(m.group(3)) - 1).startsWith(m.group(1) + "("), "line " + m.group(3) + " defines " + m.group(1) + ": " + l);
        }
        assertEquals(6, steps, "every step of the 6-step counterexample has its file:line: " + Files.readString(text));
    }

    @Test
    void summaryInTheRepositoryNamesItsCommit() throws Exception {
        Path out = Files.createTempDirectory("kmapcheck-out-");
        Cli.Run r = Cli.run(TestRoot.get(), null, "explore", "lwbuf/OrBug2009", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(Set.of(), summarySchema().validate(s));
        String head = Summary.Versions.gitCommit(TestRoot.get());
        assertEquals(Files.exists(TestRoot.get().resolve(".git")), head != null, "a checkout has a commit");
        if (head != null) assertEquals(head, s.at("/run/gitCommit").asText());
        assertTrue(s.at("/rows/0/workers").asInt() >= 1, "the explorer's search threads");
        assertStepsCarryTheirDefinitionSite(out.resolve(s.at("/rows/0/trace/text").asText()), TestRoot.get().resolve("spec/lwbuf/Lwbuf.tla"));
        Cli.deleteTree(out);
    }
}
