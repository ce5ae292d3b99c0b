---- MODULE MCStrayRelease ----
\* Model StrayRelease (buggy client): vm_page_release(m, VPR_TRYFREE) of a page the
\* caller did not wire (s), beside a PmapHolder that wires it through
\* pmap_extract_and_hold and releases it properly.
\* vm_page_release_locked -> vm_page_unwire_noq's KASSERT(VPRC_WIRE_COUNT(old) != 0,
\* "counter underflow") fires in RlkDrop.
EXTENDS VmPage
CONSTANTS s, h, p1, c0
MCThreads == {s, h}
MCRole == (s :> "StrayUnwirer") @@ (h :> "PmapHolder")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
