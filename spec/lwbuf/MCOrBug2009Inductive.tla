---- MODULE MCOrBug2009Inductive ----
\* Model OrBug2009Inductive: Variant = "OrBug2009", Granularity = "Fine"; inductive: Init is every state of TypeOK /\ IndInv (LwbufInd.tla), one step of Next; 2 CPUs, 2 pages, objects {o1}, threads {t1 t2}.
EXTENDS Lwbuf, LwbufInd
CONSTANTS c0, c1, p1, p2, o1, t1, t2
MCCPUs == {c0, c1}
MCPages == {p1, p2}
MCObjs == {o1}
MCThreads == {t1, t2}
MCVariant == "OrBug2009"
MCGranularity == "Fine"
====
