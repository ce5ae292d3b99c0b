---- MODULE MCNfsWirePerMbufRefTwoPages ----
\* Model NfsWirePerMbufRefTwoPages: the fix with a two-page buffer.
EXTENDS NfsExtPgs
CONSTANTS pg1, pg2
MCPages == {pg1, pg2}
MCVariant == "WirePerMbufRef"
MCAllowTimeout == TRUE
====
