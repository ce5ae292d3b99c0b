---- MODULE MCDoubleFree ----
\* Model DoubleFree: LwbufMisuse (a client that may free its lwbuf twice) on Fixed's kernel code, Granularity = "Fine"; 2 CPUs, 1 page, objects {o1}, threads {t1 t2}.
EXTENDS LwbufMisuse
CONSTANTS c0, c1, p1, o1, t1, t2
MCCPUs == {c0, c1}
MCPages == {p1}
MCObjs == {o1}
MCThreads == {t1, t2}
MCVariant == "DoubleFree"
MCGranularity == "Fine"
====
