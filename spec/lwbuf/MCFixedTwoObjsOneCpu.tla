---- MODULE MCFixedTwoObjsOneCpu ----
\* Model FixedTwoObjsOneCpu: Variant = "Fixed", Granularity = "Fine"; 1 CPU, 2 pages, objects {o1 o2}, threads {t1 t2}: the small configuration where the objcache order shows (README "Symmetry").
EXTENDS Lwbuf
CONSTANTS c0, p1, p2, o1, o2, t1, t2
MCCPUs == {c0}
MCPages == {p1, p2}
MCObjs == {o1, o2}
MCThreads == {t1, t2}
MCVariant == "Fixed"
MCGranularity == "Fine"
====
