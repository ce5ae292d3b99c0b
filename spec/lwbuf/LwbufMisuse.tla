----------------------------- MODULE LwbufMisuse -----------------------------
(***************************************************************************)
(* A buggy lwbuf(9) client on the shipped kernel code (Variant "DoubleFree": *)
(* Fixed's lwbuf code): after lwbuf_free it keeps the pointer and may call *)
(* lwbuf_free on it again.  L2 sys/cpu/i386/misc/lwbuf.c @1f3936d6 (and L1  *)
(* @c07315c4) lwbuf_free begins with KKASSERT(lwb->m != NULL): if nobody   *)
(* re-allocated the lwbuf the second free panics (NoAssertionFailure); if  *)
(* another thread got it meanwhile, m is that thread's page, the KASSERT   *)
(* holds and the stale free returns an lwbuf in use to the objcache        *)
(* (NoDoubleOwner, OwnedImpliesMapped), and the owner's own lwbuf_free     *)
(* then panics.  A panic halts the machine: no step follows it.            *)
(*                                                                         *)
(* lwbuf_alloc's KKASSERT(lwb->m == NULL) stays unreachable even here:     *)
(* (objects of o in the cache) + (lm[o] # NoPage ? 1 : 0) <= 1 holds       *)
(* initially and every lwbuf_free that passes its KASSERT keeps it.        *)
(***************************************************************************)
EXTENDS Lwbuf

ASSUME Variant = "DoubleFree"

VARIABLES
    stale,    \* stale[t]: the lwbuf t freed last and still points to (NoObj: none)
    kassert   \* ghost: the KASSERTs that fired ({} until the panic)

misVars == <<stale, kassert>>
mvars == <<vars, misVars>>

\* After a panic nothing runs: every action below requires Up.
Up == kassert = {}

MisuseTypeOK ==
    /\ TypeOK
    /\ stale \in [Threads -> Objs \cup {NoObj}]
    /\ kassert \subseteq {"lwbuf_free: KKASSERT(lwb->m != NULL)"}

MisuseInit == Init /\ stale = [t \in Threads |-> NoObj] /\ kassert = {}

\* lwbuf_free of the lwbuf t holds, whose m is set (the KASSERT, L1 142 [L2 141], holds): Lwbuf's
\* Free; the client keeps the pointer.
FreeM(t) ==
    /\ Up
    /\ pc[t] = "holding" /\ lm[obj[t]] # NoPage
    /\ Free(t)
    /\ stale' = [stale EXCEPT ![t] = obj[t]]
    /\ UNCHANGED kassert

\* lwbuf_free through the stale pointer of a lwbuf another thread re-allocated: the KASSERT
\* holds (m is the new owner's page); m = NULL, cpumask = 0, objcache_put of a lwbuf in use.
StaleFree(t) ==
    /\ Up
    /\ pc[t] = "idle" /\ obj[t] = NoObj /\ stale[t] # NoObj
    /\ LET o == stale[t] IN
       /\ lm[o] # NoPage
       /\ cache' = cache \cup {o}
       /\ lm' = [lm EXCEPT ![o] = NoPage]
       /\ mask' = [mask EXCEPT ![o] = {}]
    /\ stale' = [stale EXCEPT ![t] = NoObj]
    /\ UNCHANGED <<pte, tlb, ipi, tcpu, pc, obj, want, synced, glob, seen, kcpu, kassert>>

\* lwbuf_free of a lwbuf whose m is NULL (KKASSERT(lwb->m != NULL), L1 142 [L2 141]): through a stale
\* pointer, or by the owner after a stale free.  The kernel panics; the state is the one before
\* the call, with the KASSERT recorded.
Panic(t) ==
    /\ Up
    /\ \/ pc[t] = "holding" /\ lm[obj[t]] = NoPage
       \/ pc[t] = "idle" /\ obj[t] = NoObj /\ stale[t] # NoObj /\ lm[stale[t]] = NoPage
    /\ kassert' = {"lwbuf_free: KKASSERT(lwb->m != NULL)"}
    /\ UNCHANGED <<vars, stale>>

\* lwbuf_alloc: the client's pointer now names the new lwbuf.
AllocM(t, o, p) == Up /\ Alloc(t, o, p) /\ stale' = [stale EXCEPT ![t] = NoObj] /\ UNCHANGED kassert

\* Lwbuf's other actions with the ghosts unchanged (named <action>M, as the explorer names them).
AllocInvlpgM(t)     == Up /\ AllocInvlpg(t) /\ UNCHANGED misVars
AllocPteM(t)        == Up /\ AllocPte(t) /\ UNCHANGED misVars
KvaM(t)             == Up /\ Kva(t) /\ UNCHANGED misVars
KvaCheckM(t)        == Up /\ KvaCheck(t) /\ UNCHANGED misVars
KvaSlowInvlpgM(t)   == Up /\ KvaSlowInvlpg(t) /\ UNCHANGED misVars
KvaSlowOrM(t)       == Up /\ KvaSlowOr(t) /\ UNCHANGED misVars
SetGlobalM(t)       == Up /\ SetGlobal(t) /\ UNCHANGED misVars
SetGlobalSyncM(t)   == Up /\ SetGlobalSync(t) /\ UNCHANGED misVars
SetGlobalInvlpgM(t) == Up /\ SetGlobalInvlpg(t) /\ UNCHANGED misVars
SetGlobalIpiM(t)    == Up /\ SetGlobalIpi(t) /\ UNCHANGED misVars
SetGlobalWaitM(t)   == Up /\ SetGlobalWait(t) /\ UNCHANGED misVars
SetGlobalStoreM(t)  == Up /\ SetGlobalStore(t) /\ UNCHANGED misVars
AccessM(t)          == Up /\ Access(t) /\ UNCHANGED misVars
HandOffM(t, u)      == Up /\ HandOff(t, u) /\ UNCHANGED misVars
MigrateM(t, c)      == Up /\ Migrate(t, c) /\ UNCHANGED misVars
TLBFillM(c, o)      == Up /\ TLBFill(c, o) /\ UNCHANGED misVars
TLBEvictM(c, o)     == Up /\ TLBEvict(c, o) /\ UNCHANGED misVars
IPIAckM(c, o)       == Up /\ IPIAck(c, o) /\ UNCHANGED misVars

MisuseNext ==
    \/ \E t \in Threads, o \in Objs, p \in Pages : AllocM(t, o, p)
    \/ \E t \in Threads :
          \/ FreeM(t) \/ StaleFree(t) \/ Panic(t)
          \/ AllocInvlpgM(t) \/ AllocPteM(t)
          \/ KvaM(t) \/ KvaCheckM(t) \/ KvaSlowInvlpgM(t) \/ KvaSlowOrM(t)
          \/ SetGlobalM(t) \/ SetGlobalSyncM(t) \/ SetGlobalInvlpgM(t) \/ SetGlobalIpiM(t)
          \/ SetGlobalWaitM(t) \/ SetGlobalStoreM(t)
          \/ AccessM(t)
    \/ \E t, u \in Threads : HandOffM(t, u)
    \/ \E t \in Threads, c \in CPUs : MigrateM(t, c)
    \/ \E c \in CPUs, o \in Objs : TLBFillM(c, o) \/ TLBEvictM(c, o) \/ IPIAckM(c, o)

MisuseSpec == MisuseInit /\ [][MisuseNext]_mvars

\* No KASSERT fired.
NoAssertionFailure == kassert = {}
=============================================================================
