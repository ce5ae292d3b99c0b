---- MODULE MCInvalBeforeStorePlain ----
\* Model InvalBeforeStorePlain: the InvalBeforeStore reordering on the shipped sf_buf_map (plain load and
\* store, PteXchg = FALSE): the old PTE is loaded, the PG_A rule and SHOOTDOWN run, then the plain store.
EXTENDS SfBuf, TLC
CONSTANTS t1, t2, p1, p2, b1, c1, c2
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1, c2}
MCFlagChoices == {{}, {"PRIV"}}
====
