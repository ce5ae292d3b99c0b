---- MODULE MCTerminatePlainStoreLeak ----
\* Model TerminatePlainStoreLeak: bug 4, checked for the permanent leak the
\* brief predicts (OrphanEventuallyFreed).
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
