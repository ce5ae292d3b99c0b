---- MODULE MCUnwireQueuesInductiveSampled ----
\* Sampled inductive check of VmPageUnwireInd's IndInv, Variant Fixed (0012f373e4), managed:
\* three Holders, two Faulters, the page daemon and vm_object_terminate_pages (7 threads).
\* Init: random program counters (PcSamples draws), every IndInv state for each; one step of Next.
EXTENDS VmPageUnwireIndSampled
CONSTANTS h1, h2, h3, f1, f2, d1, tm
MCThreads == {h1, h2, h3, f1, f2, d1, tm}
MCRole == (h1 :> "Holder") @@ (h2 :> "Holder") @@ (h3 :> "Holder") @@ (f1 :> "Faulter")
          @@ (f2 :> "Faulter") @@ (d1 :> "Daemon") @@ (tm :> "Terminator")
MCManaged == TRUE
MCBusyKinds == {}
MCVariant == "Fixed"
MCPcSamples == 100
====
