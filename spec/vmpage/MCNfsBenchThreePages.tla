---- MODULE MCNfsBenchThreePages ----
\* Benchmark (opt-in): the fix with a three-page buffer.
EXTENDS NfsExtPgs
CONSTANTS pg1, pg2, pg3
MCPages == {pg1, pg2, pg3}
MCVariant == "WirePerMbufRef"
MCAllowTimeout == TRUE
====
