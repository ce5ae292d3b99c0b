package kmapcheck.sfbuf;

import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Sort;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Word;

/**
 * struct sf_buf (FreeBSD i386 vm_machdep.c rev 1.219/1.220 and later sys/kern/subr_sfbuf.c;
 * DragonFly 2003 uipc_syscalls.c): the page it maps, its reference count, the mask of CPUs whose
 * TLB is known to be in sync with its PTE (SMP only), and its own KVA page, fixed at sf_buf_init.
 * The hash chains are words of {@link SfBufCache} (the chain of page p lists the sf_bufs whose m is
 * p in the kernel's chain order, newest first); their agreement with sf->m (spec SF2) is an
 * invariant of SfBufCache, checked by the explorer's mapping of each state to the spec's.
 * All fields are protected by sf_buf_lock.
 */
public final class SfBuf {
    public final int id;
    /** sf->m: physical page number (1-based), 0 = NULL (not hashed). */
    public final Word m;
    /** sf->ref_count. */
    public final Word refCount;
    /** sf->cpumask (SMP): bit c = CPU c's TLB holds no translation of kva other than the PTE. */
    public final Word cpumask;
    /** sf->kva: allocated once by sf_buf_init (kva_alloc), PTE initially invalid. */
    public final Kva kva;

    SfBuf(Layout layout, Lock lock, int id) {
        this.id = id;
        this.m = layout.guarded("sf" + id + ".m", 0, lock, Sort.elem(Sort.PAGES, 1));   // page p is p (symmetry: Pages)
        this.refCount = layout.guarded("sf" + id + ".ref_count", 0, lock);
        this.cpumask = layout.guarded("sf" + id + ".cpumask", 0, lock);   // M_ZERO
        this.kva = layout.kva("sfkva" + id);
    }
}
