---- MODULE MCUnwireUnlockBeforeCas ----
\* Model UnwireUnlockBeforeCas: vm_page_unwire releasing the page lock after vm_page_mvqueue and before the CAS (the order its comment forbids).
EXTENDS VmPageUnwire
CONSTANTS h1, f1, d1, tm
MCThreads == {h1, f1, d1, tm}
MCRole == (h1 :> "Holder") @@ (f1 :> "Faulter") @@ (d1 :> "Daemon") @@ (tm :> "Terminator")
MCManaged == TRUE
MCBusyKinds == {}
MCVariant == "UnwireUnlockBeforeCas"
====
