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

    @Test
    void classesRestrictTheRunAndTheJudgedAnnotations() throws Exception {
        Path root = TestRoot.get();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Map<String, String> ok = Map.of("java-only", "true", "classes", "VmPage,nfs.NfsWritePath");
        assertEquals(List.of("VmPage", "nfs.NfsWritePath"), MutateCommand.classes(root, List.of("vmpage"), ok));
        assertEquals("kmapcheck.vmpage.VmPage,kmapcheck.vmpage.VmPage$*,kmapcheck.vmpage.nfs.NfsWritePath,kmapcheck.vmpage.nfs.NfsWritePath$*",
                Pit.targetClasses("vmpage", List.of("VmPage", "nfs.NfsWritePath")));
        assertEquals("kmapcheck.vmpage.*", Pit.targetClasses("vmpage", List.of()));
        var inRun = new Pit.Mutant("kmapcheck/vmpage/VmPage.java", "kmapcheck.vmpage.VmPage$1", "f", 3, "M", "d", "SURVIVED", "", 1);
        var other = new Pit.Mutant("kmapcheck/vmpage/VmPageUnwire.java", "kmapcheck.vmpage.VmPageUnwire", "f", 3, "M", "d", "SURVIVED", "", 1);
        assertEquals(List.of(inRun), MutateCommand.inClasses(List.of(inRun, other), Pit.Mutant::file, "vmpage", List.of("VmPage")));
        var note = new PitSurvivors.Annotation("kmapcheck/vmpage/VmPageUnwire.java", 3, "x", "*", "why", null);
        assertEquals(List.of(), MutateCommand.inClasses(List.of(note), PitSurvivors.Annotation::file, "vmpage", List.of("VmPage")), "not judged, so not stale");
        // bad input, each before any run: no such class, two mechanisms, without --java-only, bad timeout
        assertEquals(2, MutateCommand.run(root, List.of("vmpage"), Map.of("java-only", "true", "classes", "NoSuch"), new PrintStream(sink)));
        assertEquals(2, MutateCommand.run(root, List.of("vmpage"), Map.of("java-only", "true", "classes", "../VmPage"), new PrintStream(sink)));
        assertEquals(2, MutateCommand.run(root, List.of("vmpage", "lwbuf"), ok, new PrintStream(sink)));
        assertEquals(2, MutateCommand.run(root, List.of("vmpage"), Map.of("classes", "VmPage"), new PrintStream(sink)));
        assertEquals(2, MutateCommand.run(root, List.of("vmpage"), Map.of("java-only", "true", "pit-timeout-ms", "0"), new PrintStream(sink)));
    }
}
