---- MODULE MCDmapUcDevSnoopNoSS ----
\* Model DmapUcDevSnoopNoSS: KVA UC / DMAP WB, reader devSnoop, self-snoop no.
\* CPUs {c0, c1}.
EXTENDS DmapVisibility
CONSTANTS c0, c1
MCCPUs == {c0, c1}
MCCombos == {[kva |-> "UC", ss |-> FALSE, reader |-> "devSnoop"]}
====
