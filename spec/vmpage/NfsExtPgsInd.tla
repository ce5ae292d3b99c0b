----------------------------- MODULE NfsExtPgsInd -----------------------------
(***************************************************************************)
(* An inductive invariant IndInv for NfsExtPgs, variant WirePerMbufRef     *)
(* (the fix: the ext storage holds one wiring of each page, taken when the *)
(* chain is built and dropped by ext_free).  proofs/vmpage.md explains it; *)
(* the MC*Inductive* models check it (Init == TypeOK /\ IndInv, one step   *)
(* of Next, every conjunct a separate INVARIANT).  Run with Variant        *)
(* NoOpExtFree, the same IndInv has a counterexample to induction.         *)
(***************************************************************************)
EXTENDS NfsExtPgs, TLC

\* The program counters each thread can be at (the pcs its actions name).
NfsiodPcs == {"idle", "n_wire", "n_send", "n_wait", "n_mfree",
              "nfsiod_ef_ld", "nfsiod_ef_cas", "nfsiod_ef_free",
              "n_bufdone", "n_bl_ld", "n_bl_cas", "n_bl_free", "done"}
SockPcs == {"idle", "sock_ef_ld", "sock_ef_cas", "sock_ef_free"}
DrvPcs  == {"idle", "drv_ef_ld", "drv_ef_cas", "drv_ef_free"}
VmPcs   == {"idle", "v_rm_chk", "v_fp_ld", "v_fp_st", "v_fp_fin", "v_tm"}

\* A thread inside an unwire loop of prefix P: at the load or the CAS the
\* current page's wiring is still held; at P_free it was just dropped.
InLoop(t, P) == pc[t] \in {P \o "_ld", P \o "_cas", P \o "_free"}
Held(t, P) ==   \* the pages whose wiring the loop has yet to drop
    IF pc[t] = P \o "_free" THEN todo[t] \ {Pick(todo[t])} ELSE todo[t]
\* ext_free (mb_free_ext's last reference) running in thread t
InExtFree(t) == InLoop(t, t \o "_ef")
ExtFreeing == {t \in Threads : InExtFree(t)}
\* rpc's own reference to the chain: from the build to m_freem
RpcPhase == {"n_wire", "n_send", "n_wait", "n_mfree"}

-----------------------------------------------------------------------------
\* Each conjunct below is its own definition; TLC names the one a step breaks.

PcOK ==
    /\ pc \in [Threads -> NfsiodPcs \cup SockPcs \cup DrvPcs \cup VmPcs]
    /\ pc["nfsiod"] \in NfsiodPcs /\ pc["sock"] \in SockPcs
    /\ pc["drv"] \in DrvPcs /\ pc["vm"] \in VmPcs
\* The pcs are the spec's; the other typings TypeOK leaves open.  Needed
\* so the universe is finite and so every action's guard reads a defined pc.

GhostOK ==
    /\ bufw \in [Pages -> 0..1] /\ extw \in [Pages -> 0..1]
    /\ frees \in [Pages -> 0..1]
\* The ghosts are 0/1 per page (bounds the universe; the free and unwire
\* steps keep it given the conjuncts below).

NeverBlocked == \A p \in Pages : ~rc[p].blocked
\* No pmap mappings, so nothing sets VPRC_BLOCKED.  Without it an unwire
\* (UwCas) of a word with BLOCKED would not end at ZERO when freeing.

WiresMatchGhostInd == WiresMatchGhost
\* ref_count's wire count is the buffer's wiring plus the ext storage's
\* (the spec's WiresMatchGhost).  Every CAS/fetchadd keeps it (UwCas, NWire).

ExtRefMatchesInd == ExtRefMatches
\* ext_count = the mbufs referencing the storage (the spec's ExtRefMatches).
\* DropRef tests extcnt = 1 for "last reference": without it two threads
\* could run ext_free, or none.

ObjrefMatchesObjectInd ==
    \A p \in Pages :
        rc[p].objref <=> (obj[p] = "O" \/ (pc["vm"] = "v_fp_st" /\ p \in todo["vm"]))
\* OBJREF is set iff the page is in the object, except between free_prep's
\* m->object = NULL (VFpLd) and its plain OBJREF clear (VFpSt).  Without it
\* UwCas could see old = 1 (free it) for a page still in the object.

RpcHolds ==
    /\ ("rpc" \in holders) <=> pc["nfsiod"] \in RpcPhase
    /\ pc["nfsiod"] \in {"n_wire", "n_send"} => holders = {"rpc"}
    /\ pc["nfsiod"] = "idle" => holders = {} /\ rpc = "none" /\ ~iobusy
    /\ rpc = "none" => pc["nfsiod"] = "idle"
    /\ "sb" \in holders => pc["nfsiod"] \notin {"idle", "n_wire", "n_send"}
\* Which references the chain has in each nfsiod phase.  NMfree drops "rpc"
\* without testing it, NSend adds "sb" and NBuild sets holders = {"rpc"}:
\* each keeps ExtRefMatches only if that reference was (not) there.

NetPhase ==
    /\ (rpc = "none") <=> pc["nfsiod"] = "idle"
    /\ (rpc = "inflight") <=> pc["nfsiod"] \in {"n_wire", "n_send", "n_wait"}
    /\ rpc = "timedout" => AllowTimeout
    /\ rpc = "replied" => acked
    /\ acked => sent /\ "sb" \notin holders
    /\ "tx" \in holders => sent
    /\ sent => pc["nfsiod"] \notin {"idle", "n_wire", "n_send"}
    /\ pc["nfsiod"] \notin {"idle", "n_wire", "n_send"} /\ "sb" \notin holders => acked \/ rpc = "timedout"
\* The RPC's progress and the socket's copies agree: a copy reaches the
\* driver only from so_snd, the ACK removes so_snd's copy, a reply comes
\* after the ACK, so_snd is flushed without an ACK only after a timeout.
\* Not needed for the safety conjuncts: it keeps the universe to the
\* protocol's own states (SAck, SClose, SOutput, NReply, NTimeout keep it).

BufWiring ==
    \A p \in Pages :
        bufw[p] = IF InLoop("nfsiod", "n_bl") THEN (IF p \in Held("nfsiod", "n_bl") THEN 1 ELSE 0)
                  ELSE IF pc["nfsiod"] = "done" THEN 0 ELSE 1
\* The buffer holds one wiring of each page until brelse (n_bl loop) drops
\* it page by page.  Needed for WiresMatchGhost across the n_bl UwCas and
\* for NoFreeBeforeBrelse.

ExtWiring ==
    \A p \in Pages :
        extw[p] =
            IF pc["nfsiod"] = "n_wire" THEN (IF p \in todo["nfsiod"] THEN 0 ELSE 1)
            ELSE IF ExtFreeing # {} THEN (IF \E t \in ExtFreeing : p \in Held(t, t \o "_ef") THEN 1 ELSE 0)
            ELSE IF holders # {} THEN 1 ELSE 0
\* The ext storage's wiring of each page: taken page by page in n_wire,
\* held while any mbuf references the storage, dropped page by page by the
\* one ext_free.  The exact accounting the fix's invariant rests on; NWire
\* and the ext_free UwCas need it to keep WiresMatchGhost.

OneWiringPerPagePerExt ==
    holders # {} /\ pc["nfsiod"] # "n_wire" => \A p \in Pages : extw[p] = 1
\* THE FIX'S INVARIANT: while an mbuf references the ext storage (after the
\* build), the storage holds one wiring of every page (one per page per
\* storage, not per mbuf: m_copym shares it).  The design claim, so it is
\* not conditioned on Variant: with NoOpExtFree, NBuild breaks it (the
\* storage wires nothing).

SingleExtFree ==
    /\ Cardinality(ExtFreeing) <= 1
    /\ ExtFreeing # {} => holders = {} /\ pc["nfsiod"] \notin RpcPhase \cup {"idle"}
\* ext_free runs once, after the last reference went (mb_free_ext).  A
\* second ext_free would drop each wiring twice (UwCas underflow).

LoopTodo ==
    /\ \A t \in Threads : todo[t] # {} <=>
           (InLoop(t, t \o "_ef") \/ InLoop(t, "n_bl") \/ pc[t] \in {"n_wire", "v_rm_chk", "v_fp_ld",
                                                                "v_fp_st", "v_fp_fin", "v_tm"})
    /\ pc["vm"] \in {"v_rm_chk", "v_fp_ld", "v_fp_st", "v_fp_fin"} => Cardinality(todo["vm"]) = 1
\* todo is non-empty exactly inside the per-page loops, one page for the
\* VM's remove.  Pick(todo[t]) in every loop step needs it.

FreeStep ==
    \A t \in Threads : \A P \in {t \o "_ef", "n_bl"} :
        pc[t] = P \o "_free" =>
            LET p == Pick(todo[t]) IN rc[p] = ZERO /\ obj[p] = "None" /\ pstate[p] = "alloc"
\* At an unwire's vm_page_free (UwFree) the page has no reference left and
\* is still allocated: UwFree frees it once (FreedOnce, NoFreeWhileMbufRef).

VmSide ==
    /\ pc["vm"] # "idle" => pc["nfsiod"] = "done" /\ ~iobusy /\ olock = "vm"
    /\ pc["vm"] = "idle" => olock = "None"
    /\ pc["nfsiod"] # "done" => \A p \in Pages : obj[p] = "O" /\ pstate[p] = "alloc"
    /\ pc["vm"] \in {"v_rm_chk", "v_fp_ld", "v_tm"} => \A p \in todo["vm"] : obj[p] = "O"
    /\ pc["vm"] \in {"v_fp_ld", "v_fp_st", "v_fp_fin"} =>
           \A p \in todo["vm"] : rc[p].wires = 0 /\ pstate[p] = "alloc"
    /\ pc["vm"] = "v_fp_st" => \A p \in todo["vm"] : old["vm"] = rc[p]
    /\ pc["vm"] \in {"v_fp_st", "v_fp_fin"} => old["vm"] = OBJREF
    /\ pc["vm"] \in {"v_fp_ld", "v_fp_st", "v_fp_fin"} =>
           \A t \in Threads \ {"vm"} : todo[t] \cap todo["vm"] = {}
    /\ pc["vm"] \in {"v_fp_st", "v_fp_fin"} => \A p \in todo["vm"] : obj[p] = "None"
    /\ pc["vm"] \notin {"v_fp_st", "v_fp_fin"} => old["vm"] = ZERO
\* The VM side runs only once brelse is done (vinvalbuf waits for the
\* buffer), under the object lock; free_prep's steps see the page unwired
\* (VRmChk tested it under the lock, and nothing wires it again after the
\* build), and no unwire loop has it on its list (UwFree would free it
\* twice).  VFpSt stores old - OBJREF: it must still be ref_count.

FreedPages ==
    \A p \in Pages :
        /\ frees[p] = (IF pstate[p] = "alloc" THEN 0 ELSE 1)
        /\ pstate[p] # "alloc" => rc[p] = ZERO /\ obj[p] = "None" /\ bufw[p] = 0 /\ extw[p] = 0
\* A page goes back to the allocator once, with no reference left.  Keeps
\* FreedOnce and NoFreeWhileMbufRef across VReuse and the free steps.

ReadRc == {ZERO} \cup [wires : 1..2, objref : BOOLEAN, blocked : {FALSE}]
OldCopies ==
    /\ \A t \in {"nfsiod", "sock", "drv"} : old[t] \in ReadRc
    /\ pc["nfsiod"] \in {"idle"} \cup RpcPhase => old["nfsiod"] = ZERO
    /\ \A t \in {"sock", "drv"} :
           old[t] # ZERO => holders = {} /\ ExtFreeing \subseteq {t} /\ pc["nfsiod"] \notin {"idle"} \cup RpcPhase
\* A thread's old copy of ref_count is ZERO until it runs an unwire loop,
\* then a value ref_count had while the loop's page was wired (UwLd, the
\* failed UwCas re-read).  The socket and the driver read it only in
\* ext_free, which runs once, after the last mbuf reference went.  Not
\* needed by any other conjunct: it bounds the universe to the old values
\* a run can leave behind (the CAS uses old only when it equals rc).

NoFreeWhileMbufRefInd == NoFreeWhileMbufRef
\* The seed's property (the spec's NoFreeWhileMbufRef).

NoUnderflowInd == NoUnderflow
FreedOnceInd == FreedOnce

IndInv ==
    /\ PcOK /\ GhostOK /\ NeverBlocked /\ WiresMatchGhostInd /\ ExtRefMatchesInd
    /\ ObjrefMatchesObjectInd /\ RpcHolds /\ NetPhase /\ BufWiring /\ ExtWiring
    /\ OneWiringPerPagePerExt /\ SingleExtFree /\ LoopTodo /\ FreeStep /\ VmSide
    /\ FreedPages /\ OldCopies /\ NoFreeWhileMbufRefInd /\ NoUnderflowInd /\ FreedOnceInd

-----------------------------------------------------------------------------
(* The universe: every state with TypeOK /\ IndInv for the model's Pages.  *)
(* IndInv bounds every variable (rc by WiresMatchGhost and GhostOK, extcnt *)
(* by ExtRefMatches, old by GhostOK), so the sets below contain every such *)
(* state, and IndInit keeps exactly those: IndInit <=> TypeOK /\ IndInv.   *)
(* Variables are chosen one at a time with the conjuncts that constrain    *)
(* them right after, so TLC prunes early.                                  *)
SmallRc == [wires : 0..2, objref : BOOLEAN, blocked : {FALSE}]
\* The values FreedPages, BufWiring, ExtWiring, WiresMatchGhost,
\* ObjrefMatchesObject, NeverBlocked and VmSide / OldCopies leave (each is
\* the only value its conjunct allows, or old ranges over a superset of
\* them): computed, not drawn, so that 2 and 3 pages enumerate in time.
BufWiringOf(p) ==
    IF InLoop("nfsiod", "n_bl") THEN (IF p \in Held("nfsiod", "n_bl") THEN 1 ELSE 0)
    ELSE IF pc["nfsiod"] = "done" THEN 0 ELSE 1
ExtWiringOf(p) ==
    IF pc["nfsiod"] = "n_wire" THEN (IF p \in todo["nfsiod"] THEN 0 ELSE 1)
    ELSE IF ExtFreeing # {} THEN (IF \E t \in ExtFreeing : p \in Held(t, t \o "_ef") THEN 1 ELSE 0)
    ELSE IF holders # {} THEN 1 ELSE 0
ObjrefOf(p) == obj[p] = "O" \/ (pc["vm"] = "v_fp_st" /\ p \in todo["vm"])
PcTuples == {[t \in Threads |-> CASE t = "nfsiod" -> a [] t = "sock" -> b
                                     [] t = "drv" -> c [] t = "vm" -> d] :
                a \in NfsiodPcs, b \in SockPcs, c \in DrvPcs, d \in VmPcs}
\* The IndInv states whose pc is in PcChoices (IndInit: all of them; the
\* sampled model: a random subset).
IndInitFrom(PcChoices) ==
    /\ pc \in PcChoices
    /\ todo \in [Threads -> SUBSET Pages] /\ LoopTodo
    /\ holders \in SUBSET {"rpc", "sb", "tx"} /\ SingleExtFree
    /\ extcnt = Cardinality(holders)
    /\ rpc \in {"none", "inflight", "replied", "timedout"}
    /\ sent \in BOOLEAN /\ acked \in BOOLEAN /\ NetPhase
    /\ iobusy \in BOOLEAN /\ RpcHolds
    /\ olock \in {"vm", "None"}
    /\ (pc["vm"] = "idle" <=> olock = "None")
    /\ (pc["vm"] # "idle" => pc["nfsiod"] = "done" /\ ~iobusy)
    /\ obj \in [Pages -> {"O", "None"}]
    /\ pstate \in [Pages -> {"alloc", "free", "reused"}]
    /\ frees = [p \in Pages |-> IF pstate[p] = "alloc" THEN 0 ELSE 1]
    /\ bufw = [p \in Pages |-> BufWiringOf(p)] /\ BufWiring
    /\ extw = [p \in Pages |-> ExtWiringOf(p)] /\ ExtWiring
    /\ rc = [p \in Pages |-> Rc(bufw[p] + extw[p], ObjrefOf(p), FALSE)]
    /\ WiresMatchGhost /\ ObjrefMatchesObjectInd /\ FreedPages
    /\ uflow = FALSE
    /\ \E a, b, c \in ReadRc :
           old = [t \in Threads |-> CASE t = "nfsiod" -> a [] t = "sock" -> b [] t = "drv" -> c
                                      [] t = "vm" -> IF pc["vm"] \in {"v_fp_st", "v_fp_fin"}
                                                     THEN OBJREF ELSE ZERO]
    /\ VmSide /\ FreeStep /\ OldCopies
    /\ TypeOK /\ IndInv
IndInit == IndInitFrom(PcTuples)
=============================================================================
