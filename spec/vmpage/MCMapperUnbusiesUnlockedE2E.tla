---- MODULE MCMapperUnbusiesUnlockedE2E ----
\* Model MapperUnbusiesUnlockedE2E: the same, followed to the free.
EXTENDS VmPage
CONSTANTS f, m, p1
MCThreads == {f, m}
MCRole == (f :> "Faulter") @@ (m :> "Mapper")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"release_tryfree"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCVariant == "MapperUnbusiesUnlocked"
====
