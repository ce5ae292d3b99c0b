---- MODULE MCFixedInductiveSampled ----
\* Model FixedInductiveSampled: Variant = "Fixed", Granularity = "Fine"; sampled inductive: Init is a random sample of TypeOK /\ IndInv (LwbufInd.tla InitSampled), TLC -simulate takes one step of Next from random ones; FixedTwoObjs's constants: 2 CPUs, 2 pages, objects {o1 o2}, threads {t1 t2}.
EXTENDS Lwbuf, LwbufIndSampled
CONSTANTS c0, c1, p1, p2, o1, o2, t1, t2
MCCPUs == {c0, c1}
MCPages == {p1, p2}
MCObjs == {o1, o2}
MCThreads == {t1, t2}
MCVariant == "Fixed"
MCGranularity == "Fine"
MCSampleWidth == 8
====
