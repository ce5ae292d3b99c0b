package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.vmpage.nfs.NfsWritePath;

import java.util.ArrayList;
import java.util.List;

/**
 * NFS client pages in ext_pgs mbufs (spec/vmpage/NfsExtPgs.tla, seed 003). Keys, each the MC module's
 * constant: {@code variant} (Variant: NoOpExtFree | WirePerMbufRef), {@code pages} (Pages: the model
 * values, which must be pg1, pg2, .. in order), {@code allow_timeout} (AllowTimeout); and what the
 * model's cfg checks: {@code invariants} (its INVARIANT lines, in order) and {@code liveness} (NoLeak
 * or empty).
 */
public final class NfsExtPgsMechanism implements Mechanism {
    @Override public String name() { return "nfsextpgs"; }

    @Override
    public Model build(Scenario s) {
        NfsWritePath.Variant variant;
        try {
            variant = NfsWritePath.Variant.parse(s.get("variant"));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + e.getMessage());
        }
        List<String> pages = s.getList("pages", "pg1");
        if (pages.isEmpty() || pages.size() > 4) throw new Scenario.ScenarioException(s.file() + ": 1..4 pages");
        for (int i = 0; i < pages.size(); i++)
            if (!pages.get(i).equals("pg" + (i + 1)))
                throw new Scenario.ScenarioException(s.file() + ": pages must be pg1, pg2, .. in order (got " + pages + ")");
        boolean timeout = s.getBool("allow_timeout", true);
        List<String> inv = s.getList("invariants", "TypeOK");
        for (String n : inv) if (!NfsExtPgsMapping.knownInvariant(n)) throw new Scenario.ScenarioException(s.file() + ": unknown invariant " + n);
        List<String> live = s.getList("liveness", "");
        for (String n : live) if (!n.equals("NoLeak")) throw new Scenario.ScenarioException(s.file() + ": unknown liveness property " + n);
        Layout layout = new Layout(1);
        NfsWritePath nfs = new NfsWritePath(layout, variant, pages.size());
        NfsExtPgsProgram prog = new NfsExtPgsProgram(layout, nfs, timeout);
        return new Model(prog, new NfsExtPgsMapping(prog, inv, live.contains("NoLeak")));
    }
}
