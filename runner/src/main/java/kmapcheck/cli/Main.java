package kmapcheck.cli;

import kmapcheck.tlc.TlcRunner;
import kmapcheck.trace.TraceJson;
import kmapcheck.trace.TraceText;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kmapcheck command line. Exit codes: 0 every run met its expected verdict; 1 some did not;
 * 2 bad input (unknown model/scenario/option, broken manifest or scenario file).
 */
public final class Main {
    static final String USAGE = """
            kmapcheck — TLA+ specs (TLC) and exhaustive exploration of the Java reference implementation
            of BSD kernel mapping mechanisms (lwbuf, sf_buf, vm_page).

            usage: kmapcheck COMMAND [OPTIONS] [ARGS]

            commands:
              check      the main job: every default model (TLC) and scenario (explorer), summary, traces
              tlc        run TLC on models:          kmapcheck tlc lwbuf/OrBug2009 | lwbuf | --all
              explore    run the Java exploration:   kmapcheck explore lwbuf/Fixed | lwbuf | --all
              replay     replay a TLC counterexample on the Java implementation
              validate   check an explorer counterexample against the spec with TLC
              conform    TLC judges every state and step of a scenario's exploration against its model
              bench      states, states/s and wall time of TLC and the explorer side by side
              report     write the HTML report from the traces of the last run
              list       list models and scenarios with their expected verdicts

            'kmapcheck COMMAND --help' describes each command's options.
            """;

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out);
        } catch (UsageException e) {
            System.err.println("kmapcheck: " + e.getMessage());
            code = 2;
        } catch (Manifest.ManifestException | kmapcheck.explorer.Scenario.ScenarioException e) {
            System.err.println("kmapcheck: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("kmapcheck: internal error: " + e);
            e.printStackTrace();
            code = 3;
        }
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String cmd = args[0];
        Args a = new Args(cmd, java.util.Arrays.copyOfRange(args, 1, args.length));
        return switch (cmd) {
            case "check" -> Commands.check(a, out);
            case "tlc" -> Commands.tlc(a, out);
            case "explore" -> Commands.explore(a, out);
            case "list" -> Commands.list(a, out);
            case "bench" -> Bench.run(a, out);
            case "report" -> Reports.command(a, out);
            case "replay" -> Links.replay(a, out);
            case "validate" -> Links.validate(a, out);
            case "conform" -> ConformCommand.run(a, out);
            default -> throw new UsageException("unknown command '" + cmd + "' (see kmapcheck --help)");
        };
    }

    /** Root of the repository: -Dkmapcheck.root, $KMAPCHECK_ROOT, or the current directory. */
    static Path root() {
        String p = System.getProperty("kmapcheck.root", System.getenv("KMAPCHECK_ROOT"));
        Path r = Path.of(p == null ? "." : p).toAbsolutePath().normalize();
        if (!Files.isDirectory(r.resolve("spec")))
            throw new UsageException("no spec/ folder under " + r + " (run from the repository root or set KMAPCHECK_ROOT)");
        return r;
    }

    /** Options of one command: flags and positional arguments; unknown flags are errors. */
    static final class Args {
        final String cmd;
        final List<String> positional = new ArrayList<>();
        final Map<String, String> opts = new LinkedHashMap<>();

        Args(String cmd, String[] args) {
            this.cmd = cmd;
            for (int i = 0; i < args.length; i++) {
                String x = args[i];
                if (x.startsWith("--")) {
                    int eq = x.indexOf('=');
                    if (eq > 0) opts.put(x.substring(2, eq), x.substring(eq + 1));
                    else if (i + 1 < args.length && VALUED.contains(x.substring(2))) opts.put(x.substring(2), args[++i]);
                    else opts.put(x.substring(2), "true");
                } else if (x.equals("-h")) {
                    opts.put("help", "true");
                } else {
                    positional.add(x);
                }
            }
        }

        static final List<String> VALUED = List.of("out", "workers", "timeout", "extend");

        void allow(String... names) {
            List<String> ok = new ArrayList<>(List.of(names));
            ok.add("help");
            for (String k : opts.keySet())
                if (!ok.contains(k)) throw new UsageException("unknown option --" + k + " for '" + cmd + "' (see kmapcheck " + cmd + " --help)");
        }

        boolean flag(String n) { return opts.containsKey(n); }

        int intOpt(String n, int dflt) {
            String v = opts.get(n);
            if (v == null) return dflt;
            try {
                int x = Integer.parseInt(v);
                if (x < 1) throw new NumberFormatException();
                return x;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + n + " needs a positive integer, got '" + v + "'");
            }
        }

        Path out(Path root) { return Path.of(opts.getOrDefault("out", root.resolve("out").toString())); }

        TlcRunner tlc() { return tlc(2); }

        TlcRunner tlc(int defaultWorkers) { return new TlcRunner(intOpt("workers", defaultWorkers), intOpt("timeout", 1800), "4g"); }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String m) { super(m); }
    }

    /** Writes a run's trace as JSON and text under out/traces/<mech>/<name>.<tool>.{json,txt}. */
    static Path writeTrace(Path out, RunOutcome r) throws IOException {
        if (r.trace() == null) return null;
        Path dir = out.resolve("traces").resolve(r.entry().mechanism());
        Files.createDirectories(dir);
        String base = r.entry().name() + "." + r.entry().tool().label();
        TraceJson.write(r.trace(), dir.resolve(base + ".json"));
        Files.writeString(dir.resolve(base + ".txt"), new TraceText(false).render(r.trace()));
        return dir.resolve(base + ".json");
    }
}
