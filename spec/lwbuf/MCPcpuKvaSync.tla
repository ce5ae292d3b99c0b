---- MODULE MCPcpuKvaSync ----
\* Model PcpuKvaSync: LwbufPcpu.tla, Variant = "Shipped"; 2 CPUs, lwbuf pages {p1, p2}, no kmem_alloc pages, KVA pages 1..2, LWBUF_BOOT_PAGES = 1 (every KVA page a boot lwbuf: kernel_map empty), threads {t1}.
EXTENDS LwbufPcpu
CONSTANTS c0, c1, p1, p2, t1
MCCPUs == {c0, c1}
MCPages == {p1, p2}
MCLwbufPages == {p1, p2}
MCKmemPages == {}
MCThreads == {t1}
MCBootOrder == <<c0, c1>>
MCVariant == "Shipped"
====
