package kmapcheck.adequacy;

import kmapcheck.cli.Manifest;
import kmapcheck.cli.RunOutcome;
import kmapcheck.cli.Runs;
import kmapcheck.tlc.TlcRunner;

import java.nio.file.Path;
import java.util.List;

/**
 * Child-JVM entry of {@code kmapcheck coverage}: runs every default explorer scenario of one
 * mechanism (the JaCoCo agent is attached to this JVM) and prints one line per scenario:
 * {@code scenario <id> ok|FAILED <seconds> <actual verdict>}.
 */
public final class ScenarioBatch {
    private ScenarioBatch() {}

    public static final String PREFIX = "scenario ";

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ScenarioBatch ROOT MECHANISM");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Runs runs = new Runs(TlcRunner.defaults());
        for (Manifest.Entry e : defaultScenarios(root, args[1])) {
            RunOutcome r = runs.run(e);
            System.out.printf("%s%s %s %.1f %s%n", PREFIX, e.id(), r.ok() ? "ok" : "FAILED", r.seconds(), r.actual());
        }
    }

    /** The default explorer scenarios of a mechanism, in manifest order. */
    public static List<Manifest.Entry> defaultScenarios(Path root, String mechanism) throws java.io.IOException {
        return Manifest.load(root, List.of(mechanism)).stream()
                .filter(e -> e.tool() == Manifest.Tool.EXPLORER && e.dflt() && e.mechanism().equals(mechanism)).toList();
    }
}
