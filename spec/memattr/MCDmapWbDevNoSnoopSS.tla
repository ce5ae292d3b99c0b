---- MODULE MCDmapWbDevNoSnoopSS ----
\* Model DmapWbDevNoSnoopSS: KVA WB / DMAP WB, reader devNoSnoop, self-snoop yes.
\* CPUs {c0, c1}.
EXTENDS DmapVisibility
CONSTANTS c0, c1
MCCPUs == {c0, c1}
MCCombos == {[kva |-> "WB", ss |-> TRUE, reader |-> "devNoSnoop"]}
====
