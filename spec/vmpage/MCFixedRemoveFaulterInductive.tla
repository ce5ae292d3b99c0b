---- MODULE MCFixedRemoveFaulterInductive ----
\* Inductive check of VmPageInd's IndInv, Variant Fixed, on the roles of MCRemoverReadLock (vm_object_page_remove against vm_page_wire under the object read lock, then vm_page_unwire);
\* 1 pmap, 1 CPU, hardware granularity.  Init is every state with
\* TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageInd
CONSTANTS r, f, p1, c0
MCThreads == {r, f}
MCRole == (r :> "Remover") @@ (f :> "Faulter")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
