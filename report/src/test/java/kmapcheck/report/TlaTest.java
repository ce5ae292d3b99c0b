package kmapcheck.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TlaTest {
    @Test
    void operatorsInMathematicalNotation() {
        assertEquals("LW1 ≜ ∀ o ∈ Objs, c ∈ CPUs : c ∈ mask[o] ⇒ tlb[c][o] ∈ {NoPage, pte[o]}",
                Tla.pretty("LW1 == \\A o \\in Objs, c \\in CPUs : c \\in mask[o] => tlb[c][o] \\in {NoPage, pte[o]}"));
        assertEquals("∧ ∀ t ∈ Threads : obj[t] ≠ NoObj ⇒ obj[t] ∉ cache", Tla.pretty("/\\ \\A t \\in Threads : obj[t] # NoObj => obj[t] \\notin cache"));
        assertEquals("x ∈ ⟨⟩ ∨ y ↦ \"a => # \\in\" \\* c => d", Tla.pretty("x \\in <<>> \\/ y |-> \"a => # \\in\" \\* c => d"));
        assertEquals("s ∩ (a ∪ b) ⊆ interval", Tla.pretty("s \\cap (a \\cup b) \\subseteq interval"));
        assertEquals("□(p ↝ q) ∧ ◇r", Tla.pretty("[](p ~> q) /\\ <>r"));
    }
}
