------------------------- MODULE NfsExtPgsIndSampled -------------------------
(***************************************************************************)
(* IndInitSampled: random states of TypeOK /\ IndInv (NfsExtPgsInd) for    *)
(* the sampled inductive check (manifest mode "inductive-sampled"):        *)
(* PcSamples program-counter tuples drawn at random (TLC's RandomSubset    *)
(* over PcTuples), and for each one every state of IndInitFrom's chain.    *)
(* Every state it yields is in TypeOK /\ IndInv; not every such state is   *)
(* drawn.                                                                  *)
(***************************************************************************)
EXTENDS NfsExtPgsInd, Randomization

CONSTANT PcSamples   \* how many random program-counter tuples to draw

IndInitSampled == IndInitFrom(RandomSubset(PcSamples, PcTuples))
=============================================================================
