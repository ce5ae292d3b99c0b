---- MODULE MCStrayFreeReferenced ----
\* Model StrayFreeReferenced (buggy client, VmPageUnwire.tla): vm_page_free, by a thread (s) holding no reference, of a
\* page vm_object_terminate (tm) took out of its object while a Holder (h) still holds a wiring;
\* vm_page_free_prep's KASSERT "page has references" fires (FpFree).
EXTENDS VmPageUnwire
CONSTANTS s, h, tm
MCThreads == {s, h, tm}
MCRole == (s :> "StrayFreer") @@ (h :> "Holder") @@ (tm :> "Terminator")
MCManaged == TRUE
MCBusyKinds == {"x"}
MCVariant == "Fixed"
====
