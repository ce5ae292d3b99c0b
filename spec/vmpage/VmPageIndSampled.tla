-------------------------- MODULE VmPageIndSampled --------------------------
(***************************************************************************)
(* IndInitSampled: random states of TypeOK /\ IndInv for the sampled       *)
(* inductive check (manifest mode "inductive-sampled").  The program       *)
(* counters are drawn at random (Samples candidate functions, kept if      *)
(* PcOK); for each, every state of IndInit's remaining chain.  Every state *)
(* it yields is in TypeOK /\ IndInv (IndInit's conjuncts; every conjunct   *)
(* is also an INVARIANT of the model); not every such state is drawn.      *)
(***************************************************************************)
EXTENDS VmPageInd, Randomization

CONSTANT PcSamples   \* how many random program-counter functions to draw

IndInitSampled == pc \in RandomSubset(PcSamples, PcCands) /\ PcOK /\ IndInitFromPc
=============================================================================
