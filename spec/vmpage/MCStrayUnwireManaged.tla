---- MODULE MCStrayUnwireManaged ----
\* Model StrayUnwireManaged (buggy client, VmPageUnwire.tla): vm_page_unwire of a managed page by a thread (s) that holds no
\* wiring, beside a Holder (h) that unwires its own wiring; whichever unwire comes second finds
\* WIRE_COUNT(old) = 0: vm_page_unwire's KASSERT "wire count underflow" fires (UwCas).
EXTENDS VmPageUnwire
CONSTANTS s, h
MCThreads == {s, h}
MCRole == (s :> "StrayUnwirer") @@ (h :> "Holder")
MCManaged == TRUE
MCBusyKinds == {"x"}
MCVariant == "Fixed"
====
