---- MODULE MCUnwireUnmanaged ----
\* Model UnwireUnmanaged: Fixed (0012f373e4), unmanaged page: vm_page_unwire_noq, then the unlocked ref_count == 0 test, racing vm_object_terminate_pages.
EXTENDS VmPageUnwire
CONSTANTS h1, f1, tm
MCThreads == {h1, f1, tm}
MCRole == (h1 :> "Holder") @@ (f1 :> "Faulter") @@ (tm :> "Terminator")
MCManaged == FALSE
MCBusyKinds == {}
MCVariant == "Fixed"
====
