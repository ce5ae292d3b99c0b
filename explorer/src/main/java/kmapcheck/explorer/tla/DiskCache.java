package kmapcheck.explorer.tla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ModelReader} returned for a model, stored in the user's cache folder
 * ({@code -Dkmapcheck.cache}, else {@code $XDG_CACHE_HOME/kmapcheck/tla-models}, else
 * {@code ~/.cache/kmapcheck/tla-models}; not java.io.tmpdir, where it would outlive every run as a
 * leftover), one file per content key (see {@link TlaModel#load}). Line format, tab-separated:
 * {@code const NAME TEXT} per constant, and {@code variables|invariants|properties|constraints NAME...},
 * {@code symmetry TEXT}, {@code view TEXT}. Files are written to a temporary name and moved into
 * place, so concurrent processes never read a partial file; an unreadable file is ignored.
 */
final class DiskCache {
    private DiskCache() {}

    private static final List<String> LISTS = List.of("variables", "invariants", "properties", "constraints");

    private static Path dir() {
        String own = System.getProperty("kmapcheck.cache");
        if (own != null) return Path.of(own, "tla-models");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("kmapcheck").resolve("tla-models");
    }

    static Map<String, Object> get(String key) {
        Path f = dir().resolve(key);
        if (!Files.exists(f)) return null;
        try {
            Map<String, Object> raw = new LinkedHashMap<>();
            Map<String, String> constants = new LinkedHashMap<>();
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] x = l.split("\t", -1);
                if (x[0].equals("const")) constants.put(x[1], x[2]);
                else if (LISTS.contains(x[0])) raw.put(x[0], List.copyOf(Arrays.asList(x).subList(1, x.length)));
                else raw.put(x[0], x[1]);
            }
            raw.put("constants", constants);
            for (String k : List.of("variables", "invariants", "properties", "constraints", "symmetry", "view"))
                if (!raw.containsKey(k)) return null;
            return raw;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static void put(String key, Map<String, Object> raw) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> c : ((Map<String, String>) raw.get("constants")).entrySet())
            lines.add("const\t" + c.getKey() + "\t" + c.getValue().replaceAll("\\s+", " "));
        for (String k : LISTS) {
            List<String> xs = (List<String>) raw.get(k);
            lines.add(k + (xs.isEmpty() ? "" : "\t" + String.join("\t", xs)));
        }
        lines.add("symmetry\t" + raw.get("symmetry"));
        lines.add("view\t" + raw.get("view"));
        try {
            Files.createDirectories(dir());
            Path tmp = Files.createTempFile(dir(), key, ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir().resolve(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir().resolve(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a cache only: the next run reads the model again
        }
    }
}
