---- MODULE MCRemoverReadLock ----
\* Model RemoverReadLock (bug 6): vm_object_page_remove with only the object
\* read lock; a Faulter wires through another read lock.
EXTENDS VmPage
CONSTANTS r, f, p1
MCThreads == {r, f}
MCRole == (r :> "Remover") @@ (f :> "Faulter")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCVariant == "RemoverReadLock"
====
