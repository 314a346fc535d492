// test_bounds.cpp — range analysis removes impossible overflow and zero checks.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::expect_pass;

TEST_CASE("bounded operands lose their overflow guards; unbounded ones keep them") {
  // x % 65521 is 0..65520, so the modulo cannot divide by zero and (x % 65521)
  // * 6 + x % 65521 cannot overflow; x + x over the full 48-bit range may.
  expect_pass(R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_INT %0 [pc 0 depth 0]
  %2 int UNBOX_INT %0
  %3 int KINT #65521
  %4 int FLOORMOD %2 %3 [pc 2 depth 2]
  %5 int KINT #6
  %6 int MUL_OV %4 %5 [pc 4 depth 2]
  %7 int ADD_OV %6 %4 [pc 5 depth 2]
  %8 int ADD_OV %2 %2 [pc 6 depth 2]
  %9 val BOX_INT %7
  %10 val BOX_INT %8
  RET %9
)",
              pass_bounds, R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_INT %0 [pc 0 depth 0]
  %2 int UNBOX_INT %0
  %3 int KINT #65521
  %4 int FLOORMOD_NZ %2 %3
  %5 int KINT #6
  %6 int MUL %4 %5
  %7 int ADD %6 %4
  %8 int ADD_OV %2 %2 [pc 6 depth 2]
  %9 val BOX_INT %7
  %10 val BOX_INT %8
  RET %9
)");
}

TEST_CASE("min/max keep their operands' ranges") {
  // max(0..999, 1000) is 1000, so %6 + %6 cannot overflow; min(x, 0..999) is
  // unbounded below, so %5 + %5 keeps its check.
  expect_pass(R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_INT %0 [pc 0 depth 0]
  %2 int UNBOX_INT %0
  %3 int KINT #1000
  %4 int FLOORMOD %2 %3 [pc 2 depth 2]
  %5 int IMIN %2 %4
  %6 int IMAX %4 %3
  %7 int ADD_OV %6 %6 [pc 5 depth 2]
  %8 int ADD_OV %5 %5 [pc 6 depth 2]
  %9 val BOX_INT %7
  %10 val BOX_INT %8
  RET %9
)",
              pass_bounds, R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_INT %0 [pc 0 depth 0]
  %2 int UNBOX_INT %0
  %3 int KINT #1000
  %4 int FLOORMOD_NZ %2 %3
  %5 int IMIN %2 %4
  %6 int IMAX %4 %3
  %7 int ADD %6 %6
  %8 int ADD_OV %5 %5 [pc 6 depth 2]
  %9 val BOX_INT %7
  %10 val BOX_INT %8
  RET %9
)");
}
