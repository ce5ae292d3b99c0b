package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.vmpage.VmPage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * vm_page scenarios (spec/vmpage/VmPage.tla). Keys, each the MC module's constant:
 * {@code variant} (Variant), {@code threads} ("name:Role,..." = Threads and Role, names as the MC
 * module's model values), {@code pmaps} (number of pmaps p1..), {@code init_mapped} (InitMapped, e.g.
 * "p1"), {@code unwire_kinds}, {@code busy_kinds}, {@code ph_prots}; and what the model's cfg checks:
 * {@code invariants} (its INVARIANT lines, in order) and {@code liveness} (its temporal PROPERTY lines
 * among NoLostBusyWakeup, OrphanEventuallyFreed, BlockedTransient) and {@code actions} (its action
 * PROPERTY StabilityLemma, checked on every explored step).
 */
public final class VmPageMechanism implements Mechanism {
    @Override public String name() { return "vmpage"; }

    @Override
    public Model build(Scenario s) {
        VmPage.Variant variant;
        try {
            variant = VmPage.Variant.parse(s.get("variant", "Fixed"));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + e.getMessage());
        }
        List<String> ts = s.getList("threads");
        String[] names = new String[ts.size()];
        VmPageProgram.Role[] roles = new VmPageProgram.Role[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            String[] nr = ts.get(i).split(":");
            if (nr.length != 2) throw new Scenario.ScenarioException(s.file() + ": threads entries are name:Role");
            names[i] = nr[0].trim();
            try {
                roles[i] = VmPageProgram.Role.valueOf(nr[1].trim());
            } catch (IllegalArgumentException e) {
                throw new Scenario.ScenarioException(s.file() + ": unknown role '" + nr[1] + "' (known: " + Arrays.toString(VmPageProgram.Role.values()) + ")");
            }
        }
        int pmaps = s.getInt("pmaps", 1);
        int init = 0;
        for (String p : s.getList("init_mapped", "")) {
            int k = Integer.parseInt(p.substring(1)) - 1;
            if (k < 0 || k >= pmaps) throw new Scenario.ScenarioException(s.file() + ": init_mapped names " + p);
            init |= 1 << k;
        }
        List<String> inv = s.getList("invariants", "TypeOK");
        for (String n : inv) if (!VmPageMapping.knownInvariant(n)) throw new Scenario.ScenarioException(s.file() + ": unknown invariant " + n);
        List<String> live = s.getList("liveness", "");
        for (String n : live) if (!VmPageMapping.knownLiveness(n)) throw new Scenario.ScenarioException(s.file() + ": unknown liveness property " + n);
        Layout layout = new Layout(1);
        VmPage page = new VmPage(layout, variant, names.length, pmaps, init, false);
        VmPageProgram prog = new VmPageProgram(layout, page, names, roles, s.getList("unwire_kinds", "unwire"),
                s.getList("busy_kinds", "x"), s.getList("ph_prots", "r"));
        List<String> actions = s.getList("actions", "");
        for (String n : actions) if (!n.equals("StabilityLemma")) throw new Scenario.ScenarioException(s.file() + ": unknown action property " + n);
        return new Model(prog, new VmPageMapping(prog, inv, live, actions));
    }
}
