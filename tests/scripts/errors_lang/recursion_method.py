class Node:
    def __init__(self):
        self.next = self
    def depth(self):
        return 1 + self.next.depth()
import sys
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
Node().depth()
