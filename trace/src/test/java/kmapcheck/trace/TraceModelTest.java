package kmapcheck.trace;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceModelTest {
    @Test
    void parsesEveryValueKindTlcPrints() {
        Value v = TlaValueParser.parse("[a |-> 1, b |-> {c1, c0}, s |-> \"x\\\"y\", t |-> <<TRUE, -2>>, "
                + "f |-> (t1 :> (o1 :> NoPage) @@ t2 :> (o1 :> p2)), e |-> {}, q |-> <<>>]");
        Value.Rec r = (Value.Rec) v;
        assertEquals(new Value.Int(1), r.get("a"));
        assertEquals(Value.set(List.of(Value.mv("c0"), Value.mv("c1"))), r.get("b"));
        assertEquals(new Value.Str("x\"y"), r.get("s"));
        assertEquals(Value.seq(List.of(Value.of(true), Value.of(-2))), r.get("t"));
        assertEquals(Value.mv("p2"), ((Value.Fn) ((Value.Fn) r.get("f")).get(Value.mv("t2"))).get(Value.mv("o1")));
        // printing is TLC's syntax and re-parses to the same value
        assertEquals(v, TlaValueParser.parse(v.toTla()));
    }

    @Test
    void setsAreCanonical() {
        assertEquals(TlaValueParser.parse("{c1, c0, c1}"), TlaValueParser.parse("{c0, c1}"));
        assertEquals("{c0, c1}", TlaValueParser.parse("{c1, c0}").toTla());
    }

    @Test
    void rejectsMalformedValuesWithAPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlaValueParser.parse("[a |-> 1"));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }

    static Trace sample() {
        Value tlb0 = TlaValueParser.parse("(c0 :> (o1 :> NoPage) @@ c1 :> (o1 :> NoPage))");
        Value tlb1 = TlaValueParser.parse("(c0 :> (o1 :> p1) @@ c1 :> (o1 :> NoPage))");
        Value pc = TlaValueParser.parse("(t1 :> \"idle\" @@ t2 :> \"idle\")");
        Value tcpu = TlaValueParser.parse("(t1 :> c0 @@ t2 :> c1)");
        return new Trace("tlc", "lwbuf/X", List.of("tlb", "pc", "tcpu"),
                List.of(new Trace.State(1, Map.of("tlb", tlb0, "pc", pc, "tcpu", tcpu)),
                        new Trace.State(2, Map.of("tlb", tlb1, "pc", pc, "tcpu", tcpu))),
                List.of(Trace.Action.init(), new Trace.Action(2, "TLBFill", "line 1, col 1 to line 2, col 2 of module X",
                        Map.of(), false, null, List.of())),
                new Trace.Violation("liveness", "P", 2, null));
    }

    @Test
    void jsonRoundTrip() throws Exception {
        Trace t = sample();
        String json = TraceJson.write(t);
        assertTrue(json.contains("\"vars\""));
        assertTrue(json.contains("\"state\""));
        assertTrue(json.contains("\"action\""));
        Trace back = TraceJson.parse(json);
        assertEquals(t.vars(), back.vars());
        assertEquals(t.states(), back.states());
        assertEquals(t.actions(), back.actions());
        assertEquals(t.violation(), back.violation());
    }

    @Test
    void diffDescendsIntoFunctions() {
        Trace t = sample();
        List<Diff.Change> d = Diff.between(t.vars(), t.states().get(0), t.states().get(1));
        assertEquals(1, d.size());
        assertEquals("tlb[c0][o1]", d.get(0).location());
        assertEquals(Value.mv("p1"), d.get(0).after());
    }

    @Test
    void actorOfAHardwareStepIsTheCpu() {
        Trace t = sample();
        Map<String, String> a = new Roles("pc", "tcpu", "tlb").actorOf(t.vars(), t.states().get(0), t.states().get(1));
        assertEquals(Map.of("cpu", "c0"), a);
    }

    @Test
    void textRenderingShowsOnlyChangesAndTheLoop() {
        String s = new TraceText(false).render(sample());
        assertTrue(s.contains("tlb[c0][o1]: NoPage -> p1"), s);
        assertTrue(s.contains("loop: the behaviour returns to state 2"), s);
        assertTrue(s.contains("violated: P"), s);
        assertTrue(!s.contains("\u001b["), "no colour codes when colour is off");
        assertTrue(new TraceText(true).render(sample()).contains("\u001b["));
    }
}
