---- MODULE MCRemoverReadLockInductive ----
\* Inductive check of VmPageInd's IndInv, Variant RemoverReadLock, on the roles of MCRemoverReadLock (vm_object_page_remove under the object read lock);
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
MCVariant == "RemoverReadLock"
====
