---- MODULE MCDragonFly2004SMPInductiveSampled ----
\* Sampled inductive model (SfBufLazyInd.tla): random states of TypeOK /\ IndInvLazy (IndSampledLazy(2): each draw of IndDraw over at most 2 random elements) at 3 threads, 3 CPUs, 2 buffers, 3 pages, DragonFly2004SMP with the hash re-lookup (SF1 at 2 buffers needs it: DragonFly2004Dup); one step each
EXTENDS SfBufLazyInd, TLC
CONSTANTS t1, t2, t3, p1, p2, p3, b1, b2, c1, c2, c3
MCThreads == {t1, t2, t3}
MCPages == {p1, p2, p3}
MCBufList == <<b1, b2>>
MCCPUs == {c1, c2, c3}
MCFlagChoices == {{}, {"QUICK"}}
SampledInit == IndSampledLazy(2)
====
