---- MODULE MCFixedTerminateFaulterInductive ----
\* issue 13: IndInv's Terminator conjuncts, exhaustively: vm_object_terminate_pages against a faulter's wire/unwire
EXTENDS VmPageInd
CONSTANTS f, tm, p1, c0
MCThreads == {f, tm}
MCRole == (f :> "Faulter") @@ (tm :> "Terminator")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
