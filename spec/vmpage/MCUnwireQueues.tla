---- MODULE MCUnwireQueues ----
\* Model UnwireQueues: Fixed (0012f373e4): managed vm_page_unwire with a Faulter that wires and unwires, the page daemon and vm_object_terminate_pages.
EXTENDS VmPageUnwire
CONSTANTS h1, f1, d1, tm
MCThreads == {h1, f1, d1, tm}
MCRole == (h1 :> "Holder") @@ (f1 :> "Faulter") @@ (d1 :> "Daemon") @@ (tm :> "Terminator")
MCManaged == TRUE
MCBusyKinds == {}
MCVariant == "Fixed"
====
