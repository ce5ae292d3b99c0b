---- MODULE MCStrayUnwire ----
\* Model StrayUnwire (buggy client): vm_page_unwire of a page the caller did not
\* wire (s), beside a PmapHolder that wires it through
\* pmap_extract_and_hold and unwires it properly. vm_page_unwire's
\* KASSERT(VPRC_WIRE_COUNT(old) > 0, "wire count underflow") fires in UwCas.
EXTENDS VmPage
CONSTANTS s, h, p1, c0
MCThreads == {s, h}
MCRole == (s :> "StrayUnwirer") @@ (h :> "PmapHolder")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
