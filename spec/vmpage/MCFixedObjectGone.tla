---- MODULE MCFixedObjectGone ----
\* Model FixedObjectGone: Variant "Fixed". vm_object_terminate_pages empties
\* the object while a Faulter releases its wiring (vm_page_release's
\* VM_OBJECT_TRYWLOCK recheck can find m->object NULL) and a WriteProtector
\* looks the page up (vm_page_try_remove_write finds no page). No Mapper: a
\* fault keeps the object's paging-in-progress count, which terminate waits
\* for (not modelled), so a Mapper may not race the Terminator.
EXTENDS VmPage
CONSTANTS tm, f, w, p1, c0
MCThreads == {tm, f, w}
MCRole == (tm :> "Terminator") @@ (f :> "Faulter") @@ (w :> "WriteProtector")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire", "release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
