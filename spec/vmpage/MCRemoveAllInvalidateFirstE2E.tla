---- MODULE MCRemoveAllInvalidateFirstE2E ----
\* Model RemoveAllInvalidateFirstE2E: RemoveAllInvalidateFirst to the end:
\* vm_object_page_remove frees the page while a CPU still caches its translation.
EXTENDS VmPage
CONSTANTS r, p1, c0
MCThreads == {r}
MCRole == (r :> "Remover")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "RemoveAllInvalidateFirst"
====
