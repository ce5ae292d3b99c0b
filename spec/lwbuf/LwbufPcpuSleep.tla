--------------------------- MODULE LwbufPcpuSleep ---------------------------
(***************************************************************************)
(* LwbufPcpu.tla (L4, per-CPU free lists) with lwbuf_alloc's sleep and     *)
(* lwbuf_free's wakeup, read in DragonFly sys/cpu/i386/misc/lwbuf.c, the   *)
(* 2010 per-CPU version (index id 35681147534; the index names no commit   *)
(* for it, its only named revision of the path, c07315c4, is the later     *)
(* objcache version that dropped the per-CPU lists: Lwbuf.tla/LwbufSleep). *)
(*                                                                         *)
(* lwbuf_alloc @L4: crit_enter_gd; while the CPU's list is empty: if       *)
(* lwbuf_initpages fails (no KVA) tsleep(&gd->gd_lwbuf_fpages); retry.     *)
(* lwbuf_free @L4 on the home CPU: a surplus lwbuf (gd_lwbuf_count >        *)
(* LWBUF_BOOT_PAGES) is kmem_free'd, waking nobody; else it is pushed and  *)
(* `if (gd->gd_lwbuf_count++ == 0) wakeup_one(&gd->gd_lwbuf_fpages)`.       *)
(* The list test, the failed grow and the tsleep run in the critical       *)
(* section on the sleeper's CPU, and every push on that list (lwbuf_free   *)
(* or lwbuf_free_remote) runs on the same CPU in its critical section, so  *)
(* test-and-sleep is one step against the wakeup (no lost wakeup there).   *)
(* tsleep gives up the CPU (the critical section is per thread): other     *)
(* threads run while it sleeps.  A KVA kmem_free returns between the       *)
(* failed grow and the tsleep wakes nobody either, so folding it is exact  *)
(* for the wakeups.  A thread inside lwbuf_alloc keeps pc = "idle".        *)
(***************************************************************************)
EXTENDS LwbufPcpu

CONSTANT WakeVariant
    \* "Shipped":   wakeup_one only when a push takes gd_lwbuf_count from 0 to 1
    \* "EveryPush": wakeup_one on every push onto the list (not a kernel revision: the smallest
    \*              change to L4 that the liveness property accepts; the kernel instead went back
    \*              to objcache_get(M_WAITOK), c07315c4, whose sleep LwbufSleep.tla models)
ASSUME WakeVariant \in {"Shipped", "EveryPush"}

VARIABLES
    getting,  \* threads inside lwbuf_alloc that have had to sleep and not yet got an lwbuf
    sleepq    \* sleepq[c] = threads asleep on &gd->gd_lwbuf_fpages of CPU c, oldest first: tsleep
              \* appends to its CPU's gd_tsleep_hash bucket (TAILQ_INSERT_TAIL), wakeup_one wakes
              \* the first sleeper on the ident (kern_synch.c, 2010)

sleepVars == <<getting, sleepq>>
svars == <<vars, sleepVars>>

asleep == {t \in Threads : \E c \in CPUs : \E i \in 1..Len(sleepq[c]) : sleepq[c][i] = t}

SleepTypeOK ==
    /\ TypeOK /\ getting \subseteq Threads /\ asleep \subseteq getting
    /\ sleepq \in [CPUs -> Seq(Threads)]
    /\ \A c \in CPUs : \A i \in 1..Len(sleepq[c]) : tcpu[sleepq[c][i]] = c

SleepInit == Init /\ getting = {} /\ sleepq = [c \in CPUs |-> <<>>]

\* lwbuf_alloc @L4, the list (or a grow) has an lwbuf: LwbufPcpu's Alloc; it returns.
AllocS(t, p) ==
    /\ t \notin asleep
    /\ Alloc(t, p)
    /\ getting' = getting \ {t}
    /\ UNCHANGED sleepq

\* lwbuf_alloc @L4: the list is empty and lwbuf_initpages finds no KVA: tsleep.
AllocSleep(t) ==
    /\ pc[t] = "idle" /\ t \notin asleep
    /\ fpages[tcpu[t]] = <<>> /\ kfree = {}
    /\ getting' = getting \cup {t}
    /\ sleepq' = [sleepq EXCEPT ![tcpu[t]] = Append(@, t)]
    /\ UNCHANGED vars

\* lwbuf_free @L4 on home CPU c pushing onto an empty list (gd_lwbuf_count 0 -> 1): wakeup_one
\* wakes the oldest sleeper of c (EveryPush: on every push); any other push, and every kmem_free of a surplus lwbuf, wakes
\* nobody.
WakeOnPush(c, pushes) ==
    IF pushes /\ (fpages[c] = <<>> \/ WakeVariant = "EveryPush") /\ sleepq[c] # <<>>
    THEN sleepq' = [sleepq EXCEPT ![c] = Tail(@)]
    ELSE UNCHANGED sleepq

\* Free(t) pushes iff it runs on the home CPU and the list holds at most Reserve (HomeFree).
FreeS(t) ==
    /\ Free(t)
    /\ WakeOnPush(tcpu[t], tcpu[t] = home[kv[t]] /\ Len(fpages[tcpu[t]]) <= Reserve)
    /\ UNCHANGED getting

IpiqProcessS(c, k) ==
    /\ IpiqProcess(c, k)
    /\ WakeOnPush(c, Len(fpages[c]) <= Reserve)
    /\ UNCHANGED getting

\* A thread inside lwbuf_alloc is no new kmem_alloc caller and does not migrate.
KmemAllocS(t, p)   == KmemAlloc(t, p) /\ t \notin getting /\ UNCHANGED sleepVars
KmemAllocFailS(t)  == KmemAllocFail(t) /\ t \notin getting /\ UNCHANGED sleepVars
MigrateS(t, c)     == Migrate(t, c) /\ t \notin getting /\ UNCHANGED sleepVars
AllocInvlpgOrS(t)  == AllocInvlpgOr(t) /\ UNCHANGED sleepVars
KvaS(t)            == Kva(t) /\ UNCHANGED sleepVars
KvaInvlpgS(t)      == KvaInvlpg(t) /\ UNCHANGED sleepVars
KvaOrS(t)          == KvaOr(t) /\ UNCHANGED sleepVars
AccessS(t)         == Access(t) /\ UNCHANGED sleepVars
KfStepS(a)         == (KfClear(a) \/ KfInvlpg(a) \/ KfIpi(a) \/ KfWait(a) \/ KfRelease(a)) /\ UNCHANGED sleepVars
TLBFillS(c, k)     == TLBFill(c, k) /\ UNCHANGED sleepVars
TLBEvictS(c, k)    == TLBEvict(c, k) /\ UNCHANGED sleepVars
IPIAckS(c, k)      == IPIAck(c, k) /\ UNCHANGED sleepVars

\* A woken sleeper's retry of the loop: it gets an lwbuf (AllocS) or sleeps again.
RetryGet(t) == t \in getting /\ \E p \in LwbufPages : AllocS(t, p)
RetrySleep(t) == t \in getting /\ AllocSleep(t)

SleepNext ==
    \/ \E t \in Threads, p \in LwbufPages : AllocS(t, p)
    \/ \E t \in Threads, p \in KmemPages : KmemAllocS(t, p) \/ KmemAllocFailS(t)
    \/ \E t \in Threads :
          \/ AllocSleep(t) \/ FreeS(t)
          \/ AllocInvlpgOrS(t) \/ KvaS(t) \/ KvaInvlpgS(t) \/ KvaOrS(t) \/ AccessS(t)
    \/ \E a \in Agents : KfStepS(a)
    \/ \E c \in CPUs, k \in Kvas : IpiqProcessS(c, k)
    \/ \E t \in Threads, c \in CPUs : MigrateS(t, c)
    \/ \E c \in CPUs, k \in Kvas : TLBFillS(c, k) \/ TLBEvictS(c, k) \/ IPIAckS(c, k)

\* The fairness the kernel gives: a thread inside an lwbuf call keeps running (weak: its
\* AllocInvlpgOr, lwbuf_kva's slow path, kmem_free's steps, a woken sleeper's re-sleep), every
\* holder eventually calls lwbuf_free (weak: the lwbuf(9) client contract), each CPU drains its
\* passive-IPI queue and handles shootdown IPIs (weak).  A woken sleeper competes with new callers
\* for the list (no hand-off): its successful retry is strongly fair, as LwbufSleep's, so that
\* losing every race is not counted as a failure.  A fresh lwbuf_alloc or kmem_alloc is never
\* obligated (a new caller would otherwise drain the list and cause the 0 -> 1 wakeup).
SleepFairness ==
    /\ \A t \in Threads :
          /\ WF_svars(AllocInvlpgOrS(t) \/ KvaInvlpgS(t) \/ KvaOrS(t) \/ KfStepS(t))
          /\ WF_svars(RetrySleep(t))
          /\ SF_svars(RetryGet(t))
          /\ WF_svars(FreeS(t))
    /\ \A c \in CPUs : WF_svars(KfStepS(c))
    /\ \A c \in CPUs, k \in Kvas : WF_svars(IpiqProcessS(c, k)) /\ WF_svars(IPIAckS(c, k))

SleepSpec == SleepInit /\ [][SleepNext]_svars /\ SleepFairness

\* Liveness: a thread that had to sleep in lwbuf_alloc eventually gets an lwbuf.
AllocEventuallySucceeds == \A t \in Threads : (t \in getting) ~> (t \notin getting)

\* Safety side of the same question: no thread sleeps on a CPU whose list holds an lwbuf.
NoSleepWhileFree == \A t \in asleep : fpages[tcpu[t]] = <<>>
=============================================================================
