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
 */
public final class ObjCache {
    private final Lock lock;
    private final Word stack;
    private final WaitQueue putq;

    public ObjCache(Layout layout, String name, int objects) {
        if (objects < 1 || objects > 15) throw new IllegalArgumentException("objcache holds 1..15 objects, got " + objects);
        this.lock = layout.lock(name + ".lock");
        long s = 0;
        for (int o = objects - 1; o >= 0; o--) s = (s << 4) | (o + 1);
        this.stack = layout.guarded(name + ".stack", s, lock);
        this.putq = layout.waitQueue(name + ".wait", lock);
    }

    /** objcache_get(M_NOWAIT): an object, or -1 if none is free. */
    public int tryGet(Ctx ctx) {
        ctx.lock(lock);
        long s = ctx.load(stack);
        int o = -1;
        if (s != 0) {
            o = (int) (s & 0xF) - 1;
            ctx.store(stack, s >>> 4);
        }
        ctx.unlock(lock);
        return o;
    }

    /** Sleeps until the cache is non-empty (the M_WAITOK path waiting for an objcache_put). */
    public void waitForPut(Ctx ctx) {
        ctx.lock(lock);
        if (ctx.load(stack) == 0) ctx.sleep(putq, false);
        ctx.unlock(lock);
    }

    /** objcache_put. */
    public void put(Ctx ctx, int o) {
        ctx.lock(lock);
        ctx.store(stack, (ctx.load(stack) << 4) | (o + 1));
        ctx.wakeupOne(putq);
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
