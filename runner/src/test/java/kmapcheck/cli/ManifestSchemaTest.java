package kmapcheck.cli;

import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Manifests are validated by their JSON Schema and the checks a schema cannot make; each problem names the file and the key. */
class ManifestSchemaTest {
    static final String OK_MODEL = "{\"name\":\"Toy\",\"module\":\"MCToy.tla\",\"expect\":\"pass\",\"distinctStates\":3}";

    /** A spec folder "toy" with MCToy and MCOther and the given manifest; returns the error of reading it. */
    static String problem(String manifest) throws Exception {
        Path dir = Files.createDirectories(Files.createTempDirectory("kmapcheck-manifest-").resolve("toy"));
        for (String m : new String[]{"MCToy", "MCOther"}) {
            Files.writeString(dir.resolve(m + ".tla"), "---- MODULE " + m + " ----\n====\n");
            Files.writeString(dir.resolve(m + ".cfg"), "");
        }
        Path f = dir.resolve("manifest.json");
        Files.writeString(f, manifest);
        Manifest.ManifestException e = assertThrows(Manifest.ManifestException.class, () -> Manifest.read(f, Manifest.Tool.TLC));
        assertTrue(e.getMessage().startsWith(f + ": "), "names the file: " + e.getMessage());
        Cli.deleteTree(dir.getParent());
        return e.getMessage().substring(f.toString().length() + 2);
    }

    static String models(String... entries) {
        return "{\"mechanism\":\"toy\",\"models\":[" + String.join(",", entries) + "]}";
    }

    static final String OTHER = "{\"name\":\"Other\",\"module\":\"MCOther.tla\",\"expect\":\"violation\",\"kind\":\"invariant\",\"property\":\"Inv\"}";

    @Test void passWithoutDistinctStates() throws Exception {
        assertEquals("models[0] (name Toy): required property 'distinctStates' not found",
                problem(models("{\"name\":\"Toy\",\"module\":\"MCToy.tla\",\"expect\":\"pass\"}", OTHER)));
    }

    @Test void misspeltDistinctStates() throws Exception {
        String p = problem(models("{\"name\":\"Toy\",\"module\":\"MCToy.tla\",\"expect\":\"pass\",\"distinctState\":3}", OTHER));
        assertTrue(p.startsWith("models[0] (name Toy): "), p);
        assertTrue(p.contains("distinctState"), p);
    }

    @Test void distinctStatesNotANumber() throws Exception {
        assertEquals("models[0] (name Toy).distinctStates: string found, integer expected",
                problem(models("{\"name\":\"Toy\",\"module\":\"MCToy.tla\",\"expect\":\"pass\",\"distinctStates\":\"many\"}", OTHER)));
    }

    @Test void unknownKey() throws Exception {
        String p = problem(models(OK_MODEL.replace("}", ",\"defualt\":false}"), OTHER));
        assertTrue(p.startsWith("models[0] (name Toy): ") && p.contains("defualt"), p);
    }

    @Test void violationWithoutProperty() throws Exception {
        assertEquals("models[1] (name Other): required property 'property' not found",
                problem(models(OK_MODEL, OTHER.replace(",\"property\":\"Inv\"", ""))));
    }

    @Test void badExpect() throws Exception {
        String p = problem(models(OK_MODEL.replace("\"pass\"", "\"passes\""), OTHER));
        assertTrue(p.startsWith("models[0] (name Toy).expect: "), p);
    }

    @Test void modelListedTwice() throws Exception {
        assertEquals("name 'Toy' is listed twice", problem(models(OK_MODEL, OK_MODEL, OTHER)));
        assertEquals("model Toy2: module MCToy.tla is listed twice",
                problem(models(OK_MODEL, OK_MODEL.replace("\"Toy\"", "\"Toy2\""), OTHER)));
    }

    @Test void mechanismMustBeTheFolder() throws Exception {
        assertTrue(problem(models(OK_MODEL, OTHER).replace("\"toy\"", "\"lwbuf\"")).startsWith("\"mechanism\" is 'lwbuf', the folder is 'toy'"));
    }

    @Test void everyManifestOfTheRepositoryIsValid() throws Exception {
        assertTrue(Manifest.load(TestRoot.get()).size() > 100);
    }
}
