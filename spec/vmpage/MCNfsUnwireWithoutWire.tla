---- MODULE MCNfsUnwireWithoutWire ----
\* Model NfsUnwireWithoutWire (buggy client): the ext_pgs chain is built without
\* vm_page_wire but its ext_free unwires every page (as sendfile's ext_free does);
\* one page, no timeout.  The second vm_page_unwire of the page (brelse's or
\* ext_free's, whichever comes last) takes a wiring that is not there: NoUnderflow.
EXTENDS NfsExtPgs
CONSTANTS pg1
MCPages == {pg1}
MCVariant == "UnwireWithoutWire"
MCAllowTimeout == FALSE
====
