package kmapcheck.tlc;

import java.util.Arrays;
import java.util.List;

/**
 * Extra options for the JVMs kmapcheck starts for TLC and for {@code conform}'s judge: the system
 * property {@value #PROPERTY}, split at whitespace; none by default.
 *
 * <p>The test suite sets {@code -XX:TieredStopAtLevel=1} (C1 only): its hundreds of children each
 * run for a few seconds, where C2's compilations cost more CPU than they save (six small default
 * models: 10.5 s of CPU against 22 s). A long run is the other way round (sfbuf/BenchSMPC2B2: 59 s
 * against 45 s), so {@code check} and {@code bench} keep the JVM's default.
 */
public final class ChildJvm {
    public static final String PROPERTY = "kmapcheck.childJvmOptions";

    private ChildJvm() {}

    public static List<String> options() {
        String s = System.getProperty(PROPERTY, "").strip();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }
}
