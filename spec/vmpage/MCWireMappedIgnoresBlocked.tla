---- MODULE MCWireMappedIgnoresBlocked ----
\* Model WireMappedIgnoresBlocked (brief 3.6 bug 1): vm_page_wire_mapped
\* without the BLOCKED test; Remover against a PmapHolder, one mapped pmap.
EXTENDS VmPage
CONSTANTS r, h, p1, c0
MCThreads == {r, h}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "WireMappedIgnoresBlocked"
====
