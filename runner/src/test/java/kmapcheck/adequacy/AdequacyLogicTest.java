package kmapcheck.adequacy;

import kmapcheck.cli.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parsing and judging behind 'kmapcheck coverage' and 'kmapcheck mutate', on small fixtures. */
class AdequacyLogicTest {
    static Path fixture(String name) throws Exception {
        return Path.of(AdequacyLogicTest.class.getResource("/adequacy/" + name).toURI());
    }

    // ---- TLC -coverage ------------------------------------------------------------------------

    @Test
    void tlcCoverageTakesTheLastReportAndSkipsInit() throws Exception {
        List<SpecCoverage.Action> as = SpecCoverage.parse("Fixed", Files.readString(fixture("tlc-coverage.out")));
        assertEquals(List.of("Lwbuf!Alloc", "Lwbuf!KvaCheck", "Lwbuf!TLBFill"), as.stream().map(SpecCoverage.Action::id).toList());
        assertEquals(272, as.get(0).generated());
        assertEquals(32, as.get(0).distinct());
        assertFalse(as.get(1).taken());
        assertEquals(131, as.get(1).line());
        assertEquals(List.of("Fixed"), as.get(2).takenIn());
    }

    @Test
    void anActionIsTakenIfSomeModelTookIt() {
        var a1 = new SpecCoverage.Action("M", "A", 1, 0, 0, List.of());
        var b1 = new SpecCoverage.Action("M", "B", 2, 0, 0, List.of());
        var a2 = new SpecCoverage.Action("M", "A", 1, 3, 5, List.of("Two"));
        List<SpecCoverage.Action> m = SpecCoverage.merge(List.of(List.of(a1, b1), List.of(a2)));
        assertEquals(2, m.size());
        assertTrue(m.get(0).taken());
        assertEquals(5, m.get(0).generated());
        assertEquals(List.of("Two"), m.get(0).takenIn());
        assertFalse(m.get(1).taken());
    }

    @Test
    void eachDisjunctTlcSplitsIsItsOwnAction() {
        String out = "@!@!@STARTMSG 2201:0 @!@!@\nstats\n@!@!@ENDMSG 2201 @!@!@\n"
                + "@!@!@STARTMSG 2772:0 @!@!@\n<PmapRemoveAll line 541, col 1 to line 541, col 25 of module VmPage (542 8 542 74)>: 11:35\n@!@!@ENDMSG 2772 @!@!@\n"
                + "@!@!@STARTMSG 2772:0 @!@!@\n<PmapRemoveAll line 541, col 1 to line 541, col 25 of module VmPage (544 8 544 80)>: 0:0\n@!@!@ENDMSG 2772 @!@!@\n";
        List<SpecCoverage.Action> as = SpecCoverage.parse("m", out);
        assertEquals(List.of("VmPage!PmapRemoveAll@542", "VmPage!PmapRemoveAll@544"), as.stream().map(SpecCoverage.Action::id).toList());
        assertEquals(35, as.get(0).generated());
        assertEquals(544, as.get(1).line());
        assertFalse(as.get(1).taken());
    }

    @Test
    void unexpectedCoverageLineIsAnError() {
        String out = "@!@!@STARTMSG 2201:0 @!@!@\nstats\n@!@!@ENDMSG 2201 @!@!@\n@!@!@STARTMSG 2772:0 @!@!@\ngarbage\n@!@!@ENDMSG 2772 @!@!@\n";
        assertThrows(IllegalArgumentException.class, () -> SpecCoverage.parse("m", out));
    }

    // ---- gaps and explanations ----------------------------------------------------------------

    static CodeCoverage.Line line(int n, int status, int branches, int missed) {
        return new CodeCoverage.Line("k/A.java", n, status, branches, missed, "line " + n);
    }

    /** A source tree with k/A.java (10 lines "line 1".."line 10") and an unreached.json with the given body. */
    static Unreached.Explanations explanations(Path dir, String code, String actions) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("k"));
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 10; i++) a.append("line ").append(i).append(i == 10 ? "" : " ;").append('\n');
        Files.writeString(src.resolve("k/A.java"), a.toString());
        Path f = dir.resolve("unreached.json");
        Files.writeString(f, "{\"mechanism\":\"m\",\"code\":[" + code + "],\"specActions\":[" + actions + "]}");
        return Unreached.load(f, "m", src);
    }

    @Test
    void unreachedLinesAreGroupedAndExplainedOnesDrop(@TempDir Path dir) throws Exception {
        var ex = explanations(dir, "{\"file\":\"k/A.java\",\"match\":\"line 6 ;\",\"through\":\"line 7 ;\",\"reason\":\"only a buggy variant\"}", "");
        int nc = org.jacoco.core.analysis.ICounter.NOT_COVERED, full = org.jacoco.core.analysis.ICounter.FULLY_COVERED,
                part = org.jacoco.core.analysis.ICounter.PARTLY_COVERED;
        List<CodeCoverage.Line> code = List.of(line(1, full, 0, 0), line(2, nc, 0, 0), line(3, nc, 0, 0), line(4, part, 4, 1),
                line(6, nc, 0, 0), line(7, nc, 0, 0), line(8, nc, 0, 0), line(9, full, 2, 0));
        Gaps.Judgement j = Gaps.judge(code, List.of(), ex);
        assertEquals(List.of("line k/A.java:2-3", "branch k/A.java:4", "line k/A.java:8"),
                j.gaps().stream().map(g -> g.kind() + " " + g.where()).toList());
        assertTrue(j.gaps().get(1).detail().startsWith("1 of 4 branches"));
        assertEquals(List.of("k/A.java:6-7"), j.explained().stream().map(Gaps.Explained::where).toList());
        assertTrue(j.stale().isEmpty());
        assertFalse(j.clean());
    }

    @Test
    void anExplanationOfReachedCodeIsStale(@TempDir Path dir) throws Exception {
        var ex = explanations(dir, "{\"file\":\"k/A.java\",\"match\":\"line 1 ;\",\"reason\":\"claimed unreachable\"}", "");
        Gaps.Judgement j = Gaps.judge(List.of(line(1, org.jacoco.core.analysis.ICounter.FULLY_COVERED, 2, 0)), List.of(), ex);
        assertTrue(j.gaps().isEmpty());
        assertEquals(1, j.stale().size());
        assertFalse(j.clean());
    }

    @Test
    void specActionsNeverTakenAreGapsUnlessExplained(@TempDir Path dir) throws Exception {
        var ex = explanations(dir, "", "{\"action\":\"M!Bug\",\"reason\":\"buggy variant only\"},{\"action\":\"M!Taken\",\"reason\":\"wrong\"}");
        var actions = List.of(new SpecCoverage.Action("M", "Bug", 1, 0, 0, List.of()), new SpecCoverage.Action("M", "Gap", 2, 0, 0, List.of()),
                new SpecCoverage.Action("M", "Taken", 3, 1, 1, List.of("Fixed")));
        Gaps.Judgement j = Gaps.judge(List.of(), actions, ex);
        assertEquals(List.of("M!Gap"), j.gaps().stream().map(Gaps.Gap::where).toList());
        assertEquals(List.of("M!Bug"), j.explained().stream().map(Gaps.Explained::where).toList());
        assertEquals(1, j.stale().size());
        var unknown = explanations(dir, "", "{\"action\":\"M!Nowhere\",\"reason\":\"x\"}");
        assertThrows(BadInput.class, () -> Gaps.judge(List.of(), actions, unknown));
    }

    @Test
    void staleOrAmbiguousAnchorsAreBadInput(@TempDir Path dir) {
        assertThrows(BadInput.class, () -> explanations(dir, "{\"file\":\"k/A.java\",\"match\":\"no such text\",\"reason\":\"r\"}", ""));
        assertThrows(BadInput.class, () -> explanations(dir, "{\"file\":\"k/A.java\",\"match\":\"line\",\"reason\":\"r\"}", ""));
        assertThrows(BadInput.class, () -> explanations(dir, "{\"file\":\"k/A.java\",\"match\":\"line 2 ;\",\"reason\":\"r\",\"typo\":1}", ""));
        assertThrows(BadInput.class, () -> explanations(dir, "{\"file\":\"k/A.java\",\"match\":\"line 2 ;\"}", ""));
        assertThrows(BadInput.class, () -> explanations(dir, "{\"file\":\"k/B.java\",\"match\":\"line 2 ;\",\"reason\":\"r\"}", ""));
    }

    // ---- spec mutation catalogue --------------------------------------------------------------

    static Path catalogue(Path dir, String mutations) throws Exception {
        Files.writeString(dir.resolve("Spec.tla"), "---- MODULE Spec ----\nA == x' = x + 1\nB == x' = 0\n====\n");
        Files.writeString(dir.resolve("MCOne.tla"), "---- MODULE MCOne ----\nEXTENDS Spec, Naturals\n====\n");
        Files.writeString(dir.resolve("Other.tla"), "---- MODULE Other ----\n====\n");
        Path c = dir.resolve("mutations.json");
        Files.writeString(c, "{\"mechanism\":\"m\",\"mutations\":[" + mutations + "]}");
        return c;
    }

    @Test
    void aMutationReplacesItsFindTextOnce(@TempDir Path dir) throws Exception {
        Path c = catalogue(dir, "{\"name\":\"Reset\",\"meaning\":\"m\",\"file\":\"Spec.tla\",\"find\":\"x' = x + 1\",\"replace\":\"x' = x\"}");
        List<SpecMutations.Mutation> ms = SpecMutations.load(c, "m");
        assertEquals(1, ms.size());
        String mutated = SpecMutations.apply(Files.readString(dir.resolve("Spec.tla")), ms.get(0), c);
        assertTrue(mutated.contains("A == x' = x\n"));
        assertTrue(SpecMutations.dependsOn(dir, "MCOne", "Spec", new java.util.HashSet<>()));
        assertFalse(SpecMutations.dependsOn(dir, "MCOne", "Other", new java.util.HashSet<>()));
    }

    @Test
    void aStaleOrAmbiguousCatalogueIsBadInput(@TempDir Path dir) throws Exception {
        String base = "\"meaning\":\"m\",\"file\":\"Spec.tla\",\"replace\":\"y\"";
        assertThrows(BadInput.class, () -> SpecMutations.load(catalogue(dir, "{\"name\":\"S\"," + base + ",\"find\":\"no longer there\"}"), "m"));
        assertThrows(BadInput.class, () -> SpecMutations.load(catalogue(dir, "{\"name\":\"S\"," + base + ",\"find\":\"x'\"}"), "m"));
        assertThrows(BadInput.class, () -> SpecMutations.load(catalogue(dir, "{\"name\":\"S\"," + base + ",\"find\":\"B ==\"},{\"name\":\"S\","
                + base + ",\"find\":\"A ==\"}"), "m"));
        assertThrows(BadInput.class, () -> SpecMutations.load(catalogue(dir, "{\"name\":\"S\"," + base + ",\"find\":\"A ==\",\"equivalent\":\"e\",\"gap\":\"g\"}"), "m"));
        assertThrows(BadInput.class, () -> SpecMutations.load(catalogue(dir, "{\"name\":\"S\",\"meaning\":\"m\",\"file\":\"Nope.tla\",\"find\":\"A\",\"replace\":\"B\"}"), "m"));
        assertThrows(BadInput.class, () -> SpecMutations.load(catalogue(dir, ""), "m"));
    }

    // ---- verdicts and the kill matrix ---------------------------------------------------------

    static Manifest.Entry entry(String expect, String kind, String property) {
        return new Manifest.Entry("m", "S", Manifest.Tool.EXPLORER, Path.of("."), "S.jpf", true, expect, kind, property, null, null, "");
    }

    @Test
    void onlyTheVerdictDecidesAKill() {
        var pass = entry("pass", null, null);
        var bug = entry("violation", "invariant", "LW1");
        assertEquals(MutantVerdict.Outcome.MEETS, MutantVerdict.judge(pass, true, null, null).outcome());
        assertEquals(MutantVerdict.Outcome.KILLS, MutantVerdict.judge(pass, true, "invariant", "LW1").outcome());
        assertEquals(MutantVerdict.Outcome.MEETS, MutantVerdict.judge(bug, true, "invariant", "LW1").outcome());
        assertEquals(MutantVerdict.Outcome.KILLS, MutantVerdict.judge(bug, true, "invariant", "NoStaleAccess").outcome());
        assertEquals(MutantVerdict.Outcome.KILLS, MutantVerdict.judge(bug, true, null, null).outcome());
        assertEquals(MutantVerdict.Outcome.INCOMPLETE, MutantVerdict.judge(pass, false, null, null).outcome());
        assertEquals(MutantVerdict.Outcome.INCOMPLETE, MutantVerdict.judge(bug, false, null, null).outcome());
    }

    @Test
    void aCfgCheckingOnePropertyKeepsEverythingElse() {
        String cfg = "CONSTANTS\n    N = 3\nSPECIFICATION Spec\nINVARIANT TypeOK\nINVARIANTS A \\* two\n    B\n"
                + "PROPERTY Live\nSYMMETRY Sym\nCHECK_DEADLOCK FALSE\n";
        assertEquals("CONSTANTS\n    N = 3\nSPECIFICATION Spec\nINVARIANT B\nSYMMETRY Sym\nCHECK_DEADLOCK FALSE\n",
                kmapcheck.tlc.CfgText.checkingOnly(cfg, "B"));
        assertEquals("CONSTANTS\n    N = 3\nSPECIFICATION Spec\nPROPERTY Live\nSYMMETRY Sym\nCHECK_DEADLOCK FALSE\n",
                kmapcheck.tlc.CfgText.checkingOnly(cfg, "Live"));
        assertEquals("CONSTANTS\n    N = 3\nSPECIFICATION Spec\nSYMMETRY Sym\nCHECK_DEADLOCK TRUE\n",
                kmapcheck.tlc.CfgText.checkingOnly(cfg, "Deadlock"));
        assertThrows(IllegalArgumentException.class, () -> kmapcheck.tlc.CfgText.checkingOnly(cfg, "C"));
    }

    /** x counts up to Max; Early == x < 2 is reported before Late == x < 3 (BFS). */
    private static Path counter(Path dir, int max) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("MCCount.tla"), "---- MODULE MCCount ----\nEXTENDS Naturals\nVARIABLE x\n"
                + "Spec == x = 0 /\\ [][x < " + max + " /\\ x' = x + 1]_x\nEarly == x < 2\nLate == x < 3\n====\n");
        Files.writeString(dir.resolve("MCCount.cfg"), "SPECIFICATION Spec\nINVARIANT Early\nINVARIANT Late\nCHECK_DEADLOCK FALSE\n");
        return dir;
    }

    @Test
    void aBuggyModelIsJudgedByTheSetOfPropertiesItBreaks(@TempDir Path tmp) throws Exception {
        Path src = counter(tmp.resolve("src"), 3);
        var expectsLate = new Manifest.Entry("m", "Count", Manifest.Tool.TLC, src, "MCCount", true, "violation", "invariant", "Late",
                null, null, "");
        kmapcheck.tlc.TlcRunner tlc = new kmapcheck.tlc.TlcRunner(1, 120, "256m");
        kmapcheck.tlc.TlcResult first = tlc.check("m/Count", src, "MCCount", List.of());
        assertEquals("Early", first.property());                  // reported first, though the manifest expects Late
        // the same spec as "mutant": it breaks Early and Late, as the unmutated model does
        assertEquals(MutantVerdict.Outcome.MEETS, SpecMutations.sameBreaks(expectsLate, first, src, src, tlc).outcome());
        // a mutant that stops at 2 no longer breaks Late
        Path stops = counter(tmp.resolve("stops"), 2);
        var j = SpecMutations.sameBreaks(expectsLate, tlc.check("m/Count", stops, "MCCount", List.of()), src, stops, tlc);
        assertEquals(MutantVerdict.Outcome.KILLS, j.outcome(), j.detail());
        // against an unmutated model whose Early holds everywhere, the mutant's Early violation is new
        Path orig = counter(tmp.resolve("orig"), 3);
        Files.writeString(orig.resolve("MCCount.tla"), Files.readString(orig.resolve("MCCount.tla")).replace("Early == x < 2", "Early == x < 9"));
        var k = SpecMutations.sameBreaks(expectsLate, first, orig, src, tlc);
        assertEquals(MutantVerdict.Outcome.KILLS, k.outcome(), k.detail());
        assertTrue(k.detail().startsWith("newly breaks invariant Early"), k.detail());
    }

    @Test
    void pitMutantsAreCountedWithTheirAnnotations() throws Exception {
        List<Pit.Mutant> ms = Pit.parse(fixture("mutations.xml"));
        assertEquals(5, ms.size());
        assertEquals("kmapcheck/lwbuf/ObjCache.java", ms.get(0).file());
        assertEquals("NegateConditionalsMutator", ms.get(0).mutatorName());
        var eq = new PitSurvivors.Annotation("kmapcheck/lwbuf/ObjCache.java", 53, "wakeupOne", "wakeupOne", "no sleeper in any scenario", null);
        var stale = new PitSurvivors.Annotation("kmapcheck/lwbuf/ObjCache.java", 33, "tryGet", "*", null, "killed meanwhile");
        KillMatrix.Judged j = KillMatrix.pit("lwbuf", "java/explorer", ms, List.of(eq, stale), 1);
        KillMatrix.Row r = j.row();
        assertEquals(4, r.mutants());                     // NON_VIABLE is no mutant
        assertEquals(1, r.killed());
        assertEquals(1, r.equivalent());
        assertEquals(0, r.survived());
        assertEquals(1, r.notReached());
        assertEquals(1, r.timedOut());
        assertEquals(1.0 / 3, r.score(), 1e-9);
        assertEquals(List.of("equivalent", "UNEXPLAINED", "timed out"), j.survivors().stream().map(KillMatrix.Survivor::verdict).toList());
        assertEquals(1, j.stale().size());
    }

    @Test
    void specOutcomesAreCountedAndWrongAnnotationsAreStale() {
        var eq = new SpecMutations.Mutation("E", "m", "S.tla", "a", "b", "same behaviour", null);
        var gap = new SpecMutations.Mutation("G", "m", "S.tla", "a", "b", null, "a two-page model");
        var plain = new SpecMutations.Mutation("P", "m", "S.tla", "a", "b", null, null);
        var killedEq = new SpecMutations.Mutation("K", "m", "S.tla", "a", "b", "wrong claim", null);
        KillMatrix.Judged j = KillMatrix.spec("m", List.of(new SpecMutations.Outcome(eq, "survived", "", 3, 1),
                new SpecMutations.Outcome(gap, "survived", "", 3, 1), new SpecMutations.Outcome(plain, "timed out", "Fixed: hit", 1, 1),
                new SpecMutations.Outcome(killedEq, "killed", "Fixed: LW1", 1, 1)), 4);
        assertEquals(4, j.row().mutants());
        assertEquals(1, j.row().equivalent());
        assertEquals(1, j.row().killed());
        assertEquals(1, j.row().survived());
        assertEquals(1, j.row().timedOut());
        assertEquals(1.0 / 3, j.row().score(), 1e-9);
        assertEquals(List.of("equivalent", "gap", "timed out"), j.survivors().stream().map(KillMatrix.Survivor::verdict).toList());
        assertEquals(1, j.stale().size());
    }

    @Test
    void survivorAnnotationsNameOneLineByTextOrOccurrence(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("k"));
        Files.writeString(src.resolve("k/A.java"), "long mine = 1;\nx();\nlong mine = 1;\n");
        Path f = dir.resolve("pit-survivors.json");
        Files.writeString(f, "{\"mechanism\":\"m\",\"survivors\":[{\"file\":\"k/A.java\",\"match\":\"long mine\",\"occurrence\":2,"
                + "\"mutator\":\"Math\",\"equivalent\":\"why\"},{\"file\":\"k/A.java\",\"match\":\"x();\",\"mutator\":\"*\",\"gap\":\"what\"}]}");
        List<PitSurvivors.Annotation> as = PitSurvivors.load(f, "m", src);
        assertEquals(3, as.get(0).line());
        assertEquals(2, as.get(1).line());
        var m = new Pit.Mutant("k/A.java", "k.A", "f", 3, "org.pitest.MathMutator", "Replaced", "SURVIVED", "", 1);
        assertTrue(as.get(0).matches(m));
        assertFalse(as.get(1).matches(m));
        Files.writeString(f, "{\"mechanism\":\"m\",\"survivors\":[{\"file\":\"k/A.java\",\"match\":\"long mine\",\"mutator\":\"*\",\"gap\":\"g\"}]}");
        assertThrows(BadInput.class, () -> PitSurvivors.load(f, "m", src));          // two lines, no occurrence
        Files.writeString(f, "{\"mechanism\":\"m\",\"survivors\":[{\"file\":\"k/A.java\",\"match\":\"x();\",\"mutator\":\"*\"}]}");
        assertThrows(BadInput.class, () -> PitSurvivors.load(f, "m", src));          // neither equivalent nor gap
    }
}
