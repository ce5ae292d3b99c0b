---- MODULE MCBusyThreeSleepers ----
\* Model BusyThreeSleepers: Fixed (0012f373e4), three xbusy Busiers
\* (vm_page_tryxbusy, _vm_page_busy_sleep, vm_page_xunbusy), so two threads can
\* sleep on the busy lock at once: the second finds VPB_BIT_WAITERS already set
\* (_vm_page_busy_sleep skips its cmpset and goes to sleep) and
\* vm_page_xunbusy_hard's wakeup(m) wakes both.  Added for issue 11's coverage:
\* every other VmPageUnwire busy model has two Busiers, one sleeper at most.
EXTENDS VmPageUnwire
CONSTANTS b1, b2, b3
MCThreads == {b1, b2, b3}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier") @@ (b3 :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x"}
MCVariant == "Fixed"
====
