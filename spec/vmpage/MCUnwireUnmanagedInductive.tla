---- MODULE MCUnwireUnmanagedInductive ----
\* Inductive check of VmPageUnwireInd's IndInv on the roles of UnwireUnmanaged (unmanaged, 0012f373e4: the unlocked ref_count == 0 test):
\* Init is every state with TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageUnwireInd
CONSTANTS h1, f1, tm
MCThreads == {h1, f1, tm}
MCRole == (h1 :> "Holder") @@ (f1 :> "Faulter") @@ (tm :> "Terminator")
MCManaged == FALSE
MCBusyKinds == {}
MCVariant == "Fixed"
====
