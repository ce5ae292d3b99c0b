---- MODULE MCBusySleepPlainStoreFirstSym ----
\* SYMMETRY over the two Busiers (issue 12.3): the invariants and the action property
\* StabilityLemma of MCBusySleepPlainStoreFirst; its temporal properties are dropped (symmetry is unsound for liveness).
\* Model BusySleepPlainStoreFirst: bug 5 with every invariant checked.
EXTENDS VmPage
CONSTANTS b1, b2, p1, c0
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "BusySleepPlainStore"
MCSymmetry == Permutations(MCThreads)   \* both threads are Busiers: Role is invariant under the swap
====
