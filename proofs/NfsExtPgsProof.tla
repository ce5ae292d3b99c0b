--------------------------- MODULE NfsExtPgsProof ---------------------------
(***************************************************************************)
(* NOT CHECKED BY A PROVER.  A TLAPS-style proof outline of               *)
(* Spec => []IndInv for NfsExtPgs with Variant "WirePerMbufRef" (the fix: *)
(* one wiring per page held by the ext storage).  No TLAPS backend is     *)
(* available on these machines; SANY parses and level-checks this module  *)
(* and nothing more.  What checks the argument is TLC: the inductive      *)
(* models spec/vmpage/MCNfsWirePerMbufRefInductive (Init == TypeOK /\     *)
(* IndInv over every such state of a 1-page universe, one step of Next,   *)
(* each conjunct a separate INVARIANT) and the opt-in 2-page one.  The    *)
(* words for each step are in proofs/vmpage.md.                           *)
(***************************************************************************)
EXTENDS NfsExtPgsInd

\* Step 1: the initial state satisfies IndInv (one page set, fixed variant).
THEOREM InitEstablishes == ASSUME Variant = "WirePerMbufRef" PROVE Init => IndInv
  BY DEF Init, IndInv, PcOK, GhostOK, NeverBlocked, WiresMatchGhostInd, WiresMatchGhost,
         ExtRefMatchesInd, ExtRefMatches, ObjrefMatchesObjectInd, RpcHolds, NetPhase, BufWiring,
         OneWiringPerPagePerExt, ExtWiring, SingleExtFree, LoopTodo, FreeStep, VmSide, FreedPages,
         OldCopies, NoFreeWhileMbufRefInd, NoFreeWhileMbufRef, NoUnderflowInd, NoUnderflow,
         FreedOnceInd, FreedOnce

\* Step 2: every action of Next keeps IndInv (the per-action steps).
THEOREM StepPreserves ==
  ASSUME Variant = "WirePerMbufRef"
  PROVE  IndInv /\ [Next]_vars => IndInv'
<1> USE DEF IndInv
<1>1. ASSUME IndInv, NBuild PROVE IndInv'
      BY DEF NBuild, RpcHolds, NetPhase, ExtWiring, LoopTodo
<1>2. ASSUME IndInv, NWire PROVE IndInv'
      BY DEF NWire, ExtWiring, WiresMatchGhostInd, WiresMatchGhost, OneWiringPerPagePerExt
<1>3. ASSUME IndInv, NSend PROVE IndInv'
      BY DEF NSend, RpcHolds, ExtRefMatchesInd, ExtRefMatches, OneWiringPerPagePerExt
<1>4. ASSUME IndInv, NReply PROVE IndInv'
      BY DEF NReply, NetPhase
<1>5. ASSUME IndInv, NTimeout PROVE IndInv'
      BY DEF NTimeout, NetPhase
<1>6. ASSUME IndInv, NMfree PROVE IndInv'
      BY DEF NMfree, DropRef, RpcHolds, ExtRefMatchesInd, SingleExtFree, ExtWiring
<1>7. ASSUME IndInv, NBufdone PROVE IndInv'
      BY DEF NBufdone, LoopTodo, BufWiring
<1>8. ASSUME IndInv, \E P \in {"nfsiod_ef", "n_bl", "sock_ef", "drv_ef"}, t \in Threads :
                          UwLd(t, P) PROVE IndInv'
      BY DEF UwLd, OldCopies
<1>9. ASSUME IndInv, \E P \in {"nfsiod_ef", "n_bl", "sock_ef", "drv_ef"}, t \in Threads,
                          w \in {"buf", "ext"}, C \in {"n_bufdone", "done", "idle"} : UwCas(t, P, w, C)
      PROVE IndInv'
      BY DEF UwCas, WiresMatchGhostInd, WiresMatchGhost, BufWiring, ExtWiring, FreeStep, ObjrefMatchesObjectInd
<1>10. ASSUME IndInv, \E P \in {"nfsiod_ef", "n_bl", "sock_ef", "drv_ef"}, t \in Threads,
                           C \in {"n_bufdone", "done", "idle"} : UwFree(t, P, C)
       PROVE IndInv'
       BY DEF UwFree, FreeStep, FreedPages, NoFreeWhileMbufRefInd, NoFreeWhileMbufRef, SingleExtFree
<1>11. ASSUME IndInv, SOutput PROVE IndInv'
       BY DEF SOutput, NetPhase, ExtRefMatchesInd, ExtRefMatches, OneWiringPerPagePerExt
<1>12. ASSUME IndInv, SAck PROVE IndInv'
       BY DEF SAck, DropRef, NetPhase, ExtRefMatchesInd, SingleExtFree, ExtWiring
<1>13. ASSUME IndInv, SClose PROVE IndInv'
       BY DEF SClose, DropRef, NetPhase, ExtRefMatchesInd, SingleExtFree, ExtWiring
<1>14. ASSUME IndInv, DTxDone PROVE IndInv'
       BY DEF DTxDone, DropRef, ExtRefMatchesInd, SingleExtFree, ExtWiring
<1>15. ASSUME IndInv, VRemove PROVE IndInv'
       BY DEF VRemove, VmSide, BufHeld
<1>16. ASSUME IndInv, VRmChk PROVE IndInv'
       BY DEF VRmChk, VmSide, WiresMatchGhostInd, WiresMatchGhost, BufWiring, ExtWiring
<1>17. ASSUME IndInv, VFpLd PROVE IndInv'
       BY DEF VFpLd, VmSide, ObjrefMatchesObjectInd
<1>18. ASSUME IndInv, VFpSt PROVE IndInv'
       BY DEF VFpSt, VmSide, ObjrefMatchesObjectInd
<1>19. ASSUME IndInv, VFpFin PROVE IndInv'
       BY DEF VFpFin, VmSide, FreedPages, NoFreeWhileMbufRefInd, NoFreeWhileMbufRef
<1>20. ASSUME IndInv, VTerm PROVE IndInv'
       BY DEF VTerm, VmSide, BufHeld
<1>21. ASSUME IndInv, VTmDrop PROVE IndInv'
       BY DEF VTmDrop, VmSide, ObjrefMatchesObjectInd, FreedPages, WiresMatchGhostInd
<1>22. ASSUME IndInv, VReuse PROVE IndInv'
       BY DEF VReuse, FreedPages
<1>23. ASSUME IndInv, UNCHANGED vars PROVE IndInv'
       BY DEF vars
<1>24. QED
       BY <1>1, <1>2, <1>3, <1>4, <1>5, <1>6, <1>7, <1>8, <1>9, <1>10, <1>11, <1>12,
          <1>13, <1>14, <1>15, <1>16, <1>17, <1>18, <1>19, <1>20, <1>21, <1>22, <1>23
          DEF Next, NfsiodSteps, SockSteps, DrvSteps, VmSteps, UnwireLoop

THEOREM Safety == ASSUME Variant = "WirePerMbufRef" PROVE Spec => []IndInv
<1>1. Init => IndInv
      BY InitEstablishes
<1>2. IndInv /\ [Next]_vars => IndInv'
      BY StepPreserves
<1>3. QED
      BY <1>1, <1>2 DEF Spec  \* the induction rule INV1 (PTL)
=============================================================================
