---- MODULE MCNoDelayedInvlWait ----
\* Model NoDelayedInvlWait: the roles of FixedRemoveUnmap without
\* pmap_delayed_invl_wait in pmap_remove_all: the Remover finds no pv entry while the
\* Unmapper has not flushed the TLB yet, and frees a page a CPU still caches.
EXTENDS VmPage
CONSTANTS r, u, p1, c0
MCThreads == {r, u}
MCRole == (r :> "Remover") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "NoDelayedInvlWait"
====
