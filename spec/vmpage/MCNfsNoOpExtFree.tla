---- MODULE MCNfsNoOpExtFree ----
\* Model NfsNoOpExtFree: the seed's proposal (no-op ext_free); one buffer page;
\* the RPC may time out.
EXTENDS NfsExtPgs
CONSTANTS pg1
MCPages == {pg1}
MCVariant == "NoOpExtFree"
MCAllowTimeout == TRUE
====
