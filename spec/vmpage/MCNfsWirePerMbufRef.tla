---- MODULE MCNfsWirePerMbufRef ----
\* Model NfsWirePerMbufRef: the fix: the ext storage holds a wiring of each
\* page (vm_page_wire when built, vm_page_unwire in ext_free); one page.
EXTENDS NfsExtPgs
CONSTANTS pg1
MCPages == {pg1}
MCVariant == "WirePerMbufRef"
MCAllowTimeout == TRUE
====
