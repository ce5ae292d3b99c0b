---- MODULE MCStraySunbusy ----
\* Model StraySunbusy (buggy client): vm_page_sunbusy by a thread that does not
\* hold the page sbusied (a double sunbusy), beside a Busier that sbusies it
\* properly. vm_page_sunbusy's vm_page_assert_sbusied fires (SuCas).
EXTENDS VmPage
CONSTANTS s, b, p1, c0
MCThreads == {s, b}
MCRole == (s :> "StraySunbusier") @@ (b :> "Busier")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"s"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
