---- MODULE MCWireMappedIgnoresBlockedFirst ----
\* Model WireMappedIgnoresBlockedFirst: bug 1 with every invariant checked;
\* records which one TLC reports first.
EXTENDS VmPage
CONSTANTS r, h, p1
MCThreads == {r, h}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCVariant == "WireMappedIgnoresBlocked"
====
