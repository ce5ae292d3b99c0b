---- MODULE MCMapperUnbusiesUnlockedInductive ----
\* issue 13: the Mapper's unlocked xunbusy against IndInv
EXTENDS VmPageInd
CONSTANTS f, m, p1, c0
MCThreads == {f, m}
MCRole == (f :> "Faulter") @@ (m :> "Mapper")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "MapperUnbusiesUnlocked"
====
