---- MODULE MCWireMappedIgnoresBlockedFirst ----
\* Model WireMappedIgnoresBlockedFirst: bug 1 with every invariant checked;
\* records which one TLC reports first.
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
