---- MODULE MCTerminatePlainStore ----
\* Model TerminatePlainStore (bug 4): vm_object_terminate_pages drops
\* OBJREF with a plain load and store; Faulter (unwirer) and Terminator.
EXTENDS VmPage
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
