---- MODULE MCBusyDowngradeNoWakeup ----
\* Model BusyDowngradeNoWakeup: vm_page_busy_downgrade dropping WAITERS without wakeup(m).
EXTENDS VmPageUnwire
CONSTANTS b1, b2
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x", "xd"}
MCVariant == "DowngradeNoWakeup"
====
