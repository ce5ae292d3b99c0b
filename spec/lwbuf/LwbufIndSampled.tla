-------------------------- MODULE LwbufIndSampled --------------------------
(***************************************************************************)
(* Random initial states for the sampled inductive check of IndInv         *)
(* (LwbufInd.tla) at constants too large to enumerate TypeOK /\ IndInv.    *)
(***************************************************************************)
EXTENDS LwbufInd, Randomization

\* The sampled inductive models (TLC -simulate, one step from each sampled state): InitInd with
\* every variable drawn from a random subset of SampleWidth elements of its TypeOK set (the whole
\* set when smaller), redrawn on every branch of TLC's enumeration (Randomization: RandomSubset).
\* Every initial state is a type-correct IndInv state (InitSampled => InitInd); not all are drawn.
CONSTANT SampleWidth
Pick(S) == IF Cardinality(S) <= SampleWidth THEN S ELSE RandomSubset(SampleWidth, S)
InitSampled == InitOver(Pick)
=============================================================================
