------------------------------ MODULE NfsExtPgs ------------------------------
(***************************************************************************)
(* Can buffer-cache pages be lent to ext_pgs mbufs?  (seed 003, Rick       *)
(* Macklem, freebsd-current, 6 Aug 2020.)  The NFS client write path with  *)
(* the buffer's pages entered into an ext_pgs mbuf (m_epg_pa[]) instead of *)
(* copied into clusters:                                                   *)
(*   nfsiod: vfs_busy_pages (pages sbusied, object paging-in-progress),    *)
(*   build the ext_pgs mbuf chain (the RPC layer keeps it for              *)
(*   retransmission), sosend(m_copym(chain)) to the socket, wait for the   *)
(*   reply or a timeout, m_freem(chain), bufdone (unbusy) and brelse       *)
(*   (the buffer's wiring of each page is dropped: vm_page_unwire).        *)
(*   socket/TCP: tcp_output copies socket-buffer data for the driver       *)
(*   (m_copym shares the ext storage), an ACK drops it from so_snd         *)
(*   (sbdrop -> m_freem), a connection teardown after a timeout flushes it *)
(*   driver: transmit completion frees its copy (often lazily, later).     *)
(*   VM: page daemon / vm_object_page_remove (truncate) frees an unwired,  *)
(*   unbusied page; vm_object_terminate_pages (vnode recycled) drops       *)
(*   OBJREF (the last unwire then frees the page); a freed page is reused. *)
(* m_copym of an M_EXT mbuf shares the storage and bumps its reference     *)
(* count; ext_free runs once, in whichever thread drops the last           *)
(* reference (mb_free_ext).                                                *)
(*                                                                         *)
(* Variants: "NoOpExtFree" (the seed: ext_free does nothing; the pages are *)
(* protected only by the buffer's wiring) and "WirePerMbufRef" (the ext    *)
(* storage holds one wiring of each page, taken with vm_page_wire when the *)
(* chain is built and dropped by vm_page_unwire in ext_free).              *)
(* Buggy client (issue 11, stop 26): "UnwireWithoutWire": ext_free unwires *)
(* every page (as sendfile's ext_free does) but the chain was built        *)
(* without vm_page_wire (as the seed builds it): one vm_page_unwire per    *)
(* page too many; the second unwire of a page borrows from OBJREF.         *)
(*                                                                         *)
(* ref_count: the same word as VmPage.tla ([wires, objref, blocked], 32-bit *)
(* arithmetic, Java AtomicInteger with OBJREF 0x80000000, BLOCKED          *)
(* 0x40000000); vm_page_wire = fetchadd, vm_page_unwire = load + fcmpset   *)
(* loop, freeing when old == 1, OBJREF dropped by fetchadd, free_prep's    *)
(* non-atomic OBJREF clear (sys/vm/vm_page.c @0012f373e4).  No pmap        *)
(* mappings: BLOCKED is never needed and stays clear.  Atomicity as in      *)
(* CONVENTIONS.md; mbuf refcount updates are atomic RMWs; so_snd changes   *)
(* are SOCKBUF_LOCK critical sections.                                     *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets

CONSTANTS
    Pages,         \* the buffer's pages (b_pages), model values
    Variant,       \* "NoOpExtFree" | "WirePerMbufRef" | "UnwireWithoutWire"
    AllowTimeout   \* TRUE: the RPC may time out (soft mount / dead server)

ASSUME Variant \in {"NoOpExtFree", "WirePerMbufRef", "UnwireWithoutWire"}
ASSUME AllowTimeout \in BOOLEAN

Threads == {"nfsiod", "sock", "drv", "vm"}
Fix == Variant = "WirePerMbufRef"                       \* vm_page_wire per page at NBuild
ExtFreeUnwires == Variant \in {"WirePerMbufRef", "UnwireWithoutWire"}   \* ext_free unwires

WC == 1073741824
RcWords == [wires : 0..(WC - 1), objref : BOOLEAN, blocked : BOOLEAN]
Rc(w, o, b) == [wires |-> w, objref |-> o, blocked |-> b]
ZERO   == Rc(0, FALSE, FALSE)
ONE    == Rc(1, FALSE, FALSE)
OBJREF == Rc(0, TRUE, FALSE)
Hi(r) == (IF r.objref THEN 2 ELSE 0) + (IF r.blocked THEN 1 ELSE 0)
FromParts(h, w) == Rc(w, h >= 2, h % 2 = 1)
Add(r, dh, dw) ==
    LET s == r.wires + dw  c == IF s >= WC THEN 1 ELSE 0
    IN  FromParts((Hi(r) + dh + c) % 4, s - c * WC)
Sub(r, dh, dw) ==
    LET s == r.wires - dw  b == IF s < 0 THEN 1 ELSE 0
    IN  FromParts((Hi(r) - dh - b + 8) % 4, s + b * WC)
SubUnder(r, dh, dw) == (dh = 2 /\ ~r.objref) \/ (dh = 1 /\ ~r.blocked) \/ dw > r.wires

VARIABLES
    rc,       \* rc[p]: p->ref_count
    obj,      \* obj[p]: "O" (in the vnode's object) or "None"
    pstate,   \* pstate[p]: "alloc" | "free" | "reused" (reallocated to someone else)
    iobusy,   \* pages sbusied + object paging-in-progress (vfs_busy_pages .. bufdone)
    holders,  \* mbufs referencing the ext_pgs storage: SUBSET {"rpc","sb","tx"} (ghost)
    extcnt,   \* the ext storage's reference count (m_ext.ext_count)
    rpc,      \* "none" | "inflight" | "replied" | "timedout"
    sent,     \* tcp_output has handed a copy to the driver at least once
    acked,    \* the peer ACKed the request bytes (sbdrop done)
    olock,    \* the object's write lock: "vm" or "None" (only the VM side takes it here)
    pc,       \* pc[t]
    old,      \* old[t]: local copy of a ref_count
    todo,     \* todo[t]: pages still to process in a per-page loop
    bufw,     \* ghost: bufw[p] = wirings held by the buffer (0/1)
    extw,     \* ghost: extw[p] = wirings held by the ext storage (0/1)
    frees,    \* ghost: frees[p]
    uflow     \* ghost: an atomic took away something that was not there

vars == <<rc, obj, pstate, iobusy, holders, extcnt, rpc, sent, acked, olock,
          pc, old, todo, bufw, extw, frees, uflow>>
pagev == <<rc, obj, pstate, bufw, extw, frees, uflow>>
netv  == <<holders, extcnt, rpc, sent, acked>>
locv  == <<old, todo>>

Init ==
    /\ rc = [p \in Pages |-> Rc(1, TRUE, FALSE)]    \* in the object, wired by the buffer
    /\ obj = [p \in Pages |-> "O"]
    /\ pstate = [p \in Pages |-> "alloc"]
    /\ iobusy = FALSE
    /\ holders = {}
    /\ extcnt = 0
    /\ rpc = "none"
    /\ sent = FALSE
    /\ acked = FALSE
    /\ olock = "None"
    /\ pc = [t \in Threads |-> "idle"]
    /\ old = [t \in Threads |-> ZERO]
    /\ todo = [t \in Threads |-> {}]
    /\ bufw = [p \in Pages |-> 1]
    /\ extw = [p \in Pages |-> 0]
    /\ frees = [p \in Pages |-> 0]
    /\ uflow = FALSE

Pick(S) == CHOOSE p \in S : TRUE
Set(f, k, v) == [f EXCEPT ![k] = v]

-----------------------------------------------------------------------------
(* vm_page_unwire(m) loop over todo[t] (ext_free or brelse), prefix P,     *)
(* continuation C.  `who` says whose ghost wiring is dropped.              *)
\* old = m->ref_count
UwLd(t, P) ==
    /\ pc[t] = P \o "_ld"
    /\ old' = Set(old, t, rc[Pick(todo[t])])
    /\ pc' = Set(pc, t, P \o "_cas")
    /\ UNCHANGED <<pagev, iobusy, netv, olock, todo>>

\* fcmpset_rel(&ref_count, &old, old - 1); if (old == 1) vm_page_free(m)
UwCas(t, P, who, C) ==
    /\ pc[t] = P \o "_cas"
    /\ LET p == Pick(todo[t])  o == old[t]
           nxt == IF todo[t] \ {p} = {} THEN C ELSE P \o "_ld"
       IN IF rc[p] = o
          THEN /\ rc' = Set(rc, p, Sub(o, 0, 1))
               /\ uflow' = (uflow \/ SubUnder(o, 0, 1))
               /\ IF who = "buf" THEN /\ bufw' = [bufw EXCEPT ![p] = @ - 1]
                                      /\ UNCHANGED extw
                                 ELSE /\ extw' = [extw EXCEPT ![p] = @ - 1]
                                      /\ UNCHANGED bufw
               /\ IF o = ONE
                  THEN /\ pc' = Set(pc, t, P \o "_free")
                       /\ UNCHANGED todo
                  ELSE /\ pc' = Set(pc, t, nxt)
                       /\ todo' = Set(todo, t, todo[t] \ {p})
               /\ UNCHANGED old
          ELSE /\ old' = Set(old, t, rc[p])
               /\ UNCHANGED <<rc, uflow, bufw, extw, pc, todo>>
    /\ UNCHANGED <<obj, pstate, frees, iobusy, netv, olock>>

\* vm_page_free of the orphaned page (no object): free_prep's final check
\* (ref_count == 0) and vm_phys_free_pages, folded (the page is private now)
UwFree(t, P, C) ==
    /\ pc[t] = P \o "_free"
    /\ LET p == Pick(todo[t]) IN
       /\ pstate' = Set(pstate, p, "free")
       /\ frees' = [frees EXCEPT ![p] = @ + 1]
       /\ todo' = Set(todo, t, todo[t] \ {p})
       /\ pc' = Set(pc, t, IF todo[t] \ {p} = {} THEN C ELSE P \o "_ld")
    /\ UNCHANGED <<rc, obj, bufw, extw, uflow, iobusy, netv, olock, old>>

UnwireLoop(t, P, who, C) == UwLd(t, P) \/ UwCas(t, P, who, C) \/ UwFree(t, P, C)

\* mb_free_ext: if (refcount_release(&ext_count)) ext_free(m).  One mbuf
\* reference `h` goes away (m_freem of a copy, atomic fetchadd on the count).
\* Continuation C when no ext_free work follows.
DropRef(t, h, C) ==
    /\ holders' = holders \ {h}
    /\ extcnt' = extcnt - 1
    /\ IF extcnt = 1 /\ ExtFreeUnwires
       THEN /\ pc' = Set(pc, t, t \o "_ef_ld")     \* ext_free: unwire every page
            /\ todo' = Set(todo, t, Pages)
       ELSE /\ pc' = Set(pc, t, C)                \* NoOpExtFree: nothing to do
            /\ UNCHANGED todo

-----------------------------------------------------------------------------
(* nfsiod: the write RPC for one buffer                                    *)

\* vfs_busy_pages(bp) and building the ext_pgs chain (the mbuf is private
\* until sosend); WirePerMbufRef: vm_page_wire(m) per page (fetchadd; the
\* pages are busied, so no object lock is needed), one step per page.
NBuild ==
    /\ pc["nfsiod"] = "idle"
    /\ rpc = "none"
    /\ \A p \in Pages : obj[p] = "O"          \* the buffer's pages are still the file's
    /\ iobusy' = TRUE
    /\ holders' = {"rpc"}
    /\ extcnt' = 1
    /\ rpc' = "inflight"
    /\ IF Fix THEN /\ pc' = Set(pc, "nfsiod", "n_wire")
                   /\ todo' = Set(todo, "nfsiod", Pages)
              ELSE /\ pc' = Set(pc, "nfsiod", "n_send")
                   /\ UNCHANGED todo
    /\ UNCHANGED <<pagev, sent, acked, olock, old>>

NWire ==
    /\ pc["nfsiod"] = "n_wire"
    /\ LET p == Pick(todo["nfsiod"]) IN
       /\ rc' = Set(rc, p, Add(rc[p], 0, 1))
       /\ extw' = [extw EXCEPT ![p] = @ + 1]
       /\ todo' = Set(todo, "nfsiod", todo["nfsiod"] \ {p})
       /\ pc' = Set(pc, "nfsiod", IF todo["nfsiod"] \ {p} = {} THEN "n_send" ELSE "n_wire")
    /\ UNCHANGED <<obj, pstate, bufw, frees, uflow, iobusy, netv, olock, old>>

\* sosend(so, m_copym(chain)): the copy shares the ext storage (atomic
\* refcount increment) and is appended to so_snd under SOCKBUF_LOCK.
NSend ==
    /\ pc["nfsiod"] = "n_send"
    /\ holders' = holders \cup {"sb"}
    /\ extcnt' = extcnt + 1
    /\ pc' = Set(pc, "nfsiod", "n_wait")
    /\ UNCHANGED <<pagev, iobusy, rpc, sent, acked, olock, locv>>

\* the reply arrives (the segment carrying it ACKed the request first), or
\* the RPC times out (clnt_vc_call returns RPC_TIMEDOUT)
NReply ==
    /\ pc["nfsiod"] = "n_wait"
    /\ acked
    /\ rpc' = "replied"
    /\ pc' = Set(pc, "nfsiod", "n_mfree")
    /\ UNCHANGED <<pagev, iobusy, holders, extcnt, sent, acked, olock, locv>>

NTimeout ==
    /\ pc["nfsiod"] = "n_wait"
    /\ AllowTimeout
    /\ rpc' = "timedout"
    /\ pc' = Set(pc, "nfsiod", "n_mfree")
    /\ UNCHANGED <<pagev, iobusy, holders, extcnt, sent, acked, olock, locv>>

\* m_freem(chain): the RPC layer's reference
NMfree ==
    /\ pc["nfsiod"] = "n_mfree"
    /\ DropRef("nfsiod", "rpc", "n_bufdone")
    /\ UNCHANGED <<pagev, iobusy, rpc, sent, acked, olock, old>>

\* bufdone: vfs_unbusy_pages (sunbusy, vm_object_pip_wakeup)
NBufdone ==
    /\ pc["nfsiod"] = "n_bufdone"
    /\ iobusy' = FALSE
    /\ pc' = Set(pc, "nfsiod", "n_bl_ld")
    /\ todo' = Set(todo, "nfsiod", Pages)
    /\ UNCHANGED <<pagev, netv, olock, old>>

NfsiodSteps ==
    \/ NBuild \/ NWire \/ NSend \/ NReply \/ NTimeout \/ NMfree \/ NBufdone
    \/ UnwireLoop("nfsiod", "nfsiod_ef", "ext", "n_bufdone")   \* ext_free in m_freem
    \* brelse -> vfs_vmio_unwire: vm_page_unwire(m) for each page
    \/ UnwireLoop("nfsiod", "n_bl", "buf", "done")

-----------------------------------------------------------------------------
(* socket / TCP                                                            *)
\* tcp_output: m_copym of so_snd data for the driver (shares the storage)
SOutput ==
    /\ pc["sock"] = "idle"
    /\ "sb" \in holders /\ "tx" \notin holders
    /\ holders' = holders \cup {"tx"}
    /\ extcnt' = extcnt + 1
    /\ sent' = TRUE
    /\ UNCHANGED <<pagev, iobusy, rpc, acked, olock, pc, locv>>

\* tcp_input: ACK covers the request -> sbdrop(so_snd) -> m_freem
SAck ==
    /\ pc["sock"] = "idle"
    /\ sent /\ "sb" \in holders
    /\ acked' = TRUE
    /\ DropRef("sock", "sb", "idle")
    /\ UNCHANGED <<pagev, iobusy, rpc, sent, olock, old>>

\* after a timeout the RPC client tears the connection down: soclose ->
\* sbflush(so_snd) -> m_freem (data never ACKed)
SClose ==
    /\ pc["sock"] = "idle"
    /\ rpc = "timedout" /\ "sb" \in holders
    /\ DropRef("sock", "sb", "idle")
    /\ UNCHANGED <<pagev, iobusy, rpc, sent, acked, olock, old>>

SockSteps == SOutput \/ SAck \/ SClose \/ UnwireLoop("sock", "sock_ef", "ext", "idle")

(* driver: transmit completion (m_freem of the transmitted copy)           *)
DTxDone ==
    /\ pc["drv"] = "idle"
    /\ "tx" \in holders
    /\ DropRef("drv", "tx", "idle")
    /\ UNCHANGED <<pagev, iobusy, rpc, sent, acked, olock, old>>

DrvSteps == DTxDone \/ UnwireLoop("drv", "drv_ef", "ext", "idle")

-----------------------------------------------------------------------------
(* VM side: page daemon / vm_object_page_remove, vnode recycling, reuse.   *)
(* Truncation and vnode recycling first invalidate the file's buffers      *)
(* (vinvalbuf/vtruncbuf), which waits for the buffer lock the nfsiod holds *)
(* from the build to brelse and releases the buffer's pages; here that     *)
(* release is the nfsiod's brelse, so they run once it is done (BufHeld).  *)
(* The page daemon skips wired pages, so the guard loses nothing for it.   *)
BufHeld == pc["nfsiod"] # "done"

\* VM_OBJECT_WLOCK; vm_page_tryxbusy (the page is no longer sbusied)
VRemove ==
    /\ pc["vm"] = "idle"
    /\ ~iobusy /\ ~BufHeld
    /\ \E p \in Pages :
         /\ obj[p] = "O"
         /\ todo' = Set(todo, "vm", {p})
    /\ olock' = "vm"
    /\ pc' = Set(pc, "vm", "v_rm_chk")
    /\ UNCHANGED <<pagev, iobusy, netv, old>>

\* if (vm_page_wired(p)) skip; else vm_page_try_remove_all(p) (no mappings:
\* its fcmpset only confirms wire count 0; folded into this load)
VRmChk ==
    /\ pc["vm"] = "v_rm_chk"
    /\ LET p == Pick(todo["vm"]) IN
       IF rc[p].wires > 0
       THEN /\ pc' = Set(pc, "vm", "idle")
            /\ olock' = "None"
            /\ todo' = Set(todo, "vm", {})
       ELSE /\ pc' = Set(pc, "vm", "v_fp_ld")
            /\ UNCHANGED <<olock, todo>>
    /\ UNCHANGED <<pagev, iobusy, netv, old>>

\* vm_page_free -> free_prep: vm_page_object_remove; load ref_count
\* (KASSERT == OBJREF); m->object = NULL
VFpLd ==
    /\ pc["vm"] = "v_fp_ld"
    /\ LET p == Pick(todo["vm"]) IN
       /\ old' = Set(old, "vm", rc[p])
       /\ obj' = Set(obj, p, "None")
    /\ pc' = Set(pc, "vm", "v_fp_st")
    /\ UNCHANGED <<rc, pstate, bufw, extw, frees, uflow, iobusy, netv, olock, todo>>

\* ref_count -= OBJREF (plain store)
VFpSt ==
    /\ pc["vm"] = "v_fp_st"
    /\ LET p == Pick(todo["vm"]) IN
       /\ rc' = Set(rc, p, Sub(old["vm"], 2, 0))
       /\ uflow' = (uflow \/ SubUnder(old["vm"], 2, 0))
    /\ pc' = Set(pc, "vm", "v_fp_fin")
    /\ UNCHANGED <<obj, pstate, bufw, extw, frees, iobusy, netv, olock, locv>>

\* if (ref_count != 0) panic; vm_phys_free_pages; VM_OBJECT_WUNLOCK
VFpFin ==
    /\ pc["vm"] = "v_fp_fin"
    /\ LET p == Pick(todo["vm"]) IN
       /\ pstate' = Set(pstate, p, "free")
       /\ frees' = [frees EXCEPT ![p] = @ + 1]
    /\ pc' = Set(pc, "vm", "idle")
    /\ olock' = "None"
    /\ old' = Set(old, "vm", ZERO)
    /\ todo' = Set(todo, "vm", {})
    /\ UNCHANGED <<rc, obj, bufw, extw, uflow, iobusy, netv>>

\* vm_object_terminate (vnode recycled; waits for paging in progress):
\* for each page: p->object = NULL; if (drop(p, OBJREF) == OBJREF) free
VTerm ==
    /\ pc["vm"] = "idle"
    /\ ~iobusy /\ ~BufHeld
    /\ \E p \in Pages : obj[p] = "O"
    /\ olock' = "vm"
    /\ todo' = Set(todo, "vm", {p \in Pages : obj[p] = "O"})
    /\ pc' = Set(pc, "vm", "v_tm")
    /\ UNCHANGED <<pagev, iobusy, netv, old>>

VTmDrop ==
    /\ pc["vm"] = "v_tm"
    /\ LET p == Pick(todo["vm"])
           rest == todo["vm"] \ {p}
       IN /\ obj' = Set(obj, p, "None")
          /\ rc' = Set(rc, p, Sub(rc[p], 2, 0))
          /\ uflow' = (uflow \/ SubUnder(rc[p], 2, 0))
          /\ IF rc[p] = OBJREF
             THEN /\ pstate' = Set(pstate, p, "free")       \* free_prep folded:
                  /\ frees' = [frees EXCEPT ![p] = @ + 1]   \* nobody else refers to it
             ELSE UNCHANGED <<pstate, frees>>
          /\ todo' = Set(todo, "vm", rest)
          /\ pc' = Set(pc, "vm", IF rest = {} THEN "idle" ELSE "v_tm")
          /\ olock' = IF rest = {} THEN "None" ELSE olock
    /\ UNCHANGED <<bufw, extw, iobusy, netv, old>>

\* vm_page_alloc hands a free page to a new owner
VReuse ==
    /\ pc["vm"] = "idle"
    /\ \E p \in Pages : pstate[p] = "free" /\ pstate' = Set(pstate, p, "reused")
    /\ UNCHANGED <<rc, obj, bufw, extw, frees, uflow, iobusy, netv, olock, pc, locv>>

VmSteps == VRemove \/ VRmChk \/ VFpLd \/ VFpSt \/ VFpFin \/ VTerm \/ VTmDrop \/ VReuse

-----------------------------------------------------------------------------
Next == NfsiodSteps \/ SockSteps \/ DrvSteps \/ VmSteps

\* Fairness: the nfsiod, the driver and the ext_free/unwire work of every
\* thread progress (WF); an ACK or the teardown after a timeout eventually
\* drops the socket's copy (WF on each).  tcp_output and the VM side are
\* not forced; a VM operation once started finishes (WF).
Fairness ==
    /\ WF_vars(NfsiodSteps)
    /\ WF_vars(DrvSteps)
    /\ WF_vars(SAck) /\ WF_vars(SClose)
    /\ WF_vars(pc["sock"] # "idle" /\ SockSteps)
    /\ WF_vars(pc["drv"] # "idle" /\ DrvSteps)
    /\ WF_vars(pc["vm"] # "idle" /\ VmSteps)

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
TypeOK ==
    /\ rc \in [Pages -> RcWords]
    /\ obj \in [Pages -> {"O", "None"}]
    /\ pstate \in [Pages -> {"alloc", "free", "reused"}]
    /\ iobusy \in BOOLEAN
    /\ holders \subseteq {"rpc", "sb", "tx"}
    /\ extcnt \in Int
    /\ rpc \in {"none", "inflight", "replied", "timedout"}
    /\ sent \in BOOLEAN /\ acked \in BOOLEAN
    /\ olock \in {"vm", "None"}
    /\ old \in [Threads -> RcWords]
    /\ todo \in [Threads -> SUBSET Pages]
    /\ uflow \in BOOLEAN

\* The seed's question: no page is freed or reused while an mbuf
\* (the RPC's copy, so_snd, or the driver's copy) still references it.
NoFreeWhileMbufRef == \A p \in Pages : pstate[p] # "alloc" => holders = {}

FreedOnce == \A p \in Pages : frees[p] <= 1
NoUnderflow == ~uflow /\ extcnt >= 0
WiresMatchGhost == \A p \in Pages : rc[p].wires = bufw[p] + extw[p]
ExtRefMatches == extcnt = Cardinality(holders)

\* VP7 (as VmPage.tla's, issue 11): a page goes back to the allocator with
\* no reference left: no wiring and OBJREF cleared (vm_page_free_prep's
\* "page has references" check as a state invariant).  NoFreeWhileMbufRef
\* reads only the mbuf holders: a free_prep that leaves OBJREF set passed.
NoFreeWhileReferenced == \A p \in Pages : pstate[p] # "alloc" => rc[p] = ZERO

\* Every VM operation releases the object lock before the VM thread is idle
\* again (as VmPage.tla's, issue 11; VM_OBJECT_WUNLOCK on every path of
\* vm_object_page_remove and vm_object_terminate).  A lock kept only stops
\* later VM operations, which no other property sees.
NoLockHeldOutsideOp == olock = "vm" => pc["vm"] # "idle"

\* no leak: a page that left its object is freed once all references go
NoLeak == \A p \in Pages : (~rc[p].objref /\ pstate[p] = "alloc") ~> (pstate[p] # "alloc")

\* the write finishes: the nfsiod's brelse returns the buffer (with
\* timeouts allowed the RPC always ends; every vm_page_unwire loop of the
\* nfsiod completes).  Added for issue 11: an unwire whose fcmpset can never
\* succeed only removes behaviours, which no safety property sees.
WriteCompletes == <>(pc["nfsiod"] = "done")
=============================================================================
