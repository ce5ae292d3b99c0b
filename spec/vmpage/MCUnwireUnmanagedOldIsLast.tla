---- MODULE MCUnwireUnmanagedOldIsLast ----
\* Model UnwireUnmanagedOldIsLast: the fix: the unmanaged branch frees iff vm_page_drop's old value was 1.
EXTENDS VmPageUnwire
CONSTANTS h1, f1, tm
MCThreads == {h1, f1, tm}
MCRole == (h1 :> "Holder") @@ (f1 :> "Faulter") @@ (tm :> "Terminator")
MCManaged == FALSE
MCBusyKinds == {}
MCVariant == "UnwireNoqOldIsLast"
====
