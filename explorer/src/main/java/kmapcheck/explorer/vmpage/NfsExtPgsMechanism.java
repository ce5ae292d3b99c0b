package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.vmpage.nfs.NfsWritePath;

import java.util.ArrayList;
import java.util.List;

/**
 * NFS client pages in ext_pgs mbufs (spec/vmpage/NfsExtPgs.tla, seed 003). Keys, each from the
 * model's constant: {@code variant} (Variant: NoOpExtFree | WirePerMbufRef | UnwireWithoutWire), {@code pages} (Pages:
 * the model values pg1, pg2, ..), {@code allow_timeout} (AllowTimeout). The model's cfg gives the
 * invariants (its INVARIANT lines, in order) and the liveness property (NoLeak or none).
 */
public final class NfsExtPgsMechanism implements Mechanism {
    @Override public String name() { return "nfsextpgs"; }

    @Override
    public java.util.Map<String, String> settings(kmapcheck.explorer.tla.TlaModel m) {
        java.util.Map<String, String> k = new java.util.LinkedHashMap<>();
        k.put("variant", m.string("Variant"));
        List<String> pages = new ArrayList<>();
        for (int i = 1; i <= m.numbered("Pages", "pg", 1); i++) pages.add("pg" + i);
        k.put("pages", String.join(",", pages));
        k.put("allow_timeout", Boolean.toString(m.bool("AllowTimeout")));
        return k;
    }

    @Override
    public Model build(Scenario s) {
        String v = s.get("variant");
        NfsWritePath.Variant variant = kmapcheck.explorer.EnumNames.bySpecName(NfsWritePath.Variant.values(), x -> x.specName, v);
        if (variant == null) throw new Scenario.ScenarioException(s.file() + ": unknown NfsExtPgs variant '" + v + "' (NoOpExtFree, WirePerMbufRef, UnwireWithoutWire)");
        List<String> pages = s.getList("pages", "pg1");
        if (pages.isEmpty() || pages.size() > 4) throw new Scenario.ScenarioException(s.file() + ": 1..4 pages");
        for (int i = 0; i < pages.size(); i++)
            if (!pages.get(i).equals("pg" + (i + 1)))
                throw new Scenario.ScenarioException(s.file() + ": pages must be pg1, pg2, .. in order (got " + pages + ")");
        boolean timeout = s.getBool("allow_timeout", true);
        Layout layout = new Layout(1);
        NfsWritePath nfs = new NfsWritePath(layout, variant, pages.size());
        NfsExtPgsProgram prog = new NfsExtPgsProgram(layout, nfs, timeout);
        try {
            return new Model(prog, new NfsExtPgsMapping(prog, s.model().invariants(), s.model().properties()));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + s.model().module() + ": " + e.getMessage());
        }
    }
}
