# Shape: a class whose constructor sets six attributes. The first instance
# outgrows the four-slot array new_instance used to give every object (a
# reallocation per object, and compiled code's fifth store a residual
# set_attr); the class now remembers that its instances need eight
# (Type::instance_slots), so the loop's constructor stores are shape
# transitions (12 residual set_attr calls here before; havlak's classes 10),
# and the object itself is removed: `node` is a local the loop carries, so
# its attributes ride in header PHIs and the exit after the last iteration
# builds the last Node (one materialization).
# jit-expect: calls_by_helper.set_attr==0 allocations_removed>=1 materialized<=2


class Node:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
        self.parent = None
        self.depth = 0
        self.weight = name * 2
        self.alive = True


def run(n):
    total = 0
    for i in range(n):
        node = Node(i, i % 3)
        total += node.weight + node.kind + node.depth
        if node.parent is not None or not node.alive:
            total = -1
    return total


print(run(4000), sorted(vars(Node(1, 2)).items()))
