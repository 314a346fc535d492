// test_ifconvert.cpp — diamonds that only choose values become SELECTs.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::expect_pass;

TEST_CASE("an `if x is None: x = default` diamond becomes a select") {
  // Block 1 guards x is not None; the side block (x = 1.5, boxed) only
  // passes a constant to the join block 2. The guard becomes the condition
  // not (x is None), block 3 disappears.
  expect_pass(R"(trace function pc 0
block 0: -> block 1
  %0 val SLOAD #0
  %1 val KVAL #0x3ff9000000000000
block 1: -> block 2 (%0)
  GUARD_ISNT %0 #0x2 [pc 1 depth 0] -> block 3
block 2:
  %3 val PHI #0
  RET %3
block 3: -> block 2 (%1)
)",
              pass_ifconvert, R"(trace function pc 0
block 0: -> block 1 ()
  %0 val SLOAD #0
  %1 val KVAL #0x3ff9000000000000
block 1: -> block 2 (%5)
  %2 val KVAL #0x2
  %3 bool VEQ %0 %2
  %4 bool NOT %3
  %5 val SELECT %4 %0 %1
block 2:
  %6 val PHI
  RET %6
)");
}

TEST_CASE("a clamp diamond selects between two values defined above") {
  // The guard passes when the comparison is false: the condition is its NOT.
  expect_pass(R"(trace function pc 0
block 0: -> block 1
  %0 val SLOAD #0
  GUARD_F64 %0 [pc 0 depth 0]
  %2 f64 UNBOX_F64 %0
  %3 f64 KF64 2
  %4 bool FLT %2 %3
block 1: -> block 2 (%2)
  GUARD_FALSE %4 [pc 3 depth 0] -> block 3
block 2:
  %6 f64 PHI #0
  %7 val BOX_F64 %6
  RET %7
block 3: -> block 2 (%3)
)",
              pass_ifconvert, R"(trace function pc 0
block 0: -> block 1 ()
  %0 val SLOAD #0
  GUARD_F64 %0 [pc 0 depth 0]
  %2 f64 UNBOX_F64 %0
  %3 f64 KF64 2
  %4 bool FLT %2 %3
block 1: -> block 2 (%6)
  %5 bool NOT %4
  %6 f64 SELECT %5 %2 %3
block 2:
  %7 f64 PHI
  %8 val BOX_F64 %7
  RET %8
)");
}

TEST_CASE("a side block that can exit or load stays a branch") {
  // Block 3 loads a slot: the trace is unchanged.
  expect_pass(R"(trace function pc 0
block 0: -> block 1
  %0 val SLOAD #0
block 1: -> block 2 (%0)
  GUARD_ISNT %0 #0x2 [pc 1 depth 0] -> block 3
block 2:
  %2 val PHI #0
  RET %2
block 3: -> block 2 (%4)
  %4 val SLOAD #1
)",
              pass_ifconvert, R"(trace function pc 0
block 0: -> block 1 ()
  %0 val SLOAD #0
block 1: -> block 2 (%0)
  GUARD_ISNT %0 #0x2 [pc 1 depth 0] -> block 3
block 2:
  %2 val PHI
  RET %2
block 3: -> block 2 (%4)
  %4 val SLOAD #1
)");
}
