---- MODULE MCUnwireFreesOnWireCountOneInductiveSampled ----
\* Sampled counterexample to induction of UnwireFreesOnWireCountOne: random IndInv states (VmPageInd, written for
\* Variant Fixed) at MCUnwireFreesOnWireCountOne's constants, one random step of the buggy Next; expected to break a conjunct.
EXTENDS VmPageIndSampled
CONSTANTS f, tm, u, p1, c0
MCThreads == {f, tm, u}
MCRole == (f :> "Faulter") @@ (tm :> "Terminator") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "UnwireFreesOnWireCountOne"
MCPcSamples == 100000
====
