---- MODULE MCFixedTerminateInductiveSampled ----
\* Sampled inductive check of VmPageInd's IndInv, Variant Fixed, at MCFixedTerminate's constants:
\* four roles (Terminator, Faulter, PmapHolder, Unmapper) against the MMU, 1 pmap, 1 CPU, hardware granularity.
\* Init: random program counters (PcSamples draws), every IndInv state for each; one step of Next.
EXTENDS VmPageIndSampled
CONSTANTS tm, f, h, u, p1, c0
MCThreads == {tm, f, h, u}
MCRole == (tm :> "Terminator") @@ (f :> "Faulter") @@ (h :> "PmapHolder") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
MCPcSamples == 100000
====
