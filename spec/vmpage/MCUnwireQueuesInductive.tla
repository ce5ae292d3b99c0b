---- MODULE MCUnwireQueuesInductive ----
\* Inductive check of VmPageUnwireInd's IndInv on the roles of UnwireQueues (Fixed, managed: Holder, Faulter, page daemon, Terminator):
\* Init is every state with TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageUnwireInd
CONSTANTS h1, f1, d1, tm
MCThreads == {h1, f1, d1, tm}
MCRole == (h1 :> "Holder") @@ (f1 :> "Faulter") @@ (d1 :> "Daemon") @@ (tm :> "Terminator")
MCManaged == TRUE
MCBusyKinds == {}
MCVariant == "Fixed"
====
