---- MODULE MCBusyUpgrade ----
\* Model BusyUpgrade: Fixed (0012f373e4): vm_page_busy_tryupgrade with a busy sleeper.
EXTENDS VmPageUnwire
CONSTANTS b1, b2
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x", "su"}
MCVariant == "Fixed"
====
