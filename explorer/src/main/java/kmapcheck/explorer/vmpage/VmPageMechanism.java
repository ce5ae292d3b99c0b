package kmapcheck.explorer.vmpage;

import kmapcheck.explorer.Mechanism;
import kmapcheck.explorer.Scenario;
import kmapcheck.machine.Layout;
import kmapcheck.vmpage.VmPage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * vm_page scenarios (spec/vmpage/VmPage.tla). Keys, each from the model's constant:
 * {@code variant} (Variant), {@code threads} ("name:Role,..." = Threads and Role, names as the MC
 * module's model values), {@code pmaps} (number of pmaps p1..), {@code init_mapped} (InitMapped, e.g.
 * "p1"), {@code unwire_kinds} (UnwireKinds), {@code busy_kinds} (BusyKinds), {@code ph_prots}
 * (PhProts), {@code cpus} (CPUs = c0, c1, ...; KCpu must be c0, the CPU the kernel threads run on),
 * {@code search.granularity} (LockAtomic: lock-atomic, else fine), and the MMU's events are the
 * program's own ({@code hw.tlb.fill} and {@code hw.tlb.evict} off: the core's TLB events are for KVAs).
 * The model's cfg gives the invariants and properties checked: its INVARIANT lines in order, its
 * temporal PROPERTY lines among NoLostBusyWakeup, OrphanEventuallyFreed, BlockedTransient, and the
 * action PROPERTY StabilityLemma (checked on every explored step).
 */
public final class VmPageMechanism implements Mechanism {
    @Override public String name() { return "vmpage"; }

    @Override
    public java.util.Map<String, String> settings(kmapcheck.explorer.tla.TlaModel m) {
        java.util.Map<String, String> k = new java.util.LinkedHashMap<>();
        k.put("variant", m.string("Variant"));
        k.put("threads", threadsSetting(m));
        k.put("pmaps", Integer.toString(m.numbered("Pmaps", "p", 1)));
        k.put("init_mapped", String.join(",", m.names("InitMapped")));
        k.put("unwire_kinds", String.join(",", m.names("UnwireKinds")));
        k.put("busy_kinds", String.join(",", m.names("BusyKinds")));
        k.put("ph_prots", String.join(",", m.names("PhProts")));
        k.put("cpus", Integer.toString(m.numbered("CPUs", "c", 0)));
        if (!m.constant("KCpu").equals(kmapcheck.trace.Value.mv("c0")))
            throw new IllegalArgumentException(m.file() + ": KCpu must be c0 (the Java kernel threads run on CPU 0)");
        k.put("search.granularity", m.bool("LockAtomic") ? "lock-atomic" : "fine");
        k.put("hw.tlb.fill", "false");
        k.put("hw.tlb.evict", "false");
        return k;
    }

    /** The "threads" key, "name:Role,...", from the model's Threads and Role (also VmPageUnwireMechanism's). */
    static String threadsSetting(kmapcheck.explorer.tla.TlaModel m) {
        kmapcheck.trace.Value.Fn role = m.constant("Role") instanceof kmapcheck.trace.Value.Fn f ? f : null;
        List<String> threads = new ArrayList<>();
        for (String t : m.names("Threads")) {
            kmapcheck.trace.Value r = role == null ? null : role.get(kmapcheck.trace.Value.mv(t));
            if (!(r instanceof kmapcheck.trace.Value.Str rs))
                throw new IllegalArgumentException(m.file() + ": Role must give every thread a role (" + t + ")");
            threads.add(t + ":" + rs.v());
        }
        return String.join(",", threads);
    }

    @Override
    public Model build(Scenario s) {
        String v = s.get("variant", "Fixed");
        VmPage.Variant variant = kmapcheck.explorer.EnumNames.bySpecName(VmPage.Variant.values(), x -> x.specName, v);
        if (variant == null) throw new Scenario.ScenarioException(s.file() + ": unknown vmpage variant '" + v + "'");
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
        int cpus = s.getInt("cpus", 1);
        if (pmaps < 1 || pmaps > 4) throw new Scenario.ScenarioException(s.file() + ": 1..4 pmaps");
        if (names.length < 1 || names.length > 8) throw new Scenario.ScenarioException(s.file() + ": 1..8 threads");
        if (cpus < 1 || cpus > 4) throw new Scenario.ScenarioException(s.file() + ": 1..4 CPUs");
        Layout layout = new Layout(cpus);
        VmPage page = new VmPage(layout, variant, names.length, pmaps, init, false, cpus,
                s.get("search.granularity", "fine").equals("lock-atomic"));
        VmPageProgram prog = new VmPageProgram(layout, page, names, roles, s.getList("unwire_kinds", "unwire"),
                s.getList("busy_kinds", "x"), s.getList("ph_prots", "r"));
        try {
            return new Model(prog, new VmPageMapping(prog, s.model().invariants(), s.model().properties()));
        } catch (IllegalArgumentException e) {
            throw new Scenario.ScenarioException(s.file() + ": " + s.model().module() + ": " + e.getMessage());
        }
    }
}
