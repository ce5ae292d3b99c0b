---- MODULE MCStrayBusySunbusy ----
\* Model StrayBusySunbusy (buggy client, VmPageUnwire.tla): vm_page_sunbusy by a thread that does not hold the page sbusied (s), alone
\* (BusyKinds "s" is the StrayBusier's only: a Busier has no such kind);
\* vm_page_sunbusy's vm_page_assert_sbusied fires (SuCas).
EXTENDS VmPageUnwire
CONSTANTS s
MCThreads == {s}
MCRole == (s :> "StrayBusier")
MCManaged == TRUE
MCBusyKinds == {"s"}
MCVariant == "Fixed"
====
