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

    @Test
    void parseErrorIsAnError() {
        String out = "@!@!@STARTMSG 1000:1 @!@!@\nSomething went wrong in the spec\n@!@!@ENDMSG 1000 @!@!@\n";
        TlcResult r = ToolOutputParser.parse("x/y", out, 150, 1, List.of());
        assertEquals(TlcResult.Outcome.ERROR, r.outcome());
        assertEquals("spec parse error: Something went wrong in the spec", r.message());
    }
}
