--------------------------- MODULE LwbufPcpuProof ---------------------------
(***************************************************************************)
(* NOT CHECKED BY A PROVER.  A TLAPS-style proof outline of                *)
(* Spec => []IndInv for the per-CPU lwbuf of issue 15 item 4               *)
(* (spec/lwbuf/LwbufPcpu.tla, Variant "Shipped"; IndInv in                 *)
(* spec/lwbuf/LwbufPcpuInd.tla).  A module of its own beside LwbufProof    *)
(* because LwbufPcpu and Lwbuf declare the same names (TypeOK, LW1, lm,    *)
(* mask, ...) and cannot be extended together.  No TLAPS backend is        *)
(* available on these machines: SANY parses and level-checks this module,  *)
(* nothing checks its BY steps.  What checks the claim is TLC: the         *)
(* inductive model spec/lwbuf/MCPcpuShippedInductive (every TypeOK /\      *)
(* IndInv state of 2 CPUs, 1 thread, KVA pages 1..1, one step of Next,     *)
(* every conjunct an INVARIANT; opt-in MCPcpuShippedInductiveKva2 with     *)
(* KVA pages 1..2).  The per-action argument is in proofs/lwbuf.md.        *)
(***************************************************************************)
EXTENDS LwbufPcpuInd

ASSUME ShippedVariant == Variant = "Shipped"

Strengthening ==
    /\ PcShape /\ HomeOfWork /\ ObjectShape /\ HolderShape /\ SyncedShape /\ KmemSound
    /\ KfProgress /\ FreedKvaUnmapped /\ LwbufPagesOnly /\ SdipiPending

THEOREM IndInvIsItsConjuncts ==
    IndInv <=> TypeOK /\ LW1 /\ NoStaleAccess /\ FreedKvaNotCached /\ HomeListsOnly
               /\ KvaAccounted /\ Strengthening
    BY DEF IndInv, Strengthening

\* Init: the boot lwbufs on their home lists (unmapped, mask 0), the rest of kernel_map free
\* and unmapped, every TLB empty, every agent idle.
THEOREM InitEstablishes == Init => IndInv
    BY ShippedVariant DEF Init, IndInv, TypeOK, LW1, NoStaleAccess, FreedKvaNotCached,
       HomeListsOnly, KvaAccounted, Places, PcShape, HomeOfWork, ObjectShape, HolderShape,
       SyncedShape, KmemSound, KfProgress, FreedKvaUnmapped, LwbufPagesOnly, SdipiPending,
       BootPages, BootIdx, HeldBy, HeldPcs

THEOREM NextPreserves == IndInv /\ [Next]_vars => IndInv'
<1> SUFFICES ASSUME IndInv, [Next]_vars PROVE IndInv'
    OBVIOUS
<1> USE ShippedVariant DEF IndInv, TypeOK, LW1, NoStaleAccess, FreedKvaNotCached,
        HomeListsOnly, KvaAccounted, Places, PcShape, HomeOfWork, ObjectShape, HolderShape,
        SyncedShape, KmemSound, KfProgress, FreedKvaUnmapped, LwbufPagesOnly, SdipiPending,
        HeldBy, HeldPcs, CpuOf, Others, Shipped
\* lwbuf_alloc: pop the head (mask 0, ObjectShape: LW1 holds whatever the PTE) or grow from
\* kernel_map (unmapped, uncached: FreedKvaUnmapped, FreedKvaNotCached); the PTE store maps p.
<1>1. ASSUME NEW t \in Threads, NEW p \in LwbufPages, Alloc(t, p) PROVE IndInv'
    BY <1>1 DEF Alloc, MinFree
\* kmem_alloc: the lowest free KVA, uncached on every CPU (FreedKvaNotCached): KmemSound.
<1>2. ASSUME NEW t \in Threads, NEW p \in KmemPages, KmemAlloc(t, p) PROVE IndInv'
    BY <1>2 DEF KmemAlloc, MinFree
\* cpu_invlpg then cpumask |= curcpu: the only CPU in the mask has no entry (LW1).
<1>3. ASSUME NEW t \in Threads, AllocInvlpgOr(t) PROVE IndInv'
    BY <1>3 DEF AllocInvlpgOr
\* lwbuf_kva's fast path (curcpu in cpumask: SyncedShape) or the move to _lwbuf_kva.
<1>4. ASSUME NEW t \in Threads, Kva(t) PROVE IndInv'
    BY <1>4 DEF Kva
\* _lwbuf_kva's invlpg: the entry is gone (SyncedShape's kv_or clause).
<1>5. ASSUME NEW t \in Threads, KvaInvlpg(t) PROVE IndInv'
    BY <1>5 DEF KvaInvlpg
\* the cmpset loop: curcpu joins cpumask with at most the current entry (LW1).
<1>6. ASSUME NEW t \in Threads, KvaOr(t) PROVE IndInv'
    BY <1>6 DEF KvaOr
\* a read: synced => curcpu in cpumask (LW1) or kmem (KmemSound); a miss walks pte = want.
<1>7. ASSUME NEW t \in Threads, Access(t) PROVE IndInv'
    BY <1>7 DEF Access
\* lwbuf_free: m = NULL, cpumask = 0 (ObjectShape), then the home list, kmem_free's first
\* step (HomeOfWork: on the home CPU) or the passive IPI to the home (HomeListsOnly).
<1>8. ASSUME NEW t \in Threads, Free(t) PROVE IndInv'
    BY <1>8 DEF Free, HomeFree
\* lwbuf_free_remote on the home CPU: as the home half of Free.
<1>9. ASSUME NEW c \in CPUs, NEW k \in Kvas, IpiqProcess(c, k) PROVE IndInv'
    BY <1>9 DEF IpiqProcess, HomeFree
\* pmap_remove_pte's clear: the PTE is invalid from now on (KfProgress, no fill).
<1>10. ASSUME NEW a \in Agents, KfClear(a) PROVE IndInv'
    BY <1>10 DEF KfClear
\* the local invlpg: curcpu clean.
<1>11. ASSUME NEW a \in Agents, KfInvlpg(a) PROVE IndInv'
    BY <1>11 DEF KfInvlpg
\* the IPIs to the other CPUs: each is clean or has the IPI pending (SdipiPending).
<1>12. ASSUME NEW a \in Agents, KfIpi(a) PROVE IndInv'
    BY <1>12 DEF KfIpi
\* every target acknowledged: every CPU clean (KfProgress's kf_release clause, Shipped).
<1>13. ASSUME NEW a \in Agents, KfWait(a) PROVE IndInv'
    BY <1>13 DEF KfWait
\* the KVA back in kernel_map: uncached (FreedKvaNotCached) and unmapped.
<1>14. ASSUME NEW a \in Agents, KfRelease(a) PROVE IndInv'
    BY <1>14 DEF KfRelease
\* LWKT migration between calls: synced := FALSE.
<1>15. ASSUME NEW t \in Threads, NEW c \in CPUs, Migrate(t, c) PROVE IndInv'
    BY <1>15 DEF Migrate
\* a walk loads the current PTE; never for a free or kmem_freed KVA (its PTE is invalid).
<1>16. ASSUME NEW c \in CPUs, NEW k \in Kvas, TLBFill(c, k) PROVE IndInv'
    BY <1>16 DEF TLBFill
<1>17. ASSUME NEW c \in CPUs, NEW k \in Kvas, TLBEvict(c, k) PROVE IndInv'
    BY <1>17 DEF TLBEvict
\* the shootdown handler: invlpg and acknowledge (KfProgress's kf_wait clause).
<1>18. ASSUME NEW c \in CPUs, NEW k \in Kvas, IPIAck(c, k) PROVE IndInv'
    BY <1>18 DEF IPIAck
<1>19. CASE UNCHANGED vars
    BY <1>19 DEF vars
<1>20. QED
    BY <1>1, <1>2, <1>3, <1>4, <1>5, <1>6, <1>7, <1>8, <1>9, <1>10, <1>11, <1>12, <1>13,
       <1>14, <1>15, <1>16, <1>17, <1>18, <1>19 DEF Next

\* The temporal step is the induction rule (TLAPS would discharge it with PTL).
THEOREM PcpuSafety == Spec => []IndInv
    BY InitEstablishes, NextPreserves DEF Spec

\* The properties of issue 15 item 4 follow as conjuncts.
COROLLARY Spec => [](LW1 /\ NoStaleAccess /\ FreedKvaNotCached)
    BY PcpuSafety DEF IndInv
=============================================================================
