---- MODULE MCBusyDowngradeNoWakeupInductive ----
\* Inductive check of VmPageUnwireInd's IndInv on the roles of BusyDowngradeNoWakeup (downgrade without wakeup):
\* Init is every state with TypeOK /\ IndInv, one step of Next.
EXTENDS VmPageUnwireInd
CONSTANTS b1, b2
MCThreads == {b1, b2}
MCRole == (b1 :> "Busier") @@ (b2 :> "Busier")
MCManaged == TRUE
MCBusyKinds == {"x", "xd"}
MCVariant == "DowngradeNoWakeup"
====
