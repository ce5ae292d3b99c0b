package kmapcheck.memattr;

import kmapcheck.machine.Ctx;
import kmapcheck.machine.Layout;
import kmapcheck.machine.Pte;
import kmapcheck.machine.Word;

/**
 * The x86 data-side memory hierarchy of spec/memattr (README.md, "Hardware model") as machine
 * words: RAM per physical page, one cache line per CPU and page (state I/C/D + value), one
 * write-combining buffer entry per CPU and page. Pages are numbered 1..pages (as in {@link Pte}).
 *
 * <p>Every public method is ONE hardware event or ONE memory instruction (load/store through a
 * mapping of a given memory type, clflush loop, wbinvd, eviction, WC drain (also as one step of the
 * flush a UC access forces), speculative fill). The
 * caller runs it inside {@link Ctx#atomic}: the specs treat each access as an atomic step (MESI
 * transient states and interconnect ordering are abstracted, README "Abstracted").
 *
 * <p>Ghost state (instrumentation for the specs' properties, not hardware): the {@code old} bit
 * kept in each line word (MemAttr's {@code old[c][p]}), and {@code lastWritten}, {@code rdVal},
 * {@code rdExp} per page (MemAttr's Coherence), and {@code ucPassedWc} per CPU (MemAttr's
 * UcFlushesWC). They never influence a hardware result. The
 * loads and stores record none of them: the client records, end to end, what its store wrote and
 * what its load returned (MemAttr.tla DoRead/DoWrite; kmapcheck.explorer.memattr.EndToEnd), so a
 * load or store the kernel drops, or a value it does not hand back, is seen by Coherence. Only a WC
 * drain, the hardware event that makes a write-combined store globally performed, records
 * {@code lastWritten} itself.
 */
public final class X86Caches {
    public static final int I = 0, C = 1, D = 2;
    /** Empty WC buffer entry / no read recorded. */
    public static final long NO_VAL = -1;

    private final int cpus, pages;
    /** CPUID.1:EDX.SS as a configuration word (constant unless a client configures it at boot). */
    public final Word cpuidSS;
    /**
     * The write-back-and-invalidate port of the cache hierarchy: a hardware-visible word (never
     * written) that wbinvd reads, so that wbinvd, which goes through no KVA, is a hardware-visible
     * step like a clflush loop (whose translation is one).
     */
    public final Word wbinvdPort;
    public final Word[] ram;          // [p-1]
    public final Word[][] line;       // [c][p-1]: state | value << 2 | old << 8
    public final Word[][] wcb;        // [c][p-1]: value or NO_VAL
    // ghosts
    public final Word[] lastWritten, rdVal, rdExp;
    /** [c]: 1 once a UC access by c was performed while c's WC buffer held a store (UcFlushesWC: never). */
    public final Word[] ucPassedWc;

    public X86Caches(Layout layout, int pages, boolean selfSnoop) {
        this.cpus = layout.cpus();
        this.pages = pages;
        this.cpuidSS = layout.word("cpuid.ss", selfSnoop ? 1 : 0);
        this.wbinvdPort = layout.hwWord("wbinvd", 0);
        ram = new Word[pages];
        lastWritten = new Word[pages];
        rdVal = new Word[pages];
        rdExp = new Word[pages];
        line = new Word[cpus][pages];
        wcb = new Word[cpus][pages];
        ucPassedWc = new Word[cpus];
        for (int c = 0; c < cpus; c++) ucPassedWc[c] = layout.word("ghost.ucPassedWc(c" + c + ")", 0);
        for (int p = 1; p <= pages; p++) {
            ram[p - 1] = layout.word("ram(p" + p + ")", 0);
            lastWritten[p - 1] = layout.word("ghost.lastWritten(p" + p + ")", 0);
            rdVal[p - 1] = layout.word("ghost.rdVal(p" + p + ")", NO_VAL);
            rdExp[p - 1] = layout.word("ghost.rdExp(p" + p + ")", NO_VAL);
            for (int c = 0; c < cpus; c++) {
                line[c][p - 1] = layout.word("line(c" + c + ",p" + p + ")", 0);
                wcb[c][p - 1] = layout.word("wcb(c" + c + ",p" + p + ")", NO_VAL);
            }
        }
    }

    public int cpus() { return cpus; }
    public int pages() { return pages; }

    // ---- line word encoding ------------------------------------------------------------------
    public static int state(long w) { return (int) (w & 3); }
    public static long value(long w) { return (w >>> 2) & 0x3F; }
    public static boolean old(long w) { return ((w >>> 8) & 1) != 0; }
    /** A valid line's word; {@code st} is C or D (an invalid line is the word 0, stored directly). */
    static long enc(int st, long v, boolean old) { return st | (v << 2) | (old ? 1L << 8 : 0); }

    private long ln(Ctx ctx, int c, int p) { return ctx.load(line[c][p - 1]); }
    private void setLn(Ctx ctx, int c, int p, long w) { ctx.store(line[c][p - 1], w); }

    /** Does CPU c's cache observe bus transactions issued by CPU i (CPUID.SS for i's own cache)? */
    private boolean snoops(Ctx ctx, int c, int issuer) { return c != issuer || ctx.load(cpuidSS) != 0; }

    // ---- building blocks ---------------------------------------------------------------------
    /** Value a WB line fill on c gets: another cache's dirty copy, else RAM. */
    private long loadVal(Ctx ctx, int c, int p) {
        for (int d = 0; d < cpus; d++) {
            if (d == c) continue;
            long w = ln(ctx, d, p);
            if (state(w) == D) return value(w);
        }
        return ctx.load(ram[p - 1]);
    }

    /** WB line fill (miss or speculative): a dirty copy elsewhere is written back, both clean. */
    private long wbLoad(Ctx ctx, int c, int p, boolean oldTag) {
        long v = loadVal(ctx, c, p);
        ctx.store(ram[p - 1], v);
        for (int d = 0; d < cpus; d++) {
            if (d == c) continue;
            long w = ln(ctx, d, p);
            if (state(w) == D) setLn(ctx, d, p, enc(C, value(w), old(w)));
        }
        setLn(ctx, c, p, enc(C, v, oldTag));
        return v;
    }

    /** Bus read by c (UC read, WC read missing the own WC buffer): snooping dirty lines supply it. */
    private long busRead(Ctx ctx, int c, int p) {
        long v = ctx.load(ram[p - 1]);
        for (int d = 0; d < cpus; d++) {
            if (!snoops(ctx, d, c)) continue;
            long w = ln(ctx, d, p);
            if (state(w) == D) {
                v = value(w);
                setLn(ctx, d, p, enc(C, v, old(w)));
            }
        }
        ctx.store(ram[p - 1], v);
        return v;
    }

    /** Bus write by c (UC store, WC drain): RAM gets v, snooping caches invalidate. */
    private void busWrite(Ctx ctx, int c, int p, long v) {
        ctx.store(ram[p - 1], v);
        for (int d = 0; d < cpus; d++) if (snoops(ctx, d, c)) setLn(ctx, d, p, 0);
    }

    // ---- instructions ------------------------------------------------------------------------
    /**
     * The WC-buffer flush a UC access by CPU c forces before it is performed (SDM vol. 3A 11.3.1: a
     * read or write to uncached memory empties a partially filled WC buffer), one hardware step at a
     * time: drains c's first pending entry ({@link #wcDrain}, MemAttr.tla's WcDrain) and returns
     * true; false once c's buffer is empty, when the UC access itself may be performed (the guard
     * NoPendingWC(c) of MemAttr.tla's DoRead/DoWrite). Other CPUs' steps may fall between the drains.
     */
    public boolean flushWcForUc(Ctx ctx, int c) {
        for (int p = 1; p <= pages; p++) {
            if (ctx.load(wcb[c][p - 1]) != NO_VAL) {
                wcDrain(ctx, c, p);
                return true;
            }
        }
        return false;
    }

    /**
     * A load by CPU c of page p through a mapping of memory type {@code attr}: the value it returns.
     * A UC load is performed once {@link #flushWcForUc} has emptied c's WC buffer.
     */
    public long read(Ctx ctx, int c, int p, int attr) {
        long pend = ctx.load(wcb[c][p - 1]);
        long w = ln(ctx, c, p);
        if (attr == Pte.WB) return state(w) != I ? value(w) : wbLoad(ctx, c, p, false);   // hit / miss-allocate
        if (attr == Pte.WC && pend != NO_VAL) return pend;                                   // own WC buffer forwards
        return busRead(ctx, c, p);
    }

    /**
     * A store of v by CPU c to page p through a mapping of memory type {@code attr}. A UC store is
     * performed once {@link #flushWcForUc} has emptied c's WC buffer.
     */
    public void write(Ctx ctx, int c, int p, int attr, long v) {
        switch (attr) {
            case Pte.WB -> {                                           // read-for-ownership
                for (int d = 0; d < cpus; d++) if (d != c) setLn(ctx, d, p, 0);
                setLn(ctx, c, p, enc(D, v, old(ln(ctx, c, p))));
            }
            case Pte.UC -> busWrite(ctx, c, p, v);
            default -> ctx.store(wcb[c][p - 1], v);                   // WC: buffered, cache not looked at
        }
    }

    /** clflush of every line of p (coherence-domain wide, whatever the linear address' type). */
    public void clflushPage(Ctx ctx, int p) {
        for (int d = 0; d < cpus; d++) {
            long w = ln(ctx, d, p);
            if (state(w) == D) ctx.store(ram[p - 1], value(w));
            if (state(w) != I) setLn(ctx, d, p, 0);
        }
    }

    /**
     * wbinvd on every CPU (pmap_invalidate_cache): every line of every page. The instruction is
     * hardware-visible (one step of its own under fine granularity): it reads {@link #wbinvdPort}.
     */
    public void wbinvdAll(Ctx ctx) {
        ctx.load(wbinvdPort);
        for (int p = 1; p <= pages; p++) clflushPage(ctx, p);
    }

    // ---- hardware events ---------------------------------------------------------------------
    /** Capacity/conflict eviction of c's line of p; a dirty line is written back. */
    public void evict(Ctx ctx, int c, int p) {
        long w = ln(ctx, c, p);
        if (state(w) == D) ctx.store(ram[p - 1], value(w));
        setLn(ctx, c, p, 0);
    }

    /** The WC buffer entry of c for p is written to memory (a bus write, snooped like UC). */
    public void wcDrain(Ctx ctx, int c, int p) {
        long v = ctx.load(wcb[c][p - 1]);
        busWrite(ctx, c, p, v);
        ctx.store(wcb[c][p - 1], NO_VAL);
        ctx.store(lastWritten[p - 1], v);
    }

    /**
     * Speculative/prefetch fill of c's line of p through a WB translation. {@code oldTag} is the
     * ghost: the attribute change of p is in progress (the line carries the old type).
     */
    public void specFill(Ctx ctx, int c, int p, boolean oldTag) { wbLoad(ctx, c, p, oldTag); }

    /**
     * A device's DMA read of page p. A snooping read (x86/PCIe default) is served by a dirty line
     * if there is one (written back, kept clean); a No-Snoop read sees RAM only.
     */
    public long dmaRead(Ctx ctx, int p, boolean snoop) {
        if (snoop) {
            for (int d = 0; d < cpus; d++) {
                long w = ln(ctx, d, p);
                if (state(w) == D) {
                    ctx.store(ram[p - 1], value(w));
                    setLn(ctx, d, p, enc(C, value(w), old(w)));
                    return value(w);
                }
            }
        }
        return ctx.load(ram[p - 1]);
    }

    /** Ghost, when m->md.pat_mode is stored: every line of p now present has the old type. */
    public void markOld(Ctx ctx, int p) {
        for (int d = 0; d < cpus; d++) {
            long w = ln(ctx, d, p);
            if (state(w) != I) setLn(ctx, d, p, enc(state(w), value(w), true));
        }
    }
}
