package kmapcheck.lwbuf;

import kmapcheck.machine.Kva;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Sort;
import kmapcheck.machine.Word;

/**
 * struct lwbuf (DragonFly sys/cpu/i386/include/lwbuf.h): the mapped page, the object's own KVA page
 * (allocated once by the objcache constructor), and the mask of CPUs whose TLB is in sync with the
 * KVA's current PTE (invariant LW1).
 */
public final class Lwbuf {
    public final int id;
    /** lwb->m: physical page number, 0 = NULL. */
    public final Word m;
    /** lwb->cpumask: bit c set = CPU c's TLB has no stale translation of kva (LW1). */
    public final Word cpumask;
    public final Kva kva;

    Lwbuf(Layout layout, int id) {
        this.id = id;
        this.m = layout.word("lwb" + id + ".m", 0, Sort.elem(Sort.PAGES, 1));            // page p is p (symmetry: Pages)
        this.cpumask = layout.word("lwb" + id + ".cpumask", 0, Sort.mask(Sort.CPUS));   // lwbuf_cache_ctor: cpumask = 0
        this.kva = layout.kva("kva" + id);
    }
}
