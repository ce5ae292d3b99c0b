---- MODULE MCBusySleepPlainStore ----
\* Model BusySleepPlainStore (bug 5): busy_sleep reads busy_lock without the
\* sleepqueue lock and sets WAITERS with a plain store; two xbusy contenders.
EXTENDS VmPage
CONSTANTS b1, b2, p1, c0
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "BusySleepPlainStore"
====
