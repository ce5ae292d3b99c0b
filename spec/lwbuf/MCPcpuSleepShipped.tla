---- MODULE MCPcpuSleepShipped ----
\* Model PcpuSleepShipped: LwbufPcpuSleep.tla, Variant = "Shipped", WakeVariant = "Shipped"; 1 CPU, lwbuf pages {p1}, no kmem_alloc pages, KVA pages 1..2, LWBUF_BOOT_PAGES = 2, threads {t1 t2 t3 t4}.
EXTENDS LwbufPcpuSleep
CONSTANTS c0, p1, t1, t2, t3, t4
MCCPUs == {c0}
MCPages == {p1}
MCLwbufPages == {p1}
MCKmemPages == {}
MCThreads == {t1, t2, t3, t4}
MCBootOrder == <<c0>>
MCVariant == "Shipped"
MCWakeVariant == "Shipped"
====
