package kmapcheck.vmpage.nfs;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Lock;
import kmapcheck.machine.Word;

/**
 * Seed 003 (R. Macklem, freebsd-current, 6 Aug 2020): the NFS client write path with the buffer's pages
 * lent to an ext_pgs mbuf chain (m_epg_pa[] = b_pages) instead of copied into clusters, on the simulated
 * machine (spec/vmpage/NfsExtPgs.tla; README §2). Paraphrased from the spec and the seed, not copied from
 * FreeBSD.
 *
 * <p>State (one buffer of {@code n} pages, one vnode object, one TCP connection, one driver):
 * <ul>
 * <li>{@code m->ref_count} per page: the word of r352110 with the bit layout of
 *     {@code kmapcheck.vmpage.VmPage}: {@link #VPRC_OBJREF} 0x80000000 | {@link #VPRC_BLOCKED} 0x40000000 |
 *     wire count, a u_int in the low 32 bits of the machine word, every RMW exact 32-bit modular
 *     arithmetic. Initially OBJREF|1: the page is in the object and wired once by the buffer. No pmap
 *     mappings here, so BLOCKED is never set.</li>
 * <li>{@code m->object} per page (1 = the vnode's object, 0 = NULL); the page's allocator state
 *     (0 allocated, 1 free, 2 reallocated to someone else).</li>
 * <li>The object's write lock (a lock word taken with one cmpset; only the VM side takes it here) and its
 *     {@code paging_in_progress} count (vfs_busy_pages .. bufdone; the pages' sbusy is folded into it).</li>
 * <li>The buffer lock {@code b_lock}: held by the nfsiod (the async write handed it the locked buffer)
 *     until brelse; vinvalbuf/vtruncbuf (vnode recycling, truncation) wait for it.</li>
 * <li>The ext storage's reference count {@code m_ext.ext_count}, and the three mbuf references to it:
 *     the RPC layer's chain kept for retransmission ({@code rq_mreq}), so_snd's chain
 *     ({@code sb_mb}, under SOCKBUF_LOCK) and the driver's TX ring slot (tcp_output's m_copym).</li>
 * <li>The RPC's state and TCP's {@code sent} (snd_max advanced) / {@code acked} (snd_una covers the
 *     request) flags, under the socket lock.</li>
 * <li>Ghost: the wirings held by the buffer and by the ext storage per page, frees per page, and a flag
 *     set when an atomic takes away a bit that is not there. Ghost updates fold into the step they
 *     annotate.</li>
 * </ul>
 *
 * <p>Variants: {@link Variant#NO_OP_EXT_FREE} (the seed: ext_free does nothing, the pages are protected
 * only by the buffer's wiring) and {@link Variant#WIRE_PER_MBUF_REF} (the ext storage holds one wiring of
 * each page: vm_page_wire when the chain is built, vm_page_unwire in ext_free, which runs in whichever
 * thread drops the last reference).
 *
 * <p>Granularity: every step of NfsExtPgs.tla is exactly one explorer transition. Where a spec step is
 * several machine primitives the code runs them in {@code ctx.atomic}, each with its reason (the spec's
 * atomicity rules: mbuf refcount updates are atomic RMWs, so_snd changes are SOCKBUF_LOCK critical
 * sections, a lock release is a left mover, a private page's free needs no synchronisation, ghost updates
 * fold). Methods return the thread's last {@code u_int old} snapshot ({@link #KEEP} if the op took none):
 * the spec keeps that local after a loop ends, so the explorer's driver carries it between ops.
 */
public final class NfsWritePath {

    public enum Variant {
        NO_OP_EXT_FREE("NoOpExtFree"),
        WIRE_PER_MBUF_REF("WirePerMbufRef"),
        /** buggy client: ext_free unwires every page (as sendfile's) but the chain took no wiring */
        UNWIRE_WITHOUT_WIRE("UnwireWithoutWire");

        public final String specName;

        Variant(String s) { specName = s; }
    }

    public static final long VPRC_OBJREF = 0x80000000L;
    public static final long VPRC_BLOCKED = 0x40000000L;
    public static final long VPRC_WIRE_MASK = 0x3FFFFFFFL;
    public static final long U32 = 0xFFFFFFFFL;

    public static final long PG_ALLOC = 0, PG_FREE = 1, PG_REUSED = 2;
    public static final long RPC_NONE = 0, RPC_INFLIGHT = 1, RPC_REPLIED = 2, RPC_TIMEDOUT = 3;
    /** Return value of an op that took no ref_count snapshot. */
    public static final long KEEP = -1;

    private final Variant variant;
    private final int n;

    public final Word[] refCount, object, pstate;
    public final Word pip, olock, bufLock, extCount, rpcHold, rpcState, sbMb, sent, acked, txSlot;
    public final Lock sbLock;
    // ghost
    public final Word[] bufw, extw, frees;
    public final Word uflow;

    /** Requires 1..8 pages (NfsExtPgsMechanism allows 1..4). */
    public NfsWritePath(Layout layout, Variant variant, int pages) {
        this.variant = variant;
        this.n = pages;
        refCount = new Word[pages];
        object = new Word[pages];
        pstate = new Word[pages];
        bufw = new Word[pages];
        extw = new Word[pages];
        frees = new Word[pages];
        for (int p = 0; p < pages; p++) {
            String m = "pg" + (p + 1);
            refCount[p] = layout.word(m + ".ref_count", VPRC_OBJREF | 1);   // in the object, wired by the buffer
            object[p] = layout.word(m + ".object", 1);
            pstate[p] = layout.word(m + ".state(vm_phys)", PG_ALLOC);
            bufw[p] = layout.word("ghost.bufw[" + m + "]", 1);
            extw[p] = layout.word("ghost.extw[" + m + "]", 0);
            frees[p] = layout.word("ghost.frees[" + m + "]", 0);
        }
        pip = layout.word("object.paging_in_progress", 0);
        olock = layout.word("object.lock", 0);
        bufLock = layout.word("bp.b_lock", 1);                               // held by the nfsiod
        extCount = layout.word("m_ext.ext_count", 0);
        rpcHold = layout.word("rpc.rq_mreq", 0);
        rpcState = layout.word("rpc.state", RPC_NONE);
        sbLock = layout.lock("so_snd.sb_mtx");
        sbMb = layout.guarded("so_snd.sb_mb", 0, sbLock);
        sent = layout.guarded("tcp.sent", 0, sbLock);
        acked = layout.guarded("tcp.acked", 0, sbLock);
        txSlot = layout.word("drv.tx_ring[0]", 0);
        uflow = layout.word("ghost.uflow", 0);
    }

    public Variant variant() { return variant; }
    public int pages() { return n; }
    private boolean fix() { return variant == Variant.WIRE_PER_MBUF_REF; }
    /** ext_free unwires every page: the fix, and the buggy UnwireWithoutWire. */
    private boolean extFreeUnwires() { return variant != Variant.NO_OP_EXT_FREE; }

    public static long wires(long rc) { return rc & VPRC_WIRE_MASK; }
    public static boolean objref(long rc) { return (rc & VPRC_OBJREF) != 0; }
    public static boolean blocked(long rc) { return (rc & VPRC_BLOCKED) != 0; }

    /** The subtraction takes away something that is not there (spec SubUnder). */
    static boolean subUnder(long r, long bits, long w) {
        return ((bits & VPRC_OBJREF) != 0 && !objref(r)) || ((bits & VPRC_BLOCKED) != 0 && !blocked(r)) || w > wires(r);
    }

    private static long bit(int p) { return 1L << p; }
    private long from(int p) { return ((1L << n) - 1) & ~((1L << p) - 1); }    // pages p..n-1

    /** atomic_add_int(&m->ref_count, delta), exact u_int arithmetic; returns the old value. */
    private long rcAdd(Ctx c, int p, long delta) {
        long o = c.fetchAdd(refCount[p], delta);
        long nw = o + delta;
        if (nw < 0) c.fetchAdd(refCount[p], 1L << 32);           // keep the u_int in the low 32 bits
        else if (nw > U32) c.fetchAdd(refCount[p], -(1L << 32));
        return o & U32;
    }

    private void at(Ctx c, String pc) { NfsProbe.at(c, pc); }

    // ---- vm_page_unwire loop (brelse -> vfs_vmio_unwire, and ext_free in the fix) -------------------

    /**
     * vm_page_unwire(m) for every page in order (spec UnwireLoop(t, P, who, C)): old = m->ref_count;
     * do { } while (!fcmpset_rel(&ref_count, &old, old - 1)); if (old == 1) vm_page_free(m) (the page
     * left its object: the orphan is private now, free_prep's check and vm_phys_free_pages fold).
     * {@code ext}: whose ghost wiring goes away. {@code releaseBuf}: brelse's BUF_UNLOCK (a release
     * store, left mover) folds into the step that finishes the last page.
     */
    private long unwireAll(Ctx c, String P, boolean ext, boolean releaseBuf) {
        long last = KEEP;
        for (int i = 0; i < n; i++) {
            final int p = i;
            final boolean lastPage = i == n - 1;
            at(c, P + "_ld");
            NfsProbe.todo(c, from(p));
            long first = c.load(refCount[p]) & U32;                                   // UwLd
            long o = c.loop(first, x -> {
                NfsProbe.old(c, x);
                at(c, P + "_cas");
                long[] cur = {-1};
                // UwCas: fcmpset is one instruction; on failure it re-reads the word (old = *p)
                c.atomic(() -> {
                    if (c.cas(refCount[p], x, (x - 1) & U32)) {
                        if (subUnder(x, 0, 1)) c.store(uflow, 1);
                        c.fetchAdd(ext ? extw[p] : bufw[p], -1);
                        if (releaseBuf && lastPage && x != 1) c.store(bufLock, 0);
                    } else cur[0] = c.load(refCount[p]) & U32;
                });
                return cur[0] >= 0 ? Ctx.Loop.again(cur[0]) : Ctx.Loop.done(x);
            });
            last = o;
            if (o == 1) {
                at(c, P + "_free");
                // UwFree: vm_page_free of the orphan (nobody else can reach it): one step
                c.atomic(() -> {
                    c.store(pstate[p], PG_FREE);
                    c.fetchAdd(frees[p], 1);
                    if (releaseBuf && lastPage) c.store(bufLock, 0);
                });
            }
        }
        NfsProbe.todo(c, 0);
        return last;
    }

    /** mb_free_ext's ext_free (the fix: unwire every page; the no-op variant never gets here). */
    private long extFree(Ctx c, String P) { return unwireAll(c, P, true, false); }

    // ---- nfsiod -----------------------------------------------------------------------------------

    /**
     * The write RPC up to the wait for its reply (spec NBuild, NWire*, NSend; ends at n_wait):
     * vfs_busy_pages; build the ext_pgs chain over b_pages (the RPC layer keeps it for retransmission);
     * fix: vm_page_wire per page; sosend(so, m_copym(chain)).
     */
    public long writeRpc(Ctx c) {
        // NBuild: vfs_busy_pages (paging in progress; sbusy folded) and the chain, private until sosend
        c.atomic(() -> {
            c.store(pip, 1);
            c.store(extCount, 1);
            c.store(rpcHold, 1);
            c.store(rpcState, RPC_INFLIGHT);
        });
        if (fix()) {
            for (int p = 0; p < n; p++) {
                final int q = p;
                at(c, "n_wire");
                NfsProbe.todo(c, from(p));
                // NWire: vm_page_wire(m): atomic_add (the page is busied: no object lock needed)
                c.atomic(() -> {
                    rcAdd(c, q, 1);
                    c.fetchAdd(extw[q], 1);
                });
            }
            NfsProbe.todo(c, 0);
        }
        at(c, "n_send");
        // NSend: m_copym(chain) bumps ext_count (atomic; only the nfsiod references the storage yet)
        // and sbappend under SOCKBUF_LOCK: one step as in the spec
        c.atomic(() -> {
            c.fetchAdd(extCount, 1);
            c.lock(sbLock);
            c.store(sbMb, 1);
            c.unlock(sbLock);
        });
        return KEEP;
    }

    /**
     * clnt_vc_call returns (spec NReply / NTimeout), then m_freem(chain) (NMfree, ext_free in the fix),
     * bufdone (NBufdone) and brelse (vm_page_unwire per page, BUF_UNLOCK); ends at done. A reply is
     * only delivered once the request was ACKed (the driver calls this op then).
     */
    public long rpcDone(Ctx c, boolean timedOut) {
        c.store(rpcState, timedOut ? RPC_TIMEDOUT : RPC_REPLIED);                   // NReply / NTimeout
        at(c, "n_mfree");
        long[] o = {0};
        // NMfree: m_freem -> mb_free_ext: the RPC's reference goes (refcount_release: fetchadd)
        c.atomic(() -> {
            c.store(rpcHold, 0);
            o[0] = c.fetchAdd(extCount, -1);
        });
        long last = KEEP;
        if (o[0] == 1 && extFreeUnwires()) last = extFree(c, "nfsiod_ef");
        at(c, "n_bufdone");
        c.store(pip, 0);                                                             // NBufdone: vfs_unbusy_pages
        long b = unwireAll(c, "n_bl", false, true);                                  // brelse
        return b != KEEP ? b : last;
    }

    // ---- socket / TCP -------------------------------------------------------------------------------

    /** tcp_output (spec SOutput): m_copym of so_snd's data for the driver (shares the ext storage). */
    public long tcpOutput(Ctx c) {
        // one step: under SOCKBUF_LOCK, the copy's refcount bump (atomic) and the hand-off to the driver
        c.atomic(() -> {
            c.lock(sbLock);
            if (c.load(sbMb) != 0 && c.load(txSlot) == 0) {
                c.fetchAdd(extCount, 1);
                c.store(txSlot, 1);
                c.store(sent, 1);
            }
            c.unlock(sbLock);
        });
        return KEEP;
    }

    /**
     * tcp_input: the ACK covers the request, sbdrop(so_snd) -> m_freem (spec SAck); or, after a timeout,
     * soclose -> sbflush -> m_freem (spec SClose). ext_free runs here if this was the last reference.
     */
    public long sbDrop(Ctx c, boolean ack) {
        long[] o = {0};
        // SAck / SClose: so_snd unlinked under SOCKBUF_LOCK, its reference dropped (refcount_release)
        c.atomic(() -> {
            c.lock(sbLock);
            if (ack) c.store(acked, 1);
            c.store(sbMb, 0);
            c.unlock(sbLock);
            o[0] = c.fetchAdd(extCount, -1);
        });
        if (o[0] == 1 && extFreeUnwires()) return extFree(c, "sock_ef");
        return KEEP;
    }

    // ---- driver ---------------------------------------------------------------------------------------

    /** Transmit completion (spec DTxDone): m_freem of the transmitted copy; ext_free if last. */
    public long txDone(Ctx c) {
        long[] o = {0};
        c.atomic(() -> {                                 // the ring slot is the driver's; refcount_release
            c.store(txSlot, 0);
            o[0] = c.fetchAdd(extCount, -1);
        });
        if (o[0] == 1 && extFreeUnwires()) return extFree(c, "drv_ef");
        return KEEP;
    }

    // ---- VM side ------------------------------------------------------------------------------------

    /** VM_OBJECT_WLOCK: one cmpset of the lock word (only the VM side takes it here: never contended). */
    private boolean wlock(Ctx c) { return c.cas(olock, 0, 1); }

    /**
     * vm_object_page_remove of page p / the page daemon (spec VRemove, VRmChk, VFpLd, VFpSt, VFpFin):
     * W-lock; skip if wired; else vm_page_free -> free_prep (object_remove, the non-atomic -= OBJREF),
     * vm_phys_free_pages, unlock. Runs once the buffer is released (vinvalbuf waited for b_lock).
     */
    public long pageRemove(Ctx c, int p) {
        if (!wlock(c)) return KEEP;                                                   // VRemove
        at(c, "v_rm_chk");
        NfsProbe.todo(c, bit(p));
        boolean[] wired = {false};
        // VRmChk: vm_page_wired(p) -> skip and unlock (left mover); no mappings: try_remove_all folded
        c.atomic(() -> {
            wired[0] = wires(c.load(refCount[p])) > 0;
            if (wired[0]) c.store(olock, 0);
        });
        if (wired[0]) {
            NfsProbe.todo(c, 0);
            return KEEP;
        }
        at(c, "v_fp_ld");
        long[] o = {0};
        // VFpLd: vm_page_object_remove (m->object = NULL, under the W lock) and the load of ref_count
        c.atomic(() -> {
            o[0] = c.load(refCount[p]) & U32;
            c.store(object[p], 0);
        });
        NfsProbe.old(c, o[0]);
        at(c, "v_fp_st");
        // VFpSt: m->ref_count -= VPRC_OBJREF as a plain store of the loaded value
        c.atomic(() -> {
            c.store(refCount[p], (o[0] - VPRC_OBJREF) & U32);
            if (subUnder(o[0], VPRC_OBJREF, 0)) c.store(uflow, 1);
        });
        at(c, "v_fp_fin");
        // VFpFin: free_prep's final check, vm_phys_free_pages, VM_OBJECT_WUNLOCK (left mover)
        c.atomic(() -> {
            c.store(pstate[p], PG_FREE);
            c.fetchAdd(frees[p], 1);
            c.store(olock, 0);
        });
        NfsProbe.old(c, 0);
        NfsProbe.todo(c, 0);
        return 0;
    }

    /**
     * vm_object_terminate -> vm_object_terminate_pages (vnode recycled; spec VTerm, VTmDrop): W-lock; for
     * each resident page: p->object = NULL; if (vm_page_drop(p, OBJREF) == OBJREF) free it (private then).
     */
    public long terminate(Ctx c) {
        long[] todo = {0};
        // VTerm: W-lock and the object's resident pages (m->object read under the lock: protected)
        c.atomic(() -> {
            if (!wlock(c)) return;
            for (int p = 0; p < n; p++) if (c.load(object[p]) != 0) todo[0] |= bit(p);
            if (todo[0] == 0) c.store(olock, 0);
        });
        long rest = todo[0];
        while (rest != 0) {
            final int p = Long.numberOfTrailingZeros(rest);
            final long after = rest & ~bit(p);
            at(c, "v_tm");
            NfsProbe.todo(c, rest);
            // VTmDrop: object = NULL; drop(OBJREF) (fetchadd); free if it was the last reference; the
            // unlock after the last page folds (left mover)
            c.atomic(() -> {
                c.store(object[p], 0);
                long o = rcAdd(c, p, -VPRC_OBJREF);
                if (subUnder(o, VPRC_OBJREF, 0)) c.store(uflow, 1);
                if (o == VPRC_OBJREF) {
                    c.store(pstate[p], PG_FREE);
                    c.fetchAdd(frees[p], 1);
                }
                if (after == 0) c.store(olock, 0);
            });
            rest = after;
        }
        NfsProbe.todo(c, 0);
        return KEEP;
    }

    /** vm_page_alloc hands the free page p to a new owner (spec VReuse). */
    public long reuse(Ctx c, int p) {
        c.cas(pstate[p], PG_FREE, PG_REUSED);
        return KEEP;
    }
}
