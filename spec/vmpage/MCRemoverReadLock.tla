---- MODULE MCRemoverReadLock ----
\* Model RemoverReadLock (bug 6): vm_object_page_remove with only the object
\* read lock; a Faulter wires through another read lock.
EXTENDS VmPage
CONSTANTS r, f, p1, c0
MCThreads == {r, f}
MCRole == (r :> "Remover") @@ (f :> "Faulter")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "RemoverReadLock"
\* Past the violation the page is freed and wired again and again (the ghost counters frees and vp3a
\* grow without end): the constraint keeps the reachable set finite (kmapcheck conform compares it);
\* the counterexample is found before.
MCConstraint == frees <= 2 /\ vp3a <= 2
====
