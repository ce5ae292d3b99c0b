---- MODULE MCTerminateBusier ----
\* Model TerminateBusier (buggy client): a Busier that holds no reference on
\* the object xbusies its page while the object's last reference goes and
\* vm_object_terminate runs (tm); vm_object_terminate_pages'
\* vm_page_assert_unbusied (vm_object.c 0012f373e4) fires in TmDrop.
\* VmPageUnwire.tla's TerminateBusied is the same client there.
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
MCVariant == "Fixed"
====
