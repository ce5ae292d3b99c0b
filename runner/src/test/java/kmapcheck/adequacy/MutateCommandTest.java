package kmapcheck.adequacy;

import kmapcheck.TestRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 'kmapcheck mutate' rejects bad input before any long run (the runs themselves are opt-in, not tests). */
class MutateCommandTest {
    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test
    void aStaleCatalogueExitsWithBadInput(@TempDir Path root) throws Exception {
        Path real = TestRoot.get();
        copyTree(real.resolve("spec/lwbuf"), root.resolve("spec/lwbuf"));
        copyTree(real.resolve("jpf-config/lwbuf"), root.resolve("jpf-config/lwbuf"));
        Path cat = root.resolve("spec/lwbuf/mutations.json");
        String text = Files.readString(cat);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        // the catalogue as it is loads; its first find text changed to something the spec no longer has does not
        Files.writeString(cat, text.replaceFirst("\"find\": \"", "\"find\": \"NO LONGER IN THE SPEC "));
        assertEquals(2, MutateCommand.run(root, List.of("lwbuf"), Map.of("spec-only", "true"), new PrintStream(sink)));
        assertEquals(2, MutateCommand.run(root, List.of("lwbuf"), Map.of("java-only", "true", "spec-only", "true"), new PrintStream(sink)));
        assertEquals(2, MutateCommand.run(root, List.of("nosuch"), Map.of(), new PrintStream(sink)));
        Files.writeString(cat, text);
        assertEquals(2, MutateCommand.run(root, List.of("lwbuf"), Map.of("java-only", "true", "reuse", "true", "out",
                root.resolve("out").toString()), new PrintStream(sink)), "no PIT report to reuse");
    }
}
