---- MODULE MCFixedRemoveInductiveSampled ----
\* Sampled inductive check of VmPageInd's IndInv, Variant Fixed, at MCFixedRemove's constants:
\* three roles (Remover, PmapHolder, Faulter) against the MMU, 1 pmap, 1 CPU, hardware granularity.
\* Init: random program counters (PcSamples draws), every IndInv state for each; one step of Next.
EXTENDS VmPageIndSampled
CONSTANTS r, h, f, p1, c0
MCThreads == {r, h, f}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder") @@ (f :> "Faulter")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
MCPcSamples == 3000
====
