---- MODULE MCStrayXunbusy ----
\* Model StrayXunbusy (buggy client): vm_page_xunbusy by a thread that does not
\* hold the page xbusied (s), beside a Busier that xbusies it properly. On an
\* unbusied page the macro's cmpset fails and vm_page_xunbusy_hard's
\* vm_page_assert_xbusied fires (XuStore).
EXTENDS VmPage
CONSTANTS s, b, p1, c0
MCThreads == {s, b}
MCRole == (s :> "StrayXunbusier") @@ (b :> "Busier")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
