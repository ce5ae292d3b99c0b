package kmapcheck.machine;

/** One page of kernel virtual address space: a PTE word followed by one TLB word per CPU. */
public record Kva(int index, int pteAddr, String name) {
    @Override public String toString() { return name; }
}
