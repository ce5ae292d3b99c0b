---- MODULE MCDmapWcDevSnoopNoSS ----
\* Model DmapWcDevSnoopNoSS: KVA WC / DMAP WB, reader devSnoop, self-snoop no.
\* CPUs {c0, c1}.
EXTENDS DmapVisibility
CONSTANTS c0, c1
MCCPUs == {c0, c1}
MCCombos == {[kva |-> "WC", ss |-> FALSE, reader |-> "devSnoop"]}
====
