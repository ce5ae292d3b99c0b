package kmapcheck.tlc;

import kmapcheck.trace.Trace;
import kmapcheck.trace.Value;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ToolOutputParserTest {
    static String resource(String name) throws Exception {
        try (InputStream in = ToolOutputParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void safetyCounterexample() throws Exception {
        TlcResult r = ToolOutputParser.parse("lwbuf/OrBug2009", resource("lwbuf-orbug2009.tool.txt"), 12, 10,
                List.of("cache", "lm", "mask", "pte", "tlb"));
        assertEquals(TlcResult.Outcome.VIOLATION, r.outcome());
        assertEquals("invariant", r.kind());
        assertEquals("LW1", r.property());
        Trace t = r.trace();
        assertEquals(5, t.states().size());
        assertEquals(List.of("Init", "Alloc", "Free", "TLBFill", "Alloc"), t.actions().stream().map(Trace.Action::name).toList());
        assertEquals(List.of("cache", "lm", "mask", "pte", "tlb"), t.vars().subList(0, 5));
        Value tlb = t.states().get(3).get("tlb");
        assertEquals(Value.mv("p1"), ((Value.Fn) ((Value.Fn) tlb).get(Value.mv("c0"))).get(Value.mv("o1")));
        assertNull(t.violation().loopTo());
    }

    @Test
    void livenessLasso() throws Exception {
        TlcResult r = ToolOutputParser.parse("toy/L", resource("lasso.tool.txt"), 13, 10, List.of("x", "y"));
        assertEquals(TlcResult.Outcome.VIOLATION, r.outcome());
        assertEquals("liveness", r.kind());
        assertEquals(4, r.trace().violation().loopTo());
        assertEquals(5, r.trace().states().size());
    }

    /** TLC 2.18's -simulate counts no distinct states; the states it generated are in its last progress line. */
    @Test
    void simulationReportsTheStatesItGenerated() {
        String out = "@!@!@STARTMSG 2269:0 @!@!@\nComputed 19184 initial states...\n@!@!@ENDMSG 2269 @!@!@\n"
                + "@!@!@STARTMSG 2209:0 @!@!@\nProgress(-1) at 2026-12-01 11:39:33: 39,210 states generated, -1 distinct states found, "
                + "-1 states left on queue.\n@!@!@ENDMSG 2209 @!@!@\n"
                + "@!@!@STARTMSG 2186:0 @!@!@\nFinished in 3103ms at (2026-12-01 11:39:33)\n@!@!@ENDMSG 2186 @!@!@\n";
        TlcResult r = ToolOutputParser.parse("lwbuf/FixedInductiveSampled", out, 0, 1, List.of());
        assertEquals(TlcResult.Outcome.PASS, r.outcome());
        assertEquals(39_210, r.generated());
        assertEquals(-1, r.distinctStates());
    }

    @Test
    void exit150WithoutSanyTextIsBadInput() {
        String out = "@!@!@STARTMSG 1000:1 @!@!@\nSomething went wrong in the spec\n@!@!@ENDMSG 1000 @!@!@\n";
        TlcResult r = ToolOutputParser.parse("x/y", out, 150, 1, List.of());
        assertEquals(TlcResult.Outcome.BAD_INPUT, r.outcome());
        assertEquals("spec: spec parse error: Something went wrong in the spec", r.message());
    }

    static final java.nio.file.Path DIR = java.nio.file.Path.of("/specs");

    /** Real TLC 2.18 -tool output of the modules and configurations beside these files. */
    static TlcResult real(String module, int exit) throws Exception {
        return ToolOutputParser.parse("pe/" + module, resource(module + ".tool.txt"), exit, 1, List.of("x"), DIR, DIR.resolve(module + ".cfg"));
    }

    @Test
    void sanyParseErrorNamesFileLineAndColumn() throws Exception {
        TlcResult r = real("Bad", 150);
        assertEquals(TlcResult.Outcome.BAD_INPUT, r.outcome());
        assertEquals("/specs/Bad.tla:6:1: parse error: Encountered \"====\" at line 6, column 1 and token \"+\"", r.message());
    }

    @Test
    void semanticErrorNamesFileLineAndColumn() throws Exception {
        TlcResult r = real("Bad2", 150);
        assertEquals(TlcResult.Outcome.BAD_INPUT, r.outcome());
        assertEquals("/specs/Bad2.tla:5:14: Unknown operator: `y'.", r.message());
    }

    @Test
    void configSyntaxErrorInsideAnExceptionMessageNamesTheCfgLine() throws Exception {
        TlcResult r = real("Bad3", 255);
        assertEquals(TlcResult.Outcome.BAD_INPUT, r.outcome(), r.message());
        assertEquals("/specs/Bad3.cfg:2: TLC found an error in the configuration file at line 2 It was expecting a keyword, but did not find it.",
                r.message());
    }

    @Test
    void undefinedInvariantNamesTheCfgLineThatNamesIt() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kmapcheck-cfg-");
        java.nio.file.Files.writeString(dir.resolve("Bad4.cfg"), resource("Bad4.cfg"));
        TlcResult r = ToolOutputParser.parse("pe/Bad4", resource("Bad4.tool.txt"), 151, 1, List.of("x"), dir, dir.resolve("Bad4.cfg"));
        assertEquals(TlcResult.Outcome.BAD_INPUT, r.outcome());
        assertEquals(dir.resolve("Bad4.cfg") + ":3: The invariant Nope specified in the configuration file is not defined in the specification.",
                r.message());
    }

    @Test
    void killedBySignalIsAToolFailure() {
        TlcResult r = ToolOutputParser.parse("x/y", "@!@!@STARTMSG 2185:0 @!@!@\nStarting...\n@!@!@ENDMSG 2185 @!@!@\n", 137, 1, List.of());
        assertEquals(TlcResult.Outcome.TOOL_FAILURE, r.outcome());
        assertEquals("TLC killed by signal 9 (out of memory?)", r.message());
        assertEquals("killed by signal 11", TlcResult.describeExit(139));
        assertEquals("spec parse error", TlcResult.describeExit(150), "TLC's own codes start at 150");
    }

    @Test
    void outOfMemoryIsAToolFailure() {
        String out = "@!@!@STARTMSG 1001:1 @!@!@\nJava ran out of memory.\n@!@!@ENDMSG 1001 @!@!@\n";
        TlcResult r = ToolOutputParser.parse("x/y", out, 153, 1, List.of());
        assertEquals(TlcResult.Outcome.TOOL_FAILURE, r.outcome());
        assertEquals("TLC ran out of memory (raise the heap with --heap)", r.message());
    }

    @Test
    void evaluationErrorIsAnErrorOfTheSpec() {
        String out = "@!@!@STARTMSG 2147:1 @!@!@\nAttempted to apply function to an argument not in its domain\n@!@!@ENDMSG 2147 @!@!@\n";
        TlcResult r = ToolOutputParser.parse("x/y", out, 75, 1, List.of());
        assertEquals(TlcResult.Outcome.ERROR, r.outcome());
        assertEquals("spec evaluation failure: Attempted to apply function to an argument not in its domain", r.message());
    }
}
