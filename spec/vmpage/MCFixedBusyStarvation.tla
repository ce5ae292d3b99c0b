---- MODULE MCFixedBusyStarvation ----
\* Model FixedBusyStarvation: Variant "Fixed", the roles of FixedBusy, checked
\* against the brief's literal SleeperEventuallyWakes. It fails: trysbusy
\* ignores WAITERS, so two overlapping sharers starve an xbusy sleeper
\* (starvation, not a lost wakeup; NoLostBusyWakeup holds in MCFixedBusy).
EXTENDS VmPage
CONSTANTS b1, b2, r, p1, c0
MCThreads == {b1, b2, r}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier") @@ (r :> "Remover")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x", "s"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
