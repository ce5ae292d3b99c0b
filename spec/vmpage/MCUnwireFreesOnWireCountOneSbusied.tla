---- MODULE MCUnwireFreesOnWireCountOneSbusied ----
\* Model UnwireFreesOnWireCountOneSbusied (bug 3): a PmapHolder wires the
\* mapped page through pmap_extract_and_hold and unwires it while a Busier
\* holds it sbusied: vm_page_unwire frees a page that is mapped, in its object
\* and sbusied (free_prep's "freeing shared busy page" panic, 0012f373e4), and
\* the holder wires the free page again through its PTE.
EXTENDS VmPage
CONSTANTS h, b, p1, c0
MCThreads == {h, b}
MCRole == (h :> "PmapHolder") @@ (b :> "Busier")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"s"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "UnwireFreesOnWireCountOne"
MCConstraint == frees <= 1
\* Past the violation the page is freed, wired and freed again (frees grows): the constraint
\* keeps the reachable set finite for kmapcheck conform; the counterexample is found before.
====
