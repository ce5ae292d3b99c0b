---- MODULE MCStrayBusyXunbusy ----
\* Model StrayBusyXunbusy (buggy client, VmPageUnwire.tla): vm_page_xunbusy by a
\* thread that does not hold the page xbusied (s), on an unbusied page;
\* vm_page_xunbusy_hard's vm_page_assert_xbusied fires (XuStore). Alone: beside
\* an xbusy Busier the stray cmpset may instead release the Busier's busy lock
\* unnoticed (BusyOwnerMatchesWord, as deep), which no KASSERT sees.
EXTENDS VmPageUnwire
CONSTANTS s
MCThreads == {s}
MCRole == (s :> "StrayBusier")
MCManaged == TRUE
MCBusyKinds == {"x"}
MCVariant == "Fixed"
====
