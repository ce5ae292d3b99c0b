---- MODULE MCFixedRemoveMapper ----
\* Model FixedRemoveMapper: Variant "Fixed". Remover against a Mapper
\* (vm_fault/pmap_enter with the page xbusied: the Remover sleeps on busy)
\* and a PmapHolder; one pmap.
EXTENDS VmPage
CONSTANTS r, h, m, p1, c0
MCThreads == {r, h, m}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder") @@ (m :> "Mapper")
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
