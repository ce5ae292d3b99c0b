---- MODULE MCNfsNoOpExtFreeInductive ----
\* Inductive check of NfsExtPgsInd's IndInv with Variant NoOpExtFree: Init is every
\* state with TypeOK /\ IndInv (one page, timeouts allowed), one step of Next.
EXTENDS NfsExtPgsInd
CONSTANTS pg1
MCPages == {pg1}
MCVariant == "NoOpExtFree"
MCAllowTimeout == TRUE
====
