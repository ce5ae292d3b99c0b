---- MODULE MCDmapSafe ----
\* Model DmapSafe: every combination predicted visible without a flush (SafeCombo).
\* CPUs {c0, c1}.
EXTENDS DmapVisibility
CONSTANTS c0, c1
MCCPUs == {c0, c1}
MCCombos == {k \in AllCombos : SafeCombo(k)}
====
