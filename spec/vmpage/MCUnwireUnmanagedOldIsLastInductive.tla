---- MODULE MCUnwireUnmanagedOldIsLastInductive ----
\* Inductive check of VmPageUnwireInd's IndInv on the roles of UnwireUnmanagedOldIsLast (unmanaged, the fix: free iff old == 1):
\* Init is every state with TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageUnwireInd
CONSTANTS h1, f1, tm
MCThreads == {h1, f1, tm}
MCRole == (h1 :> "Holder") @@ (f1 :> "Faulter") @@ (tm :> "Terminator")
MCManaged == FALSE
MCBusyKinds == {}
MCVariant == "UnwireNoqOldIsLast"
====
