---- MODULE MCStrayBusyDowngrade ----
\* Model StrayBusyDowngrade (buggy client, VmPageUnwire.tla): vm_page_busy_downgrade by a thread that does not hold the page xbusied (s),
\* beside a Busier that xbusies, downgrades and sunbusies it properly;
\* vm_page_busy_downgrade's vm_page_assert_xbusied fires (DgLd).
EXTENDS VmPageUnwire
CONSTANTS s, b
MCThreads == {s, b}
MCRole == (s :> "StrayBusier") @@ (b :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"xd"}
MCVariant == "Fixed"
====
