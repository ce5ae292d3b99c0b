---- MODULE MCWireMappedIgnoresBlockedInductive ----
\* Inductive check of VmPageInd's IndInv, Variant WireMappedIgnoresBlocked, on the roles of
\* MCBenchRemoveT2P1 (Remover: vm_object_page_remove; PmapHolder:
\* pmap_extract_and_hold + vm_page_wire_mapped, then vm_page_unwire; 1 pmap,
\* 1 CPU, hardware granularity): Init is every state with TypeOK /\ IndInv,
\* one step of Next.
EXTENDS VmPageInd
CONSTANTS r, h, p1, c0
MCThreads == {r, h}
MCRole == (r :> "Remover") @@ (h :> "PmapHolder")
MCPmaps == {p1}
MCInitMapped == {p1}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "WireMappedIgnoresBlocked"
====
