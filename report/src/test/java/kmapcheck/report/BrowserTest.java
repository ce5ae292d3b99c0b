package kmapcheck.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders the lwbuf OrBug2009 report (TLC and explorer traces side by side) and loads it in headless
 * Chromium from the file system: checks the key elements in the DOM Chromium built, and saves a
 * screenshot to report/target/screenshots/. Chromium missing is a failure, unless
 * KMAPCHECK_NO_BROWSER=1, which skips the test.
 */
class BrowserTest {
    static final Path OUT = Path.of("target", "browser-report");
    static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void orBug2009PageInHeadlessChromium() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("KMAPCHECK_NO_BROWSER")),
                "KMAPCHECK_NO_BROWSER=1: browser test skipped");
        String chromium = findChromium();
        if (chromium == null)
            fail("headless Chromium not found on PATH (looked for chromium, chromium-browser, google-chrome; "
                    + "or set KMAPCHECK_CHROMIUM). Install it with: apt-get install -y chromium chromium-driver "
                    + "(.ci/run does this), or set KMAPCHECK_NO_BROWSER=1 to skip this test.");

        deleteTree(OUT);
        List<Row> rows = new ArrayList<>(Fixtures.orBugRows());
        rows.add(new Row("lwbuf/Fixed", "tlc", "pass", "pass", true, 38508, 16, 2.6, null, null, null));
        Path index = HtmlReport.write(OUT, rows);
        Path page = OUT.resolve("traces/lwbuf-OrBug2009.html").toAbsolutePath();
        assertTrue(Files.exists(page), page.toString());

        String dom = chromium(chromium, "--dump-dom", page.toUri().toString());
        // one swimlane per CPU, one for hardware, in both traces
        for (String lane : List.of("cpu:c0", "cpu:c1", "hw"))
            assertEquals(2, count(dom, "data-lane=\"" + lane + "\""), "lane " + lane + " on both sides");
        // the violated invariant, with its text from the spec and the values it reads
        assertTrue(dom.contains("id=\"violation\""), "violation section");
        assertTrue(dom.contains("<b class=\"prop\">LW1</b>"), "violated invariant named");
        assertTrue(dom.contains("c ∈ mask[o] ∧ ¬Settling(o) ⇒ tlb[c][o] ∈ {NoPage, pte[o]}"), "invariant text, readable");
        assertTrue(dom.contains("c \\in mask[o] /\\ ~Settling(o) =&gt; tlb[c][o] \\in {NoPage, pte[o]}"), "invariant text as in the spec");
        assertTrue(dom.contains("data-var=\"tlb\""), "tlb grid in the final state");
        // highlighted changes: in the step boxes and in the state tables
        assertTrue(dom.contains("<li data-loc=\"tlb[c0][o1]\">"), "the TLB fill's change listed");
        assertTrue(dom.contains("<mark>"), "new values highlighted");
        assertTrue(dom.contains("class=\"changed\" data-loc=\"mask[o1]\""), "mask[o1] highlighted in a state table");
        // step-aligned side by side: 4 aligned steps + Init, all reaching the same state
        assertEquals(5, count(dom, "class=\"mid same\""), "aligned rows with equal states");
        assertTrue(dom.contains("lwbuf_alloc(m)"), "kernel function of Alloc");
        assertTrue(!dom.contains("<script"), "no scripts");

        Files.createDirectories(SHOTS);
        Path png = SHOTS.resolve("lwbuf-OrBug2009.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium(chromium, "--screenshot=" + png, "--window-size=1400,1000", page.toUri().toString());
        assertTrue(Files.exists(png) && Files.size(png) > 10_000, "screenshot written: " + png);
        byte[] head = Files.readAllBytes(png);
        assertTrue(head[1] == 'P' && head[2] == 'N' && head[3] == 'G', "a PNG");
        System.out.println("screenshot: " + png + "\nreport: " + index.toAbsolutePath());
    }

    static String findChromium() {
        String env = System.getenv("KMAPCHECK_CHROMIUM");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) return env;
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p.toString();
            }
        return null;
    }

    /** Runs headless Chromium with a fresh profile; returns its standard output. */
    static String chromium(String exe, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("kmapcheck-chromium");
        Path stdout = Files.createTempFile("chromium", ".out"), stderr = Files.createTempFile("chromium", ".err");
        try {
            List<String> cmd = new ArrayList<>(List.of(exe, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(40, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("chromium did not finish in 40 s: " + cmd + "\n" + tail(stderr));
            }
            if (p.exitValue() != 0) fail("chromium exited with " + p.exitValue() + ": " + cmd + "\n" + tail(stderr));
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            deleteTree(profile);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String tail(Path f) throws IOException {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) n++;
        return n;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
