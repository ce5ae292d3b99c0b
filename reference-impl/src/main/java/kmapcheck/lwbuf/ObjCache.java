package kmapcheck.lwbuf;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.WaitQueue;
import kmapcheck.machine.Word;

/**
 * DragonFly objcache(9), reduced to what lwbuf relies on: a bounded pool of preconstructed objects
 * handed out exclusively (LIFO, like a magazine). The stack lives in one word guarded by the
 * cache lock: 4 bits per entry (object id + 1), top in the low bits.
 * Invariant: an object is on the stack or held by exactly one caller (NoDoubleOwner).
 * Sleep/wakeup (kern_objcache.c @00de24de5a, spec/lwbuf/LwbufSleep.tla): a getter that finds the
 * cache empty sleeps on {@code putq} with the test and the sleep under one hold of the lock (msleep's interlock);
 * objcache_put wakes every sleeper. Invariant: nobody sleeps while an object is free (NoSleepWhileFree).
 */
public final class ObjCache {
    /** How objcache_get(M_WAITOK) goes to sleep (LwbufSleep's SleepVariant). */
    public enum SleepVariant {
        /** The shipped msleep(depot, &depot->spin): the empty test and the sleep under one lock hold. */
        INTERLOCKED,
        /** The test under the lock, the lock dropped, then a sleep without a re-test: a put in between wakes nobody. */
        TEST_THEN_SLEEP
    }

    private final Lock lock;
    private final Word stack;
    private final WaitQueue putq;
    private final SleepVariant sleepVariant;

    /** Requires 1 <= objects <= 15, a 4-bit id each in the stack word (checked by LwbufMechanism). */
    public ObjCache(Layout layout, String name, int objects, SleepVariant sleepVariant) {
        this.sleepVariant = sleepVariant;
        this.lock = layout.lock(name + ".lock");
        long s = 0;
        for (int o = objects - 1; o >= 0; o--) s = (s << 4) | (o + 1);
        this.stack = layout.guarded(name + ".stack", s, lock);
        this.putq = layout.waitQueue(name + ".wait", lock);
    }

    /**
     * One attempt of objcache_get(M_WAITOK) (kern_objcache.c @00de24de5a): an object, or -1 if none
     * is free. {@code held}: the lock is already held (msleep returned with it, {@link #sleepLocked}).
     * INTERLOCKED keeps the lock when it finds the cache empty, so that the test and the sleep
     * ({@link #sleepLocked}) are one hold of the depot spinlock, as in the kernel; TEST_THEN_SLEEP
     * releases it and re-tests in {@link #waitForPut} (its bug is the window after that test).
     */
    public int tryGet(Ctx ctx, boolean held) {
        if (!held) ctx.lock(lock);
        long s = ctx.load(stack);
        if (s != 0) {
            ctx.store(stack, s >>> 4);
            ctx.unlock(lock);
            return (int) (s & 0xF) - 1;
        }
        if (sleepVariant != SleepVariant.INTERLOCKED) ctx.unlock(lock);
        return -1;
    }

    /**
     * INTERLOCKED objcache_get(M_WAITOK) after a failed {@link #tryGet} that kept the lock:
     * msleep(depot, &depot->spin) (kern_objcache.c @00de24de5a), entered and returned with the lock
     * held; the caller's retry then runs under that hold ({@code tryGet(ctx, true)}). The kernel
     * unlocks after msleep and goes back to its retry label. That unlock/relock window is not
     * modelled (issue 12, a Java-only state per getter): the retry reads only the depot, and
     * whatever other threads do in the window they can do as well while this thread is woken and
     * has not yet re-acquired the lock (the two states enable the same steps of every other thread,
     * both map to the same spec state, LwbufSleep's getting \ asleep), so no behaviour is lost.
     */
    public void sleepLocked(Ctx ctx) {
        ctx.sleep(putq, false);
    }

    /**
     * TEST_THEN_SLEEP objcache_get(M_WAITOK)'s wait for an objcache_put after a failed
     * {@link #tryGet}: lock, re-test, (the bug) unlock and relock, sleep, unlock; the caller
     * retries from the top. Returns whether it slept.
     */
    public boolean waitForPut(Ctx ctx) {
        ctx.lock(lock);
        boolean empty = ctx.load(stack) == 0;
        if (empty) {
            ctx.unlock(lock);      // the bug: the test's lock dropped before the sleep; a put now wakes nobody
            ctx.lock(lock);
            ctx.sleep(putq, false);
        }
        ctx.unlock(lock);
        return empty;
    }

    /** INTERLOCKED: a failed attempt keeps the lock, and the getter sleeps with {@link #sleepLocked}. */
    public boolean sleepsLocked() { return sleepVariant == SleepVariant.INTERLOCKED; }

    /** objcache_put: the object back, then wakeup(depot): every sleeper retries (kern_objcache.c @00de24de5a). */
    public void put(Ctx ctx, int o) {
        ctx.lock(lock);
        ctx.store(stack, (ctx.load(stack) << 4) | (o + 1));
        ctx.wakeupAll(putq);
        ctx.unlock(lock);
    }

    /** Objects currently free in the cache (for mappings and tests). */
    public static java.util.List<Integer> contents(long stackWord) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (long s = stackWord; s != 0; s >>>= 4) out.add((int) (s & 0xF) - 1);
        return out;
    }

    public Word stackWord() { return stack; }
}
