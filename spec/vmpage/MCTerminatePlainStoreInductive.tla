---- MODULE MCTerminatePlainStoreInductive ----
\* issue 13: bug 4 against IndInv
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
MCVariant == "TerminatePlainStore"
====
