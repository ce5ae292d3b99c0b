---- MODULE MCBusyUpgradeInductive ----
\* Inductive check of VmPageUnwireInd's IndInv on the roles of BusyUpgrade (two Busiers: tryxbusy/xunbusy, trysbusy/tryupgrade/unbusy):
\* Init is every state with TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageUnwireInd
CONSTANTS b1, b2
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x", "su"}
MCVariant == "Fixed"
====
