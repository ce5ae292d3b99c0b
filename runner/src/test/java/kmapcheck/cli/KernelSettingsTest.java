package kmapcheck.cli;

import kmapcheck.ConcurrentTests;
import kmapcheck.TestRoot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kernel classes' enums and constructor preconditions, checked by the explorer's mechanisms
 * before exploring: every bad value is bad input (exit 2) in one line naming the scenario file.
 * Each case copies a shipped scenario into a temp dir and sets the bad value with -D (the paired
 * model fixes most of these keys, so the file itself cannot disagree with it).
 */
class KernelSettingsTest {
    /** One bad setting: scenario {@code mech/name}, -D {@code defines}, the expected message after "FILE: ". */
    record Case(String mech, String name, List<String> defines, String message) {}

    record Result(Path jpf, CliTest.Run run) {}

    static Case c(String mech, String name, String message, String... defines) { return new Case(mech, name, List.of(defines), message); }

    static final String NINE_VMPAGE_THREADS = "threads=" + String.join(",", java.util.Collections.nCopies(9, "t:Faulter"));
    static final String NINE_UNWIRE_THREADS = "threads=" + String.join(",", java.util.Collections.nCopies(9, "t:Holder"));

    static final List<Case> CASES = List.of(
            c("lwbuf", "Fixed", "unknown lwbuf variant 'Nope'", "variant=Nope"),
            c("lwbuf", "Fixed", "objcache holds 1..15 objects, got 16", "objs=16"),
            c("lwbuf", "PcpuBootOneCpu", "unknown per-CPU lwbuf variant 'Nope'", "variant=Nope"),
            c("lwbuf", "PcpuBootOneCpu", "1..15 KVA pages, got 16", "kvas=16"),
            c("lwbuf", "PcpuBootOneCpu", "the boot reserve needs 2 KVA pages", "kvas=1"),
            c("memattr", "FixedLockAtomic", "unknown memattr variant 'Nope'", "variant=Nope"),
            c("sfbuf", "Rev1220", "unknown sf_buf variant 'Nope'", "variant=Nope"),
            c("sfbuf", "Rev1220", "unknown wiring 'Nope'", "wiring=Nope"),
            c("sfbuf", "Rev1220", "unknown sf_buf bug 'Nope'", "bug=Nope"),
            c("sfbuf", "Rev1220", "the SMP sf_buf code is FreeBSDLater or DragonFly2004 only", "smp=true"),
            c("sfbuf", "Rev1220", "DragonFly2004 is modelled without a wiring protocol", "variant=DragonFly2004", "wiring=UnwireAtZero"),
            c("sfbuf", "Rev1220", "QuickMigrate is DragonFly2004 only", "bug=QuickMigrate"),
            c("sfbuf", "Rev1220", "sf_buf_map's PTE load/store (and its mutations) is FreeBSDLater only", "pte_xchg=true"),
            c("sfbuf", "Rev1220", "sf_buf_map's PTE load/store (and its mutations) is FreeBSDLater only", "bug=PGATestNew"),
            c("sfbuf", "Rev1220", "rev 1.219/1.220 sf_buf_alloc(m) has no flags (always PCATCH): flag_choices must be CATCH only, got 'NOWAIT'",
                    "flag_choices=NOWAIT"),
            c("sfbuf", "Rev1220", "1..15 sf_bufs, got 16", "bufs=16"),
            c("sfbuf", "Rev1220", "1..14 pages, got 15", "pages=15"),
            c("vmpage", "FixedRemove", "unknown vmpage variant 'Nope'", "variant=Nope"),
            c("vmpage", "FixedRemove", "1..4 pmaps", "pmaps=5"),
            c("vmpage", "FixedRemove", "1..8 threads", NINE_VMPAGE_THREADS),
            c("vmpage", "FixedRemove", "1..4 CPUs", "cpus=5"),
            c("vmpage", "BusyDowngrade", "unknown vmpage-unwire variant 'Nope'", "variant=Nope"),
            c("vmpage", "BusyDowngrade", "1..8 threads", NINE_UNWIRE_THREADS),
            c("vmpage", "NfsNoOpExtFree", "unknown NfsExtPgs variant 'Nope'", "variant=Nope"),
            c("vmpage", "NfsNoOpExtFree", "1..4 pages", "pages=pg1,pg2,pg3,pg4,pg5"));

    @TestFactory
    Stream<DynamicTest> everyBadKernelSettingIsBadInputNamingTheFile() {
        ConcurrentTests tests = new ConcurrentTests();
        for (Case k : CASES) {
            tests.add(k.mech() + "/" + k.name() + " " + k.defines(), () -> {
                Path dir = Files.createTempDirectory("kmapcheck-settings-");
                Path jpf = Files.copy(TestRoot.get().resolve("jpf-config/" + k.mech() + "/" + k.name() + ".jpf"), dir.resolve(k.name() + ".jpf"));
                List<String> args = new ArrayList<>(List.of("explore", jpf.toString(), "--model",
                        TestRoot.get().resolve("spec/" + k.mech() + "/MC" + k.name() + ".tla").toString(), "--out", dir.resolve("out").toString()));
                for (String d : k.defines()) args.addAll(List.of("-D", d));
                CliTest.Run r = CliTest.cliIn(TestRoot.get(), args.toArray(String[]::new));
                Cli.deleteTree(dir);
                return new Result(jpf, r);
            }, (Result res) -> CliTest.assertOneLineError(res.run(), res.jpf() + ": " + k.message()));
        }
        return tests.stream();
    }
}
