package kmapcheck.cli;

import kmapcheck.TestRoot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The CLI in a child JVM, as users run it (exit codes, stderr, signals). */
final class Cli {
    private Cli() {}

    record Run(int code, String out, String err) {}

    /** A started CLI: its process and files collecting stdout/stderr. */
    record Started(Process process, Path stdout, Path stderr) {
        Run finish(long seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("the CLI did not finish within " + seconds + " s: " + Files.readString(stdout));
            }
            return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        }

        /** Waits until stdout or stderr contains {@code text}. */
        void await(String text, long seconds) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                if (Files.readString(stdout).contains(text) || Files.readString(stderr).contains(text)) return;
                if (!process.isAlive()) throw new AssertionError("the CLI ended before printing '" + text + "': " + Files.readString(stdout) + Files.readString(stderr));
                Thread.sleep(50);
            }
            throw new AssertionError("no '" + text + "' within " + seconds + " s: " + Files.readString(stdout) + Files.readString(stderr));
        }
    }

    static Run run(String... args) throws Exception { return run(TestRoot.get(), null, args); }

    static Run run(Path root, Path tmp, String... args) throws Exception { return start(root, tmp, args).finish(300); }

    /** Starts the CLI with repository {@code root} and, if given, {@code tmp} as java.io.tmpdir. */
    static Started start(Path root, Path tmp, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "-Dkmapcheck.root=" + root));
        if (tmp != null) cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        Path logs = Files.createTempDirectory("kmapcheck-cli-log-");
        Path out = logs.resolve("stdout"), err = logs.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Started(p, out, err);
    }

    /** A repository root with copies of the given spec/ and jpf-config/ mechanism folders. */
    static Path rootWith(String... mechanisms) throws IOException {
        Path tmp = Files.createTempDirectory("kmapcheck-root-");
        for (String m : mechanisms) {
            copyTree(TestRoot.get().resolve("spec").resolve(m), tmp.resolve("spec").resolve(m));
            copyTree(TestRoot.get().resolve("jpf-config").resolve(m), tmp.resolve("jpf-config").resolve(m));
        }
        Files.createDirectories(tmp.resolve("spec"));
        return tmp;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }

    static String read(Path p) throws IOException { return Files.readString(p, StandardCharsets.UTF_8); }
}
