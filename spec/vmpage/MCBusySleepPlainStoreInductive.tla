---- MODULE MCBusySleepPlainStoreInductive ----
\* issue 13: bug 5 against IndInv
EXTENDS VmPageInd
CONSTANTS b1, b2, p1, c0
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "BusySleepPlainStore"
====
