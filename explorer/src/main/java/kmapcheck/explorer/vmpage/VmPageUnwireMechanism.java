package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.vmpage.VmPageUnwire;

import java.util.Arrays;
import java.util.List;

/**
 * vm_page unwire / page queues / busy downgrade and upgrade (spec/vmpage/VmPageUnwire.tla). Keys, each
 * from the model's constant: {@code variant} (Variant), {@code threads} ("name:Role,..." = Threads and
 * Role, names as the MC module's model values), {@code managed} (Managed), {@code busy_kinds}
 * (BusyKinds). The model's cfg gives the invariants (its INVARIANT lines, in order) and the temporal
 * PROPERTY (NoLostBusyWakeup or none).
 */
public final class VmPageUnwireMechanism implements Mechanism {
    @Override public String name() { return "vmpageunwire"; }

    @Override
    public java.util.Map<String, String> settings(kmapcheck.explorer.tla.TlaModel m) {
        java.util.Map<String, String> k = new java.util.LinkedHashMap<>();
        k.put("variant", m.string("Variant"));
        k.put("threads", VmPageMechanism.threadsSetting(m));
        k.put("managed", Boolean.toString(m.bool("Managed")));
        k.put("busy_kinds", String.join(",", m.names("BusyKinds")));
        return k;
    }

    @Override
    public Model build(Scenario s) {
        String v = s.get("variant", "Fixed");
        VmPageUnwire.Variant variant = kmapcheck.explorer.EnumNames.bySpecName(VmPageUnwire.Variant.values(), x -> x.specName, v);
        if (variant == null) throw new Scenario.ScenarioException(s.file() + ": unknown vmpage-unwire variant '" + v + "'");
        List<String> ts = s.getList("threads");
        if (ts.isEmpty() || ts.size() > 8) throw new Scenario.ScenarioException(s.file() + ": 1..8 threads");
        String[] names = new String[ts.size()];
        VmPageUnwireProgram.Role[] roles = new VmPageUnwireProgram.Role[ts.size()];
        long holders = 0;
        for (int i = 0; i < ts.size(); i++) {
            String[] nr = ts.get(i).split(":");
            if (nr.length != 2) throw new Scenario.ScenarioException(s.file() + ": threads entries are name:Role");
            names[i] = nr[0].trim();
            try {
                roles[i] = VmPageUnwireProgram.Role.valueOf(nr[1].trim());
            } catch (IllegalArgumentException e) {
                throw new Scenario.ScenarioException(s.file() + ": unknown role '" + nr[1] + "' (known: "
                        + Arrays.toString(VmPageUnwireProgram.Role.values()) + ")");
            }
            if (roles[i] == VmPageUnwireProgram.Role.Holder) holders |= 1L << i;
        }
        Layout layout = new Layout(1);
        VmPageUnwire page = new VmPageUnwire(layout, variant, s.getBool("managed", true), names.length, holders, false);
        VmPageUnwireProgram prog = new VmPageUnwireProgram(layout, page, names, roles, s.getList("busy_kinds", "x"));
        try {
            return new Model(prog, new VmPageUnwireMapping(prog, s.model().invariants(), s.model().properties()));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + s.model().module() + ": " + e.getMessage());
        }
    }
}
