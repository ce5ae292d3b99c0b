---- MODULE MCRemoveTwoHolders ----
\* Issue 12.3: Remover + two PmapHolders, one mapped pmap (BenchRemoveT2P1 with a second holder),
\* safety only; the pair of MCRemoveTwoHoldersSym, which adds SYMMETRY over the holders.
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
====
