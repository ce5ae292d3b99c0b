package kmapcheck.adequacy;

import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ILine;
import org.jacoco.core.analysis.IPackageCoverage;
import org.jacoco.core.analysis.ISourceFileCoverage;
import org.jacoco.core.tools.ExecFileLoader;
import org.jacoco.report.DirectorySourceFileLocator;
import org.jacoco.report.FileMultiReportOutput;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.html.HTMLFormatter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * JaCoCo line and branch coverage of one mechanism's kernel classes in reference-impl (package
 * {@code kmapcheck.<mechanism>} and its subpackages) from an execution-data file written by the agent,
 * analysed with JaCoCo's own API (the class files the child JVM ran: reference-impl's code source).
 */
public final class CodeCoverage {
    /** One source line with code. {@code status} is JaCoCo's ICounter status. */
    public record Line(String file, int line, int status, int branches, int branchesMissed, String text) {
        public boolean executed() { return status == ICounter.PARTLY_COVERED || status == ICounter.FULLY_COVERED; }
        public boolean missesBranches() { return branchesMissed > 0; }
    }

    /** Totals (JaCoCo's counters: a line counts as covered when any of its instructions ran). */
    public record Result(String mechanism, int lines, int linesCovered, int branches, int branchesCovered, List<Line> code) {}

    private CodeCoverage() {}

    /** The package path (with '/') of a mechanism's kernel classes. */
    public static String packagePath(String mechanism) { return "kmapcheck/" + mechanism + "/"; }

    /** The jar or class directory reference-impl's classes are loaded from in this JVM. */
    public static Path referenceImplClasses() {
        try {
            return Path.of(kmapcheck.machine.Ctx.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate reference-impl's classes: " + e.getMessage());
        }
    }

    /**
     * Analyses {@code exec} over the mechanism's classes in {@code classes} (jar or directory),
     * reading line texts from {@code sources}; writes JaCoCo's HTML report to {@code htmlDir} if not null.
     */
    public static Result analyse(String mechanism, Path exec, Path classes, Path sources, Path htmlDir) throws IOException {
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(exec.toFile());
        CoverageBuilder builder = new CoverageBuilder();
        Analyzer analyzer = new Analyzer(loader.getExecutionDataStore(), builder);
        String pkg = packagePath(mechanism);
        int analysed = 0;
        if (Files.isDirectory(classes)) {
            Path dir = classes.resolve(pkg);
            if (Files.isDirectory(dir)) {
                try (var s = Files.walk(dir)) {
                    for (Path f : s.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(f)) {
                            analyzer.analyzeClass(in, f.toString());
                            analysed++;
                        }
                    }
                }
            }
        } else {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(classes))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().startsWith(pkg) && e.getName().endsWith(".class")) {
                        analyzer.analyzeClass(zip.readAllBytes(), e.getName());
                        analysed++;
                    }
                }
            }
        }
        if (analysed == 0) throw new BadInput("no kernel classes of '" + mechanism + "' (package kmapcheck." + mechanism + ") in " + classes);
        IBundleCoverage bundle = builder.getBundle("reference-impl: " + mechanism);
        if (htmlDir != null) {
            Files.createDirectories(htmlDir);
            IReportVisitor v = new HTMLFormatter().createVisitor(new FileMultiReportOutput(htmlDir.toFile()));
            v.visitInfo(loader.getSessionInfoStore().getInfos(), loader.getExecutionDataStore().getContents());
            v.visitBundle(bundle, new DirectorySourceFileLocator(sources.toFile(), "UTF-8", 4));
            v.visitEnd();
        }
        List<Line> code = new ArrayList<>();
        for (IPackageCoverage p : bundle.getPackages()) {
            for (ISourceFileCoverage sf : p.getSourceFiles()) {
                String file = p.getName() + "/" + sf.getName();
                Path src = sources.resolve(file);
                List<String> text = Files.exists(src) ? Files.readAllLines(src, StandardCharsets.UTF_8) : List.of();
                for (int i = sf.getFirstLine(); i <= sf.getLastLine() && i > 0; i++) {
                    ILine l = sf.getLine(i);
                    if (l.getStatus() == ICounter.EMPTY) continue;
                    code.add(new Line(file, i, l.getStatus(), l.getBranchCounter().getTotalCount(),
                            l.getBranchCounter().getMissedCount(), i <= text.size() ? text.get(i - 1).strip() : ""));
                }
            }
        }
        code.sort(java.util.Comparator.comparing(Line::file).thenComparingInt(Line::line));
        return new Result(mechanism, bundle.getLineCounter().getTotalCount(), bundle.getLineCounter().getCoveredCount(),
                bundle.getBranchCounter().getTotalCount(), bundle.getBranchCounter().getCoveredCount(), code);
    }

    /** The JaCoCo agent jar (org.jacoco.agent, classifier runtime) on this JVM's class path. */
    public static Path agentJar() {
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String n = Path.of(e).getFileName().toString();
            if (n.startsWith("org.jacoco.agent-") && n.endsWith("-runtime.jar")) return Path.of(e);
        }
        throw new IllegalStateException("the JaCoCo agent (org.jacoco.agent-*-runtime.jar) is not on the class path");
    }
}
