package kmapcheck.tlc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ChildJvmTest {
    /** The pom hands the option to this JVM, and it is split into JVM arguments. */
    @Test
    void theSuitesChildrenGetThePomsOptions() {
        String fromPom = System.getProperty(ChildJvm.PROPERTY);
        assertNotNull(fromPom, "surefire passes " + ChildJvm.PROPERTY);
        try {
            System.setProperty(ChildJvm.PROPERTY, "  -XX:TieredStopAtLevel=1   -Xshare:auto ");
            assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"), ChildJvm.options());
            System.setProperty(ChildJvm.PROPERTY, " ");
            assertEquals(List.of(), ChildJvm.options());
        } finally {
            System.setProperty(ChildJvm.PROPERTY, fromPom);
        }
    }
}
