---- MODULE MCTerminatePlainStoreBusier ----
\* Model TerminatePlainStoreBusier: the buggy client of MCTerminateBusier
\* against bug 4 (TerminatePlainStore): the variant's TmLd keeps
\* vm_object_terminate_pages' vm_page_assert_unbusied, which fires there.
EXTENDS VmPage
CONSTANTS tm, b, p1, c0
MCThreads == {tm, b}
MCRole == (tm :> "Terminator") @@ (b :> "Busier")
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
