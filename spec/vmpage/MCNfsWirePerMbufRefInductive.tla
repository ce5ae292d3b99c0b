---- MODULE MCNfsWirePerMbufRefInductive ----
\* Inductive check of NfsExtPgsInd's IndInv with Variant WirePerMbufRef: Init is every
\* state with TypeOK /\ IndInv (one page, timeouts allowed), one step of Next.
EXTENDS NfsExtPgsInd
CONSTANTS pg1
MCPages == {pg1}
MCVariant == "WirePerMbufRef"
MCAllowTimeout == TRUE
====
