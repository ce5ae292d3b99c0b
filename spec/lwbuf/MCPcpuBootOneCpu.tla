---- MODULE MCPcpuBootOneCpu ----
\* Model PcpuBootOneCpu: LwbufPcpu.tla, Variant = "Shipped"; 1 CPU, lwbuf pages {p1, p2}, kmem_alloc pages {p3}, KVA pages 1..3, LWBUF_BOOT_PAGES = 2 (lwbuf_init's boot list <<2, 1>>, KVA 3 in kernel_map), threads {t1}.
EXTENDS LwbufPcpu
CONSTANTS c0, p1, p2, p3, t1
MCCPUs == {c0}
MCPages == {p1, p2, p3}
MCLwbufPages == {p1, p2}
MCKmemPages == {p3}
MCThreads == {t1}
MCBootOrder == <<c0>>
MCVariant == "Shipped"
====
