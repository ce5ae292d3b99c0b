---- MODULE MCRemoveWritePlainStore ----
\* Model RemoveWritePlainStore: pmap_remove_write with a plain load and a plain
\* store of the PTE instead of atomic_cmpset: a write through the mapping between the
\* two sets PG_M, which the store throws away (no vm_page_dirty).
EXTENDS VmPage
CONSTANTS w, p1, c0
MCThreads == {w}
MCRole == (w :> "WriteProtector")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "RemoveWritePlainStore"
====
