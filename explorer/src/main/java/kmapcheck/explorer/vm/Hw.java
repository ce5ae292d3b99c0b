package kmapcheck.explorer.vm;

import kmapcheck.machine.Pte;

/** Display helpers for hardware words in trace details. */
public final class Hw {
    private Hw() {}

    public static String pte(long pte) {
        if (!Pte.valid(pte)) return "invalid";
        String attr = switch (Pte.attr(pte)) { case Pte.UC -> " UC"; case Pte.WC -> " WC"; default -> ""; };
        return "p" + Pte.page(pte) + (Pte.accessed(pte) ? " A" : "") + attr;
    }
}
