---- MODULE MCUnwireQueuesTwoHoldersInductive ----
\* Inductive check of VmPageUnwireInd's IndInv on the roles of UnwireQueues with two Holders
\* (Fixed, managed: 2 Holders, Faulter, page daemon, Terminator):
\* Init is every state with TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageUnwireInd
CONSTANTS h1, h2, f1, d1, tm
MCThreads == {h1, h2, f1, d1, tm}
MCRole == (h1 :> "Holder") @@ (h2 :> "Holder") @@ (f1 :> "Faulter") @@ (d1 :> "Daemon") @@ (tm :> "Terminator")
MCManaged == TRUE
MCBusyKinds == {}
MCVariant == "Fixed"
====
