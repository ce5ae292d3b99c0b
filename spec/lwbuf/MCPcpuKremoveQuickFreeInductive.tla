---- MODULE MCPcpuKremoveQuickFreeInductive ----
\* Inductive model PcpuKremoveQuickFreeInductive: Init = TypeOK /\ IndInv (LwbufPcpuInd.tla IndInit), one step of the Next of PcpuKremoveQuickFree; LwbufPcpu.tla, Variant = "KremoveQuickFree"; 2 CPUs, lwbuf pages {p1}, kmem_alloc pages {p2}, KVA pages 1..1 (the model has 1..2), LWBUF_BOOT_PAGES = 0, threads {t1}.
EXTENDS LwbufPcpuInd
CONSTANTS c0, c1, p1, p2, t1
MCCPUs == {c0, c1}
MCPages == {p1, p2}
MCLwbufPages == {p1}
MCKmemPages == {p2}
MCThreads == {t1}
MCBootOrder == <<c0, c1>>
MCVariant == "KremoveQuickFree"
====
