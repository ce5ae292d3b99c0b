package kmapcheck.explorer.tla;

import tla2sany.semantic.OpDeclNode;
import tla2sany.semantic.OpDefNode;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.tool.impl.ModelConfig;
import tlc2.util.Context;
import tlc2.util.Vect;
import util.ToolIO;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an MC module and its cfg with TLC's own front end (SANY, {@link ModelConfig}, and
 * {@link FastTool} evaluating the constant definitions). TLC keeps per-name state in statics, so
 * {@link TlaModel#load} runs this in a fresh class loader per model; it therefore returns only JDK
 * types: constant values as TLA+ text (TLC's printing), names as strings.
 */
public final class ModelReader {
    private ModelReader() {}

    /**
     * @return keys "constants" (Map name -> TLA+ text, every CONSTANT of the module and the modules
     *         it extends), "variables", "invariants", "properties", "constraints", "actionConstraints"
     *         (List of names, cfg order), "symmetry", "view" (String, empty if none)
     * @throws IllegalArgumentException one line: what TLC's front end reported
     */
    public static Map<String, Object> read(String specDir, String mcModule) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(log, true, StandardCharsets.UTF_8);
        ToolIO.out = quiet;
        ToolIO.err = quiet;
        FastTool tool;
        try {
            String base = Path.of(specDir, mcModule).toString();
            tool = new FastTool(specDir, base, base, new SpecResolver(Path.of(specDir)));
        } catch (RuntimeException | Error e) {
            throw new IllegalArgumentException(firstError(log.toString(StandardCharsets.UTF_8), e));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> constants = new LinkedHashMap<>();
        for (OpDeclNode c : tool.getRootModule().getConstantDecls()) {
            Object v = tool.lookup(c, Context.Empty, false);
            if (v instanceof OpDefNode d) {
                if (d.getArity() != 0) continue;   // an operator-valued constant: not a scenario setting
                v = tool.eval(d.getBody(), Context.Empty, TLCState.Empty);
            }
            constants.put(c.getName().toString(), String.valueOf(v));
        }
        out.put("constants", constants);
        List<String> vars = new ArrayList<>();
        for (OpDeclNode v : tool.getRootModule().getVariableDecls()) vars.add(v.getName().toString());
        out.put("variables", vars);
        out.put("invariants", List.of(tool.getInvNames()));
        ModelConfig cfg = tool.getModelConfig();
        out.put("properties", names(cfg.getProperties()));
        out.put("constraints", names(cfg.getConstraints()));
        out.put("actionConstraints", names(cfg.getActionConstraints()));
        out.put("symmetry", cfg.getSymmetry() == null ? "" : cfg.getSymmetry());
        out.put("view", cfg.getView() == null ? "" : cfg.getView());
        return out;
    }

    private static List<String> names(Vect<?> v) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(String.valueOf(v.elementAt(i)));
        return out;
    }

    /** TLC's message for a failed parse/processing, on one line. */
    static String firstError(String log, Throwable e) {
        StringBuilder sb = new StringBuilder();
        boolean on = false;
        for (String l : log.split("\n")) {
            String t = l.strip();
            if (t.contains("rror") || t.startsWith("***") || on) {
                on = true;
                if (!t.isEmpty()) sb.append(sb.length() > 0 ? " " : "").append(t);
            }
            if (sb.length() > 300) break;
        }
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        return (sb.length() > 0 ? sb + " / " : "") + msg.replace('\n', ' ');
    }
}
