---- MODULE MCNfsNoOpExtFreeNoTimeout ----
\* Model NfsNoOpExtFreeNoTimeout: no-op ext_free, and the RPC always gets its
\* reply (hard mount, live server): the driver's copy of a transmitted segment
\* can still be unreclaimed when the reply comes.
EXTENDS NfsExtPgs
CONSTANTS pg1
MCPages == {pg1}
MCVariant == "NoOpExtFree"
MCAllowTimeout == FALSE
====
