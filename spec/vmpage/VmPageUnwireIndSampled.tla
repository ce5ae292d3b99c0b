------------------------ MODULE VmPageUnwireIndSampled ------------------------
(***************************************************************************)
(* IndInitSampled: random states of TypeOK /\ IndInv (VmPageUnwireInd) for *)
(* the sampled inductive check (manifest mode "inductive-sampled"), as     *)
(* VmPageIndSampled: PcSamples program-counter functions drawn at random   *)
(* (TLC's RandomSubset over the per-role pcs), and for each one every      *)
(* state of IndInit's remaining chain.  Every state it yields is in        *)
(* TypeOK /\ IndInv; not every such state is drawn.                        *)
(***************************************************************************)
EXTENDS VmPageUnwireInd, Randomization

CONSTANT PcSamples   \* how many random program-counter functions to draw

IndInitSampled == pc \in RandomSubset(PcSamples, PcFns(Threads)) /\ IndInitFromPc
=============================================================================
