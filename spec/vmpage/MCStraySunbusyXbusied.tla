---- MODULE MCStraySunbusyXbusied ----
\* Model StraySunbusyXbusied (buggy client): vm_page_sunbusy by a thread that
\* does not hold the page sbusied (StraySunbusier), beside a Busier that
\* xbusies it. On the xbusied word (SHARED clear, no sharers) vm_page_sunbusy
\* takes the last-sharer path and stores VPB_UNBUSIED (0012f373e4): the
\* Busier's exclusive busy is released behind its back (BusyOwnerMatchesWord).
EXTENDS VmPage
CONSTANTS s, b, p1, c0
MCThreads == {s, b}
MCRole == (s :> "StraySunbusier") @@ (b :> "Busier")
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
