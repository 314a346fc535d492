// test_virtuals.cpp — allocation removal: instances that do not escape their
// block become VNEWs that only snapshots name.
#include <cstddef>

#include "ir_text.h"
#include "runtime/containers.h"
#include "runtime/instance.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

using namespace tributary;
using namespace tributary::jit;
using tributary::jit::test::expect_pass;

namespace {

struct Point {
  Type* cls = make_class(intern("VPoint"), new_tuple(0), new_dict());
  Shape* root = root_shape(cls);
  Shape* with_x = shape_add(root, intern("x"));
  Shape* with_xy = shape_add(with_x, intern("y"));
  uint64_t cls_bits = Value::object(cls).bits();
};

// What the recorder emits for `p = Point(a, b)` with its __init__ inlined
// (each store: guard class and shape, check the slot array's room, store
// the slot, store the next shape), then `p.x + p.y` with the guard that
// reads p's shape first.
std::string construct(const Point& p, const std::string& after) {
  return fmt::format(R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  %1 val SLOAD #1
  %2 val KVAL #0x{:x}
  %3 raw KRAW #{}
  %4 raw KRAW #{}
  %5 raw KRAW #{}
  %6 raw KRAW #1
  %7 raw KRAW #2
  %8 val CALL new_instance(%2)
  GUARD_TYPE %8 #0x{:x} [pc 4 depth 0 0=%0 1=%1]
  %10 raw LOAD %8 #{}
  %11 bool EQ %10 %3
  GUARD_TRUE %11 [pc 4 depth 0 0=%0 1=%1 2=%8]
  %13 raw LOAD %8 #{}
  %14 bool GE %13 %6
  GUARD_TRUE %14 [pc 4 depth 0 0=%0 1=%1 2=%8]
  %16 raw LOAD %8 #{}
  STORE %16 %0 #0
  STORE %8 %4 #{}
  GUARD_TYPE %8 #0x{:x} [pc 6 depth 0 0=%0 1=%1 2=%8]
  %20 raw LOAD %8 #{}
  %21 bool EQ %20 %4
  GUARD_TRUE %21 [pc 6 depth 0 0=%0 1=%1 2=%8]
  %23 raw LOAD %8 #{}
  STORE %23 %1 #8
  STORE %8 %5 #{}
  GUARD_INT %0 [pc 8 depth 0 2=%8]
  %27 raw LOAD %8 #{}
  %28 val LOAD %27 #0
  %29 val LOAD %27 #8
{})",
                     p.cls_bits, reinterpret_cast<int64_t>(p.root), reinterpret_cast<int64_t>(p.with_x),
                     reinterpret_cast<int64_t>(p.with_xy), reinterpret_cast<uint64_t>(p.cls),
                     offsetof(Instance, shape), offsetof(Instance, capacity), offsetof(Instance, slots),
                     offsetof(Instance, shape), reinterpret_cast<uint64_t>(p.cls), offsetof(Instance, shape),
                     offsetof(Instance, slots), offsetof(Instance, shape), offsetof(Instance, slots), after);
}

} // namespace

TEST_CASE("virtuals: an instance read back in its block is a VNEW that exits describe") {
  const Point p;
  // The loads of p.x and p.y are a and b; the class guards go, the shape
  // and room checks compare constants (fold decides them); every guard that
  // named p describes it: class, then its shape there (root, {x}, {x, y}),
  // then the attributes stored so far. The shapes are new constants first
  // in the entry block.
  expect_pass(construct(p, "  RET %28\n"), pass_virtuals,
              fmt::format(R"(trace function pc 0
block 0:
  %0 raw KRAW #{0}
  %1 raw KRAW #{1}
  %2 raw KRAW #{2}
  %3 val SLOAD #0
  %4 val SLOAD #1
  %5 val KVAL #0x{3:x}
  %6 raw KRAW #{0}
  %7 raw KRAW #{1}
  %8 raw KRAW #{2}
  %9 raw KRAW #1
  %10 raw KRAW #2
  %11 val VNEW #{4}
  %12 raw KRAW #{0}
  %13 bool EQ %12 %6
  GUARD_TRUE %13 [pc 4 depth 0 0=%3 1=%4 2=%11 16777216=%11 16777217=%0]
  %15 raw KRAW #4
  %16 bool GE %15 %9
  GUARD_TRUE %16 [pc 4 depth 0 0=%3 1=%4 2=%11 16777216=%11 16777217=%0]
  %18 raw KRAW #{1}
  %19 bool EQ %18 %7
  GUARD_TRUE %19 [pc 6 depth 0 0=%3 1=%4 2=%11 16777216=%11 16777217=%1 16777218=%3]
  GUARD_INT %3 [pc 8 depth 0 2=%11 16777216=%11 16777217=%2 16777218=%3 16777219=%4]
  RET %3
)",
                          reinterpret_cast<int64_t>(p.root), reinterpret_cast<int64_t>(p.with_x),
                          reinterpret_cast<int64_t>(p.with_xy), p.cls_bits, reinterpret_cast<int64_t>(p.cls)));
}

TEST_CASE("virtuals: an instance stored into memory keeps its allocation") {
  const Point p;
  // Stored as a value into another object: the trace is left as it was.
  const std::string in = construct(p, "  STORE %1 %8 #16\n  RET %1\n");
  Trace t;
  REQUIRE(parse_trace(in, t) == "");
  expect_pass(in, pass_virtuals, format_trace(t));
}

TEST_CASE("virtuals: an instance that escapes is built where it escapes") {
  const Point p;
  // Returned, or passed to a call: the object is virtual up to there (its
  // guards decided, its snapshots describing it) and built right before the
  // instruction that lets it escape, by materialize with its class, shape
  // and attributes, which that instruction then uses.
  for (const char* tail : {"  RET %8\n", "  %30 val CALL truthy(%8)\n  GUARD_NOEXC %30 [pc 9 depth 0]\n  RET %30\n"}) {
    CAPTURE(tail);
    const std::string after = std::string(tail) == "  RET %8\n"
                                  ? "  RET %24\n"
                                  : "  %25 val CALL truthy(%24)\n  GUARD_NOEXC %25 [pc 9 depth 0]\n  RET %25\n";
    expect_pass(construct(p, tail), pass_virtuals,
                fmt::format(R"(trace function pc 0
block 0:
  %0 raw KRAW #{0}
  %1 raw KRAW #{1}
  %2 raw KRAW #{2}
  %3 val KVAL #0x{3:x}
  %4 val KVAL #0x{2:x}
  %5 val SLOAD #0
  %6 val SLOAD #1
  %7 val KVAL #0x{3:x}
  %8 raw KRAW #{0}
  %9 raw KRAW #{1}
  %10 raw KRAW #{2}
  %11 raw KRAW #1
  %12 raw KRAW #2
  %13 val VNEW #{4}
  %14 raw KRAW #{0}
  %15 bool EQ %14 %8
  GUARD_TRUE %15 [pc 4 depth 0 0=%5 1=%6 2=%13 16777216=%13 16777217=%0]
  %17 raw KRAW #4
  %18 bool GE %17 %11
  GUARD_TRUE %18 [pc 4 depth 0 0=%5 1=%6 2=%13 16777216=%13 16777217=%0]
  %20 raw KRAW #{1}
  %21 bool EQ %20 %9
  GUARD_TRUE %21 [pc 6 depth 0 0=%5 1=%6 2=%13 16777216=%13 16777217=%1 16777218=%5]
  GUARD_INT %5 [pc 8 depth 0 2=%13 16777216=%13 16777217=%2 16777218=%5 16777219=%6]
  %24 val CALL materialize(%3, %4, %5, %6)
{5})",
                            reinterpret_cast<int64_t>(p.root), reinterpret_cast<int64_t>(p.with_x),
                            reinterpret_cast<int64_t>(p.with_xy), p.cls_bits, reinterpret_cast<int64_t>(p.cls), after));
  }
}

namespace {

// A merged diamond whose arms each build a pair, joined by a PHI that the
// code below reads (`q = (a, b) if a is not None else (b, a); q[0]`); the
// side arm passes `side` instead: its own tuple, or a real object.
std::string diamond(const std::string& side_arm, const std::string& side_value) {
  return fmt::format(R"(trace function pc 0
block 0: -> block 1
  %0 val SLOAD #0
  %1 val SLOAD #1
  %2 val KVAL #0x2
block 1: -> block 2 (%3)
  %3 val CALL build_tuple(%2, %0, %1)
  GUARD_ISNT %0 #0x2 [pc 1 depth 0] -> block 3
block 2:
  %5 val PHI #3
  GUARD_TYPE %5 #0x{:x} [pc 5 depth 1 0=%5]
  %7 val LOAD %5 #{}
  GUARD_INT %7 [pc 6 depth 1 0=%5]
  RET %7
block 3: -> block 2 ({})
{})",
                     reinterpret_cast<uint64_t>(&types::tuple), offsetof(Tuple, items), side_value, side_arm);
}

} // namespace

TEST_CASE("virtuals: a join of two virtual tuples is a VNEW whose items are PHIs") {
  // Each arm's tuple is a VNEW; the join's PHI becomes the VNEW %8 after
  // the items' PHIs %6, %7 (each arm passes its items); its type guard
  // goes, the item load is the first PHI, and the snapshot that named the
  // join describes the joined tuple by them (class, length 2, items).
  const std::string tuple = std::to_string(reinterpret_cast<int64_t>(&types::tuple));
  expect_pass(diamond("  %10 val CALL build_tuple(%2, %1, %0)\n", "%10"), pass_virtuals, R"(trace function pc 0
block 0: -> block 1 ()
  %0 raw KRAW #2
  %1 val SLOAD #0
  %2 val SLOAD #1
  %3 val KVAL #0x2
block 1: -> block 2 (%1, %2)
  %4 val VNEW #)" + tuple + R"(
  GUARD_ISNT %1 #0x2 [pc 1 depth 0] -> block 3
block 2:
  %6 val PHI #-1
  %7 val PHI #-1
  %8 val VNEW #)" + tuple + R"(
  GUARD_INT %6 [pc 6 depth 1 0=%8 16777216=%8 16777217=%0 16777218=%6 16777219=%7]
  RET %6
block 3: -> block 2 (%2, %1)
  %11 val VNEW #)" + tuple + R"(
)");
}

TEST_CASE("virtuals: a join of a virtual tuple with a real object builds the tuple on its arm only") {
  // The side arm passes the frame's slot 1, a real object: the join stays a
  // PHI of real objects, and the arm with the tuple builds it last in its
  // block (after its guard), so the side path allocates nothing.
  const std::string tuple = std::to_string(reinterpret_cast<int64_t>(&types::tuple));
  expect_pass(diamond("", "%1"), pass_virtuals, R"(trace function pc 0
block 0: -> block 1 ()
  %0 val KVAL #0xffff000000000002
  %1 val SLOAD #0
  %2 val SLOAD #1
  %3 val KVAL #0x2
block 1: -> block 2 (%6)
  %4 val VNEW #)" + tuple + R"(
  GUARD_ISNT %1 #0x2 [pc 1 depth 0] -> block 3
  %6 val CALL build_tuple(%0, %1, %2)
block 2:
  %7 val PHI #3
  GUARD_TYPE %7 #0x)" + fmt::format("{:x}", reinterpret_cast<uint64_t>(&types::tuple)) + R"( [pc 5 depth 1 0=%7]
  %9 val LOAD %7 #16
  GUARD_INT %9 [pc 6 depth 1 0=%7]
  RET %9
block 3: -> block 2 (%2)
)");
}
