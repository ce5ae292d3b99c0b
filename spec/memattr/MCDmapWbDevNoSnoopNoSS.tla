---- MODULE MCDmapWbDevNoSnoopNoSS ----
\* Model DmapWbDevNoSnoopNoSS: KVA WB / DMAP WB, reader devNoSnoop, self-snoop no.
\* CPUs {c0, c1}.
EXTENDS DmapVisibility
CONSTANTS c0, c1
MCCPUs == {c0, c1}
MCCombos == {[kva |-> "WB", ss |-> FALSE, reader |-> "devNoSnoop"]}
====
