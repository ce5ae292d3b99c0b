package kmapcheck.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecCommentsTest {

    @Test
    void lwbufActionsInvariantsAndVariables() {
        Map<String, String> k = Fixtures.lwbufComments();
        assertTrue(k.get("Alloc").startsWith("lwbuf_alloc(m):"), k.get("Alloc"));
        assertTrue(k.get("Kva").startsWith("lwbuf_kva(lwb):"), "Kva shares the comment of KvaTest: " + k.get("Kva"));
        assertTrue(k.get("TLBFill").contains("page walk"), k.get("TLBFill"));
        assertTrue(k.get("Free").startsWith("lwbuf_free"), k.get("Free"));
        String lw1 = k.get("invariant:LW1");
        assertTrue(lw1.contains("LW1 (kernel-brief"), lw1);
        assertTrue(lw1.contains("LW1 == \\A o \\in Objs, c \\in CPUs"), lw1);
        assertEquals("tlb[c][o] = translation CPU c's TLB holds for o's KVA", k.get("var:tlb"));
        assertEquals("mask[o] = lwb->cpumask", k.get("var:mask"));
        assertNull(k.get("Init"), "Init has no comment");
        assertFalse(k.containsKey("Inv") && k.get("Inv").contains("objcache"), "a constant definition does not inherit");
        assertEquals(List.of("mask", "tlb", "pte"),
                TracePage.reads(List.of("cache", "lm", "mask", "pte", "tlb", "tcpu"), lw1).stream()
                        .sorted((a, b) -> List.of("mask", "tlb", "pte").indexOf(a) - List.of("mask", "tlb", "pte").indexOf(b)).toList());
    }

    @Test
    void variableCommentContinuationsAndSections() {
        Map<String, String> k = SpecComments.parse(List.of(
                "VARIABLES",
                "    (* layer *)",
                "    ref,      \\* ref[b]: sf->ref_count",
                "    seen      \\* seen[t][b]: page observed",
                "              \\* (None: no access yet)",
                "",
                "\\* foo(x): does foo",
                "Foo(t) ==",
                "    /\\ TRUE",
                "",
                "Bar(t) == Foo(t)",
                "-----",
                "Baz(t) == TRUE"));
        assertEquals("ref[b]: sf->ref_count", k.get("var:ref"));
        assertEquals("seen[t][b]: page observed (None: no access yet)", k.get("var:seen"));
        assertEquals("foo(x): does foo", k.get("Foo"));
        assertEquals("foo(x): does foo", k.get("Bar"));
        assertNull(k.get("Baz"));
    }
}
