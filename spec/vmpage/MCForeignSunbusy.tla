---- MODULE MCForeignSunbusy ----
\* Model ForeignSunbusy (buggy client, VmPageUnwire.tla): vm_page_sunbusy by a thread (s) of a page that
\* another thread, a Busier (b), holds exclusive busied; vm_page_sunbusy's vm_page_assert_sbusied
\* fires on the exclusive busy word (SHARED clear) (SuCas).
EXTENDS VmPageUnwire
CONSTANTS s, b
MCThreads == {s, b}
MCRole == (s :> "ForeignUnbusier") @@ (b :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x"}
MCVariant == "Fixed"
====
