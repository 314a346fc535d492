// test_phis.cpp — joins that choose nothing are the value they join.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::expect_pass;

TEST_CASE("a join whose arms pass one value is that value; a real choice stays") {
  // Both arms pass the tuple %2 to the first PHI, which goes (its uses and the
  // snapshot read %2); the second PHI chooses between %0 and %1 and stays, with
  // its arguments now first.
  expect_pass(R"(trace function pc 0
block 0: -> block 1
  %0 val SLOAD #0
  %1 val SLOAD #1
  %2 val CALL build_tuple(%0, %1)
block 1: -> block 2 (%2, %0)
  GUARD_ISNT %0 #0x2 [pc 1 depth 0] -> block 3
block 2:
  %4 val PHI #3
  %5 val PHI #4
  GUARD_TYPE %4 #0x10 [pc 5 depth 1 0=%4]
  %7 val LOAD %4 #24
  RET %5
block 3: -> block 2 (%2, %1)
)",
              pass_phis, R"(trace function pc 0
block 0: -> block 1 ()
  %0 val SLOAD #0
  %1 val SLOAD #1
  %2 val CALL build_tuple(%0, %1)
block 1: -> block 2 (%0)
  GUARD_ISNT %0 #0x2 [pc 1 depth 0] -> block 3
block 2:
  %4 val PHI #4
  GUARD_TYPE %2 #0x10 [pc 5 depth 1 0=%2]
  %6 val LOAD %2 #24
  RET %4
block 3: -> block 2 (%1)
)");
}

TEST_CASE("a loop header's PHIs stay even when the back edge passes them unchanged") {
  const char* loop = R"(trace loop pc 0
block 0: -> block 1 (%0)
  %0 val SLOAD #2
block 1: -> block 1 (%1)
  %1 val PHI #2
  GUARD_INT %1 [pc 0 depth 0 2=%1]
)";
  expect_pass(loop, pass_phis, R"(trace loop pc 0
block 0: -> block 1 (%0)
  %0 val SLOAD #2
block 1: -> block 1 (%1)
  %1 val PHI #2
  GUARD_INT %1 [pc 0 depth 0 2=%1]
)");
}
