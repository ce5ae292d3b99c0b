---- MODULE MCStrayUnwireUnmanaged ----
\* Model StrayUnwireUnmanaged (buggy client, VmPageUnwire.tla): vm_page_unwire of an unmanaged page by a thread (s) that
\* holds no wiring, beside a Holder (h); the second vm_page_unwire_noq's vm_page_drop finds no
\* wiring: its KASSERT "counter underflow" fires (UnqDrop).
EXTENDS VmPageUnwire
CONSTANTS s, h
MCThreads == {s, h}
MCRole == (s :> "StrayUnwirer") @@ (h :> "Holder")
MCManaged == FALSE
MCBusyKinds == {"x"}
MCVariant == "Fixed"
====
