package kmapcheck.adequacy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PIT (org.pitest 1.30.2, JUnit 5 plugin 1.2.3) on one mechanism's kernel classes, run from its command
 * line in a child JVM; results read from its mutations.xml. PIT's coverage-based test selection runs
 * only the tests that execute a mutated line; 2 threads.
 */
public final class Pit {
    /** One mutant as PIT reports it. {@code status}: KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, MEMORY_ERROR, RUN_ERROR, NON_VIABLE. */
    public record Mutant(String file, String mutatedClass, String method, int line, String mutator, String description,
                         String status, String killingTest, int testsRun) {
        public String mutatorName() { return mutator.substring(mutator.lastIndexOf('.') + 1); }
        public String where() { return file + ":" + line; }
    }

    /** Which tests kill: the explorer's scenario verdicts or the Lincheck tests of reference-impl. */
    public enum Killers { EXPLORER, LINCHECK }

    private Pit() {}

    /** The class path of PIT's child JVM; reference-impl's classes as a directory (PIT mutates only directories). */
    static List<String> classPath(Path root, Killers killers) throws IOException {
        List<String> cp = new ArrayList<>();
        Path ref = root.resolve("reference-impl/target/classes");
        require(ref);
        cp.add(ref.toString());
        if (killers == Killers.LINCHECK) {
            require(root.resolve("reference-impl/target/test-classes"));
            cp.add(root.resolve("reference-impl/target/test-classes").toString());
            cp.addAll(jars(root.resolve("reference-impl/target/test-lib")));
        } else {
            require(root.resolve("runner/target/test-classes"));
            cp.add(root.resolve("runner/target/classes").toString());
            cp.add(root.resolve("runner/target/test-classes").toString());
        }
        for (String j : jars(root.resolve("runner/target/adequacy-lib")))
            if (!Path.of(j).getFileName().toString().startsWith("kmapcheck-reference-impl-")) cp.add(j);
        return cp;
    }

    private static void require(Path p) {
        if (!Files.isDirectory(p)) throw new IllegalStateException(p + " missing: build first (mvn -B -DskipTests install)");
    }

    private static List<String> jars(Path dir) throws IOException {
        require(dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).toList();
        }
    }

    /**
     * The test classes whose tests may kill a mutant of {@code mechanism}. The explorer's: ScenarioVerdicts (each
     * default scenario's manifest verdict) and ScenarioReachableSets (each countable pair's abstract-state count
     * against TLC's, {@link ReachableSets}). PIT orders a mutant's covering tests by their time in its
     * unmutated coverage run, cheapest first, whatever their class (DefaultTestPrioritiser), and stops at the
     * first that fails or times out. A reachable-set test maps every state it stores, so it is mostly, not
     * always, slower than its scenario's verdict test (vmpage, unmutated: 29 pairs in 70 s, the 65 verdicts
     * in 80 s): a mutant whose state explosion times out a cheaper test is not reached by the costlier ones.
     */
    static String targetTests(String mechanism, Killers killers) {
        return killers == Killers.EXPLORER ? "kmapcheck.adequacy.ScenarioVerdicts,kmapcheck.adequacy.ScenarioReachableSets"
                : "kmapcheck." + mechanism + ".*LincheckTest";
    }

    /** PIT's default constant added to each test's normal time before a mutant counts as timed out (wall clock). */
    public static final int DEFAULT_TIMEOUT_CONST_MS = 8000;

    /**
     * PIT's {@code --targetClasses}: the mechanism's package, or only the named top-level classes with their
     * nested classes ({@code X} and {@code X$*}); names are relative to {@code kmapcheck.<mechanism>}.
     */
    static String targetClasses(String mechanism, List<String> classes) {
        if (classes.isEmpty()) return "kmapcheck." + mechanism + ".*";
        List<String> globs = new ArrayList<>();
        for (String c : classes) {
            String fq = "kmapcheck." + mechanism + "." + c;
            globs.add(fq);
            globs.add(fq + "$*");
        }
        return String.join(",", globs);
    }

    /**
     * Runs PIT, mutating only {@code classes} (all of the mechanism's when empty), with PIT's
     * {@code --timeoutConst} of {@code timeoutConstMs}; returns the mutants of
     * {@code reportDir/mutations.xml}. PIT's own output goes to {@code reportDir/pit.log}.
     */
    public static List<Mutant> run(Path root, String mechanism, Killers killers, Path reportDir, int threads,
                                   List<String> classes, int timeoutConstMs) throws IOException, InterruptedException {
        Files.createDirectories(reportDir);
        Files.deleteIfExists(reportDir.resolve("mutations.xml"));
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx1500m", "-Dkmapcheck.root=" + root, "-Dkmapcheck.mechanisms=" + mechanism));
        if (killers == Killers.LINCHECK) {
            jvmArgs.addAll(LINCHECK_JVM_ARGS);
            jvmArgs.add("-Dkmapcheck.lincheck.invocations=" + LINCHECK_BUDGET);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", String.join(File.pathSeparator, classPath(root, killers)),
                "org.pitest.mutationtest.commandline.MutationCoverageReport",
                "--reportDir", reportDir.toString(),
                "--targetClasses", targetClasses(mechanism, classes),
                "--targetTests", targetTests(mechanism, killers),
                "--sourceDirs", root.resolve("reference-impl/src/main/java").toString(),
                "--mutableCodePaths", root.resolve("reference-impl/target/classes").toString(),
                "--excludedMethods", "toString,hashCode,equals",
                "--threads", Integer.toString(threads),
                "--outputFormats", "XML,HTML",
                "--timestampedReports=false",
                "--timeoutConst", Integer.toString(timeoutConstMs),
                "--jvmArgs", String.join(",", jvmArgs)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(reportDir.resolve("pit.log").toFile()).start();
        if (!p.waitFor(4, TimeUnit.HOURS)) p.destroyForcibly();
        Path xml = reportDir.resolve("mutations.xml");
        if (p.exitValue() != 0 || !Files.exists(xml))
            throw new IllegalStateException("PIT failed (exit " + p.exitValue() + "), see " + reportDir.resolve("pit.log") + ":\n"
                    + tail(Files.readString(reportDir.resolve("pit.log"), StandardCharsets.UTF_8), 25));
        return parse(xml);
    }

    /** Lincheck's invocation budget per test in a mutation run (the tests' own default is 1,000). */
    public static final int LINCHECK_BUDGET = 200;

    /** The JVM options Lincheck's model checker needs (as reference-impl's surefire configuration). */
    static final List<String> LINCHECK_JVM_ARGS = List.of(
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
            "--add-exports=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED");

    static String tail(String s, int n) {
        List<String> l = s.lines().toList();
        return String.join("\n", l.subList(Math.max(0, l.size() - n), l.size()));
    }

    /** PIT's mutations.xml. */
    public static List<Mutant> parse(Path xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(xml.toFile());
            NodeList ms = d.getElementsByTagName("mutation");
            List<Mutant> out = new ArrayList<>();
            for (int i = 0; i < ms.getLength(); i++) {
                Element m = (Element) ms.item(i);
                String cls = child(m, "mutatedClass");
                String pkg = cls.contains(".") ? cls.substring(0, cls.lastIndexOf('.')).replace('.', '/') + "/" : "";
                out.add(new Mutant(pkg + child(m, "sourceFile"), cls, child(m, "mutatedMethod"),
                        Integer.parseInt(child(m, "lineNumber")), child(m, "mutator"), child(m, "description"),
                        m.getAttribute("status"), child(m, "killingTest"), parseIntOr(m.getAttribute("numberOfTestsRun"))));
            }
            return out;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(xml + ": not PIT's mutations.xml: " + e.getMessage());
        }
    }

    private static int parseIntOr(String s) {
        try { return Integer.parseInt(s); } catch (NumberFormatException e) { return 0; }
    }

    private static String child(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }
}
