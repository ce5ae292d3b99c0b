package kmapcheck.proofs;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tla2sany.drivers.SANY;
import tla2sany.modanalyzer.SpecObj;
import util.SimpleFilenameToStream;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: every TLAPS-style proof module under proofs/ parses, resolves and level-checks with
 * SANY (TLC's front end), states {@code THEOREM ... => []IndInv}, and says plainly that no prover
 * checked it. SANY is all that runs here: no TLAPS backend is available to these machines.
 */
class ProofModulesTest {
    static final Path ROOT = repoRoot();

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("proofs"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no proofs/ directory above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** The proof module's directory first, then every mechanism's spec directory (the modules a proof EXTENDS). */
    static String[] libraryPath(Path moduleDir) throws Exception {
        List<String> dirs = new ArrayList<>(List.of(moduleDir.toString()));
        try (Stream<Path> s = Files.list(ROOT.resolve("spec"))) {
            s.filter(Files::isDirectory).sorted().forEach(d -> dirs.add(d.toString()));
        }
        return dirs.toArray(String[]::new);
    }

    /** SANY's verdict on one module: null when it parses, resolves and level-checks, else SANY's output. */
    static String sanyErrors(Path module) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        SpecObj spec = new SpecObj(module.toString(), new SimpleFilenameToStream(libraryPath(module.getParent())));
        int rc;
        try {
            rc = SANY.frontEndMain(spec, module.toString(), out);
        } catch (Exception e) {
            return e + "\n" + buf.toString(StandardCharsets.UTF_8);
        }
        boolean ok = rc == 0 && spec.getErrorLevel() == 0
                && spec.getInitErrors().isSuccess() && spec.getParseErrors().isSuccess()
                && spec.getSemanticErrors().isSuccess();
        return ok ? null : "rc " + rc + ", error level " + spec.getErrorLevel() + "\n" + buf.toString(StandardCharsets.UTF_8);
    }

    static List<Path> proofModules() throws Exception {
        try (Stream<Path> s = Files.list(ROOT.resolve("proofs"))) {
            return s.filter(p -> p.toString().endsWith(".tla")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyProofModuleIsSanyCleanAndLabelled() throws Exception {
        return proofModules().stream().map(m -> DynamicTest.dynamicTest(m.getFileName().toString(), () -> {
            String errors = sanyErrors(m);
            assertTrue(errors == null, m + ": SANY reports\n" + errors);
            String text = Files.readString(m);
            assertTrue(text.matches("(?s).*THEOREM\\s+\\w*\\s*(==)?\\s*(ASSUME[^\\n]*PROVE\\s+)?Spec\\w*\\s*=>\\s*\\[\\]\\s*IndInv.*"),
                    m + ": no THEOREM Spec => []IndInv");
            assertTrue(text.toLowerCase(java.util.Locale.ROOT).contains("not checked by a prover"), m + ": must say plainly that no prover checked it");
        }));
    }

    @Test
    void theProofModulesExistForEveryMechanism() throws Exception {
        List<String> names = proofModules().stream().map(p -> p.getFileName().toString()).toList();
        for (String m : List.of("LwbufProof.tla", "SfBufProof.tla", "MemAttrProof.tla", "VmPageProof.tla"))
            assertTrue(names.contains(m), "proofs/" + m + " missing; have " + names);
    }

    /** The check can fail: an unknown operator and a level error (a primed action) are both reported. */
    @Test
    void sanyRejectsAnUnknownOperatorAndALevelError() throws Exception {
        Path dir = Files.createTempDirectory("kmapcheck-sany-");
        try {
            Path unknown = dir.resolve("Unknown.tla");
            Files.writeString(unknown, "---- MODULE Unknown ----\nTHEOREM T == NoSuchOperator\n====\n");
            assertFalse(sanyErrors(unknown) == null, "an unknown operator must be an error");
            Path level = dir.resolve("Level.tla");
            Files.writeString(level, "---- MODULE Level ----\nVARIABLE x\nA == x' = x\nB == (A)'\n====\n");
            assertFalse(sanyErrors(level) == null, "priming an action is a level error");
            Path good = dir.resolve("Good.tla");
            Files.writeString(good, "---- MODULE Good ----\nVARIABLE x\nA == x' = x\nTHEOREM T == A => A\n<1>1. QED OBVIOUS\n====\n");
            assertTrue(sanyErrors(good) == null, "a well-formed module: " + sanyErrors(good));
        } finally {
            kmapcheck.tlc.TlcRunner.deleteTree(dir);
        }
    }
}
