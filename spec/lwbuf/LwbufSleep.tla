----------------------------- MODULE LwbufSleep -----------------------------
(***************************************************************************)
(* lwbuf_alloc's objcache_get(lwbuf_cache, M_WAITOK) when the cache is     *)
(* exhausted: the getter sleeps on the depot and objcache_put wakes it.    *)
(* Source: DragonFly sys/kern/kern_objcache.c @00de24de5a (objcache_get:   *)
(* with the depot spinlock held, no full magazine and unallocated_objects  *)
(* = 0, M_WAITOK does ++depot->waiting and msleep(depot, &depot->spin),    *)
(* which releases the spinlock and sleeps atomically, then retries from    *)
(* the top; objcache_put's depot paths call wakeup(depot), every sleeper,  *)
(* when depot->waiting).  Reduced to one depot holding Objs (a non-zero    *)
(* cluster_limit; lwbuf_init passes 0, unlimited, so on the shipped kernel *)
(* the bound stands for kmem_alloc_nofault failing, after which L2's       *)
(* lwbuf_alloc @1f3936d6 retries with tsleep(lwbuf_cache, hz), a timed     *)
(* sleep).  The per-CPU magazines are not modelled: their put fast path    *)
(* wakes only sleepers of the same CPU (wakeup_mycpu), see README.         *)
(*                                                                         *)
(* A thread inside objcache_get keeps pc = "idle" and obj = NoObj (Lwbuf's *)
(* refinement point); `getting` records that it has had to wait.           *)
(***************************************************************************)
EXTENDS Lwbuf

CONSTANT SleepVariant
    \* "Interlocked":  the shipped msleep(depot, &depot->spin): test and sleep in one step
    \* "TestThenSleep": the test under the lock, the lock dropped, then the sleep (a plain
    \*                  tsleep after spin_unlock): a put in between wakes nobody
ASSUME SleepVariant \in {"Interlocked", "TestThenSleep"}

VARIABLES
    getting,  \* threads that found the objcache empty and have not yet got an lwbuf
    asleep,   \* threads asleep on the depot (msleep), a subset of getting
    decided   \* TestThenSleep: threads that saw the cache empty and will sleep without a re-test

sleepVars == <<getting, asleep, decided>>
svars == <<vars, sleepVars>>

SleepTypeOK ==
    /\ TypeOK
    /\ getting \subseteq Threads /\ asleep \subseteq getting /\ decided \subseteq getting
    /\ asleep \cap decided = {}
    /\ \A t \in getting : pc[t] = "idle" /\ obj[t] = NoObj

SleepInit == Init /\ getting = {} /\ asleep = {} /\ decided = {}

\* objcache_get: an object is free (hot path or depot), or the woken thread's retry finds one.
\* lwbuf_alloc's Alloc from there on.  A thread that decided to sleep does not re-test.
AllocS(t, o, p) ==
    /\ t \notin asleep \cup decided
    /\ Alloc(t, o, p)
    /\ getting' = getting \ {t}
    /\ UNCHANGED <<asleep, decided>>

\* objcache_get (kern_objcache.c @00de24de), Interlocked: depot spinlock held, cache empty,
\* ++depot->waiting; msleep(depot, &depot->spin, 0, "objcache_get", 0) releases the spinlock and
\* sleeps in one step.
GetSleep(t) ==
    /\ SleepVariant = "Interlocked"
    /\ pc[t] = "idle" /\ obj[t] = NoObj /\ t \notin asleep
    /\ cache = {}
    /\ getting' = getting \cup {t}
    /\ asleep' = asleep \cup {t}
    /\ UNCHANGED <<vars, decided>>

\* objcache_get, TestThenSleep: the empty test under the spinlock, then spin_unlock ...
GetTest(t) ==
    /\ SleepVariant = "TestThenSleep"
    /\ pc[t] = "idle" /\ obj[t] = NoObj /\ t \notin asleep \cup decided
    /\ cache = {}
    /\ getting' = getting \cup {t}
    /\ decided' = decided \cup {t}
    /\ UNCHANGED <<vars, asleep>>

\* ... and tsleep(depot) without re-testing (an objcache_put in between woke nobody).
GetSleepLate(t) ==
    /\ t \in decided
    /\ asleep' = asleep \cup {t}
    /\ decided' = decided \ {t}
    /\ UNCHANGED <<vars, getting>>

\* lwbuf_free's objcache_put (kern_objcache.c @00de24de): the object back in the depot, then
\* wakeup(depot): every sleeper is woken and retries objcache_get from the top.
FreeS(t) ==
    /\ Free(t)
    /\ asleep' = {}
    /\ UNCHANGED <<getting, decided>>

\* Lwbuf's other actions with the ghosts unchanged (named <action>S, as the explorer names them).
\* A thread inside objcache_get receives no handoff and, LWKT, does not migrate while it waits
\* (DragonFly threads migrate only between calls, kernel-brief §2.5.4).
Waiting(t) == t \in getting \cup decided
AllocInvlpgS(t)    == AllocInvlpg(t) /\ UNCHANGED sleepVars
AllocPteS(t)       == AllocPte(t) /\ UNCHANGED sleepVars
KvaS(t)            == Kva(t) /\ UNCHANGED sleepVars
KvaCheckS(t)       == KvaCheck(t) /\ UNCHANGED sleepVars
KvaSlowInvlpgS(t)  == KvaSlowInvlpg(t) /\ UNCHANGED sleepVars
KvaSlowOrS(t)      == KvaSlowOr(t) /\ UNCHANGED sleepVars
SetGlobalS(t)      == SetGlobal(t) /\ UNCHANGED sleepVars
SetGlobalSyncS(t)  == SetGlobalSync(t) /\ UNCHANGED sleepVars
SetGlobalInvlpgS(t) == SetGlobalInvlpg(t) /\ UNCHANGED sleepVars
SetGlobalIpiS(t)   == SetGlobalIpi(t) /\ UNCHANGED sleepVars
SetGlobalWaitS(t)  == SetGlobalWait(t) /\ UNCHANGED sleepVars
SetGlobalStoreS(t) == SetGlobalStore(t) /\ UNCHANGED sleepVars
AccessS(t)         == Access(t) /\ UNCHANGED sleepVars
HandOffS(t, u)     == HandOff(t, u) /\ ~Waiting(u) /\ UNCHANGED sleepVars
MigrateS(t, c)     == Migrate(t, c) /\ ~Waiting(t) /\ UNCHANGED sleepVars
TLBFillS(c, o)     == TLBFill(c, o) /\ UNCHANGED sleepVars
TLBEvictS(c, o)    == TLBEvict(c, o) /\ UNCHANGED sleepVars
IPIAckS(c, o)      == IPIAck(c, o) /\ UNCHANGED sleepVars

\* A thread's steps inside lwbuf_alloc / lwbuf_kva / lwbuf_set_global after their first.
InOpStep(t) ==
    \/ AllocInvlpgS(t) \/ AllocPteS(t)
    \/ KvaCheckS(t) \/ KvaSlowInvlpgS(t) \/ KvaSlowOrS(t)
    \/ SetGlobalSyncS(t) \/ SetGlobalInvlpgS(t) \/ SetGlobalIpiS(t) \/ SetGlobalWaitS(t) \/ SetGlobalStoreS(t)

SleepNext ==
    \/ \E t \in Threads, o \in Objs, p \in Pages : AllocS(t, o, p)
    \/ \E t \in Threads :
          \/ GetSleep(t) \/ GetTest(t) \/ GetSleepLate(t) \/ FreeS(t)
          \/ AllocInvlpgS(t) \/ AllocPteS(t)
          \/ KvaS(t) \/ KvaCheckS(t) \/ KvaSlowInvlpgS(t) \/ KvaSlowOrS(t)
          \/ SetGlobalS(t) \/ SetGlobalSyncS(t) \/ SetGlobalInvlpgS(t) \/ SetGlobalIpiS(t)
          \/ SetGlobalWaitS(t) \/ SetGlobalStoreS(t)
          \/ AccessS(t)
    \/ \E t, u \in Threads : HandOffS(t, u)
    \/ \E t \in Threads, c \in CPUs : MigrateS(t, c)
    \/ \E c \in CPUs, o \in Objs : TLBFillS(c, o) \/ TLBEvictS(c, o) \/ IPIAckS(c, o)

\* The fairness the kernel provides: a thread inside an lwbuf call keeps running (weak), the
\* shootdown IPIs are handled (weak), every holder eventually calls lwbuf_free (weak; the lwbuf(9)
\* client contract), a sleeper that was told to sleep does (weak).  objcache_get hands a freed
\* object to whichever getter runs first (no FIFO), so a woken getter can lose the race to a new
\* caller forever: its retry is strongly fair (SF), the scheduler's promise, not objcache's.
\* A fresh lwbuf_alloc is never obligated (else a new caller would free the lost sleeper).
SleepFairness ==
    /\ \A t \in Threads :
          /\ WF_svars(InOpStep(t))
          /\ WF_svars(FreeS(t))
          /\ WF_svars(GetSleepLate(t))
          /\ SF_svars(t \in getting /\ \E o \in Objs, p \in Pages : AllocS(t, o, p))
    /\ \A c \in CPUs, o \in Objs : WF_svars(IPIAckS(c, o))

SleepSpec == SleepInit /\ [][SleepNext]_svars /\ SleepFairness

-----------------------------------------------------------------------------
\* No lost wakeup (state form): nobody sleeps on the depot while an object is free.
NoSleepWhileFree == asleep # {} => cache = {}

\* Liveness: every thread that had to wait in objcache_get eventually gets an lwbuf.
AllocEventuallySucceeds == \A t \in Threads : (t \in getting) ~> (t \notin getting)
=============================================================================
