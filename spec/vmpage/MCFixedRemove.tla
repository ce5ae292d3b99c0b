---- MODULE MCFixedRemove ----
\* Model FixedRemove: Variant "Fixed". vm_object_page_remove (Remover, object
\* W-lock) against pmap_extract_and_hold (PmapHolder) and vm_page_wire under
\* the object read lock (Faulter); one pmap that maps the page.
EXTENDS VmPage
CONSTANTS r, h, f, p1, c0
MCThreads == {r, h, f}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder") @@ (f :> "Faulter")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
