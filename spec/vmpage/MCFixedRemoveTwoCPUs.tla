---- MODULE MCFixedRemoveTwoCPUs ----
\* Model FixedRemoveTwoCPUs: Variant "Fixed", the roles of FixedRemoveUnmap on two
\* CPUs: pmap_invalidate_page is a local invlpg, an IPI to c1, c1's acknowledgement and
\* the wait for it; c1 may refill between the PTE clear and its own invalidation.
EXTENDS VmPage
CONSTANTS r, u, p1, c0, c1
MCThreads == {r, u}
MCRole == (r :> "Remover") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0, c1}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
