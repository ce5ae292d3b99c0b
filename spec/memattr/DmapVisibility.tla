--------------------------- MODULE DmapVisibility ---------------------------
(***************************************************************************)
(* Seed shared/seeds/003 (R. Macklem, freebsd-current, 6 Aug 2020): NFS    *)
(* writes copy data into buffer-cache pages through the buffer's kernel    *)
(* virtual address (b_data, entered by pmap_qenter); if those pages were   *)
(* put into an ext_pgs mbuf (m_epg_pa[]), the TLS / NIC path would read    *)
(* them through the direct map (PHYS_TO_DMAP) or by DMA.  Is the data      *)
(* visible there without an explicit cache flush?                          *)
(*                                                                         *)
(* One physical page, two mappings of it: the KVA mapping with memory type *)
(* cfg.kva and the direct map, always write-back (amd64 maps RAM WB in the *)
(* DMAP).  The reader is a CPU reading through the DMAP, a DMA device that *)
(* snoops CPU caches (PCIe default on x86), or one that does not (PCIe     *)
(* No-Snoop).  cfg is chosen in Init from Combos and never changes, so one *)
(* model can cover several attribute combinations.                          *)
(*                                                                         *)
(* Protocol (most general): before the producer writes, the page's         *)
(* previous contents may have been written through the DMAP (pagezero,     *)
(* earlier users) on any CPU; the producer writes the new data through the *)
(* KVA once, on some CPU; it hands the page over (mtx_unlock / sosend: a   *)
(* LOCK-prefixed instruction, which by the SDM drains the producer CPU's   *)
(* write-combining buffer and store buffer); then the reader reads.        *)
(* Hardware events (speculative fills through any WB mapping, evictions,   *)
(* WC-buffer drains) happen at any time.  Same x86 cache model as          *)
(* MemAttr.tla (README.md, "Hardware model"), one page only.               *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS
    CPUs,     \* processors (model values)
    NoCpu,    \* model value: the producer has not written yet
    Combos    \* set of configurations, subset of AllCombos

Attrs   == {"WB", "UC", "WC"}
Readers == {"cpu", "devSnoop", "devNoSnoop"}
AllCombos == [kva : Attrs, ss : BOOLEAN, reader : Readers]
OldV  == 0     \* the page's previous contents
NewV  == 1     \* the data the producer writes
NoVal == -1
LineStates == {"I", "C", "D"}
Phases == {"prior", "written", "handed"}

ASSUME Combos \subseteq AllCombos /\ Combos # {}
ASSUME NoCpu \notin CPUs

\* The answer TLC confirms (MCDmapSafe passes; every other combination has
\* its own failing model): visible without a flush iff
\*   - both mappings are WB and the reader is a CPU or a snooping device, or
\*   - the KVA is UC or WC and the CPUs self-snoop.
SafeCombo(k) ==
    \/ k.kva = "WB" /\ k.reader \in {"cpu", "devSnoop"}
    \/ k.kva \in {"UC", "WC"} /\ k.ss

VARIABLES
    cfg,      \* [kva |-> memory type of the KVA mapping, ss |-> CPUs self-snoop, reader |-> ...]
    mem,      \* value of the page in RAM
    cst,      \* cst[c]  : CPU c's cache line of the page: "I" | "C" | "D"
    cval,     \* cval[c] : value in that line (0 when "I")
    wcb,      \* wcb[c]  : CPU c's write-combining buffer entry (NoVal: empty)
    phase,    \* "prior" (old contents) -> "written" (producer wrote) -> "handed" (reader may read)
    wcpu,     \* CPU the producer wrote on (NoCpu before)
    lastRead  \* ghost: value the last read by the reader returned (NoVal: none yet), recorded
              \* end to end: the Java client stores the value the read call handed back

vars == <<cfg, mem, cst, cval, wcb, phase, wcpu, lastRead>>

Others(c)    == CPUs \ {c}
Dirty        == {c \in CPUs : cst[c] = "D"}
DirtyVal     == cval[CHOOSE c \in Dirty : TRUE]
Snoopers(c)  == {d \in CPUs : d # c \/ cfg.ss}     \* caches that see c's bus transactions

\* WB line fill on c (miss or speculative): a dirty copy elsewhere is written
\* back and shared.
LoadVal(c) == IF \E d \in Others(c) : cst[d] = "D" THEN DirtyVal ELSE mem
WBLoad(c) ==
    /\ mem'  = LoadVal(c)
    /\ cst'  = [d \in CPUs |-> IF d = c \/ cst[d] = "D" THEN "C" ELSE cst[d]]
    /\ cval' = [cval EXCEPT ![c] = LoadVal(c)]

\* WB store on c: read-for-ownership, every other copy invalidated.
WBStore(c, v) ==
    /\ cst'  = [d \in CPUs |-> IF d = c THEN "D" ELSE "I"]
    /\ cval' = [d \in CPUs |-> IF d = c THEN v ELSE 0]
    /\ UNCHANGED mem

\* Bus write (UC store, WC drain) by c: memory gets v, snooping caches
\* invalidate; without self-snoop c's own line stays as it is.
BusWrite(c, v) ==
    /\ mem'  = v
    /\ cst'  = [d \in CPUs |-> IF d \in Snoopers(c) THEN "I" ELSE cst[d]]
    /\ cval' = [d \in CPUs |-> IF d \in Snoopers(c) THEN 0 ELSE cval[d]]

Init ==
    /\ cfg \in Combos
    /\ mem = OldV
    /\ cst = [c \in CPUs |-> "I"]
    /\ cval = [c \in CPUs |-> 0]
    /\ wcb = [c \in CPUs |-> NoVal]
    /\ phase = "prior"
    /\ wcpu = NoCpu
    /\ lastRead = NoVal

\* The page's previous contents written through the direct map on CPU c
\* (amd64 pmap_zero_page / pagezero(PHYS_TO_DMAP(...)), or an earlier user).
PriorDmapWrite(c) ==
    /\ phase = "prior"
    /\ WBStore(c, OldV)
    /\ UNCHANGED <<cfg, wcb, phase, wcpu, lastRead>>

\* VOP_WRITE -> uiomove into bp->b_data: the new data stored through the
\* buffer's KVA (pmap_qenter'd with the page's attribute, cfg.kva) on CPU c.
ProducerWrite(c) ==
    /\ phase = "prior"
    /\ \/ cfg.kva = "WB" /\ WBStore(c, NewV) /\ UNCHANGED wcb
       \/ cfg.kva = "UC" /\ wcb[c] = NoVal /\ BusWrite(c, NewV) /\ UNCHANGED wcb
       \/ cfg.kva = "WC" /\ wcb' = [wcb EXCEPT ![c] = NewV] /\ UNCHANGED <<mem, cst, cval>>
    /\ phase' = "written"
    /\ wcpu' = c
    /\ UNCHANGED <<cfg, lastRead>>

\* Hand-over to the consumer (nfsiod -> sosend -> TCP/TLS; mtx_unlock is a
\* LOCK-prefixed cmpxchg): completes only once the producer CPU's WC buffer
\* has drained (the drain itself is the WcDrain step).
Handoff ==
    /\ phase = "written"
    /\ wcb[wcpu] = NoVal
    /\ phase' = "handed"
    /\ UNCHANGED <<cfg, mem, cst, cval, wcb, wcpu, lastRead>>

\* Software TLS / checksum reading m_epg_pa[i] through PHYS_TO_DMAP on CPU c.
CpuReadDmap(c) ==
    /\ phase = "handed" /\ cfg.reader = "cpu"
    /\ \/ /\ cst[c] # "I"
          /\ lastRead' = cval[c]
          /\ UNCHANGED <<mem, cst, cval>>
       \/ /\ cst[c] = "I"
          /\ lastRead' = LoadVal(c)
          /\ WBLoad(c)
    /\ UNCHANGED <<cfg, wcb, phase, wcpu>>

\* NIC DMA read of the page (bus_dmamap_sync does no cache maintenance on
\* x86 for non-bounced pages).  A snooping read is served by a dirty line if
\* there is one (written back, kept clean); a no-snoop read sees RAM only.
DeviceRead ==
    /\ phase = "handed" /\ cfg.reader \in {"devSnoop", "devNoSnoop"}
    /\ IF cfg.reader = "devSnoop" /\ Dirty # {}
       THEN /\ lastRead' = DirtyVal
            /\ mem' = DirtyVal
            /\ cst' = [d \in CPUs |-> IF cst[d] = "D" THEN "C" ELSE cst[d]]
       ELSE /\ lastRead' = mem
            /\ UNCHANGED <<mem, cst>>
    /\ UNCHANGED <<cfg, cval, wcb, phase, wcpu>>

\* Hardware: speculative / prefetch fill through the DMAP (always WB), or
\* through the KVA when it is WB.
SpecFill(c) ==
    /\ cst[c] = "I"
    /\ WBLoad(c)
    /\ UNCHANGED <<cfg, wcb, phase, wcpu, lastRead>>

\* Hardware: eviction, a dirty line is written back.
Evict(c) ==
    /\ cst[c] # "I"
    /\ mem'  = IF cst[c] = "D" THEN cval[c] ELSE mem
    /\ cst'  = [cst EXCEPT ![c] = "I"]
    /\ cval' = [cval EXCEPT ![c] = 0]
    /\ UNCHANGED <<cfg, wcb, phase, wcpu, lastRead>>

\* Hardware: the WC buffer is written to memory as a bus write.
WcDrain(c) ==
    /\ wcb[c] # NoVal
    /\ BusWrite(c, wcb[c])
    /\ wcb' = [wcb EXCEPT ![c] = NoVal]
    /\ UNCHANGED <<cfg, phase, wcpu, lastRead>>

Next ==
    \/ Handoff
    \/ DeviceRead
    \/ \E c \in CPUs :
          \/ PriorDmapWrite(c) \/ ProducerWrite(c) \/ CpuReadDmap(c)
          \/ SpecFill(c) \/ Evict(c) \/ WcDrain(c)

Spec == Init /\ [][Next]_vars

TypeOK ==
    /\ cfg \in AllCombos
    /\ mem \in {OldV, NewV}
    /\ cst \in [CPUs -> LineStates]
    /\ cval \in [CPUs -> {OldV, NewV}]
    /\ wcb \in [CPUs -> {NewV, NoVal}]
    /\ phase \in Phases
    /\ wcpu \in CPUs \cup {NoCpu}
    /\ lastRead \in {OldV, NewV, NoVal}

\* The seed's question as an invariant: every read after the hand-over
\* returns the data written through the KVA.
Visible == lastRead \in {NoVal, NewV}

\* Hardware sanity (MESI single writer).
SingleWriter == \A c \in CPUs : cst[c] = "D" => \A d \in Others(c) : cst[d] = "I"
=============================================================================
