---- MODULE MCFixedRemoveUnmapInductive ----
\* Inductive check of VmPageInd's IndInv, Variant Fixed, on the roles of MCFixedRemoveUnmap (vm_object_page_remove against munmap's pmap_remove);
\* 1 pmap, 1 CPU, hardware granularity.  Init is every state with
\* TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageInd
CONSTANTS r, u, p1, c0
MCThreads == {r, u}
MCRole == (r :> "Remover") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
