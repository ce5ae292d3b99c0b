---- MODULE MCReleaseRecheckInductive ----
\* issue 13: ReleaseRecheck (release_locked tryxbusies, re-checks vm_page_wired) on ReleaseDelayedInvl's roles, against IndInv
EXTENDS VmPageInd
CONSTANTS f, u, p1, c0
MCThreads == {f, u}
MCRole == (f :> "Faulter") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "ReleaseRecheck"
====
