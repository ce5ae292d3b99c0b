---- MODULE MCRemoveAllInvalidateFirstTwoCPUs ----
\* Model RemoveAllInvalidateFirstTwoCPUs: RemoveAllInvalidateFirst with a
\* second CPU: the shootdown (local invlpg, IPI, each CPU's acknowledgement, the wait)
\* runs before pte_load_clear; c1 refills after its acknowledgement.
EXTENDS VmPage
CONSTANTS r, p1, c0, c1
MCThreads == {r}
MCRole == (r :> "Remover")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0, c1}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "RemoveAllInvalidateFirst"
====
