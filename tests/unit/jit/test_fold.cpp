// test_fold.cpp — constant folding and algebraic simplification.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::expect_pass;

TEST_CASE("x % 2**k becomes a mask and x // 2**k a shift") {
  // The mask is a new constant, placed first; the divisor, now unused, is left to DCE.
  expect_pass(R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_INT %0 [pc 0 depth 0]
  %2 int UNBOX_INT %0
  %3 int KINT #8
  %4 int FLOORMOD %2 %3 [pc 3 depth 2]
  %5 int FLOORDIV %2 %3 [pc 5 depth 2]
  %6 int ADD_OV %4 %5 [pc 6 depth 2]
  %7 val BOX_INT %6
  RET %7
)",
              pass_fold, R"(trace function pc 0
block 0:
  %0 int KINT #7
  %1 val SLOAD #0
  GUARD_INT %1 [pc 0 depth 0]
  %3 int UNBOX_INT %1
  %4 int KINT #8
  %5 int AND %3 %0
  %6 int SAR %3 #3
  %7 int ADD_OV %5 %6 [pc 6 depth 2]
  %8 val BOX_INT %7
  RET %8
)");
}

TEST_CASE("unbox of a box is the value; type guards on boxes disappear; constants fold") {
  // 1.5 * 2 folds to 3; boxing a constant folds to a constant (3.0 boxed is
  // 0x4009000000000000), so the guard on it goes and unboxing it is 3 again;
  // -3 boxes to 0xc009000000000000. Unused constants are left to DCE.
  expect_pass(R"(trace function pc 0
block 0:
  %0 f64 KF64 1.5
  %1 f64 KF64 2
  %2 f64 FMUL %0 %1
  %3 val BOX_F64 %2
  GUARD_F64 %3 [pc 1 depth 1]
  %5 f64 UNBOX_F64 %3
  %6 f64 FNEG %5
  %7 val BOX_F64 %6
  RET %7
)",
              pass_fold, R"(trace function pc 0
block 0:
  %0 f64 KF64 1.5
  %1 f64 KF64 2
  %2 f64 KF64 3
  %3 val KVAL #0x4009000000000000
  %4 f64 KF64 3
  %5 f64 KF64 -3
  %6 val KVAL #0xc009000000000000
  RET %6
)");
}

TEST_CASE("int folds that would overflow are left to the guard") {
  // 2**47 - 1 + 1 overflows 48 bits and keeps its guard; 1 + 1 folds to 2.
  expect_pass(R"(trace function pc 0
block 0:
  %0 int KINT #140737488355327
  %1 int KINT #1
  %2 int ADD_OV %0 %1 [pc 2 depth 2]
  %3 int ADD_OV %1 %1 [pc 3 depth 2]
  %4 int ADD_OV %2 %3 [pc 4 depth 2]
  %5 val BOX_INT %4
  RET %5
)",
              pass_fold, R"(trace function pc 0
block 0:
  %0 int KINT #140737488355327
  %1 int KINT #1
  %2 int ADD_OV %0 %1 [pc 2 depth 2]
  %3 int KINT #2
  %4 int ADD_OV %2 %3 [pc 4 depth 2]
  %5 val BOX_INT %4
  RET %5
)");
}

TEST_CASE("min/max of int constants fold; the first operand wins ties") {
  // min(3, -4) is -4, max(3, -4) is 3; -4 + 3 folds too, and -1 boxes to a constant.
  expect_pass(R"(trace function pc 0
block 0:
  %0 int KINT #3
  %1 int KINT #-4
  %2 int IMIN %0 %1
  %3 int IMAX %0 %1
  %4 int ADD_OV %2 %3 [pc 1 depth 1]
  %5 val BOX_INT %4
  RET %5
)",
              pass_fold, R"(trace function pc 0
block 0:
  %0 int KINT #3
  %1 int KINT #-4
  %2 int KINT #-4
  %3 int KINT #3
  %4 int KINT #-1
  %5 val KVAL #0xffffffffffffffff
  RET %5
)");
}
