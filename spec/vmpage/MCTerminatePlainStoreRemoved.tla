---- MODULE MCTerminatePlainStoreRemoved ----
\* Model TerminatePlainStoreRemoved: bug 4 (TerminatePlainStore) with a Remover
\* instead of a wirer: vm_object_page_remove may free the page before the
\* object dies, so the variant's TmLd finds m->object already NULL and returns.
\* Without a concurrent wiring the plain OBJREF store loses nothing: every
\* property holds.
EXTENDS VmPage
CONSTANTS r, tm, p1, c0
MCThreads == {r, tm}
MCRole == (r :> "Remover") @@ (tm :> "Terminator")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "TerminatePlainStore"
====
