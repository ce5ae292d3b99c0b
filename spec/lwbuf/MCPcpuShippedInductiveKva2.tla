---- MODULE MCPcpuShippedInductiveKva2 ----
\* Inductive model PcpuShippedInductiveKva2: Init = TypeOK /\ IndInv (LwbufPcpuInd.tla IndInit), one step of the Next of PcpuShipped; LwbufPcpu.tla, Variant = "Shipped"; 2 CPUs, lwbuf pages {p1}, kmem_alloc pages {p2}, KVA pages 1..2 (opt-in), LWBUF_BOOT_PAGES = 0, threads {t1}.
EXTENDS LwbufPcpuInd
CONSTANTS c0, c1, p1, p2, t1
MCCPUs == {c0, c1}
MCPages == {p1, p2}
MCLwbufPages == {p1}
MCKmemPages == {p2}
MCThreads == {t1}
MCBootOrder == <<c0, c1>>
MCVariant == "Shipped"
====
