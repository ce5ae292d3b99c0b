package kmapcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kmapcheck.conform.Conform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code kmapcheck conform}: TLC judges every state and step the Java exploration reaches. */
final class ConformCommand {
    private ConformCommand() {}

    static final String HELP = """
            usage: kmapcheck conform [--json] [--exact] [--out DIR] [--timeout S] [--heap SIZE] [--include-optional] (SCENARIO... | MECHANISM | --all)
              For each scenario and the TLC model it pairs with (manifest "model"): explores the
              scenario to completion (past violations, within its bounds), writes the state graph
              mapped to the spec's variables under out/conform/<mechanism>/<scenario>/, and has TLC
              (in a child JVM, with TLC's own classes) decide
                a. every INVARIANT of the model's cfg on every explorer state, against the Java checks;
                b. every explorer step that changes the spec state is a step of the spec's Next;
                c. the explorer's states against the model's reachable set (javaOnly / tlcOnly);
                d. the spec actions no explorer step takes.
              One summary line per pair; --json prints one JSON object per pair instead (keys id,
              javaStates, tlcStates, javaOnly, tlcOnly, stepsNotInSpec, invariantDisagreements,
              actionsNeverTaken, verdict, problems, and details); explorerVerdict and tlcVerdict
              are the passes of explore and tlc (with their distinct-state counts) where this run
              makes every check they make (cfg without PROPERTY, exact reachable set), else
              "unknown" with the reason.
              Exit 0 iff every pair conforms: complete, javaOnly, stepsNotInSpec and
              invariantDisagreements 0, and every TLC-only state and never-taken action explained in
              the scenario's manifest entry ("conform": {"tlcOnly": "why", "actionsNeverTaken":
              {"Action": "why"}}), with no reason where none is needed.
              A pair whose manifest expects TLC-only states (a scripted scenario) reports the
              TLC-only states next to the explored ones, a lower bound (">="); --exact counts them
              with TLC's full breadth-first search of the model.
              --timeout S   limit of TLC's judgement per pair (default 1800)
              --heap SIZE   heap of the child JVM that explores and judges a pair (default 3g); a
                            scenario of millions of states needs more (memattr/FixedThreeCPUs)
            """;

    static int run(Main.Args a, PrintStream out) throws Exception {
        if (Commands.help(a, out, HELP)) return 0;
        a.allow("json", "exact", "out", "timeout", "heap", "include-optional", "all");
        if (a.positional.isEmpty() && !a.flag("all")) throw new Main.UsageException("conform needs SCENARIO..., MECHANISM or --all (see kmapcheck conform --help)");
        Path root = Main.root();
        List<Manifest.Entry> all = Manifest.load(root, a.positional);
        List<Manifest.Entry> sel = Commands.select(all, a.positional, a.flag("all"), a.flag("include-optional"), Manifest.Tool.EXPLORER);
        Conform conform = new Conform(a.opts.containsKey("heap") ? a.heap() : "3g", a.intOpt("timeout", 1800), a.flag("exact"))
                .cancelledBy(Interrupts.CANCEL);
        Path outDir = a.out(root).resolve("conform");
        Commands.preflight(sel, a);
        ObjectMapper json = new ObjectMapper();
        int bad = 0;
        long t0 = System.nanoTime();
        for (Manifest.Entry e : sel) {
            if (Interrupts.CANCEL.get()) break;
            Manifest.Entry model = Conform.modelOf(all, e);
            ObjectNode r = conform.run(e, model, outDir);
            if (!"conforms".equals(r.get("verdict").asText())) bad++;
            out.println(a.flag("json") ? json.writeValueAsString(r) : Conform.summaryLine(r));
            out.flush();
        }
        if (!a.flag("json"))
            out.printf("%d pairs, %d conform, %d do not (%.1f s); details: %s%n", sel.size(), sel.size() - bad, bad,
                    (System.nanoTime() - t0) / 1e9, outDir);
        if (Interrupts.CANCEL.get()) return RunOutcome.Status.INTERRUPTED.exitCode;
        return bad == 0 ? 0 : 1;
    }
}
