---- MODULE MCTerminateBusied ----
\* Model TerminateBusied (buggy client, VmPageUnwire.tla): a Busier that holds no reference on the object xbusies its page while the
\* object's last reference goes and vm_object_terminate runs (tm);
\* vm_object_terminate_pages' vm_page_assert_unbusied fires (TmDrop).
EXTENDS VmPageUnwire
CONSTANTS tm, b
MCThreads == {tm, b}
MCRole == (tm :> "Terminator") @@ (b :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x"}
MCVariant == "Fixed"
====
