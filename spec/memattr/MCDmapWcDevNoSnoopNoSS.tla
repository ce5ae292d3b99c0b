---- MODULE MCDmapWcDevNoSnoopNoSS ----
\* Model DmapWcDevNoSnoopNoSS: KVA WC / DMAP WB, reader devNoSnoop, self-snoop no.
\* CPUs {c0, c1}.
EXTENDS DmapVisibility
CONSTANTS c0, c1
MCCPUs == {c0, c1}
MCCombos == {[kva |-> "WC", ss |-> FALSE, reader |-> "devNoSnoop"]}
====
