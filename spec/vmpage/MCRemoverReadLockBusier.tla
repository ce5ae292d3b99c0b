---- MODULE MCRemoverReadLockBusier ----
\* Model RemoverReadLockBusier: Variant "RemoverReadLock" (bug 6) with an xbusy
\* Busier instead of a wirer.  The Busier holds the object write lock (BzStart)
\* and the busy lock without it, so the read-locking Remover's VM_OBJECT_RLOCK
\* fails, it sleeps in vm_page_busy_sleep and re-takes the read lock after the
\* wakeup (VM_OBJECT_RLOCK against the write lock again).  Without a wirer bug
\* 6's race cannot happen; the cfg leaves out what the Remover alone violates.
\* Added for issue 11's coverage: the read-locked relock is reached by no other
\* default model.
EXTENDS VmPage
CONSTANTS r, b, p1, c0
MCThreads == {r, b}
MCRole == (r :> "Remover") @@ (b :> "Busier")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "RemoverReadLock"
====
