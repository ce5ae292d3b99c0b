package kmapcheck.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TLA+ ASCII operators in mathematical notation, for readers who do not know TLA+. */
final class Tla {
    private Tla() {}

    private static final String[][] WORDS = {
            {"\\A", "∀"}, {"\\E", "∃"}, {"\\notin", "∉"}, {"\\in", "∈"}, {"\\subseteq", "⊆"}, {"\\subset", "⊂"},
            {"\\cup", "∪"}, {"\\union", "∪"}, {"\\cap", "∩"}, {"\\intersect", "∩"}, {"\\lnot", "¬"}, {"\\neg", "¬"},
            {"\\land", "∧"}, {"\\lor", "∨"}, {"\\X", "×"}, {"\\times", "×"}, {"\\leq", "≤"}, {"\\geq", "≥"},
            {"\\div", "÷"}, {"\\o", "∘"}, {"\\equiv", "≡"},
    };
    private static final String[][] SYMBOLS = {
            {"<=>", "⇔"}, {"=>", "⇒"}, {"/\\", "∧"}, {"\\/", "∨"}, {"|->", "↦"}, {"->", "→"}, {"~>", "↝"},
            {"<<", "⟨"}, {">>", "⟩"}, {"<=", "≤"}, {">=", "≥"}, {"=<", "≤"}, {"/=", "≠"}, {"#", "≠"}, {"~", "¬"},
            {"[]", "□"}, {"<>", "◇"}, {"==", "≜"},
    };

    /** Replaces operators outside string literals and comments. */
    static String pretty(String ascii) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\\\\\*[^\\n]*").matcher(ascii);
        int last = 0;
        while (m.find()) {
            out.append(code(ascii.substring(last, m.start()))).append(m.group());
            last = m.end();
        }
        return out.append(code(ascii.substring(last))).toString();
    }

    private static String code(String s) {
        for (String[] w : WORDS) s = s.replaceAll(Pattern.quote(w[0]) + "(?![A-Za-z0-9_])", Matcher.quoteReplacement(w[1]));
        for (String[] w : SYMBOLS) s = s.replace(w[0], w[1]);
        return s;
    }
}
