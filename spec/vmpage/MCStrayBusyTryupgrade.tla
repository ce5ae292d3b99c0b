---- MODULE MCStrayBusyTryupgrade ----
\* Model StrayBusyTryupgrade (buggy client, VmPageUnwire.tla): vm_page_busy_tryupgrade by a thread that does not hold the page sbusied (s),
\* beside a Busier that sbusies and upgrades it properly;
\* vm_page_busy_tryupgrade's vm_page_assert_sbusied fires (UpLd).
EXTENDS VmPageUnwire
CONSTANTS s, b
MCThreads == {s, b}
MCRole == (s :> "StrayBusier") @@ (b :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"su"}
MCVariant == "Fixed"
====
