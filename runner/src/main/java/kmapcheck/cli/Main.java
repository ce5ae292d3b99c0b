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
 * kmapcheck command line. Exit codes (one per class; see {@link RunOutcome.Status}): 0 every run
 * as expected; 1 some verdict differs; 2 bad input; 3 INCOMPLETE; 4 tool failure; 130
 * interrupted; 70 an internal error (a bug in kmapcheck), distinct from all of these.
 */
public final class Main {
    /** sysexits.h EX_SOFTWARE: not one of the documented classes. */
    static final int INTERNAL_ERROR = 70;

    static final String USAGE = """
            kmapcheck — TLA+ specs (TLC) and exhaustive exploration of the Java reference implementation
            of BSD kernel mapping mechanisms (lwbuf, sf_buf, memattr, vm_page).

            usage: kmapcheck COMMAND [OPTIONS] [ARGS]
                   kmapcheck --version | --help

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
              coverage   code (JaCoCo) and spec action (TLC) coverage of the default configurations, gaps
              mutate     mutation analysis (opt-in): PIT on the Java code, a mutation catalogue on the specs

            examples:
              kmapcheck check                                   everything that runs by default
              kmapcheck check lwbuf --timeout 60                one mechanism, at most 60 s per model
              kmapcheck tlc lwbuf/OrBug2009                     one model and its counterexample
              kmapcheck tlc path/to/Spec.tla --config X.cfg     a spec outside the manifests
              kmapcheck explore sfbuf/Fixed -D search.max_states=100000
              kmapcheck replay lwbuf/OrBug2009 --extend NoStaleAccess
              kmapcheck list vmpage                             one mechanism's models and scenarios

            exit codes (check, tlc, explore; when rows differ, the first of 130, 2, 4, 1, 3 present):
              0    every run met its expected verdict
              1    some verdict differs from the manifest (or a replay/validation failed)
              2    bad input: usage, unknown id, a .tla/.cfg error (TLC's file:line), a broken manifest,
                   .jpf or trace/summary JSON (the file named)
              3    INCOMPLETE: a bound or --timeout stopped a run before its verdict
              4    tool failure: TLC crashed or was killed ("TLC killed by signal 9 (out of memory?)")
              130  interrupted (Ctrl-C, SIGTERM): the summary of what ran is written, marked interrupted
              70   internal error of kmapcheck (a bug: please report it with the stack trace)

            'kmapcheck COMMAND --help' describes each command's options.
            """;

    public static void main(String[] args) {
        Interrupts.install();
        int code;
        try {
            code = run(args, System.out);
        } catch (UsageException | Manifest.ManifestException | kmapcheck.explorer.Scenario.ScenarioException e) {
            System.err.println("kmapcheck: " + e.getMessage());
            code = RunOutcome.Status.BAD_INPUT.exitCode;
        } catch (InterruptedException e) {
            System.err.println("kmapcheck: interrupted");
            code = RunOutcome.Status.INTERRUPTED.exitCode;
        } catch (Exception | StackOverflowError e) {
            System.err.println("kmapcheck: internal error: " + e);
            e.printStackTrace();
            code = INTERNAL_ERROR;
        }
        System.out.flush();
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            out.println("kmapcheck " + Summary.Versions.kmapcheck() + " (TLC " + Summary.Versions.tlc() + ", Java "
                    + System.getProperty("java.version") + ")");
            return 0;
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
            case "coverage" -> kmapcheck.adequacy.CoverageCommand.run(root(), a.positional, a.opts, out);
            case "mutate" -> kmapcheck.adequacy.MutateCommand.run(root(), a.positional, a.opts, out);
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

    /**
     * Options of one command: {@code --name value} / {@code --name=value}, flags, {@code -D key=value}
     * overrides, and positional arguments; unknown options are errors.
     */
    static final class Args {
        final String cmd;
        final List<String> raw;
        final List<String> positional = new ArrayList<>();
        final Map<String, String> opts = new LinkedHashMap<>();
        /** {@code -D key=value}: scenario (.jpf) keys replaced for this run. */
        final Map<String, String> defines = new LinkedHashMap<>();

        /** Options that take a value. */
        static final List<String> VALUED = List.of("out", "workers", "timeout", "extend", "config", "heap", "progress", "model", "distributed", "growth", "base", "limit", "sym-sets", "threads", "classes", "pit-timeout-ms");

        Args(String cmd, String[] args) {
            this.cmd = cmd;
            this.raw = List.of(args);
            for (int i = 0; i < args.length; i++) {
                String x = args[i];
                if (x.startsWith("--")) {
                    int eq = x.indexOf('=');
                    String name = eq > 0 ? x.substring(2, eq) : x.substring(2);
                    if (eq > 0) opts.put(name, x.substring(eq + 1));
                    else if (VALUED.contains(name)) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--"))
                            throw new UsageException("--" + name + " needs a value (see kmapcheck " + cmd + " --help)");
                        opts.put(name, args[++i]);
                    } else opts.put(name, "true");
                } else if (x.equals("-h")) {
                    opts.put("help", "true");
                } else if (x.startsWith("-D")) {
                    String kv = x.length() > 2 ? x.substring(2) : (i + 1 < args.length ? args[++i] : "");
                    int eq = kv.indexOf('=');
                    if (eq <= 0) throw new UsageException("-D needs key=value, got '" + kv + "'");
                    defines.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                } else {
                    positional.add(x);
                }
            }
        }

        void allow(String... names) {
            List<String> ok = new ArrayList<>(List.of(names));
            ok.add("help");
            for (String k : opts.keySet())
                if (!ok.contains(k)) throw new UsageException("unknown option --" + k + " for '" + cmd + "' (see kmapcheck " + cmd + " --help)");
            if (!defines.isEmpty() && !ok.contains("D"))
                throw new UsageException("-D is not an option of '" + cmd + "' (see kmapcheck " + cmd + " --help)");
        }

        boolean flag(String n) { return opts.containsKey(n); }

        int intOpt(String n, int dflt) { return intOpt(n, dflt, 1); }

        int intOpt(String n, int dflt, int min) {
            String v = opts.get(n);
            if (v == null) return dflt;
            try {
                int x = Integer.parseInt(v);
                if (x < min) throw new NumberFormatException();
                return x;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + n + " needs " + (min == 1 ? "a positive" : "a non-negative") + " integer, got '" + v + "'");
            }
        }

        Path out(Path root) { return Path.of(opts.getOrDefault("out", root.resolve("out").toString())); }

        int workers() { return intOpt("workers", 2); }

        long timeout() { return intOpt("timeout", 1800); }

        /** TLC's heap (-Xmx of its JVM): digits and a unit, as java takes it. */
        String heap() {
            String h = opts.getOrDefault("heap", "4g");
            if (!h.matches("\\d+[kKmMgG]")) throw new UsageException("--heap needs a size like 2g or 512m, got '" + h + "'");
            return h;
        }

        /** The explorer's search threads: --workers, else one per core. */
        int explorerWorkers() { return opts.containsKey("workers") ? workers() : Runtime.getRuntime().availableProcessors(); }

        /** TLC with --workers threads, or in distributed mode with --distributed N TLCWorker JVMs on loopback. */
        TlcRunner tlc() { return new TlcRunner(workers(), timeout(), heap()).distributed(intOpt("distributed", 0, 1)); }

        /** TLC with {@code defaultWorkers} unless --workers says otherwise (e.g. one worker for a shortest counterexample). */
        TlcRunner tlc(int defaultWorkers) { return new TlcRunner(intOpt("workers", defaultWorkers), timeout(), heap()); }

        /** Timeout, -D overrides, the signal handlers' cancellation flag, progress every --progress S (default 10; 0 = off). */
        Runs runs(ProgressLine progress) {
            int every = intOpt("progress", 10, 0);
            return new Runs(tlc(), new Runs.Options(timeout(), Map.copyOf(defines), Interrupts.CANCEL, every * 1000L,
                    every == 0 || progress == null ? null : progress::report, opts.containsKey("workers") ? workers() : 0));
        }
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
