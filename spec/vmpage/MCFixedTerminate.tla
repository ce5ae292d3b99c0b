---- MODULE MCFixedTerminate ----
\* Model FixedTerminate: Variant "Fixed". vm_object_terminate_pages
\* (Terminator; runs once the page is unmapped) against a Faulter and a
\* PmapHolder whose wirings outlive the object (the last unwire frees),
\* and an Unmapper (munmap); one pmap.
EXTENDS VmPage
CONSTANTS tm, f, h, u, p1, c0
MCThreads == {tm, f, h, u}
MCRole == (tm :> "Terminator") @@ (f :> "Faulter") @@ (h :> "PmapHolder") @@ (u :> "Unmapper")
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
