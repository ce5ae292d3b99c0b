---- MODULE MCFixedBusyPairSym ----
\* SYMMETRY over the two Busiers (issue 12.3): the invariants and the action property
\* StabilityLemma of MCFixedBusyPair; its temporal properties are dropped (symmetry is unsound for liveness).
\* Model FixedBusyPair: Variant "Fixed". Two busy contenders (xbusy or sbusy,
\* sleeping in vm_page_busy_sleep).
EXTENDS VmPage
CONSTANTS b1, b2, p1, c0
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x", "s"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
MCSymmetry == Permutations(MCThreads)   \* both threads are Busiers: Role is invariant under the swap
====
