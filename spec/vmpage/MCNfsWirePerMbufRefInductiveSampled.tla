---- MODULE MCNfsWirePerMbufRefInductiveSampled ----
\* Sampled inductive check of NfsExtPgsInd's IndInv with Variant WirePerMbufRef at three pages
\* (timeouts allowed): random program-counter tuples, every IndInv state for each; one step of Next.
EXTENDS NfsExtPgsIndSampled
CONSTANTS pg1, pg2, pg3
MCPages == {pg1, pg2, pg3}
MCVariant == "WirePerMbufRef"
MCAllowTimeout == TRUE
MCPcSamples == 20
====
