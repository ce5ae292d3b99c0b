package kmapcheck.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 3: for every buggy model of a mechanism's manifest (exhaustive, expected to
 * violate), proofs/&lt;mechanism&gt;.md's index names the inductive model holding its counterexample
 * to induction, with the conjunct it breaks, or says why there is none. The index is the section
 * {@value #HEADING}, one row per buggy model: {@code | `Model` | `InductiveModel` | conjunct | ... |}
 * or {@code | `Model` | none | reason |}. A named inductive model must exist in the manifest with
 * mode inductive, and its expected verdict must be the conjunct the row names.
 */
class BuggyModelIndexTest {
    static final String HEADING = "## Index: every buggy model and its counterexample to induction";
    static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| (none|`(\\w+)`) \\| ([^|]*)\\|", Pattern.MULTILINE);

    record Row(String model, String inductive, String third) {}

    static Map<String, Row> index(String md) {
        int at = md.indexOf(HEADING);
        if (at < 0) return Map.of();
        int end = md.indexOf("\n## ", at + HEADING.length());
        String section = md.substring(at, end < 0 ? md.length() : end);
        Map<String, Row> rows = new HashMap<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) rows.put(m.group(1), new Row(m.group(1), m.group(3), m.group(4).trim()));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyBuggyModelIsIndexed() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        try (Stream<Path> dirs = Files.list(ProofModulesTest.ROOT.resolve("spec"))) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("manifest.json"))).sorted().toList()) {
                String mech = dir.getFileName().toString();
                JsonNode models = om.readTree(dir.resolve("manifest.json").toFile()).get("models");
                Map<String, JsonNode> byName = new HashMap<>();
                models.forEach(m -> byName.put(m.get("name").asText(), m));
                Map<String, Row> rows = index(Files.readString(ProofModulesTest.ROOT.resolve("proofs").resolve(mech + ".md")));
                for (JsonNode m : models) {
                    if (m.has("mode") || !"violation".equals(m.get("expect").asText())) continue;
                    String name = m.get("name").asText();
                    tests.add(DynamicTest.dynamicTest(mech + "/" + name, () -> {
                        Row row = rows.get(name);
                        assertTrue(row != null, "proofs/" + mech + ".md: no index row for buggy model " + name);
                        if (row.inductive() == null) {
                            assertFalse(row.third().isBlank(), "proofs/" + mech + ".md: " + name + ": 'none' needs a reason");
                            return;
                        }
                        JsonNode ind = byName.get(row.inductive());
                        assertTrue(ind != null && ind.path("mode").asText().startsWith("inductive"),
                                "proofs/" + mech + ".md: " + name + ": " + row.inductive() + " is no inductive model of the manifest");
                        String expected = "violation".equals(ind.get("expect").asText()) ? ind.get("property").asText() : "inductive";
                        assertEquals(expected, row.third().replace("`", "").split("\\W")[0],
                                "proofs/" + mech + ".md: " + name + ": the row's conjunct differs from " + row.inductive() + "'s expected verdict");
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void theRowParserReadsBothForms() {
        String md = HEADING + "\n| model | inductive model | conjunct |\n|---|---|---|\n"
                + "| `A` | `AInductive` | `SF8` after MapStore |\n| `B` | none | a liveness bug |\n## next\n| `C` | none | x |\n";
        Map<String, Row> rows = index(md);
        assertEquals(new Row("A", "AInductive", "`SF8` after MapStore"), rows.get("A"));
        assertEquals(new Row("B", null, "a liveness bug"), rows.get("B"));
        assertFalse(rows.containsKey("C"), "rows after the section are not the index's");
    }
}
