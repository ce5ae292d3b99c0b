---- MODULE MCBusyUpgradeDropsWaiters ----
\* Model BusyUpgradeDropsWaiters: vm_page_busy_tryupgrade installing SINGLE_EXCLUSIVER without WAITERS.
EXTENDS VmPageUnwire
CONSTANTS b1, b2
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x", "su"}
MCVariant == "UpgradeDropsWaiters"
====
