package kmapcheck.explorer;

import java.util.List;

/** Registry of the mechanisms the explorer knows. */
final class Mechanisms {
    private Mechanisms() {}

    static final List<Mechanism> ALL = List.of(new kmapcheck.explorer.lwbuf.LwbufMechanism(),
            new kmapcheck.explorer.vmpage.VmPageMechanism(),
            new kmapcheck.explorer.vmpage.NfsExtPgsMechanism(),
            new kmapcheck.explorer.vmpage.VmPageUnwireMechanism(),
            new kmapcheck.explorer.memattr.MemAttrMechanism(),
            new kmapcheck.explorer.memattr.DmapMechanism(),
            new kmapcheck.explorer.sfbuf.SfBufMechanism());
}
