package kmapcheck.lwbuf;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Word;

/**
 * DragonFly lwbuf with per-CPU free lists (spec/lwbuf/LwbufPcpu.tla): the L4 version of
 * sys/cpu/i386/misc/lwbuf.c (kernel-brief L3-L5, a copy not pinned to a commit). An lwbuf is made
 * per KVA page by lwbuf_initpages and belongs to a home CPU (lwb->gd); free lwbufs sit on their
 * home's gd_lwbuf_fpages; a free on another CPU goes home through a passive IPI
 * (lwbuf_free_remote); a free on the home CPU above LWBUF_BOOT_PAGES returns the KVA with kmem_free,
 * whose pmap_remove clears the PTE and invalidates it on every CPU (i386 pmap_remove_pte, 2010).
 * An lwbuf is identified by its KVA index (0-based here, 1-based in the spec).
 *
 * <p>Words: per KVA k {@code lwb.m}, {@code lwb.cpumask}, {@code lwb.gd} (home CPU + 1, 0 = no lwbuf);
 * per CPU c the free list (a stack of KVA index + 1, 4 bits each, head in the low bits) guarded by
 * {@code crit(c)} (crit_enter_gd: only code on CPU c touches it) and the passive-IPI queue (a bit
 * per KVA, unguarded: the remote CPU sets, the home CPU clears); kernel_map's free KVA pages (a bit
 * per KVA) guarded by the MP lock.
 */
public final class LwbufPcpu {

    public enum Variant {
        /** L4: kmem_free -> pmap_remove: the PTE cleared and invalidated on every CPU. */
        SHIPPED,
        /** pmap_kremove_quick (clear + local invlpg) before kmem_free: no shootdown. */
        KREMOVE_QUICK_FREE
    }

    private final Variant variant;
    private final int ncpus, nkva, reserve;
    private final Kva[] kva;
    private final Word[] m, cpumask, gd;
    private final Word[] fpages, ipiq;
    private final Lock[] crit;
    private final Lock mplock;
    private final Word kernelMap;

    /**
     * Requires 1 <= nkva <= 15 and reserve * cpus <= nkva (checked by LwbufMechanism).
     *
     * @param reserve LWBUF_BOOT_PAGES (the model's Reserve): lwbuf_init gives CPU c the KVA pages
     *                c*reserve .. c*reserve+reserve-1 (the head is the highest), and a free on the
     *                home CPU with more free lwbufs than this is surplus
     */
    public LwbufPcpu(Layout layout, int nkva, int reserve, Variant variant) {
        this.variant = variant;
        this.ncpus = layout.cpus();
        this.nkva = nkva;
        this.reserve = reserve;
        kva = new Kva[nkva];
        m = new Word[nkva];
        cpumask = new Word[nkva];
        gd = new Word[nkva];
        for (int k = 0; k < nkva; k++) {
            int c = reserve == 0 ? -1 : k / reserve;
            kva[k] = layout.kva("kva" + k);
            m[k] = layout.word("lwb" + k + ".m", 0);
            cpumask[k] = layout.word("lwb" + k + ".cpumask", 0);                  // kmalloc(M_ZERO)
            gd[k] = layout.word("lwb" + k + ".gd", c >= 0 && c < ncpus ? c + 1 : 0);
        }
        mplock = layout.lock("mplock");
        long free = 0;
        for (int k = reserve * ncpus; k < nkva; k++) free |= 1L << k;
        kernelMap = layout.guarded("kernel_map.free", free, mplock);
        crit = new Lock[ncpus];
        fpages = new Word[ncpus];
        ipiq = new Word[ncpus];
        for (int c = 0; c < ncpus; c++) {
            crit[c] = layout.lock("gd" + c + ".crit");
            long s = 0;                                   // lwbuf_initpages pushes in address order
            for (int k = c * reserve; k < c * reserve + reserve; k++) s = (s << 4) | (k + 1);
            fpages[c] = layout.guarded("gd" + c + ".lwbuf_fpages", s, crit[c]);
            ipiq[c] = layout.word("gd" + c + ".ipiq", 0);
        }
    }

    public Variant variant() { return variant; }
    public int kvas() { return nkva; }
    public Kva kva(int k) { return kva[k]; }
    public Word m(int k) { return m[k]; }
    public Word cpumask(int k) { return cpumask[k]; }
    /** Home CPU + 1, 0 = the KVA is no lwbuf's. */
    public Word gd(int k) { return gd[k]; }
    public Word fpages(int c) { return fpages[c]; }
    public Word ipiq(int c) { return ipiq[c]; }
    public Word kernelMap() { return kernelMap; }

    /** The entries of a free-list word, head first. */
    public static java.util.List<Integer> list(long stack) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (long s = stack; s != 0; s >>>= 4) out.add((int) (s & 0xF) - 1);
        return out;
    }

    /** Could lwbuf_alloc on CPU c proceed now (a free lwbuf, or KVA to grow)? Else it would tsleep. */
    public static boolean canAlloc(long fpagesWord, long kernelMapWord) { return fpagesWord != 0 || kernelMapWord != 0; }

    /**
     * lwbuf_alloc(m) @L4: in the critical section take the head of this CPU's list, growing it first
     * with lwbuf_initpages(gd, 1) (kmem_alloc_nofault under the MP lock: the lowest free KVA; a zeroed
     * lwbuf whose gd is this CPU) if it is empty; lwb->m = m; then pmap_kenter_quick (PTE store,
     * invlpg here) and cpumask |= this CPU. The object is private until the return, so its stores
     * fold into the PTE store and the invlpg (the spec's Alloc and AllocInvlpgOr). Call only when
     * {@link #canAlloc} (the kernel would tsleep; the client waits instead).
     */
    public int alloc(Ctx ctx, int page) {
        int[] got = {-1};
        ctx.atomic(() -> {
            int c = ctx.cpu();
            ctx.lock(crit[c]);
            long s = ctx.load(fpages[c]);
            int k;
            if (s == 0) {
                ctx.lock(mplock);
                long free = ctx.load(kernelMap);
                if (free == 0) throw new IllegalStateException("lwbuf_alloc without a free lwbuf or KVA (would tsleep)");
                k = Long.numberOfTrailingZeros(free);               // vm_map_findspace: first fit
                ctx.store(kernelMap, free & ~(1L << k));
                ctx.unlock(mplock);
                ctx.store(gd[k], c + 1);
                ctx.store(cpumask[k], 0);
            } else {
                k = (int) (s & 0xF) - 1;
                ctx.store(fpages[c], s >>> 4);
            }
            ctx.unlock(crit[c]);
            ctx.store(m[k], page);
            ctx.kenterQuick(kva[k], Pte.make(page));
            ctx.fetchOr(cpumask[k], 1L << c);   // invariant LW1: this CPU joins only after its invlpg
            got[0] = k;
        });
        return got[0];
    }

    /** lwbuf_kva @L4: the fast path, or _lwbuf_kva: invlpg here, then join the mask (LW1: in that order). */
    public int kvaOf(Ctx ctx, int k) {
        long mine = 1L << ctx.cpu();
        if ((ctx.load(cpumask[k]) & mine) != 0) return k;
        ctx.invlpg(kva[k]);
        ctx.fetchOr(cpumask[k], mine);
        return k;
    }

    /**
     * lwbuf_free @L4: m = NULL, cpumask = 0; on the home CPU {@link #homeFree}, elsewhere
     * lwkt_send_ipiq_passive(lwb->gd, lwbuf_free_remote, lwb). The PTE is left as it is.
     */
    public void free(Ctx ctx, int k) {
        boolean[] surplus = {false};
        ctx.atomic(() -> {
            ctx.store(m[k], 0);
            ctx.store(cpumask[k], 0);
            int home = (int) ctx.load(gd[k]) - 1;
            if (home == ctx.cpu()) surplus[0] = homeFree(ctx, k);
            else ctx.fetchOr(ipiq[home], 1L << k);
        });
        if (surplus[0]) kmemFree(ctx, k);
    }

    /** The lwbufs pending on CPU c's passive-IPI queue (a bit per KVA). */
    public static java.util.List<Integer> pending(long ipiqWord) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int k = 0; k < 15; k++) if ((ipiqWord & (1L << k)) != 0) out.add(k);
        return out;
    }

    /** lwbuf_free_remote @L4 on the home CPU: drain one queued lwbuf and run lwbuf_free on it here. */
    public void freeRemote(Ctx ctx, int k) {
        boolean[] surplus = {false};
        ctx.atomic(() -> {
            int c = ctx.cpu();
            long q = ctx.fetchAndNot(ipiq[c], 1L << k);
            if ((q & (1L << k)) == 0) throw new IllegalStateException("lwbuf_free_remote of an lwbuf not queued on cpu " + c);
            ctx.store(m[k], 0);
            ctx.store(cpumask[k], 0);
            surplus[0] = homeFree(ctx, k);
        });
        if (surplus[0]) kmemFree(ctx, k);
    }

    /**
     * lwbuf_free on the home CPU: with more than LWBUF_BOOT_PAGES free lwbufs the KVA is surplus
     * (returns true: the caller kmem_frees it); else push it on the list (the wakeup_one of an empty
     * list wakes no one here: allocations do not sleep in this model).
     */
    private boolean homeFree(Ctx ctx, int k) {
        int c = ctx.cpu();
        ctx.lock(crit[c]);
        long s = ctx.load(fpages[c]);
        boolean surplus = list(s).size() > reserve;
        if (!surplus) ctx.store(fpages[c], (s << 4) | (k + 1));
        ctx.unlock(crit[c]);
        return surplus;
    }

    /**
     * kmem_free(&kernel_map, kva, PAGE_SIZE) @L4 -> vm_map_delete -> pmap_remove -> pmap_remove_pte:
     * the PTE cleared, then invalidated on every CPU (kernel_pmap is active everywhere) before the
     * map entry is deleted; then bzero + kfree(lwb). Invariant FreedKvaNotCached: a KVA back in
     * kernel_map is in no TLB. KREMOVE_QUICK_FREE: pmap_kremove_quick's clear + local invlpg, and
     * pmap_remove finds no valid PTE to invalidate.
     */
    private void kmemFree(Ctx ctx, int k) {
        ctx.pteSwap(kva[k], 0);
        if (variant == Variant.SHIPPED) ctx.invlpgCpus((1L << ncpus) - 1, kva[k]);
        else ctx.invlpg(kva[k]);
        ctx.atomic(() -> {
            ctx.lock(mplock);
            ctx.store(kernelMap, ctx.load(kernelMap) | (1L << k));
            ctx.unlock(mplock);
            ctx.store(gd[k], 0);
        });
    }

    /**
     * Another kernel user: kmem_alloc of one page (vm_map_findspace: the lowest free KVA, then
     * pmap_enter over an invalid PTE, which invalidates nowhere). Returns the KVA index, or -1 when
     * kernel_map has no free page: kmem_alloc3 (sys/vm/vm_kern.c @0adbcbd6) unlocks the map and
     * returns 0 when vm_map_findspace fails (the spec's KmemAllocFail, a stutter).
     */
    public int kmemAlloc(Ctx ctx, int page) {
        int[] got = {-1};
        ctx.atomic(() -> {
            ctx.lock(mplock);
            long free = ctx.load(kernelMap);
            if (free == 0) { ctx.unlock(mplock); return; }
            int k = Long.numberOfTrailingZeros(free);
            ctx.store(kernelMap, free & ~(1L << k));
            ctx.unlock(mplock);
            ctx.pteStore(kva[k], Pte.make(page));
            got[0] = k;
        });
        return got[0];
    }
}
