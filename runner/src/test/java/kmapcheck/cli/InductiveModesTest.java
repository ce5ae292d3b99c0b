package kmapcheck.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Manifest modes of issue 13: an inductive model (Init = TypeOK /\ IndInv) passes iff IndInv is
 * inductive over its universe, a counterexample to induction reads "not inductive: <conjunct>
 * after <action>", and a sampled check is reported as "sampled", never as a pass.
 */
class InductiveModesTest {
    static Path root;

    @BeforeAll
    static void repo() throws Exception {
        root = Files.createTempDirectory("kmapcheck-ind-");
        Path d = Files.createDirectories(root.resolve("spec/toy"));
        // a counter mod 4 whose step skips 2 when it is at 1: x # 2 is inductive, x # 3 is not
        Files.writeString(d.resolve("Counter.tla"), """
                ---- MODULE Counter ----
                EXTENDS Naturals
                VARIABLE x
                TypeOK == x \\in 0..3
                Step == x' = IF x = 1 THEN 3 ELSE (x + 1) % 4
                Next == Step
                NotTwo == x # 2
                NotThree == x # 3
                ====
                """);
        module(d, "MCIndOk", "Init == TypeOK /\\ NotTwo", "NotTwo", "");
        module(d, "MCIndBad", "Init == TypeOK /\\ NotThree", "NotThree", "");
        module(d, "MCIndSampled", "Init == TypeOK /\\ NotTwo", "NotTwo", "");
        module(d, "MCIndBadSampled", "Init == TypeOK /\\ NotThree", "NotThree", "");
        Files.writeString(d.resolve("manifest.json"), """
                {"mechanism": "toy", "spec": "Counter.tla", "models": [
                  {"name": "IndOk", "module": "MCIndOk.tla", "mode": "inductive", "expect": "pass", "distinctStates": 3},
                  {"name": "IndBad", "module": "MCIndBad.tla", "mode": "inductive", "expect": "violation", "kind": "invariant", "property": "NotThree"},
                  {"name": "IndSampled", "module": "MCIndSampled.tla", "mode": "inductive-sampled", "samples": 50, "expect": "pass"},
                  {"name": "IndBadSampled", "module": "MCIndBadSampled.tla", "mode": "inductive-sampled", "samples": 50, "expect": "violation", "kind": "invariant", "property": "NotThree"}
                ]}
                """);
    }

    static void module(Path d, String name, String init, String inv, String extra) throws Exception {
        Files.writeString(d.resolve(name + ".tla"), "---- MODULE " + name + " ----\nEXTENDS Counter\n" + init + "\n" + extra + "====\n");
        Files.writeString(d.resolve(name + ".cfg"), "INIT Init\nNEXT Next\nINVARIANT TypeOK\nINVARIANT " + inv + "\n");
    }

    /** The run's summary.json (the table truncates long verdicts; the file keeps them whole). */
    static String summary() throws Exception { return Files.readString(root.resolve("out/summary.json")); }

    @AfterAll
    static void clean() throws Exception { Cli.deleteTree(root); }

    @Test
    void anInductiveInvariantPassesOverItsUniverse() throws Exception {
        Cli.Run r = Cli.run(root, null, "tlc", "toy/IndOk", "--out", root.resolve("out").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("inductive"), r.out());
    }

    @Test
    void aCounterexampleToInductionNamesTheConjunctAndTheAction() throws Exception {
        Cli.Run r = Cli.run(root, null, "tlc", "toy/IndBad", "--out", root.resolve("out").toString());
        assertEquals(0, r.code(), "the expected counterexample: " + r.out() + r.err());
        assertTrue(summary().contains("not inductive: NotThree after Step"), summary());
    }

    /** The sampled check takes one step from each random state (TLC's -depth counts states). */
    @Test
    void aSampledCheckFindsACounterexampleToInductionInOneStep() throws Exception {
        Cli.Run r = Cli.run(root, null, "tlc", "toy/IndBadSampled", "--out", root.resolve("out").toString());
        assertEquals(0, r.code(), "the expected counterexample: " + r.out() + r.err());
        assertTrue(summary().contains("not inductive: NotThree after Step"), summary());
    }

    @Test
    void aSampledCheckIsNeverAPass() throws Exception {
        Cli.Run r = Cli.run(root, null, "tlc", "toy/IndSampled", "--out", root.resolve("out").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(summary().contains("sampled: no counterexample to induction in 50 behaviours"), summary());
        // the states TLC generated are reported (simulation counts no distinct states)
        assertTrue(java.util.regex.Pattern.compile("50 behaviours \\([1-9][0-9]* states generated; not exhaustive\\)").matcher(summary()).find(), summary());
        assertTrue(summary().contains("\"verdict\" : \"sampled\"") || summary().contains("\"verdict\":\"sampled\""), summary());
        assertFalse(r.out().lines().anyMatch(l -> l.startsWith("toy/IndSampled") && l.contains(" pass ") && l.contains("  ok")
                && !l.contains("sampled")), r.out());
    }
}
