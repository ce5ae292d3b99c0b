---- MODULE MCFreeOrphanBusied ----
\* Model FreeOrphanBusied (buggy client, VmPageUnwire.tla): after vm_object_terminate (tm) a thread (b) busies the page through
\* a stale pointer (OrphanBusier: xbusy, or sbusy and tryupgrade) while the Holder (h) drops the
\* last reference; vm_page_free_prep panics "freeing shared busy page" when the page is sbusied
\* (FpFree); an xbusied page is freed without a KASSERT (free_prep xunbusies it, not modelled).
EXTENDS VmPageUnwire
CONSTANTS b, h, tm
MCThreads == {b, h, tm}
MCRole == (b :> "OrphanBusier") @@ (h :> "Holder") @@ (tm :> "Terminator")
MCManaged == TRUE
MCBusyKinds == {"x", "su"}
MCVariant == "Fixed"
====
