---- MODULE MCBusySleepPlainStoreShared ----
\* Model BusySleepPlainStoreShared (bug 5): the contenders of MCBusySleepPlainStore
\* may also take the busy lock shared (vm_page_trysbusy; BusyKinds {"x", "s"}),
\* so a shared contender sleeps too (_vm_page_busy_sleep with nonshared), and
\* the unlocked load may find the page already unbusied (the early return).
\* Added for issue 11's coverage of bug 5's busy_sleep; the checks and the
\* expected lost wakeup are MCBusySleepPlainStore's.
EXTENDS VmPage
CONSTANTS b1, b2, p1, c0
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x", "s"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "BusySleepPlainStore"
====
