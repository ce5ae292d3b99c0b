----------------------------- MODULE MemAttrInd -----------------------------
(***************************************************************************)
(* The inductive invariant of MemAttr's fine-grained Spec (issue 13):      *)
(* IndInv = TypeOK /\ Coherence /\ NoStaleDirtyLine /\ SingleWriter /\     *)
(* UcFlushesWC /\ the strengthening conjuncts below.  proofs/memattr.md    *)
(* argues, per action of Next, why each conjunct is preserved; the MCInd*  *)
(* models check it:                                                        *)
(* Init == IndInit (= TypeOK /\ IndInv, enumerated variable by variable so *)
(* TLC prunes early), one step of Next, every conjunct an INVARIANT.       *)
(*                                                                         *)
(* Scope: the shipped code (Variant "Fixed", and the FlushBeforeReenter    *)
(* reordering that also passes), any SelfSnoop / HasClflush, and models    *)
(* whose NewAttrs is one memory type other than WB (every model in the     *)
(* manifest): a page's attribute changes at most once, from WB.            *)
(***************************************************************************)
EXTENDS MemAttr, Randomization

\* The steps of pmap_page_set_memattr's caller that hold sf_buf_lock (lk = p).
LockedStates == {"reload", "store", "invl", "ipi", "wait", "flush"}
\* The steps inside pmap_flush_page that hold KCpu's sysmaps lock (slk = p).
FpStates     == {"fpEnter", "fpInvl", "fpFlush", "fpClear"}

\* The caller of pmap_page_set_memattr(p) has not yet passed the flush that
\* removes every line of p (sf_buf_invalidate_cache's clflush / wbinvd, or
\* pmap_flush_page's); reordered (FlushBeforeReenter) the flush is the
\* lookup step itself, so only "lookup" and the fallback path precede it.
\* On a self-snoop CPU the kernel flushes nothing: every state counts.
FlushPending(p) ==
    \/ SelfSnoop
    \/ chg[p] \in {"lookup", "fallback", "fpEnter", "fpInvl", "fpFlush"}
    \/ Variant # "FlushBeforeReenter" /\ chg[p] \in LockedStates

-----------------------------------------------------------------------------
(* Attributes                                                              *)
-----------------------------------------------------------------------------
PatOK == \A p \in Pages : pat[p] \in {"WB"} \cup NewAttrs
\* Every page starts WB (pmap_page_init) and changes at most once: a page
\* whose change is under way already has its new pat_mode.  Without it a
\* state with pat = WB and chg # idle would let a line filled "before the
\* change" escape the old marking (PmapPageSetMemattr would not have run).
ChangeHasNewAttr == \A p \in Pages : chg[p] # "idle" => pat[p] \in NewAttrs

-----------------------------------------------------------------------------
(* Locks and program counters                                              *)
-----------------------------------------------------------------------------
\* sf_buf_lock is held by the sf_buf client exactly while its miss is in
\* progress, and by p's caller exactly in the LockedStates; the found
\* sf_buf fb[p] maps p while it is held (nobody can rehash it meanwhile).
SfBufLockOK ==
    /\ (apc # "idle") <=> (lk = "alloc")
    /\ (apc = "idle") <=> (ab = NoBuf)
    /\ apc = "idle" => ~arec
    /\ apc # "idle" => ref[ab] = 1 /\ (arec <=> bm[ab] = NoPage)
    /\ \A p \in Pages :
          /\ (chg[p] \in LockedStates) <=> (lk = p)
          /\ IF chg[p] \in LockedStates THEN fb[p] \in Bufs /\ bm[fb[p]] = p
                                        ELSE fb[p] = NoBuf
\* KCpu's sysmaps lock is held exactly inside pmap_flush_page.
SysmapsLockOK == \A p \in Pages : (chg[p] \in FpStates) <=> (slk = p)

\* The steps this configuration can be at: "reload" exists only in the
\* FlushBeforeReenter reordering, the clflush path of pmap_flush_page only
\* with CLFSH, no flush step and no fallback when the kernel skips flushes.
PcsOK ==
    \A p \in Pages :
        /\ chg[p] = "reload" => Variant = "FlushBeforeReenter"
        /\ chg[p] \in FpStates => HasClflush
        /\ chg[p] \in {"flush", "fallback"} \cup FpStates => ~KernelSkipsFlush

\* A shootdown IPI is pending only while its sender waits for it, and only
\* on a remote CPU: the miss of sf_buf ab, or the re-entry of fb[p].
IpiOK ==
    \A c \in CPUs, b \in Bufs : b \in ipi[c] =>
        /\ c \in Remote
        /\ \/ apc = "wait" /\ ab = b
           \/ \E p \in Pages : chg[p] = "wait" /\ fb[p] = b

\* sf_buf_alloc's miss requires that no sf_buf maps the page: one sf_buf
\* per page.  (DupAfterSleep, the sleeper that does not search the hash
\* again, breaks exactly this.)
NoDupMapping == \A b1, b2 \in Bufs : bm[b1] = bm[b2] /\ bm[b1] \in Pages => b1 = b2

\* A hash chain lists each of its sf_bufs once (LIST_REMOVE before every
\* LIST_INSERT_HEAD); TypeOK already ties its elements to bm.
ChainNoDup == \A p \in Pages : Len(chain[p]) = Cardinality({b \in Bufs : bm[b] = p})

-----------------------------------------------------------------------------
(* Page tables and TLBs                                                    *)
-----------------------------------------------------------------------------
\* A hashed sf_buf's PTE maps its page with the page's pat_mode, except
\* while p's caller has not yet re-entered it (the old WB entry during
\* "lookup", or "store"/"reload" for the sf_buf it found); an unhashed
\* sf_buf's KVA maps no tracked page.
PteOK ==
    \A b \in Bufs :
        IF bm[b] = NoPage THEN pte[b] = NoEntry
        ELSE LET p == bm[b] IN
             \/ pte[b] = Want(p)
             \/ /\ pte[b] = Entry(p, "WB")
                /\ \/ chg[p] = "lookup"
                   \/ chg[p] \in {"store", "reload"} /\ fb[p] = b

\* A TLB entry of an sf_buf's KVA is empty, equal to the PTE, or stale only
\* while the shootdown that will remove it is in progress: a miss's (the
\* local invlpg not yet done on KCpu; on a remote CPU until it handled the
\* IPI) or the re-entry's (the old WB entry of p, the same rule).
StaleUntilShootdown(c, b) ==
    \/ /\ apc # "idle" /\ ab = b
       /\ c = KCpu => apc = "invl"
       /\ apc = "wait" => b \in ipi[c]
    \/ \E p \in Pages :
          /\ fb[p] = b /\ chg[p] \in {"invl", "ipi", "wait"}
          /\ tlb[c][b] = Entry(p, "WB")
          /\ c = KCpu => chg[p] = "invl"
          /\ chg[p] = "wait" => b \in ipi[c]
TlbOK ==
    \A c \in CPUs, b \in Bufs :
        tlb[c][b] \in {NoEntry, pte[b]} \/ StaleUntilShootdown(c, b)

\* CMAP2 is clear outside pmap_flush_page (every user clears it before
\* unlocking); KCpu's cached CADDR2 translation is one CMAP2 held, i.e. a
\* page's new (non-WB) attribute, which does not change again.
\* pmap_flush_page's CMAP2 maps p from its store until it is cleared, and
\* the clflush loop translates CADDR2 to p: KCpu's entry was invalidated
\* (invlcaddr) and can only have been refilled from CMAP2.
CaddrOK ==
    /\ slk = "none" => cpte = NoEntry
    /\ ctlb # NoEntry => ctlb = Want(ctlb.pg) /\ pat[ctlb.pg] # "WB"
    /\ \A p \in Pages :
          /\ chg[p] = "fpEnter" => cpte = NoEntry
          /\ chg[p] \in {"fpInvl", "fpFlush", "fpClear"} => cpte = Want(p)
          /\ chg[p] = "fpFlush" => ctlb \in {NoEntry, cpte}

-----------------------------------------------------------------------------
(* Caches and values                                                       *)
-----------------------------------------------------------------------------
\* A CPU's pending WC write is to a page mapped WC, which no caller is
\* changing (pmap_page_set_memattr requires the page's WC buffers empty).
WcOK ==
    \A c \in CPUs, p \in Pages : wcb[c][p] # NoVal => pat[p] = "WC" /\ chg[p] = "idle"

\* The ghost old marks only present lines of a page that is no longer WB.
OldOK == \A c \in CPUs, p \in Pages : old[c][p] => cst[c][p] # "I" /\ pat[p] # "WB"

\* Without self-snoop, a dirty line of a page that is no longer WB was
\* there when the attribute changed (old) and the caller has not yet passed
\* its flush.  (With self-snoop, UC/WC bus transactions snoop it anyway.)
DirtyOld ==
    \A c \in CPUs, p \in Pages :
        cst[c][p] = "D" /\ pat[p] # "WB" => old[c][p] /\ FlushPending(p)

\* The dirty copy holds the last globally performed write; without one,
\* RAM does.
DirtyIsLast == \A p \in Pages : HasDirty(p) => DirtyVal(p) = lastWritten[p]
MemIsLast   == \A p \in Pages : ~HasDirty(p) => mem[p] = lastWritten[p]

\* A clean line holds the last write while the page is WB, or always with
\* self-snoop.  Without self-snoop a UC/WC write leaves the writer's own
\* line stale; such a line is never read: no usable WB translation of the
\* page exists once it is not WB (PteOK, TlbOK).
CleanIsLast ==
    \A c \in CPUs, p \in Pages :
        cst[c][p] = "C" /\ (pat[p] = "WB" \/ SelfSnoop) => cval[c][p] = lastWritten[p]

\* An invalid line holds 0 (a normal form: every invalidation stores 0).
InvalidIsZero == \A c \in CPUs, p \in Pages : cst[c][p] = "I" => cval[c][p] = 0

IndInv ==
    /\ TypeOK /\ Coherence /\ NoStaleDirtyLine /\ SingleWriter /\ UcFlushesWC
    /\ PatOK /\ ChangeHasNewAttr
    /\ SfBufLockOK /\ SysmapsLockOK /\ PcsOK /\ IpiOK /\ NoDupMapping /\ ChainNoDup
    /\ PteOK /\ TlbOK /\ CaddrOK
    /\ WcOK /\ OldOK /\ DirtyOld /\ DirtyIsLast /\ MemIsLast /\ CleanIsLast /\ InvalidIsZero

-----------------------------------------------------------------------------
(* IndInit == TypeOK /\ IndInv, written so that TLC chooses one variable   *)
(* at a time and tests the conjuncts that mention only chosen variables    *)
(* right after it.  Every conjunct of IndInv appears, and each is also an  *)
(* INVARIANT of the models, so a state outside IndInv would be reported:   *)
(* IndInit and TypeOK /\ IndInv are equal.                                 *)
-----------------------------------------------------------------------------
\* The WC buffer values a page admits under WcOK.
WcbRange(p) == IF pat[p] = "WC" /\ chg[p] = "idle" THEN Vals \cup {NoVal} ELSE {NoVal}

\* The chain, parametrised by Draw(k, S): the candidates offered for a
\* variable of type S (k: how many a sampled run draws).
IndInitWith(Draw(_, _)) ==
    /\ pat \in [Pages -> {"WB"} \cup NewAttrs]
    /\ chg \in Draw(6, [Pages -> ChgStates]) /\ ChangeHasNewAttr /\ PcsOK
    /\ lk \in {"none", "alloc"} \cup Pages
    /\ fb \in [Pages -> Bufs \cup {NoBuf}]
    /\ slk \in {"none"} \cup Pages /\ SysmapsLockOK
    /\ apc \in AllocStates
    /\ ab \in Bufs \cup {NoBuf}
    /\ arec \in BOOLEAN
    /\ bm \in [Bufs -> Pages \cup {NoPage}] /\ NoDupMapping
    \* with NoDupMapping a chain has at most one sf_buf: these are all candidates
    /\ chain \in [Pages -> {<<>>} \cup {<<b>> : b \in Bufs}]
    /\ \A p \in Pages : {chain[p][i] : i \in 1..Len(chain[p])} = {b \in Bufs : bm[b] = p}
    /\ ChainNoDup
    /\ ref \in [Bufs -> 0..MaxRef] /\ SfBufLockOK
    /\ pte \in [Bufs -> Entries] /\ PteOK
    /\ ipi \in [CPUs -> SUBSET Bufs] /\ IpiOK
    /\ tlb \in Draw(40, [CPUs -> [Bufs -> Entries]]) /\ TlbOK
    /\ cpte \in Entries
    /\ ctlb \in Entries /\ CaddrOK
    /\ lastWritten \in Draw(1, [Pages -> Vals])
    /\ cst \in Draw(3, [CPUs -> [Pages -> LineStates]]) /\ SingleWriter
    /\ old \in Draw(2, [CPUs -> [Pages -> BOOLEAN]]) /\ OldOK /\ DirtyOld
    /\ cval \in [CPUs -> [Pages -> Vals]] /\ InvalidIsZero /\ DirtyIsLast /\ CleanIsLast
    /\ mem \in [Pages -> Vals] /\ MemIsLast
    \* a WC write can be pending only to a page mapped WC (WcOK): the range
    \* offered is the union over the pages, and WcOK filters it exactly
    /\ wcb \in Draw(2, [CPUs -> [Pages -> UNION {WcbRange(p) : p \in Pages}]]) /\ WcOK
    /\ rdExp \in Draw(1, [Pages -> Vals \cup {NoVal}])
    \* Coherence (rdVal[p] = rdExp[p] for every page) is rdVal = rdExp
    /\ rdVal = rdExp
    /\ ucPassedWc \in [CPUs -> BOOLEAN] /\ UcFlushesWC
    /\ TypeOK /\ NoStaleDirtyLine

\* Every candidate.
All(k, S) == S
IndInit == IndInitWith(All)

-----------------------------------------------------------------------------
(* IndInitSampled: random states of TypeOK /\ IndInv at larger constants, *)
(* for TLC's simulation mode (manifest mode "inductive-sampled").  The     *)
(* same chain, but each variable is chosen among Pick(k, S): k random      *)
(* candidates of its type (all of them when there are at most k), kept     *)
(* only if the conjuncts tested after it hold.  Every state it yields is   *)
(* in TypeOK /\ IndInv (the conjuncts are the same and are INVARIANTs of   *)
(* the model); not every such state can be drawn in one run.               *)
-----------------------------------------------------------------------------
Pick(k, S) == IF Cardinality(S) <= k THEN S ELSE RandomSubset(k, S)
IndInitSampled == IndInitWith(Pick)

\* Counting the universe only (no step).
Stay == UNCHANGED vars

\* The inductive check: every IndInv state, one step of Next.
IndSpec == IndInit /\ [][Next]_vars
=============================================================================
