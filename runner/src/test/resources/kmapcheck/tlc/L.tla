---- MODULE L ----
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = "a"
A == x < 2 /\ x' = x + 1 /\ UNCHANGED y
B == x = 2 /\ x' = 1 /\ y' = "b"
Spec == Init /\ [][A \/ B]_<<x,y>> /\ WF_<<x,y>>(A \/ B)
P == <>(x = 3)
Q == <>[](y = "z")
====
