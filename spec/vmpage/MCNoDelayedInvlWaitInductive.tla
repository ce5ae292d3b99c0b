---- MODULE MCNoDelayedInvlWaitInductive ----
\* Inductive check of VmPageInd's IndInv, Variant NoDelayedInvlWait, on the roles of MCNoDelayedInvlWait (pmap_remove_all without pmap_delayed_invl_wait, against munmap);
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
MCVariant == "NoDelayedInvlWait"
====
