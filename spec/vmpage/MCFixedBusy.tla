---- MODULE MCFixedBusy ----
\* Model FixedBusy: Variant "Fixed". Two busy contenders (xbusy or sbusy,
\* sleeping in vm_page_busy_sleep) and a Remover that also sleeps on busy.
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
