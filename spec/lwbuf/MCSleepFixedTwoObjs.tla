---- MODULE MCSleepFixedTwoObjs ----
\* Model SleepFixedTwoObjs: LwbufSleep with SleepVariant = "Interlocked", Variant = "Fixed", Granularity = "Fine"; 1 CPU, 1 page, objects {o1 o2}, threads {t1 t2}: as many objects as threads, so no getter ever finds the objcache empty (NoSleepWhileFree) and objcache_put returns an object while the other is in the cache.
EXTENDS LwbufSleep
CONSTANTS c0, p1, o1, o2, t1, t2
MCCPUs == {c0}
MCPages == {p1}
MCObjs == {o1, o2}
MCThreads == {t1, t2}
MCVariant == "Fixed"
MCGranularity == "Fine"
MCSleepVariant == "Interlocked"
====
