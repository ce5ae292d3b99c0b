---- MODULE MCBusyDowngrade ----
\* Model BusyDowngrade: Fixed (0012f373e4): vm_page_busy_downgrade with a busy sleeper.
EXTENDS VmPageUnwire
CONSTANTS b1, b2
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x", "xd"}
MCVariant == "Fixed"
====
