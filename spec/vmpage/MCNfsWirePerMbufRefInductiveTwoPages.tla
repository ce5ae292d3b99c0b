---- MODULE MCNfsWirePerMbufRefInductiveTwoPages ----
\* Inductive check of NfsExtPgsInd's IndInv with Variant WirePerMbufRef: Init is every
\* state with TypeOK /\ IndInv (two pages, timeouts allowed), one step of Next.
EXTENDS NfsExtPgsInd
CONSTANTS pg1, pg2
MCPages == {pg1, pg2}
MCVariant == "WirePerMbufRef"
MCAllowTimeout == TRUE
====
