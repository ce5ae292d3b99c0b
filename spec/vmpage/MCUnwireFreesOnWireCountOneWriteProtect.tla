---- MODULE MCUnwireFreesOnWireCountOneWriteProtect ----
\* Model UnwireFreesOnWireCountOneWriteProtect (bug 3): a PmapHolder's
\* vm_page_unwire frees the mapped page while a WriteProtector holds the object
\* write lock and the page xbusied (vm_page_try_remove_write). The unlocked
\* free_prep reads ref_count (FpObj), vm_page_try_blocked_op sets BLOCKED
\* (TbCas), and free_prep's plain "ref_count -= VPRC_OBJREF" (FpOst) stores
\* the old value minus OBJREF, losing BLOCKED; try_blocked_op's
\* vm_page_drop(BLOCKED) then takes away a bit that is not there (NoUnderflow).
\* Other interleavings fire try_blocked_op's KASSERT(old != 0) and
\* vm_page_drop's KASSERT (old == BLOCKED) on the way (0012f373e4).
EXTENDS VmPage
CONSTANTS h, w, p1, c0
MCThreads == {h, w}
MCRole == (h :> "PmapHolder") @@ (w :> "WriteProtector")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "UnwireFreesOnWireCountOne"
MCConstraint == frees <= 1
\* Past the violation the page is freed, wired and freed again (frees grows): the constraint
\* keeps the reachable set finite for kmapcheck conform; the counterexample is found before.
====
