---- MODULE MCDragonFly2004QuickMigrateInductive1T ----
\* Inductive model (SfBufLazyInd.tla): IndInvLazy under the Next of MCDragonFly2004QuickMigrate, one thread
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, p1, p2, b1, c1, c2
MCThreads == {t1}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1, c2}
MCFlagChoices == {{}, {"QUICK"}}
====
