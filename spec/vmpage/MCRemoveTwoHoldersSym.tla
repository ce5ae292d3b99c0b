---- MODULE MCRemoveTwoHoldersSym ----
\* Issue 12.3: MCRemoveTwoHolders with SYMMETRY over its two PmapHolders (the explorer's set
\* PmapHolders): safety only, symmetry is unsound for liveness.
EXTENDS VmPage
CONSTANTS r, h1, h2, p1, c0
MCThreads == {r, h1, h2}
MCRole == (r :> "Remover") @@ (h1 :> "PmapHolder") @@ (h2 :> "PmapHolder")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
MCSymmetry == Permutations({h1, h2})   \* Role(h1) = Role(h2) = "PmapHolder"
====
