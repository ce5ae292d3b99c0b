---- MODULE MCUnwireFaulterQueued ----
\* Model UnwireFaulterQueued: 0012f373e4 vm_page.c, managed, no initial wiring
\* (Holders = {}): the unwired page starts on the inactive queue with
\* vm_wire_count 0; a Faulter wires it (vm_page_wire, vm_wire_add), the page
\* daemon dequeues it while wired, the Faulter's vm_page_unwire requeues it
\* (vm_page_mvqueue) and vm_wire_sub; vm_object_terminate_pages frees it
\* once unreferenced.  Issue 11: the initial queue and vm_wire_count of a
\* page nobody has wired are checked (QueuedWhenUnwired, WireCountSettled).
EXTENDS VmPageUnwire
CONSTANTS f1, d1, tm
MCThreads == {f1, d1, tm}
MCRole == (f1 :> "Faulter") @@ (d1 :> "Daemon") @@ (tm :> "Terminator")
MCManaged == TRUE
MCBusyKinds == {}
MCVariant == "Fixed"
====
