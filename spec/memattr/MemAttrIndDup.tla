---------------------------- MODULE MemAttrIndDup ----------------------------
(***************************************************************************)
(* IndInvDup: the inductive invariant of MemAttr's fine Spec for Variant   *)
(* "DupAfterSleepProcessAll" (issue 13 for issue 15.3: FreeBSD 9.3 i386    *)
(* vm_machdep.c @808719858c6e sf_buf_alloc with callers that sleep, so a   *)
(* page can have two sf_bufs, and the fix in which                         *)
(* sf_buf_invalidate_cache walks on after each flush to the next sf_buf of *)
(* the page, re-entering and flushing every one).  MemAttrInd's IndInv     *)
(* excludes duplicates (NoDupMapping); IndInvDup is IndInv without         *)
(* NoDupMapping and with PteOK widened to PteOKDup below, which allows the *)
(* sf_bufs the walk has not reached yet to keep their write-back PTE.      *)
(* Every other conjunct is MemAttrInd's, unchanged.  IndInitDup            *)
(* enumerates TypeOK /\ IndInvDup as MemAttrInd's IndInit does, with       *)
(* hash chains of any order (each sf_buf of the page once).                *)
(* proofs/memattr.md explains it; MCIndDupAfterSleepProcessAllDup checks   *)
(* it (every conjunct an INVARIANT).                                       *)
(***************************************************************************)
EXTENDS MemAttrInd

\* sf_buf b of p comes after the sf_buf fb[p] the walk is at in p's hash
\* chain: the walk (LIST_FOREACH without the break) has not reached it.
Unreached(p, b) ==
    /\ fb[p] \in Bufs
    /\ \E i, j \in 1..Len(chain[p]) : i < j /\ chain[p][i] = fb[p] /\ chain[p][j] = b

PteOKDup ==
    \A b \in Bufs :
        IF bm[b] = NoPage THEN pte[b] = NoEntry
        ELSE LET p == bm[b] IN
             \/ pte[b] = Want(p)
             \/ /\ pte[b] = Entry(p, "WB")
                /\ \/ chg[p] = "lookup"
                   \/ chg[p] \in {"store", "reload"} /\ fb[p] = b
                   \/ chg[p] \in LockedStates /\ Unreached(p, b)
\* PteOK with duplicates: an sf_buf of p keeps its old WB entry until the
\* walk re-enters it, i.e. also while the walk holds sf_buf_lock at an
\* earlier sf_buf of the chain (the chain cannot change meanwhile).  The
\* walk goes from fb[p]'s flush to the next match (SfBufInvalidateFlush),
\* so the sf_bufs before fb[p] already have the new attribute.  Needed by
\* SfBufInvalidateFlush: its QenterLoaded of the next sf_buf finds the WB
\* entry and stores (PteOK would exclude the state it starts from).  A
\* second sf_buf made by SfBufAllocAfterSleep is entered with the page's
\* current attribute (MissStore) and goes first in the chain.

IndInvDup ==
    /\ TypeOK /\ Coherence /\ NoStaleDirtyLine /\ SingleWriter /\ UcFlushesWC
    /\ PatOK /\ ChangeHasNewAttr
    /\ SfBufLockOK /\ SysmapsLockOK /\ PcsOK /\ IpiOK /\ ChainNoDup
    /\ PteOKDup /\ TlbOK /\ CaddrOK
    /\ WcOK /\ OldOK /\ DirtyOld /\ DirtyIsLast /\ MemIsLast /\ CleanIsLast /\ InvalidIsZero

-----------------------------------------------------------------------------
\* The sequences listing each element of S once (a hash chain).
ChainsOf(S) == {s \in [1..Cardinality(S) -> S] : \A i, j \in 1..Cardinality(S) : i # j => s[i] # s[j]}

\* MemAttrInd's IndInit chain, with the hash chains of any order and
\* PteOKDup; NoDupMapping dropped.  Every conjunct of IndInvDup appears and
\* each is an INVARIANT of the model, so IndInitDup = TypeOK /\ IndInvDup.
IndInitDup ==
    /\ pat \in [Pages -> {"WB"} \cup NewAttrs]
    /\ chg \in [Pages -> ChgStates] /\ ChangeHasNewAttr /\ PcsOK
    /\ lk \in {"none", "alloc"} \cup Pages
    /\ fb \in [Pages -> Bufs \cup {NoBuf}]
    /\ slk \in {"none"} \cup Pages /\ SysmapsLockOK
    /\ apc \in AllocStates
    /\ ab \in Bufs \cup {NoBuf}
    /\ arec \in BOOLEAN
    /\ bm \in [Bufs -> Pages \cup {NoPage}]
    /\ chain \in {c \in [Pages -> UNION {ChainsOf(S) : S \in SUBSET Bufs}] :
                    \A p \in Pages : {c[p][i] : i \in 1..Len(c[p])} = {b \in Bufs : bm[b] = p}}
    /\ ChainNoDup
    /\ ref \in [Bufs -> 0..MaxRef] /\ SfBufLockOK
    /\ pte \in [Bufs -> Entries] /\ PteOKDup
    /\ ipi \in [CPUs -> SUBSET Bufs] /\ IpiOK
    /\ tlb \in [CPUs -> [Bufs -> Entries]] /\ TlbOK
    /\ cpte \in Entries
    /\ ctlb \in Entries /\ CaddrOK
    /\ lastWritten \in [Pages -> Vals]
    /\ cst \in [CPUs -> [Pages -> LineStates]] /\ SingleWriter
    /\ old \in [CPUs -> [Pages -> BOOLEAN]] /\ OldOK /\ DirtyOld
    /\ cval \in [CPUs -> [Pages -> Vals]] /\ InvalidIsZero /\ DirtyIsLast /\ CleanIsLast
    /\ mem \in [Pages -> Vals] /\ MemIsLast
    /\ wcb \in [CPUs -> [Pages -> UNION {WcbRange(p) : p \in Pages}]] /\ WcOK
    /\ rdExp \in [Pages -> Vals \cup {NoVal}]
    /\ rdVal = rdExp
    /\ ucPassedWc \in [CPUs -> BOOLEAN] /\ UcFlushesWC
    /\ TypeOK /\ NoStaleDirtyLine
=============================================================================
