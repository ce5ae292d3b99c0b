---- MODULE MCBusyUpgradeDropsWaitersInductive ----
\* Inductive check of VmPageUnwireInd's IndInv on the roles of BusyUpgradeDropsWaiters (tryupgrade without WAITERS):
\* Init is every state with TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageUnwireInd
CONSTANTS b1, b2
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x", "su"}
MCVariant == "UpgradeDropsWaiters"
====
