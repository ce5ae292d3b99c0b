---- MODULE MCDragonFly2003Wiring ----
\* Model DragonFly2003Wiring: see README.md (generated layout, one model per file)
EXTENDS SfBuf, TLC
CONSTANTS t1, t2, p1, p2, b1, c1
MCThreads == {t1, t2}
MCPages == {p1, p2}
MCBufList == <<b1>>
MCCPUs == {c1}
MCFlagChoices == {{}}
\* Past the WireBalance violation the DragonFly leak grows wire counts without end: the constraint
\* keeps the reachable set finite (kmapcheck conform compares it); the counterexample is found before.
MCConstraint == \A p \in Pages : wire[p] <= 3
====
