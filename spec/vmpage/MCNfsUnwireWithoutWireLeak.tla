---- MODULE MCNfsUnwireWithoutWireLeak ----
\* Model NfsUnwireWithoutWireLeak (buggy client): the ext_pgs chain is built without
\* vm_page_wire but its ext_free unwires every page (as sendfile's ext_free does);
\* one page, no timeout.  Followed past the underflow: when both unwires
\* (brelse's, ext_free's) come before vm_object_terminate, the second one's
\* borrow takes OBJREF away from a page still in the object; the terminate's
\* drop of OBJREF wraps it back (0xFFFFFFFF) and nobody frees the page: NoLeak.
EXTENDS NfsExtPgs
CONSTANTS pg1
MCPages == {pg1}
MCVariant == "UnwireWithoutWire"
MCAllowTimeout == FALSE
====
