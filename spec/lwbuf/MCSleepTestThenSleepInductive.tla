---- MODULE MCSleepTestThenSleepInductive ----
\* Model SleepTestThenSleepInductive: LwbufSleep with SleepVariant = "TestThenSleep", Variant = "Fixed", Granularity = "Fine"; inductive: Init is every state of IndInvSleep (LwbufSleepInd.tla), one step of SleepNext; 2 CPUs, 1 page, objects {o1}, threads {t1 t2}.
EXTENDS LwbufSleepInd
CONSTANTS c0, c1, p1, o1, t1, t2
MCCPUs == {c0, c1}
MCPages == {p1}
MCObjs == {o1}
MCThreads == {t1, t2}
MCVariant == "Fixed"
MCGranularity == "Fine"
MCSleepVariant == "TestThenSleep"
====
