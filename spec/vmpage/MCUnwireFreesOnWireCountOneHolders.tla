---- MODULE MCUnwireFreesOnWireCountOneHolders ----
\* Model UnwireFreesOnWireCountOneHolders (bug 3): vm_page_unwire frees when
\* WIRE_COUNT(old) == 1; two PmapHolders wire the mapped page through
\* pmap_extract_and_hold (vm_page_wire_mapped) and unwire it. A holder's
\* unwire frees the page while the other still reaches it through its PTE.
EXTENDS VmPage
CONSTANTS h1, h2, p1, c0
MCThreads == {h1, h2}
MCRole == (h1 :> "PmapHolder") @@ (h2 :> "PmapHolder")
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
