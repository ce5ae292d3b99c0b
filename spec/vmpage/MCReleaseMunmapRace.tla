---- MODULE MCReleaseMunmapRace ----
\* Model ReleaseMunmapRace (found by TLC, Variant "Fixed" = the code at
\* 0012f373e4): vm_page_release_locked(VPR_TRYFREE) drops the last wiring with
\* vm_page_unwire_noq; a PmapHolder then wires the still-mapped page through
\* pmap_extract_and_hold, an Unmapper (munmap -> pmap_remove) removes the
\* mapping, and the releaser's tests (unmapped, unbusied) pass: vm_page_free
\* of a wired page. VP4's premises hold only from the unmapped test on; the
\* wiring came earlier and is not re-checked.
EXTENDS VmPage
CONSTANTS f, h, u, p1, c0
MCThreads == {f, h, u}
MCRole == (f :> "Faulter") @@ (h :> "PmapHolder") @@ (u :> "Unmapper")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "Fixed"
====
