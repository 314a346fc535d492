# A small linear-algebra library with operator overloading: vectors,
# matrices and exact fractions, Gaussian elimination, determinants, inverses.
import math


class Frac:
    __slots__ = ("n", "d")

    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac with zero denominator")
        if d < 0:
            n, d = -n, -d
        g = math.gcd(n, d)
        self.n = n // g
        self.d = d // g

    @staticmethod
    def of(x):
        return x if isinstance(x, Frac) else Frac(x)

    def __add__(self, o):
        if not isinstance(o, (Frac, int)):
            return NotImplemented
        o = Frac.of(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)

    __radd__ = __add__

    def __sub__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)

    def __rsub__(self, o):
        return Frac.of(o) - self

    def __mul__(self, o):
        if not isinstance(o, (Frac, int)):
            return NotImplemented
        o = Frac.of(o)
        return Frac(self.n * o.n, self.d * o.d)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d, self.d * o.n)

    def __rtruediv__(self, o):
        return Frac.of(o) / self

    def __neg__(self):
        return Frac(-self.n, self.d)

    def __abs__(self):
        return Frac(abs(self.n), self.d)

    def __eq__(self, o):
        if isinstance(o, int):
            o = Frac(o)
        if not isinstance(o, Frac):
            return NotImplemented
        return self.n == o.n and self.d == o.d

    def __lt__(self, o):
        o = Frac.of(o)
        return self.n * o.d < o.n * self.d

    def __hash__(self):
        return hash((self.n, self.d))

    def __bool__(self):
        return self.n != 0

    def __float__(self):
        return self.n / self.d

    def __repr__(self):
        return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"


class Vector:
    def __init__(self, *components):
        self.c = list(components)

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        return self.c[i]

    def __iter__(self):
        return iter(self.c)

    def _check(self, other):
        if not isinstance(other, Vector):
            return False
        if len(self) != len(other):
            raise ValueError(f"dimension mismatch: {len(self)} vs {len(other)}")
        return True

    def __add__(self, other):
        if not self._check(other):
            return NotImplemented
        return Vector(*[a + b for a, b in zip(self, other)])

    def __sub__(self, other):
        if not self._check(other):
            return NotImplemented
        return Vector(*[a - b for a, b in zip(self, other)])

    def __mul__(self, k):
        if isinstance(k, Vector):
            self._check(k)
            return sum((a * b for a, b in zip(self, k)), 0)
        return Vector(*[a * k for a in self])

    def __rmul__(self, k):
        return Vector(*[k * a for a in self])

    def __neg__(self):
        return Vector(*[-a for a in self])

    def __matmul__(self, other):
        return self * other

    def __eq__(self, other):
        return isinstance(other, Vector) and self.c == other.c

    def __ne__(self, other):
        return not self == other

    def __abs__(self):
        return math.sqrt(sum(float(a) * float(a) for a in self))

    def cross(self, o):
        a1, a2, a3 = self
        b1, b2, b3 = o
        return Vector(a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1)

    def __repr__(self):
        return "Vector(" + ", ".join(repr(x) for x in self.c) + ")"


class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @classmethod
    def fractions(cls, rows):
        return cls([[Frac(x) for x in r] for r in rows])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    @property
    def T(self):
        return Matrix(zip(*self.rows))

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v

    def __add__(self, o):
        if self.shape != o.shape:
            raise ValueError(f"shape mismatch {self.shape} + {o.shape}")
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])

    def __mul__(self, o):
        if isinstance(o, Matrix):
            n, m = self.shape
            m2, p = o.shape
            if m != m2:
                raise ValueError(f"cannot multiply {self.shape} by {o.shape}")
            cols = list(zip(*o.rows))
            return Matrix([[sum((a * b for a, b in zip(r, c)), 0) for c in cols] for r in self.rows])
        if isinstance(o, Vector):
            return Vector(*[Vector(*r) * o for r in self.rows])
        return Matrix([[a * o for a in r] for r in self.rows])

    def __rmul__(self, k):
        return self * k

    __matmul__ = __mul__

    def __pow__(self, n):
        result = Matrix.identity(self.shape[0])
        base = self
        while n:
            if n & 1:
                result = result * base
            base = base * base
            n >>= 1
        return result

    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows

    def __repr__(self):
        cells = [[repr(x) for x in r] for r in self.rows]
        width = max(len(c) for r in cells for c in r)
        return "\n".join("[" + " ".join(c.rjust(width) for c in r) + "]" for r in cells)

    def determinant(self):
        n, m = self.shape
        if n != m:
            raise ValueError("determinant of non-square matrix")
        a = [[Frac.of(x) for x in r] for r in self.rows]
        det = Frac(1)
        for col in range(n):
            pivot = next((r for r in range(col, n) if a[r][col]), None)
            if pivot is None:
                return Frac(0)
            if pivot != col:
                a[col], a[pivot] = a[pivot], a[col]
                det = -det
            det = det * a[col][col]
            for r in range(col + 1, n):
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
        return det

    def inverse(self):
        n, _ = self.shape
        a = [[Frac.of(x) for x in r] + [Frac(1 if i == j else 0) for j in range(n)] for i, r in enumerate(self.rows)]
        for col in range(n):
            pivot = next((r for r in range(col, n) if a[r][col]), None)
            if pivot is None:
                raise ArithmeticError("matrix is singular")
            a[col], a[pivot] = a[pivot], a[col]
            p = a[col][col]
            a[col] = [x / p for x in a[col]]
            for r in range(n):
                if r != col and a[r][col]:
                    f = a[r][col]
                    a[r] = [x - f * y for x, y in zip(a[r], a[col])]
        return Matrix([r[n:] for r in a])


v = Vector(1, 2, 3)
w = Vector(4, 5, 6)
print(v + w, v - w, v * 2, 3 * v, -v)
print("dot:", v * w, v @ w, "cross:", v.cross(w), "norm:", round(abs(w), 6))
print(v == Vector(1, 2, 3), v != w, v == [1, 2, 3], Vector() == Vector())
try:
    v + Vector(1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)

h = Frac(1, 2)
t = Frac(1, 3)
print(h + t, h - t, h * t, h / t, 1 - h, 2 * t, 1 / t, -h, h == Frac(2, 4), h < t, sorted([h, t, Frac(-1, 5)]))
print(sum([Frac(1, k) for k in range(1, 11)], Frac(0)), float(Frac(22, 7)), {Frac(2, 4), h, Frac(1, 2)})
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

A = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
B = Matrix([[1, 2], [3, 4], [5, 6]])
print(A)
print("shape", A.shape, B.shape, "T shape", B.T.shape)
print(A * B)
print(B.T * B)
print(A * Vector(1, 1, 1))
print(2 * A + A)
print("det A:", A.determinant(), "det B^T B:", (B.T * B).determinant())
Ai = A.inverse()
print(Ai)
print("A * A^-1 == I:", A * Ai == Matrix.identity(3))
F = Matrix([[1, 1], [1, 0]])
print("fib via matrix power:", [(F ** k)[0, 1] for k in range(1, 16)])
print((F ** 90)[0, 1])
H = Matrix([[Frac(1, i + j + 1) for j in range(4)] for i in range(4)])
print("hilbert det:", H.determinant())
print(H.inverse())
for bad in (lambda: A * Matrix([[1, 2]]), lambda: A + B, lambda: B.determinant(),
            lambda: Matrix([[1, 2], [2, 4]]).inverse(), lambda: Matrix([[1], [1, 2]]), lambda: Matrix([])):
    try:
        bad()
    except (ValueError, ArithmeticError) as e:
        print(type(e).__name__ + ":", e)
M = Matrix.identity(3)
M[0, 2] = 7
M[2, 0] = Frac(-1, 2)
print(M, M.determinant(), sep="\n")
rot = Matrix([[0, -1], [1, 0]])
print("rotation^4 == I:", rot ** 4 == Matrix.identity(2), (rot ** 2) * Vector(3, 4))
