---- MODULE MCBusyUpgradeSym ----
\* Issue 12.3: MCBusyUpgrade with SYMMETRY over its two Busiers (the explorer's set Threads): its
\* invariants only; NoLostBusyWakeup is dropped (symmetry is unsound for liveness).
\* Model BusyUpgrade: Fixed (0012f373e4): vm_page_busy_tryupgrade with a busy sleeper.
EXTENDS VmPageUnwire
CONSTANTS b1, b2
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x", "su"}
MCVariant == "Fixed"
MCSymmetry == Permutations(MCThreads)   \* both threads are Busiers: Role is invariant under the swap
====
