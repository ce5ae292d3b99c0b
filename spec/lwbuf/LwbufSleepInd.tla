---------------------------- MODULE LwbufSleepInd ----------------------------
(***************************************************************************)
(* An inductive invariant for objcache_get's sleep and objcache_put's      *)
(* wakeup (LwbufSleep.tla): Lwbuf's IndInv (LwbufInd.tla) with the sleep   *)
(* ghosts typed and NoSleepWhileFree.  Checked the standard way: Init is   *)
(* every state of IndInvSleep over a bounded universe, one step of         *)
(* SleepNext, each conjunct an INVARIANT (proofs/lwbuf.md).                 *)
(***************************************************************************)
EXTENDS LwbufSleep, LwbufInd

DecidedOnlyWhenTestThenSleep == SleepVariant = "Interlocked" => decided = {}
\* The interlocked msleep has no window between the test and the sleep: GetTest, the only action
\* that adds to `decided`, is TestThenSleep's.  Needed: GetSleep does not exclude decided threads.

IndInvSleep == IndInv /\ SleepTypeOK /\ NoSleepWhileFree /\ DecidedOnlyWhenTestThenSleep
\* Why each sleep action keeps it (SleepVariant = "Interlocked"):
\*   GetSleep tests cache = {} in the step that puts t asleep (msleep's interlock);
\*   FreeS, the only action that adds to the cache, empties asleep (wakeup(depot) wakes all);
\*   AllocS takes only a thread that is neither asleep nor decided, so `getting`'s threads stay
\*   idle and objectless (SleepTypeOK) until they leave `getting`;
\*   every other step is a step of Lwbuf's Next with the ghosts unchanged, so IndInv is kept by
\*   LwbufInd's argument.
\* With SleepVariant = "TestThenSleep", GetSleepLate puts a decided thread asleep without a
\* re-test: from decided = {t} /\ cache # {} (an objcache_put after the test) it breaks
\* NoSleepWhileFree, the lost wakeup.

\* The sleep ghosts after IndInv's variables (LwbufInd's InitOver), each conjunct right after the
\* last variable it reads.
InitIndSleep ==
    /\ InitInd
    /\ getting \in SUBSET Threads
    /\ asleep \in SUBSET getting
    /\ NoSleepWhileFree
    /\ decided \in SUBSET (getting \ asleep)
    /\ DecidedOnlyWhenTestThenSleep
    /\ SleepTypeOK
=============================================================================
