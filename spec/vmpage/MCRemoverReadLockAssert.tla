---- MODULE MCRemoverReadLockAssert ----
\* Model RemoverReadLockAssert: bug 6 (vm_object_page_remove under the object
\* read lock), the Remover alone, judged by NoAssertionFailure: the unlocked
\* vm_page_object_remove in its own vm_page_free fires the real
\* VM_OBJECT_ASSERT_WLOCKED (vm_page.c 0012f373e4).
EXTENDS VmPage
CONSTANTS r, p1, c0
MCThreads == {r}
MCRole == (r :> "Remover")
MCPmaps == {p1}
MCInitMapped == {}
MCUnwireKinds == {"unwire"}
MCBusyKinds == {"x"}
MCPhProts == {"r"}
MCCPUs == {c0}
MCKCpu == c0
MCLockAtomic == FALSE
MCVariant == "RemoverReadLock"
====
