---- MODULE MCFixedThreeByThree ----
\* Model FixedThreeThreads: Variant = "Fixed", Granularity = "Fine"; 2 CPUs, 2 pages, objects {o1}, threads {t1 t2 t3}.
EXTENDS Lwbuf
CONSTANTS c0, c1, c2, p1, p2, o1, t1, t2, t3
MCCPUs == {c0, c1, c2}
MCPages == {p1, p2}
MCObjs == {o1}
MCThreads == {t1, t2, t3}
MCVariant == "Fixed"
MCGranularity == "Fine"
====
